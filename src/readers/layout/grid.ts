import type { RawCell, RawRow } from "../../model/index.js";
import { roundBox } from "./placed.js";
import { centerX, centerY, splitAtXs, type Frag } from "./fragments.js";
import { buildLines, tightText } from "./lines.js";
import type { LayoutSettings } from "./settings.js";
import { joinWrapped } from "./text.js";
import type { RulingLine } from "./types.js";

interface HRule {
  y: number;
  x0: number;
  x1: number;
}
interface VRule {
  x: number;
  y0: number;
  y1: number;
}

/** A table found from ruling lines: grid coordinates and the merged cells the missing borders imply. */
export interface GridTable {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export function findGridTables(rules: readonly RulingLine[], s: LayoutSettings): GridTable[] {
  const SNAP = s.ruleSnap;
  const MIN_RULE = s.minRuleLength;
  const hs: HRule[] = [];
  const vs: VRule[] = [];
  for (const r of rules) {
    const dx = Math.abs(r.x2 - r.x1);
    const dy = Math.abs(r.y2 - r.y1);
    if (dy <= s.ruleStraightness && dx >= MIN_RULE) hs.push({ y: (r.y1 + r.y2) / 2, x0: Math.min(r.x1, r.x2), x1: Math.max(r.x1, r.x2) });
    else if (dx <= s.ruleStraightness && dy >= MIN_RULE) vs.push({ x: (r.x1 + r.x2) / 2, y0: Math.min(r.y1, r.y2), y1: Math.max(r.y1, r.y2) });
  }
  if (hs.length < 2 || vs.length < 2) return [];
  // Connected components of touching rules: each is one table (a page may hold several).
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (v.x >= h.x0 - SNAP && v.x <= h.x1 + SNAP && h.y >= v.y0 - SNAP && h.y <= v.y1 + SNAP) {
        parent[find(i)] = find(hs.length + j);
      }
    });
  });
  const components = new Map<number, { hs: HRule[]; vs: VRule[] }>();
  hs.forEach((h, i) => {
    const c = components.get(find(i)) ?? { hs: [], vs: [] };
    c.hs.push(h);
    components.set(find(i), c);
  });
  vs.forEach((v, j) => {
    const c = components.get(find(hs.length + j)) ?? { hs: [], vs: [] };
    c.vs.push(v);
    components.set(find(hs.length + j), c);
  });
  const tables: GridTable[] = [];
  for (const c of components.values()) {
    const t = buildGrid(c.hs, c.vs, s);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => a.top - b.top);
}

function cluster(values: number[], snap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > snap) out.push(v);
  }
  return out;
}

function covered(spans: [number, number][], a: number, b: number, share: number): boolean {
  const need = b - a;
  if (need <= 0) return true;
  let got = 0;
  for (const [s, e] of spans) got += Math.max(0, Math.min(b, e) - Math.max(a, s));
  return got >= need * share;
}

