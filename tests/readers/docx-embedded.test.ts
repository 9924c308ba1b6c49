import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../src/extract.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { findSoffice } from "../../src/readers/doc/index.js";
import { convertWithSoffice } from "../../src/readers/doc/soffice.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { buildDocx, p } from "../fixtures/docx/build.js";
import { tablesOf } from "../fixtures/docx/helpers.js";
import { BUDGET_WORKBOOK, buildXlsx } from "./xlsx-fixture.js";
import { samples } from "../helpers.js";

const RELS = (target: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.wmf"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="${target}"/>
</Relationships>`;
/** An embedded Excel sheet as Word writes it: a VML shape showing its preview, and the OLE object. */
const oleSheet = (progId = "Excel.Sheet.12") =>
  `<w:p><w:r><w:object><v:shape id="ole1" style="width:591.95pt;height:650.45pt"><v:imagedata r:id="rId8" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="${progId}" ShapeID="ole1" r:id="rId9"/></w:object></w:r></w:p>`;
const BODY = p("第二部分 部门预算表") + oleSheet() + p("第三部分 名词解释");

/** The budget workbook with its bookViews showing tab `activeTab`. */
async function workbook(activeTab?: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildXlsx(BUDGET_WORKBOOK));
  if (activeTab !== undefined) {
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", xml.replace("<sheets>", `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>`));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function docxWith(body: string, embedding: Uint8Array | undefined, target = "embeddings/oleObject1.xlsx"): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildDocx({ body }));
  zip.file("word/_rels/document.xml.rels", RELS(target));
  if (embedding) zip.file(`word/${target}`, embedding);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const read = async (bytes: Uint8Array) => readDocx(bytes, { path: "embedded.docx", limits: DEFAULT_LIMITS });

describe("docx reader: an Excel sheet embedded as an OLE object is read as a table where it stands", () => {
  it("reads the displayed sheet (the first visible one without bookViews) between the paragraphs around the object", async () => {
    const r = await read(await docxWith(BODY, await workbook()));
    expect(r.blocks.map((b) => b.id)).toEqual(["p0", "t0", "p1"]);
    expect(r.warnings.filter((w) => w.code === "image_not_read")).toEqual([]);
    const [table] = tablesOf(r.blocks);
    expect(table!.provenance).toEqual({ part: "word/embeddings/oleObject1.xlsx", sheet: "收支总表", range: "A1:D10", tableIndex: 0 });
    expect(table!.rows[0]!.cells[0]).toMatchObject({ text: "2026年部门收支预算总表", ref: "收支总表!A1" });
    // The other sheets of the workbook are not what the object shows.
    expect(JSON.stringify(r.blocks)).not.toContain("支出总表");
  });

  it("keeps only the sheet bookViews' activeTab names", async () => {
    const r = await read(await docxWith(BODY, await workbook(1)));
    const tables = tablesOf(r.blocks);
    expect(tables.map((t) => t.provenance.sheet)).toEqual(["支出总表"]);
    expect(tables[0]!.rows[0]!.cells[0]!.text).toBe("2026年部门支出预算总表");
  });

  it("an active tab that is hidden falls back to the first visible sheet", async () => {
    const r = await read(await docxWith(BODY, await workbook(2)));
    expect(tablesOf(r.blocks).map((t) => t.provenance.sheet)).toEqual(["收支总表"]);
  });

  it("the table's cells, unit and facts come out of the pipeline, with cell evidence into it", async () => {
    const doc: ExtractedDocument = await extractBytes(await docxWith(BODY, await workbook()), { path: "embedded.docx" });
    const summary = doc.tables.find((t) => t.provenance.some((pr) => pr.part === "word/embeddings/oleObject1.xlsx"))!;
    expect(summary.unit?.unit).toBe("万元");
    expect(summary.cells.find((c) => c.ref === "收支总表!B10")?.text).toBe("1,434.56");
    const total = doc.facts.find((f) => f.key === "income.total" && f.fund === "all")!;
    expect(total.yuan).toBe("14345600");
    expect(total.evidence[0]).toMatchObject({ kind: "cell", tableId: summary.id, quote: "1,434.56" });
  });

  it("an object that is not a sheet, or whose part is missing, keeps the image_not_read warning", async () => {
    const other = await read(await docxWith(p("附件") + oleSheet("Word.Document.12"), await workbook()));
    expect(tablesOf(other.blocks)).toEqual([]);
    expect(other.warnings.find((w) => w.code === "image_not_read")!.message).toContain("an embedded Word.Document.12 object shown as media/image1.wmf");
    const missing = await read(await docxWith(p("附件") + oleSheet(), undefined));
    expect(missing.warnings.map((w) => w.code)).toEqual(["image_not_read"]);
  });

  it("an embedding that is not a workbook is named in a warning and its picture stays", async () => {
    const r = await read(await docxWith(p("附件") + oleSheet(), new TextEncoder().encode("not a workbook")));
    expect(r.warnings.map((w) => w.code)).toEqual(["docx_embedded_sheet_not_read", "image_not_read"]);
    expect(r.warnings[0]!.message).toContain("word/embeddings/oleObject1.xlsx");
  });
});

/** LibreOffice with its Calc module, which saves the BIFF8 fixture. */
function findCalc(): string | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  const dir = path.dirname(realpathSync(soffice));
  return ["libsclo.so", "libsclo.dylib", "sclo.dll"].some((f) => existsSync(path.join(dir, f))) ? soffice : null;
}
const calc = findCalc();
if (!calc) console.warn("LibreOffice Calc is not installed: the Excel.Sheet.8 (BIFF8) embedding test is skipped");

describe.skipIf(!calc)("docx reader: an Excel.Sheet.8 object (a BIFF8 .xls part, needs LibreOffice Calc to save the fixture)", () => {
  it("is read by the .xls reader, its first visible sheet only, where the object stands", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "docx-embedded-xls-"));
    try {
      writeFileSync(path.join(dir, "book.xlsx"), await workbook());
      await convertWithSoffice(calc!, path.join(dir, "book.xlsx"), dir, path.join(dir, "profile"), "xls:MS Excel 97", 110_000);
      const xls = readFileSync(path.join(dir, "book.xls"));
      const r = await read(await docxWith(p("第二部分") + oleSheet("Excel.Sheet.8") + p("第三部分"), xls, "embeddings/Microsoft_Excel_97-2003_Worksheet1.xls"));
      expect(r.blocks.map((b) => b.id)).toEqual(["p0", "t0", "p1"]);
      const [table] = tablesOf(r.blocks);
      expect(table!.provenance).toMatchObject({ part: "word/embeddings/Microsoft_Excel_97-2003_Worksheet1.xls", sheet: "收支总表", range: "A1:D10" });
      expect(table!.rows.at(-1)!.cells.map((c) => c.text)).toEqual(["收入总计", "1,434.56", "支出总计", "1,434.56"]);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  }, 120_000);
});

const taiyuan = samples("taiyuan-fagai-2016-final.doc");
const soffice = findSoffice();
if (!soffice) console.warn("LibreOffice is not installed: the 太原 .doc embedded-sheet test is skipped");

describe.skipIf(!soffice || !existsSync(taiyuan))("太原发改委 2016 决算 (.doc, needs LibreOffice): its 公开01表 is an embedded Excel sheet", () => {
  it("reads 收入支出决算表 as a summary table and completeness:table:summary passes", async () => {
    process.env.TMPDIR = mkdtempSync(path.join(os.tmpdir(), "docx-embedded-"));
    const doc = await extractBytes(readFileSync(taiyuan), { path: taiyuan });
    const summary = doc.tables.find((t) => t.provenance.some((pr) => pr.part === "word/embeddings/oleObject1.xlsx"))!;
    expect(summary.kind).toBe("summary");
    expect(summary.provenance[0]).toMatchObject({ sheet: "GK01 2016年收入支出决算表(公开01表)", range: "A1:F41" });
    expect(summary.unit?.unit).toBe("元");
    expect(doc.warnings.filter((w) => w.code === "image_not_read")).toEqual([]);
    expect(doc.validations.find((v) => v.rule === "completeness:table:summary")?.status).toBe("pass");
    // 总计 as printed in the sheet (row 40): 43,360,225.06 on both sides.
    const fact = (key: string) => doc.facts.find((f) => f.key === key && f.fund === "all")!;
    expect(fact("income.total")).toMatchObject({ yuan: "43360225.06", evidence: [{ kind: "cell", tableId: summary.id, quote: "43,360,225.06" }] });
    expect(fact("expenditure.total")).toMatchObject({ yuan: "43360225.06", evidence: [{ kind: "cell", tableId: summary.id, quote: "43,360,225.06" }] });
    expect(fact("income.current_year").yuan).toBe("42583921.59");
  }, 120_000);
});
