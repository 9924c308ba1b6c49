/**
 * Pure page geometry shared by the layout engine (readers) and the evidence pass: character positions of a text and
 * the boxes of its offset ranges.
 */
import type { Box } from "../model/provenance.js";

/** A box on a page: [x0, y0, x1, y1] in page units, top-left origin (the model's Box). */
export type PageBox = Box;

/** A stretch of the text that comes from one run: text offsets [start, end) and the run's line box. */
export interface PlacedRun {
  start: number;
  end: number;
  page: number;
  top: number;
  bottom: number;
  /** Left and right edge of each UTF-16 unit in [start, end), flattened. */
  edges: number[];
}

/** The page of text offset `start` (or of the first run after it) and the union of the range's boxes on that page. */
export function boxOfRange(runs: readonly PlacedRun[], start: number, end: number): { page: number; box: PageBox } | undefined {
  let page: number | undefined;
  let box: PageBox | undefined;
  for (const r of runs) {
    const a = Math.max(start, r.start);
    const b = Math.min(end, r.end);
    if (b <= a) continue;
    page ??= r.page;
    if (r.page !== page) continue;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (let i = a - r.start; i < b - r.start; i++) {
      x0 = Math.min(x0, r.edges[i * 2] ?? Infinity);
      x1 = Math.max(x1, r.edges[i * 2 + 1] ?? -Infinity);
    }
    if (!(x1 >= x0)) continue;
    box = box ? unionBox(box, [x0, r.top, x1, r.bottom]) : [x0, r.top, x1, r.bottom];
  }
  return page !== undefined && box ? { page, box } : undefined;
}

export function unionBox(a: PageBox, b: PageBox): PageBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** A box rounded to 0.1 page unit: finer than any drawing needs, and it keeps the output short. */
export function roundBox(b: PageBox): PageBox {
  const r = (v: number): number => Math.round(v * 10) / 10;
  return [r(b[0]), r(b[1]), r(b[2]), r(b[3])];
}
