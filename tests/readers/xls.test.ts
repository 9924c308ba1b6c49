import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { extractBytes, extractFile } from "../../src/extract.js";
import { detectFormat } from "../../src/readers/index.js";
import { readXlsWith } from "../../src/readers/xls/index.js";
import { convertWithSoffice, findSoffice } from "../../src/readers/doc/soffice.js";
import { ExtractError } from "../../src/errors.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";
import { BUDGET_EXPECTED, BUDGET_WORKBOOK, buildXlsx, gridText, type FixtureWorkbook } from "./xlsx-fixture.js";
import { expectBudgetDocument } from "./xlsx-expect.js";

/** LibreOffice with its Calc module (libsclo): Writer alone cannot save the .xls fixtures. */
function findCalc(): string | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  const dir = path.dirname(realpathSync(soffice));
  return ["libsclo.so", "libsclo.dylib", "sclo.dll"].some((f) => existsSync(path.join(dir, f))) ? soffice : null;
}
const soffice = findCalc();
const SKIP_SOFFICE = "LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui): the .xls fixtures are saved by it, tests skipped";
if (!soffice) console.warn(SKIP_SOFFICE);

let dir: string;
/** The workbook saved as Excel 97-2003 by LibreOffice Calc. */
async function asXls(wb: FixtureWorkbook, name: string): Promise<Uint8Array> {
  const input = path.join(dir, `${name}.xlsx`);
  writeFileSync(input, await buildXlsx(wb));
  await convertWithSoffice(soffice!, input, dir, path.join(dir, "profile"), "xls:MS Excel 97", 110_000);
  return readFileSync(path.join(dir, `${name}.xls`));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xls-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

describe.skipIf(!soffice)(`the budget workbook saved as .xls (BIFF8) (${soffice ? "LibreOffice saves it" : SKIP_SOFFICE})`, () => {
  let bytes: Uint8Array;
  let doc: ExtractedDocument;
  beforeAll(async () => {
    bytes = await asXls(BUDGET_WORKBOOK, "budget");
    doc = await extractBytes(bytes, { path: "budget.xls" });
  }, 120_000);

  test("is detected as xls by its bytes (an OLE2 file with a Workbook stream)", () => {
    expect(detectFormat(bytes)).toBe("xls");
    expect(doc.source.format).toBe("xls");
  });

  test("reads the same tables, units, captions and facts as the .xlsx", () => {
    // LibreOffice computed the formula the .xlsx left uncalculated while saving (1+1 → 2): the .xls stores that result.
    const lines = [...BUDGET_EXPECTED.textLines];
    lines.splice(3, 0, "2");
    expectBudgetDocument(doc, lines);
    expect(JSON.stringify(doc)).not.toContain("不应读出");
    expect(doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["xlsx_hidden_cells", "xlsx_hidden_sheet"]));
  });

  test("cells carry sheet and reference; blocks name the Workbook stream and sheet", () => {
    expect(doc.tables[0]!.provenance).toEqual([{ part: "Workbook", sheet: "收支总表", range: "A1:D10", tableIndex: 0 }]);
    expect(doc.tables[0]!.cells.find((c) => c.row === 7 && c.col === 3)).toMatchObject({ text: "1,434.56", ref: "收支总表!D10" });
  });

  test("a formula reads as the result saved with it, never re-evaluated", async () => {
    // The .xlsx claims Excel wrote it, so LibreOffice keeps the stale cached 999 of =B1+B2 when it saves the .xls.
    const stale: FixtureWorkbook = {
      styles: [4],
      sheets: [{ name: "S", cells: { A1: "一般公共预算", B1: { n: "1", style: 1 }, A2: "政府性基金", B2: { n: "2", style: 1 }, A3: "合计", B3: { f: "B1+B2", n: "999", style: 1 } } }],
    };
    const input = path.join(dir, "stale.xlsx");
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(await buildXlsx(stale));
    zip.file("docProps/app.xml", '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>');
    const rels = (await zip.file("_rels/.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>');
    zip.file("_rels/.rels", rels);
    writeFileSync(input, await zip.generateAsync({ type: "uint8array" }));
    await convertWithSoffice(soffice!, input, dir, path.join(dir, "profile"), "xls:MS Excel 97", 110_000);
    const read = await extractBytes(readFileSync(path.join(dir, "stale.xls")));
    expect(gridText(read.tables[0]!.grid)).toEqual([["一般公共预算", "1.00"], ["政府性基金", "2.00"], ["合计", "999.00"]]);
  }, 120_000);

  test("a pre-BIFF8 workbook (a \"Book\" stream, Excel 5/95) without LibreOffice says which program reads it", async () => {
    // The same container with its Workbook stream renamed Book, as Excel 5/95 names it.
    const book = Buffer.from(bytes);
    const at = book.indexOf(Buffer.from("Workbook", "utf16le"));
    Buffer.from("Book\0\0\0\0", "utf16le").copy(book, at);
    book.writeUInt16LE(10, at + 0x40);
    expect(detectFormat(book)).toBe("xls");
    await expect(readXlsWith(() => null)(book, { path: "old.xls", limits: DEFAULT_LIMITS })).rejects.toMatchObject({
      code: "unsupported_format",
      message: expect.stringContaining("apt-get install libreoffice-calc-nogui"),
    });
  });

  test("a password-protected .xls (a FILEPASS record after the BOF) is encrypted, not read", async () => {
    const locked = Buffer.from(bytes);
    // The record after the workbook BOF becomes FILEPASS, as Excel writes it for a password-protected workbook.
    const bof = locked.indexOf(Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]));
    locked.writeUInt16LE(0x002f, bof + 4 + 16);
    await expect(readXlsWith(() => null)(locked, { path: "locked.xls", limits: DEFAULT_LIMITS })).rejects.toMatchObject({ code: "encrypted" });
  });

  test("damaged copies end as a typed error or a document, never a crash", async () => {
    const read = readXlsWith(() => null);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 60; i++) {
      const copy = Uint8Array.from(bytes);
      const cut = i % 3 === 0 ? Math.floor(rand() * copy.length) : copy.length;
      for (let k = 0; k < 8; k++) copy[512 + Math.floor(rand() * (copy.length - 512))] = Math.floor(rand() * 256);
      const outcome = await read(copy.subarray(0, cut), { path: "x.xls", limits: DEFAULT_LIMITS }).then(
        () => "read",
        (e: unknown) => (e instanceof ExtractError ? e.code : `untyped: ${String(e)}`),
      );
      expect(outcome).toMatch(/^(read|corrupt|unsupported_format|encrypted|too_large)$/);
    }
  });
});

