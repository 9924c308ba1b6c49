/**
 * What a reader of the sheet sees: hidden rows and columns left out, merged ranges resolved onto the visible rows and
 * columns. A merge whose top-left cell is hidden shows its text at its first visible position, as Excel draws it.
 * Only positions that hold text (or are covered by a merged cell with text) are kept, indexed by row: the work is
 * bounded by the sheet's content, never by its extent (one cell at XFD1048576 costs one position).
 */
import { ExtractError } from "../../errors.js";
import type { Warning } from "../../model/index.js";
import type { SheetData } from "./sheet.js";
import type { VisibleSheet } from "./layout.js";

const key = (r: number, c: number): string => `${r},${c}`;

function shownBetween(lo: number, hi: number, shown: (r: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) if (shown(i)) out.push(i);
  return out;
}

function tooMany(name: string, maxPositions: number): never {
  throw new ExtractError("too_large", `sheet "${name}" covers more than ${maxPositions} cells with text and merged cells; raise --max-cells if the file is trusted.`, { maxCells: maxPositions });
}

function addPosition(sheet: VisibleSheet, r: number, c: number, maxPositions: number): void {
  let line = sheet.byRow.get(r);
  if (!line) sheet.byRow.set(r, (line = []));
  line.push(c);
  if (sheet.origins.size + sheet.covered.size > maxPositions) tooMany(sheet.name, maxPositions);
}

/** Text cells by row, rows sorted, for finding the cells inside a merged range without scanning the range. */
function textIndex(data: SheetData): { rows: number[]; cols: Map<number, number[]> } {
  const cols = new Map<number, number[]>();
  for (const c of data.cells) {
    const line = cols.get(c.row);
    if (line) line.push(c.col);
    else cols.set(c.row, [c.col]);
  }
  return { rows: [...cols.keys()].sort((a, b) => a - b), cols };
}

/** First index in sorted `xs` whose value is ≥ v. */
function lowerBound(xs: readonly number[], v: number): number {
  let [lo, hi] = [0, xs.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Merged ranges onto visible positions; returns the text cells merged away (only the top-left one shows). */
function placeMerges(data: SheetData, sheet: VisibleSheet, text: Map<string, string>, shown: { row: (r: number) => boolean; col: (c: number) => boolean }, maxPositions: number): Set<string> {
  const away = new Set<string>();
  const index = textIndex(data);
  const lastRow = index.rows[index.rows.length - 1] ?? -1;
  let lastCol = -1;
  for (const c of data.cells) lastCol = Math.max(lastCol, c.col);
  for (const m of data.merges) {
    for (let i = lowerBound(index.rows, m.from.row); i < index.rows.length && index.rows[i]! <= m.to.row; i++) {
      const r = index.rows[i]!;
      for (const c of index.cols.get(r)!) if (c >= m.from.col && c <= m.to.col) away.add(key(r, c));
    }
    const t = text.get(key(m.from.row, m.from.col));
    if (t === undefined) continue;
    // Clamped to the sheet's text: a merge down to row 1,048,576 covers nothing below the last row with text.
    const rows = shownBetween(m.from.row, Math.min(m.to.row, lastRow), shown.row);
    const cols = shownBetween(m.from.col, Math.min(m.to.col, lastCol), shown.col);
    if (rows.length === 0 || cols.length === 0) continue;
    if (rows.length * cols.length > maxPositions) tooMany(sheet.name, maxPositions);
    const origin = key(rows[0]!, cols[0]!);
    sheet.origins.set(origin, { row: rows[0]!, col: cols[0]!, text: t, lastRow: rows[rows.length - 1]!, lastCol: cols[cols.length - 1]! });
    for (const r of rows) {
      for (const c of cols) {
        if (key(r, c) !== origin) sheet.covered.set(key(r, c), origin);
        addPosition(sheet, r, c, maxPositions);
      }
    }
  }
  return away;
}

export function visibleSheet(data: SheetData, name: string, part: string, warnings: Warning[], maxPositions: number): VisibleSheet {
  const row = (r: number) => !data.hiddenRows.has(r) && (!data.rowsHiddenByDefault || data.shownRows.has(r));
  const col = (c: number) => !data.hiddenCols.some((h) => c >= h.min && c <= h.max);
  const sheet: VisibleSheet = { name, part, rows: [], gapBefore: new Set(), origins: new Map(), covered: new Map(), byRow: new Map() };
  const text = new Map(data.cells.map((c) => [key(c.row, c.col), c.text]));
  const away = data.merges.length > 0 ? placeMerges(data, sheet, text, { row, col }, maxPositions) : new Set<string>();
  let hiddenRows = 0;
  let hiddenCols = 0;
  for (const c of data.cells) {
    if (!row(c.row)) hiddenRows++;
    else if (!col(c.col)) hiddenCols++;
    const k = key(c.row, c.col);
    if (away.has(k) || !row(c.row) || !col(c.col)) continue;
    sheet.origins.set(k, { row: c.row, col: c.col, text: c.text, lastRow: c.row, lastCol: c.col });
    addPosition(sheet, c.row, c.col, maxPositions);
  }
  sheet.rows = [...sheet.byRow.keys()].sort((a, b) => a - b);
  for (const cols of sheet.byRow.values()) cols.sort((a, b) => a - b);
  // A shown row between two rows with content is blank: it separates what is above from what is below.
  for (let i = 1; i < sheet.rows.length; i++) {
    for (let r = sheet.rows[i - 1]! + 1; r < sheet.rows[i]!; r++) {
      if (row(r)) {
        sheet.gapBefore.add(sheet.rows[i]!);
        break;
      }
    }
  }
  if (hiddenRows > 0 || hiddenCols > 0) {
    warnings.push({
      code: "xlsx_hidden_cells",
      message: `sheet "${name}": ${hiddenRows} cell(s) in hidden rows and ${hiddenCols} in hidden columns were skipped, as Excel hides them`,
    });
  }
  return sheet;
}
