/** Ruling lines from painted paths: the geometry both PDF backends share (pdf.js operator lists, PDFium path objects). */
import type { RulingLine } from "../layout/types.js";

export type Point = [number, number];
/** A painted path's straight pieces: open/closed polylines and `re` rectangles (corner points), in viewport coordinates. */
export interface PathParts {
  polylines: Point[][];
  rects: [Point, Point, Point, Point][];
}

/** A filled rectangle thinner than this (page units) is drawn as a rule, as Excel/WPS exports do. */
export const THIN_FILL = 3;

function axisSegment(a: Point, b: Point): RulingLine | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= 0.8 && dx > 0) return { x1: Math.min(a[0], b[0]), y1: (a[1] + b[1]) / 2, x2: Math.max(a[0], b[0]), y2: (a[1] + b[1]) / 2 };
  if (dx <= 0.8 && dy > 0) return { x1: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), x2: (a[0] + b[0]) / 2, y2: Math.max(a[1], b[1]) };
  return null;
}

/**
 * A polyline of this many pieces or more, most of them oblique, is a flattened curve (a chart's slice or axis, a
 * seal): its few level pieces are no table border.
 */
const CURVE_MIN_PIECES = 4;

/** A stroked path: its axis-aligned straight edges. */
export function emitStroked(path: PathParts, out: RulingLine[]): void {
  for (const line of path.polylines) {
    const segs: RulingLine[] = [];
    for (let k = 1; k < line.length; k++) {
      const seg = axisSegment(line[k - 1] as Point, line[k] as Point);
      if (seg) segs.push(seg);
    }
    const pieces = line.length - 1;
    if (pieces >= CURVE_MIN_PIECES && segs.length * 2 < pieces) continue;
    out.push(...segs);
  }
  for (const r of path.rects) {
    for (let k = 0; k < 4; k++) {
      const seg = axisSegment(r[k] as Point, r[(k + 1) % 4] as Point);
      if (seg) out.push(seg);
    }
  }
}

/** A filled path: its thin boxes (Excel/WPS draw cell borders as filled slivers). */
export function emitFilled(path: PathParts, out: RulingLine[]): void {
  const boxes: Point[][] = [...path.rects, ...path.polylines.filter((p) => p.length >= 4)];
  for (const pts of boxes) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= THIN_FILL && w > h) out.push({ x1: x0, y1: (y0 + y1) / 2, x2: x1, y2: (y0 + y1) / 2 });
    else if (w <= THIN_FILL && h > w) out.push({ x1: (x0 + x1) / 2, y1: y0, x2: (x0 + x1) / 2, y2: y1 });
  }
}