function buildGrid(hs: HRule[], vs: VRule[], s: LayoutSettings): GridTable | null {
  const snap = s.ruleSnap * s.gridClusterFactor;
  // Rules that stop short of the outer border still bound the table: the outer extents are grid lines.
  const xs = cluster([...vs.map((v) => v.x), Math.min(...hs.map((h) => h.x0)), Math.max(...hs.map((h) => h.x1))], snap);
  const ys = cluster([...hs.map((h) => h.y), Math.min(...vs.map((v) => v.y0)), Math.max(...vs.map((v) => v.y1))], snap);
  const nCols = xs.length - 1;
  const nRows = ys.length - 1;
  if (nCols < 2 || nRows < 1) return null;
  const vAt = (x: number): [number, number][] => vs.filter((v) => Math.abs(v.x - x) <= snap).map((v) => [v.y0, v.y1]);
  const hAt = (y: number): [number, number][] => hs.filter((h) => Math.abs(h.y - y) <= snap).map((h) => [h.x0, h.x1]);
  const vSpans = xs.map(vAt);
  const hSpans = ys.map(hAt);
  const n = nRows * nCols;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < nRows; r++) {
    const ya = ys[r] ?? 0;
    const yb = ys[r + 1] ?? 0;
    for (let c = 0; c < nCols; c++) {
      const xa = xs[c] ?? 0;
      const xb = xs[c + 1] ?? 0;
      if (c + 1 < nCols && !covered(vSpans[c + 1] ?? [], ya, yb, s.borderCoverage)) union(r * nCols + c, r * nCols + c + 1);
      if (r + 1 < nRows && !covered(hSpans[r + 1] ?? [], xa, xb, s.borderCoverage)) union(r * nCols + c, (r + 1) * nCols + c);
    }
  }
  const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const r = Math.floor(i / nCols);
    const c = i % nCols;
    const b = boxes.get(root);
    if (!b) boxes.set(root, { r0: r, r1: r, c0: c, c1: c });
    else {
      b.r0 = Math.min(b.r0, r);
      b.r1 = Math.max(b.r1, r);
      b.c0 = Math.min(b.c0, c);
      b.c1 = Math.max(b.c1, c);
    }
  }
  const cells = [...boxes.values()]
    .map((b) => ({ row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1 }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  // One box around everything (a frame, a text box) is not a table.
  if (cells.length < 2) return null;
  return {
    xs,
    ys,
    cells,
    x0: xs[0] ?? 0,
    x1: xs[xs.length - 1] ?? 0,
    top: ys[0] ?? 0,
    bottom: ys[ys.length - 1] ?? 0,
  };
}

/** Does the run belong inside this table's frame? */
export function insideGrid(t: GridTable, f: Frag, slack: number): boolean {
  const cx = centerX(f);
  const cy = centerY(f);
  return cx >= t.x0 - slack && cx <= t.x1 + slack && cy >= t.top - slack && cy <= t.bottom + slack;
}

function indexOf(bounds: number[], v: number): number {
  for (let i = 0; i < bounds.length - 1; i++) if (v < (bounds[i + 1] ?? Infinity)) return i;
  return Math.max(0, bounds.length - 2);
}

/** Put the table's runs into its cells and emit rows of raw cells with their spans (and, given the page, their frames). */
export function fillGrid(t: GridTable, frags: readonly Frag[], s: LayoutSettings, page?: number): RawRow[] {
  const nCols = t.xs.length - 1;
  const owner = new Map<number, GridCell>();
  for (const cell of t.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner.set(r * nCols + c, cell);
    }
  }
  const contents = new Map<GridCell, Frag[]>();
  const inner = t.xs.slice(1, -1);
  for (const f of frags) {
    for (const piece of splitAtXs(f, inner, s)) {
      const r = indexOf(t.ys, centerY(piece));
      const c = indexOf(t.xs, centerX(piece));
      const cell = owner.get(r * nCols + c);
      if (!cell) continue;
      const list = contents.get(cell) ?? [];
      list.push(piece);
      contents.set(cell, list);
    }
  }
  const rows: RawRow[] = Array.from({ length: t.ys.length - 1 }, () => ({ cells: [] }));
  for (const cell of t.cells) {
    const lines = buildLines(contents.get(cell) ?? [], s);
    const text = lines.reduce((acc, l) => joinWrapped(acc, tightText(l, s)), "");
    const raw: RawCell = { text, colSpan: cell.colSpan, rowSpan: cell.rowSpan, col: cell.col };
    if (page !== undefined) {
      raw.page = page;
      raw.bbox = roundBox([t.xs[cell.col] ?? t.x0, t.ys[cell.row] ?? t.top, t.xs[cell.col + cell.colSpan] ?? t.x1, t.ys[cell.row + cell.rowSpan] ?? t.bottom]);
    }
    rows[cell.row]?.cells.push(raw);
  }
  return rows;
}
