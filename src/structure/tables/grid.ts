/**
 * Raw rows → a rectangular grid. Each source cell appears once (at its origin); positions it covers
 * point back to the origin, so a sum over origins never counts a merged value twice.
 */
import type { RawRow } from "../../model/blocks.js";
import type { GridPosition, TableCell } from "../../model/table.js";
import type { Warning } from "../../model/budget.js";

export interface BuiltGrid {
  cells: TableCell[];
  grid: GridPosition[][];
  nRows: number;
  nCols: number;
  /** cellAt[r][c]: index into `cells` of the cell covering (r, c), or -1. */
  cellAt: number[][];
  warnings: Warning[];
}

export function buildGrid(rows: readonly RawRow[], blockId: string): BuiltGrid {
  const warnings: Warning[] = [];
  const nRows = rows.length;
  const cellAt: number[][] = rows.map(() => []);
  const cells: TableCell[] = [];
  const occupied = (r: number, c: number): boolean => (cellAt[r]?.[c] ?? -1) >= 0;

  rows.forEach((row, r) => {
    let c = 0;
    for (const raw of row.cells) {
      const colSpan = Math.max(1, Math.floor(raw.colSpan) || 1);
      let rowSpan = Math.max(1, Math.floor(raw.rowSpan) || 1);
      if (raw.col !== undefined && raw.col >= 0) {
        // gridBefore fixes the column; skipped positions stay null.
        if (raw.col < c) {
          warnings.push({ code: "table_cell_overlap", message: `row ${r}: cell placed at column ${raw.col} overlaps the previous cell; moved to ${c}`, blockId });
        } else c = raw.col;
      }
      while (occupied(r, c)) c++;
      if (r + rowSpan > nRows) {
        warnings.push({ code: "table_rowspan_overflow", message: `row ${r}: rowSpan ${rowSpan} runs past the last row; clipped`, blockId });
        rowSpan = nRows - r;
      }
      // A vertical merge from above may sit inside this cell's span: clip the span at the first clash.
      let span = colSpan;
      for (let k = 1; k < colSpan; k++) {
        if (occupied(r, c + k)) {
          warnings.push({ code: "table_cell_overlap", message: `row ${r}: colSpan ${colSpan} at column ${c} overlaps a merged cell; clipped to ${k}`, blockId });
          span = k;
          break;
        }
      }
      const index = cells.length;
      const cell: TableCell = { row: r, col: c, rowSpan, colSpan: span, text: raw.text };
      if (raw.ref !== undefined) cell.ref = raw.ref;
      if (raw.page !== undefined) cell.page = raw.page;
      if (raw.bbox !== undefined) cell.bbox = raw.bbox;
      cells.push(cell);
      for (let dr = 0; dr < rowSpan; dr++) {
        const line = cellAt[r + dr];
        if (!line) continue;
        for (let dc = 0; dc < span; dc++) if ((line[c + dc] ?? -1) < 0) line[c + dc] = index;
      }
      c += span;
    }
  });

  const nCols = cellAt.reduce((w, line) => Math.max(w, line.length), 0);
  return { cells, grid: gridPositions(cells, cellAt, nRows, nCols), nRows, nCols, cellAt, warnings };
}

/** Each grid position: the origin of a cell with its text, a position a merged cell covers, or null. Pads `cellAt`. */
function gridPositions(cells: readonly TableCell[], cellAt: number[][], nRows: number, nCols: number): GridPosition[][] {
  const grid: GridPosition[][] = [];
  for (let r = 0; r < nRows; r++) {
    const line = cellAt[r] ?? [];
    const out: GridPosition[] = [];
    for (let c = 0; c < nCols; c++) {
      const idx = line[c] ?? -1;
      line[c] = idx;
      const cell = idx >= 0 ? cells[idx] : undefined;
      if (!cell) out.push(null);
      else if (cell.row === r && cell.col === c) out.push({ text: cell.text });
      else out.push({ mergedInto: [cell.row, cell.col] });
    }
    grid.push(out);
  }
  return grid;
}

const blank = (text: string): boolean => text.replace(/[\u00a0\u3000\s]+/g, "") === "";

/**
 * A column at the grid's edge that no text is printed in (a frame drawn wider than the table, the caption rows of a
 * tables-only edition ruled over an extra column): no cell of its own has text, and the cells reaching into it from
 * the side also cover a kept column.
 */
function emptyEdge(g: BuiltGrid, c: number): boolean {
  return g.cells.every((cell) => {
    const inside = cell.col <= c && c < cell.col + cell.colSpan;
    return !inside || blank(cell.text) || cell.colSpan > 1;
  });
}

/** The grid without its empty edge columns (left and right); cells spanning into them are narrowed. */
export function dropEmptyEdgeColumns(g: BuiltGrid, blockId: string): BuiltGrid {
  let lo = 0;
  let hi = g.nCols - 1;
  while (hi - lo >= 1 && emptyEdge(g, lo)) lo++;
  while (hi - lo >= 1 && emptyEdge(g, hi)) hi--;
  if (lo === 0 && hi === g.nCols - 1) return g;
  const rows: RawRow[] = Array.from({ length: g.nRows }, () => ({ cells: [] }));
  for (const cell of g.cells) {
    const first = Math.max(cell.col, lo);
    const last = Math.min(cell.col + cell.colSpan - 1, hi);
    if (last < first) continue;
    rows[cell.row]!.cells.push({ text: cell.text, colSpan: last - first + 1, rowSpan: cell.rowSpan, col: first - lo, ...(cell.ref !== undefined ? { ref: cell.ref } : {}), ...(cell.page !== undefined ? { page: cell.page } : {}), ...(cell.bbox !== undefined ? { bbox: cell.bbox } : {}) });
  }
  for (const row of rows) row.cells.sort((a, b) => (a.col ?? 0) - (b.col ?? 0));
  // The source's own warnings stand; rebuilding a consistent grid raises none.
  return { ...buildGrid(rows, blockId), warnings: g.warnings };
}

/** The origin cells that start in row r, left to right. */
export function rowOrigins(g: BuiltGrid, r: number): TableCell[] {
  const out: TableCell[] = [];
  const line = g.cellAt[r] ?? [];
  let last = -1;
  for (const idx of line) {
    if (idx < 0 || idx === last) continue;
    last = idx;
    const cell = g.cells[idx];
    if (cell && cell.row === r) out.push(cell);
  }
  return out;
}
