/**
 * A sheet's visible cells → reader blocks. Blank rows split the sheet into segments; a segment with two or more rows
 * of two or more cells is a table, the rest is text (one paragraph per line). Short text lines right above a table
 * (title, 单位：万元, 编制单位) join its grid as leading rows, so the table layer reads them as its caption exactly as it
 * does for a tables-only edition that rules its caption into the grid. Every table position is a cell (empty or
 * merged), so the grid is as complete as a Word table's.
 */
import type { ParagraphBlock, RawCell, RawRow, RawTableBlock, ReaderBlock } from "../../model/blocks.js";
import type { BlockIds } from "../types.js";
import { ExtractError } from "../../errors.js";
import { formatRange, formatRef, qualifiedRef, type CellPos } from "./refs.js";

/** Tolerances of the sheet layout. */
export const SHEET_LAYOUT = {
  /** Most text lines above a table taken into its grid as caption rows. */
  maxCaptionRows: 6,
  /** A longer line, or one with a sentence end, is running text, not a caption. */
  maxCaptionChars: 80,
};

/** A cell of a reader table that knows where it sits in the sheet. */
export interface SheetRawCell extends RawCell {
  ref: string;
}

interface Origin extends CellPos {
  text: string;
  /** Last row and column the cell covers (a merge), inclusive. */
  lastRow: number;
  lastCol: number;
}

/** The visible sheet: text origins by position, merges resolved onto visible rows and columns. */
export interface VisibleSheet {
  name: string;
  part: string;
  /** Rows with content, ascending. */
  rows: number[];
  /** Rows with content that have a shown blank row right above them. */
  gapBefore: Set<number>;
  /** Columns with content (a text origin or a position covered by a merged cell), ascending, per row. */
  byRow: Map<number, number[]>;
  origins: Map<string, Origin>;
  /** Positions covered by a merge, pointing at its origin key. */
  covered: Map<string, string>;
}

const key = (r: number, c: number): string => `${r},${c}`;
const SENTENCE = /[。；;！？!?]/;

/** Runs of rows with content and no blank row between them. */
function segments(sheet: VisibleSheet): number[][] {
  const out: number[][] = [];
  for (const r of sheet.rows) {
    if (out.length === 0 || sheet.gapBefore.has(r)) out.push([]);
    out[out.length - 1]!.push(r);
  }
  return out;
}

/** Text origins whose top-left lies in row r, left to right. */
function rowOrigins(sheet: VisibleSheet, r: number): Origin[] {
  const out: Origin[] = [];
  for (const c of sheet.byRow.get(r) ?? []) {
    const o = sheet.origins.get(key(r, c));
    if (o) out.push(o);
  }
  return out;
}

/** Two or more rows with two or more distinct cells (a merged cell counts once). */
function isTabular(sheet: VisibleSheet, rows: number[]): boolean {
  let wide = 0;
  for (const r of rows) {
    const distinct = new Set((sheet.byRow.get(r) ?? []).map((c) => sheet.covered.get(key(r, c)) ?? key(r, c)));
    if (distinct.size >= 2) wide++;
  }
  return wide >= 2;
}

function isCaptionLike(sheet: VisibleSheet, rows: number[]): boolean {
  return rows.every((r) => rowOrigins(sheet, r).every((o) => o.text.trim().length <= SHEET_LAYOUT.maxCaptionChars && !SENTENCE.test(o.text)));
}

/** Segments as tables (with the caption lines above them) and text runs, in sheet order. */
export function planSheet(sheet: VisibleSheet): { kind: "table" | "text"; rows: number[] }[] {
  const segs = segments(sheet).map((rows) => ({ kind: isTabular(sheet, rows) ? ("table" as const) : ("text" as const), rows }));
  const out: { kind: "table" | "text"; rows: number[] }[] = [];
  for (const seg of segs) {
    if (seg.kind === "table") {
      // Caption lines directly above (only blank rows between) move into the table, nearest first.
      const lead: number[] = [];
      while (out.length > 0) {
        const prev = out[out.length - 1]!;
        if (prev.kind !== "text" || lead.length + prev.rows.length > SHEET_LAYOUT.maxCaptionRows || !isCaptionLike(sheet, prev.rows)) break;
        lead.unshift(...prev.rows);
        out.pop();
      }
      out.push({ kind: "table", rows: [...lead, ...seg.rows] });
    } else out.push(seg);
  }
  return out;
}

