/**
 * Inputs of the report tests: the seed as extracted, variants of the seed text generated for one feature each
 * (a figure changed so a check fails; a line of markup that must stay text), and two seed tables built by hand
 * from their transcription (tests/fixtures/seed-tables.ts) as a Word reader would hand them over, validated by the
 * zod schema, so table rendering is tested independently of the table layer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { extractFile } from "../../src/extract.js";
import { ExtractedDocument, Table, type TableCell } from "../../src/model/index.js";
import { samples } from "../helpers.js";
import { type SeedCell, seedFixedAssetsRows, seedProcurementRows } from "../fixtures/seed-tables.js";

export const SEED = samples("luancheng-wangxin-2020-budget.txt");
export const seedText = readFileSync(SEED, "utf8");

export function extractSeed(): Promise<ExtractedDocument> {
  return extractFile(SEED, { path: "samples/luancheng-wangxin-2020-budget.txt" });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "report-fixtures-"));
async function extractVariant(name: string, text: string): Promise<ExtractedDocument> {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return extractFile(file, { path: `generated/${name}` });
}

/** 日常公用经费 13.96 → 14.96万元 in 支出说明, so 人员经费 + 日常公用经费 (143.16 + 14.96) no longer equals 基本支出 157.12. */
export const FAILING_ORIGINAL = "包括人员经费143.16万元和日常公用经费13.96万元";
export function extractFailingSeed(): Promise<ExtractedDocument> {
  if (!seedText.includes(FAILING_ORIGINAL)) throw new Error("seed text changed: fixture anchor not found");
  return extractVariant("seed-failing-check.txt", seedText.replace(FAILING_ORIGINAL, "包括人员经费143.16万元和日常公用经费14.96万元"));
}

/** A hostile line inside the narrative: it must render as text, and no script may run. */
export const HOSTILE_LINE = `注：<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">"quoted" & 'single' 共5万元`;
export function extractHostileSeed(): Promise<ExtractedDocument> {
  const lines = seedText.split("\n");
  lines.splice(4, 0, HOSTILE_LINE);
  return extractVariant("seed-hostile.txt", lines.join("\n"));
}

/** Places cell specs row by row into the next free grid column, as a reader's spans resolve. */
function cellsAndGrid(rows: SeedCell[][], nCols: number): { cells: TableCell[]; grid: Table["grid"] } {
  const grid: Table["grid"] = rows.map(() => Array.from({ length: nCols }, () => null));
  const cells: TableCell[] = [];
  rows.forEach((specs, r) => {
    let c = 0;
    for (const spec of specs) {
      const [text, colSpan, rowSpan] = typeof spec === "string" ? [spec, 1, 1] : spec;
      while (grid[r]![c] !== null) c++;
      cells.push({ row: r, col: c, rowSpan, colSpan, text });
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? { text } : { mergedInto: [r, c] };
      c += colSpan;
    }
  });
  return { cells, grid };
}

const WAN = { raw: "价值（金额单位：万元）", unit: "万元" as const, multiplier: "10000", source: "header_cell" as const };

/** The seed's 固定资产占用情况表 (七、国有资产信息), from the shared transcription (its assumptions are noted there). */
export function fixedAssetsTable(id = "t11"): Table {
  const rows = seedFixedAssetsRows;
  const { cells, grid } = cellsAndGrid(rows, 3);
  for (const cell of cells) {
    if (cell.row < 3) continue;
    if (cell.text === "——") cell.value = { kind: "null", nullKind: "dash" };
    else if (cell.col === 1) cell.value = { kind: "count", value: cell.text };
    else if (cell.col === 2) cell.value = { kind: "amount", value: cell.text, yuan: cell.text === "9.3342" ? "93342" : "0" };
  }
  return Table.parse({
    id,
    blockIds: [id],
    title: "固定资产占用情况表",
    number: null,
    unit: WAN,
    nRows: rows.length,
    nCols: 3,
    cells,
    grid,
    titleRows: 2,
    headerRows: 1,
    columns: [
      { index: 0, path: ["项目"], header: "项目", kind: "name", unit: null },
      { index: 1, path: ["数量"], header: "数量", kind: "count", unit: null },
      { index: 2, path: ["价值（金额单位：万元）"], header: "价值（金额单位：万元）", kind: "amount", unit: WAN },
    ],
    rows: rows.map((_, index) => ({ index, kind: index < 2 ? "title" : index === 2 ? "header" : index === 3 ? "total" : "data" })),
    provenance: [{ tableIndex: 11 }],
  });
}

/** The seed's 单位政府采购预算 header (六、政府采购预算情况) as the Word table merges it: two header rows under 6- and 2-wide groups, one blank row. */
export function procurementTable(id = "t10"): Table {
  const { cells, grid } = cellsAndGrid(seedProcurementRows, 13);
  const headerOf = (c: number) => {
    const top = grid[0]![c]!;
    const topText = top && "text" in top ? top.text : (grid[0]![(top as { mergedInto: [number, number] }).mergedInto[1]] as { text: string }).text;
    const low = grid[1]![c]!;
    return low && "text" in low ? [topText, low.text] : [topText];
  };
  return Table.parse({
    id,
    blockIds: [id],
    title: "单位政府采购预算",
    number: null,
    unit: null,
    nRows: 3,
    nCols: 13,
    cells,
    grid,
    titleRows: 0,
    headerRows: 2,
    columns: Array.from({ length: 13 }, (_, index) => {
      const p = headerOf(index);
      return { index, path: p, header: p.join(" / "), kind: index < 6 ? "text" : "amount", unit: null };
    }),
    rows: [
      { index: 0, kind: "header" },
      { index: 1, kind: "header" },
      { index: 2, kind: "empty" },
    ],
    provenance: [{ tableIndex: 10 }],
  });
}

/** The seed with its two tables replaced by the hand-transcribed ones (the blocks already point at t10/t11). */
export function withHandTables(doc: ExtractedDocument): ExtractedDocument {
  const hand = [procurementTable("t10"), fixedAssetsTable("t11")];
  const ids = new Set(hand.map((t) => t.id));
  const blocks = doc.blocks.map((b) => b.id);
  for (const id of ids) if (!blocks.includes(id)) throw new Error(`seed has no block ${id}: the text reader's table ids changed`);
  return ExtractedDocument.parse({
    ...doc,
    tables: [...doc.tables.filter((t) => !ids.has(t.id)), ...hand],
    // Cell amounts of the replaced tables point at the extractor's grids; keep only those that still fit.
    amounts: doc.amounts.filter((a) => !a.cell || !ids.has(a.cell.tableId)),
  });
}
