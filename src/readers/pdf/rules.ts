import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { RulingLine } from "../layout/types.js";
import { pdfjs } from "./pdfjs-runtime.js";

const { OPS, Util } = pdfjs;

type Matrix = [number, number, number, number, number, number];
type Point = [number, number];
interface PathParts {
  polylines: Point[][];
  rects: [Point, Point, Point, Point][];
}

/** A filled rectangle thinner than this (page units) is drawn as a rule, as Excel/WPS exports do. */
const THIN_FILL = 3;

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);

/**
 * Horizontal and vertical segments the page draws (table borders), in viewport coordinates: stroked
 * paths' straight axis-aligned edges, and thin filled rectangles. Curves and clipping paths are ignored.
 */
export async function pageRules(page: PDFPageProxy, viewportTransform: number[]): Promise<RulingLine[]> {
  const list = await page.getOperatorList();
  const out: RulingLine[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let pending: PathParts | null = null;
  const toDevice = (x: number, y: number): Point => {
    const p = Util.applyTransform([x, y], ctm) as Point;
    return Util.applyTransform(p, viewportTransform) as Point;
  };
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        break;
      case OPS.transform:
        ctm = Util.transform(ctm, args as number[]) as Matrix;
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        const matrix = args?.[0];
        if (Array.isArray(matrix) && matrix.length === 6) ctm = Util.transform(ctm, matrix) as Matrix;
        break;
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        break;
      case OPS.constructPath: {
        const ops = (args?.[0] ?? []) as number[];
        const coords = (args?.[1] ?? []) as number[];
        const built: PathParts = pending ?? { polylines: [], rects: [] };
        let j = 0;
        let current: Point[] | null = null;
        for (const op of ops) {
          if (op === OPS.rectangle) {
            const x = coords[j++] ?? 0;
            const y = coords[j++] ?? 0;
            const w = coords[j++] ?? 0;
            const h = coords[j++] ?? 0;
            built.rects.push([toDevice(x, y), toDevice(x + w, y), toDevice(x + w, y + h), toDevice(x, y + h)]);
            current = null;
          } else if (op === OPS.moveTo) {
            current = [toDevice(coords[j++] ?? 0, coords[j++] ?? 0)];
            built.polylines.push(current);
          } else if (op === OPS.lineTo) {
            const p = toDevice(coords[j++] ?? 0, coords[j++] ?? 0);
            if (!current) {
              current = [p];
              built.polylines.push(current);
            } else current.push(p);
          } else if (op === OPS.curveTo) {
            j += 6;
            current = null;
          } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
            j += 4;
            current = null;
          } else if (op === OPS.closePath) {
            const start = current?.[0];
            if (current && start) current.push(start);
          }
        }
        pending = built;
        break;
      }
      default:
        if (fn !== undefined && pending && (STROKE_OPS.has(fn) || FILL_OPS.has(fn) || fn === OPS.endPath)) {
          if (STROKE_OPS.has(fn)) emitStroked(pending, out);
          else if (FILL_OPS.has(fn)) emitFilled(pending, out);
          pending = null;
        }
    }
  }
  return out;
}

function axisSegment(a: Point, b: Point): RulingLine | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= 0.8 && dx > 0) return { x1: Math.min(a[0], b[0]), y1: (a[1] + b[1]) / 2, x2: Math.max(a[0], b[0]), y2: (a[1] + b[1]) / 2 };
  if (dx <= 0.8 && dy > 0) return { x1: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), x2: (a[0] + b[0]) / 2, y2: Math.max(a[1], b[1]) };
  return null;
}

function emitStroked(path: PathParts, out: RulingLine[]): void {
  for (const line of path.polylines) {
    for (let k = 1; k < line.length; k++) {
      const seg = axisSegment(line[k - 1] as Point, line[k] as Point);
      if (seg) out.push(seg);
    }
  }
  for (const r of path.rects) {
    for (let k = 0; k < 4; k++) {
      const seg = axisSegment(r[k] as Point, r[(k + 1) % 4] as Point);
      if (seg) out.push(seg);
    }
  }
}

function emitFilled(path: PathParts, out: RulingLine[]): void {
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
