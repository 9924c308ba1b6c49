import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { RulingLine } from "../layout/types.js";
import { pdfjs } from "./pdfjs-runtime.js";
import { emitFilled, emitStroked, type PathParts, type Point } from "./rule-geometry.js";

const { OPS, Util } = pdfjs;

type Matrix = [number, number, number, number, number, number];

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
