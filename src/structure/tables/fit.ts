/**
 * A continuation laid over the columns of the part before it, where the reader split the two pages' columns
 * differently (a merged cell on one page, a ruling missing on the other): the PDF boxes of the cells say which
 * columns each cell covers.
 */
import type { RawRow } from "../../model/blocks.js";
import { TABLE_SETTINGS } from "./settings.js";

/** The x positions of a part's column boundaries, left to right; null without boxes or unless one per boundary. */
export function columnEdges(rows: readonly RawRow[], nCols: number): number[] | null {
  const xs: number[] = [];
  for (const r of rows) {
    for (const c of r.cells) {
      if (!c.bbox) return null;
      xs.push(c.bbox[0], c.bbox[2]);
    }
  }
  xs.sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of xs) if (edges.length === 0 || x - edges[edges.length - 1]! > TABLE_SETTINGS.columnEdgeSlack) edges.push(x);
  return edges.length === nCols + 1 ? edges : null;
}

const edgeAt = (edges: readonly number[], x: number): number => edges.findIndex((e) => Math.abs(e - x) <= TABLE_SETTINGS.columnEdgeSlack);

/** `rows` with each cell placed on the columns its box spans between `edges`; null when a cell falls between them. */
export function fitToEdges(rows: readonly RawRow[], edges: readonly number[]): RawRow[] | null {
  const out: RawRow[] = [];
  for (const r of rows) {
    const cells = [];
    for (const c of r.cells) {
      if (!c.bbox) return null;
      const from = edgeAt(edges, c.bbox[0]);
      const to = edgeAt(edges, c.bbox[2]);
      if (from < 0 || to <= from) return null;
      cells.push({ ...c, col: from, colSpan: to - from });
    }
    out.push({ ...r, cells });
  }
  return out;
}
