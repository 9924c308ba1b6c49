import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { extractBytes } from "../../src/extract.js";
import { detectFormat } from "../../src/readers/index.js";
import { readXlsx } from "../../src/readers/xlsx/index.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { RawTableBlock } from "../../src/model/blocks.js";
import { BUDGET_EXPECTED, BUDGET_WORKBOOK, buildXlsx, gridText } from "./xlsx-fixture.js";
import { expectBudgetDocument } from "./xlsx-expect.js";

const ctx = { path: "budget.xlsx", limits: DEFAULT_LIMITS };
const bytes = await buildXlsx(BUDGET_WORKBOOK);

describe("an .xlsx budget workbook (generated: merged title rows, a unit row, a two-level header, number formats)", async () => {
  const doc = await extractBytes(bytes, { path: "budget.xlsx" });

  test("is detected as xlsx by its bytes", () => {
    expect(detectFormat(bytes)).toBe("xlsx");
    expect(doc.source.format).toBe("xlsx");
  });

  test("reads its tables, units, captions and facts exactly, skipping the hidden row, column and sheet", () => {
    expectBudgetDocument(doc);
    expect(JSON.stringify(doc)).not.toContain("隐藏");
    expect(JSON.stringify(doc)).not.toContain("不应读出");
    expect(doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["xlsx_hidden_cells", "xlsx_hidden_sheet", "xlsx_formula_uncached"]));
    expect(doc.warnings.find((w) => w.code === "xlsx_hidden_sheet")!.message).toContain("备用");
  });

  test("every table and paragraph names its sheet and cell range", () => {
    expect(doc.tables.map((t) => t.provenance)).toEqual([
      [{ part: "xl/worksheets/sheet1.xml", sheet: "收支总表", range: "A1:D10", tableIndex: 0 }],
      [{ part: "xl/worksheets/sheet2.xml", sheet: "支出总表", range: "A1:E7", tableIndex: 1 }],
    ]);
    const date = doc.blocks.find((b) => b.type === "paragraph" && b.text.startsWith("编制日期"))!;
    expect(date.provenance).toEqual({ part: "xl/worksheets/sheet4.xml", sheet: "说明", range: "A4", paragraphIndex: 2 });
  });

  test("every table cell carries its sheet and A1 reference (TableCell.ref), hidden rows not counted", () => {
    const summary = doc.tables[0]!;
    const at = (row: number, col: number) => summary.cells.find((c) => c.row === row && c.col === col)!;
    expect(at(4, 1)).toMatchObject({ text: "1,234.56", ref: "收支总表!B6" });
    // Row 8 is hidden: the grid row after 事业收入 (sheet row 9) is 收入总计 in sheet row 10.
    expect(at(6, 0)).toMatchObject({ text: "事业收入", ref: "收支总表!A9" });
    expect(at(7, 1)).toMatchObject({ text: "1,434.56", ref: "收支总表!B10" });
    expect(summary.cells.every((c) => /^收支总表![A-D]\d+$/.test(c.ref ?? ""))).toBe(true);
  });

  test("the reader's raw cells carry the reference and merged cells their spans", async () => {
    const read = await readXlsx(bytes, ctx);
    const table = read.blocks.find((b): b is RawTableBlock => b.type === "table")!;
    expect(table.rows[0]!.cells[0]).toEqual({ text: "2026年部门收支预算总表", colSpan: 4, rowSpan: 1, col: 0, ref: "收支总表!A1" });
    expect(table.rows[1]!.cells.map((c) => [c.text, c.colSpan])).toEqual([["编制单位：某市交通运输局", 2], ["", 1], ["单位：万元", 1]]);
  });
});

/** The fixture with its parts rewritten (a hostile or unusual writer). */
async function rewritten(edit: (name: string, xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith(".xml")) continue;
    zip.file(name, edit(name, await zip.file(name)!.async("string")));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("workbook writers and hostile workbooks", () => {
  test("SpreadsheetML bound to a prefix (x:, as .NET writers do) reads the same", async () => {
    const prefixed = await rewritten((name, xml) => {
      if (name.includes("_rels") || name.startsWith("[")) return xml;
      return xml
        .replace(/<(\/?)(?!\?)([A-Za-z])/g, "<$1x:$2")
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    });
    const doc = await extractBytes(prefixed);
    expect(gridText(doc.tables[0]!.grid)).toEqual(BUDGET_EXPECTED.summaryGrid);
  });

  test("an entity declared in a sheet (XXE) is refused as corrupt, never expanded", async () => {
    const xxe = await rewritten((name, xml) =>
      name === "xl/sharedStrings.xml" ? xml.replace("<sst", '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst').replace("编制单位", "&x;编制单位") : xml,
    );
    await expect(extractBytes(xxe)).rejects.toMatchObject({ code: "corrupt" });
  });

  test("the zip-bomb limits of .docx hold: declared size over the limit is too_large before inflating", async () => {
    await expect(extractBytes(bytes, { limits: { maxUncompressedBytes: 1000 } })).rejects.toMatchObject({ code: "too_large" });
  });

  test("nesting deeper than --max-xml-depth is too_large", async () => {
    await expect(extractBytes(bytes, { limits: { maxXmlDepth: 3 } })).rejects.toMatchObject({ code: "too_large" });
  });

  test("more text cells than --max-cells is too_large", async () => {
    await expect(extractBytes(bytes, { limits: { maxCells: 10 } })).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("--max-cells") });
  });

  test("work is bounded by a sheet's content, not its extent: cells at A1 and XFD1048576 read at once", async () => {
    const far = await buildXlsx({ sheets: [{ name: "S", cells: { A1: "左上", XFD1048576: "右下" } }] });
    const doc = await extractBytes(far);
    expect(doc.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []))).toEqual(["左上", "右下"]);
    expect(doc.blocks[1]!.provenance).toMatchObject({ sheet: "S", range: "XFD1048576" });
  });

  test("a merged cell spread over more positions than --max-cells is too_large, not a hang", async () => {
    const merged = await buildXlsx({ sheets: [{ name: "S", cells: { A1: "左上", XFD1048576: "右下" }, merges: ["A1:XFD1048576"] }] });
    await expect(extractBytes(merged)).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("--max-cells") });
  });

  test("a table whose grid would exceed --max-cells (a staircase over a wide range) is too_large", async () => {
    const cells: Record<string, string> = {};
    const col = (n: number) => String.fromCharCode(65 + Math.floor(n / 26) - 1).replace("@", "") + String.fromCharCode(65 + (n % 26));
    for (let i = 0; i < 300; i++) {
      cells[`${col(i)}${i + 1}`] = `a${i}`;
      cells[`${col(i + 1)}${i + 1}`] = `b${i}`;
    }
    const stairs = await buildXlsx({ sheets: [{ name: "S", cells }] });
    await expect(extractBytes(stairs, { limits: { maxCells: 50_000 } })).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("300×301") });
  });

  test("a zip with xl/workbook.xml but no sheets list is corrupt, with advice", async () => {
    const broken = await rewritten((name, xml) => (name === "xl/workbook.xml" ? xml.replace(/<sheets>.*<\/sheets>/, "") : xml));
    await expect(extractBytes(broken)).rejects.toMatchObject({ code: "corrupt", message: expect.stringContaining("Excel/WPS") });
  });
});