/** One paragraph per text line of a text run; a cell's own line breaks are lines too. */
export function textBlocks(sheet: VisibleSheet, rows: number[], ids: BlockIds, counter: { paragraph: number }): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  for (const r of rows) {
    const cells = rowOrigins(sheet, r);
    if (cells.length === 0) continue;
    const lines = cells.length === 1 ? cells[0]!.text.split(/\r?\n/) : [cells.map((c) => c.text.replace(/\s*\r?\n\s*/g, " ").trim()).join("  ")];
    for (const line of lines) {
      if (line.trim() === "") continue;
      out.push({
        id: ids.paragraph(),
        type: "paragraph",
        text: line.trim(),
        provenance: { part: sheet.part, sheet: sheet.name, range: formatRef(cells[0]!), paragraphIndex: counter.paragraph++ },
      });
    }
  }
  return out;
}

/** The columns with content in any of the rows, ascending. */
function columnsOf(sheet: VisibleSheet, rows: number[]): number[] {
  const cols = new Set<number>();
  for (const r of rows) for (const c of sheet.byRow.get(r) ?? []) cols.add(c);
  return [...cols].sort((a, b) => a - b);
}

/**
 * A table over the given sheet rows: every position of its columns with content is a cell (empty, text or merged),
 * so the grid is complete. `maxCells` bounds that grid: a staircase of cells across a huge range is refused.
 */
export function tableBlock(sheet: VisibleSheet, rows: number[], id: string, tableIndex: number, maxCells: number): RawTableBlock {
  const cols = columnsOf(sheet, rows);
  if (rows.length * cols.length > maxCells) {
    throw new ExtractError("too_large", `sheet "${sheet.name}": a table spans ${rows.length}×${cols.length} cells, more than ${maxCells}; raise --max-cells if the file is trusted.`, { maxCells });
  }
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, i) => [c, i]));
  const raw: RawRow[] = rows.map((r) => {
    const cells: RawCell[] = [];
    for (const [i, c] of cols.entries()) {
      if (sheet.covered.has(key(r, c))) continue;
      const o = sheet.origins.get(key(r, c));
      const cell: SheetRawCell = { text: o?.text ?? "", colSpan: 1, rowSpan: 1, col: i, ref: qualifiedRef(sheet.name, formatRef({ row: r, col: c })) };
      if (o) {
        // Every position a merge covers holds content, so its last row and column are among the table's own.
        cell.colSpan = Math.max(1, (colAt.get(o.lastCol) ?? i) - i + 1);
        cell.rowSpan = Math.max(1, (rowAt.get(o.lastRow) ?? rowAt.get(r)!) - rowAt.get(r)! + 1);
      }
      cells.push(cell);
    }
    return { cells };
  });
  const range = formatRange({ row: rows[0]!, col: cols[0]! }, { row: rows[rows.length - 1]!, col: cols[cols.length - 1]! });
  return { id, type: "table", rows: raw, provenance: { part: sheet.part, sheet: sheet.name, range, tableIndex } };
}

/** The sheet's blocks in order; `counter` numbers paragraphs and tables across the workbook. */
export function sheetBlocks(sheet: VisibleSheet, ids: BlockIds, counter: { paragraph: number; table: number }, maxCells: number): ReaderBlock[] {
  const out: ReaderBlock[] = [];
  for (const seg of planSheet(sheet)) {
    if (seg.kind === "text") out.push(...textBlocks(sheet, seg.rows, ids, counter));
    else out.push(tableBlock(sheet, seg.rows, ids.table(), counter.table++, maxCells));
  }
  return out;
}