describe.skipIf(!hasShared)(`普陀区 2026 单位预算模板 .xls (${hasShared ? "corpus" : SKIP_SHARED})`, () => {
  test("extracts its 16 sheets as the nine standard tables and the text sheets as paragraphs", async () => {
    const doc = await extractFile(corpus("zxj6827111-blip+tianbaoxitong/普陀区2026单位预算模板_budget_template.xls"));
    expect(doc.source.format).toBe("xls");
    expect(doc.tables.map((t) => t.kind)).toEqual([
      "summary", "income", "expenditure", "fiscal_summary", "general_budget", "government_fund", "state_capital", "general_budget_basic", "three_public",
    ]);
    expect(doc.tables.map((t) => t.provenance[0]!.sheet)).toEqual([
      "单位收支总表", "单位收入总表", "单位支出总表", "单位财政拨款收支总表", "单位一般公共预算拨款表", "单位政府性基金拨款表",
      "单位国有资本经营预算拨款表 ", "单位一般公共预算拨款基本支出明细表", "单位“三公”经费和机关运行费预算表",
    ]);
    expect(doc.tables[0]).toMatchObject({ title: "2026年预算单位财务收支预算总表", titleRows: 2 });
    expect(doc.tables[0]!.unit).toMatchObject({ raw: "单位：元", unit: "元" });
    // "单位:万元" in the 三公 sheet: the template mixes units, as INVENTORY notes.
    expect(doc.tables[8]!.unit).toMatchObject({ unit: "万元" });
    expect(doc.tables[1]!.columns.map((c) => c.path.join(" / "))).toContain("收入预算 / 财政拨款收入");
  });
});
