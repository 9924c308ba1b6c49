/**
 * One walk over a page's objects (into form XObjects): ruling lines from painted paths, the boxes of what is
 * painted (backgrounds for the visibility policy), and the page's own text objects.
 */
import type { RulingLine } from "../layout/types.js";
import type { Pdfium } from "./pdfium.js";
import { emitFilled, emitStroked, type PathParts, type Point } from "./rule-geometry.js";
import { apply, multiply, type Matrix, type Viewport } from "./viewport.js";
import type { Backgrounds } from "./visibility.js";

/** FPDF_PAGEOBJ_* (fpdf_edit.h). */
const OBJ = { TEXT: 1, PATH: 2, IMAGE: 3, SHADING: 4, FORM: 5 } as const;
/** FPDF_SEGMENT_* (fpdf_edit.h). */
const SEG = { LINETO: 0, BEZIERTO: 1, MOVETO: 2 } as const;
/** Fill channels at or above this (0–255) paint nothing visible on white paper. */
const WHITE = 245;
/** Forms nest; a hostile file nests them without end. */
const MAX_FORM_DEPTH = 16;

export interface PageObjects {
  lines: RulingLine[];
  backgrounds: Backgrounds;
  topLevelText: Set<number>;
}

interface Walk {
  lib: Pdfium;
  view: Viewport;
  mem: number;
  out: PageObjects;
}

/** Walk the page's objects; `mem` is 64 bytes of scratch wasm memory. */
export function readPageObjects(lib: Pdfium, page: number, view: Viewport, mem: number): PageObjects {
  const out: PageObjects = { lines: [], backgrounds: [], topLevelText: new Set() };
  const walk: Walk = { lib, view, mem, out };
  const n = lib.FPDFPage_CountObjects(page);
  for (let i = 0; i < n; i++) {
    const obj = lib.FPDFPage_GetObject(page, i);
    if (obj) visit(walk, obj, [1, 0, 0, 1, 0, 0], 0, true);
  }
  return out;
}

function visit(w: Walk, obj: number, parent: Matrix, depth: number, topLevel: boolean): void {
  const { lib } = w;
  const type = lib.FPDFPageObj_GetType(obj);
  if (type === OBJ.TEXT) {
    if (topLevel) w.out.topLevelText.add(obj);
  } else if (type === OBJ.PATH) {
    visitPath(w, obj, parent);
  } else if (type === OBJ.IMAGE || type === OBJ.SHADING) {
    addBounds(w, obj, parent);
  } else if (type === OBJ.FORM) {
    if (depth >= MAX_FORM_DEPTH) return;
    const m = objectMatrix(w, obj);
    const inner = multiply(m, parent);
    const count = lib.FPDFFormObj_CountObjects(obj);
    for (let i = 0; i < count; i++) {
      const child = lib.FPDFFormObj_GetObject(obj, i);
      if (child) visit(w, child, inner, depth + 1, false);
    }
  }
}

function objectMatrix(w: Walk, obj: number): Matrix {
  if (!w.lib.FPDFPageObj_GetMatrix(obj, w.mem)) return [1, 0, 0, 1, 0, 0];
  const f = w.lib.heap().f32;
  const b = w.mem >> 2;
  return [f[b] ?? 1, f[b + 1] ?? 0, f[b + 2] ?? 0, f[b + 3] ?? 1, f[b + 4] ?? 0, f[b + 5] ?? 0];
}

/** The object's box (its own bounds are in its parent's space) into the backgrounds, in viewport coordinates. */
function addBounds(w: Walk, obj: number, parent: Matrix): void {
  const p = w.mem;
  if (!w.lib.FPDFPageObj_GetBounds(obj, p, p + 4, p + 8, p + 12)) return;
  const f = w.lib.heap().f32;
  const b = p >> 2;
  const m = multiply(parent, w.view.transform);
  const [ax, ay] = apply(m, f[b] ?? 0, f[b + 1] ?? 0);
  const [bx, by] = apply(m, f[b + 2] ?? 0, f[b + 3] ?? 0);
  w.out.backgrounds.push([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]);
}

function visitPath(w: Walk, obj: number, parent: Matrix): void {
  const { lib, mem } = w;
  if (!lib.FPDFPath_GetDrawMode(obj, mem, mem + 4)) return;
  const i32 = lib.heap().i32;
  const fillMode = i32[mem >> 2] ?? 0;
  const stroke = (i32[(mem >> 2) + 1] ?? 0) !== 0;
  if (fillMode === 0 && !stroke) return;
  if (fillMode !== 0 && !isWhiteFill(w, obj)) addBounds(w, obj, parent);
  const toView = multiply(multiply(objectMatrix(w, obj), parent), w.view.transform);
  const parts = pathParts(w, obj, toView);
  // pdf.js's reading, kept: a path both filled and stroked counts as stroked.
  if (stroke) emitStroked(parts, w.out.lines);
  else emitFilled(parts, w.out.lines);
}

function isWhiteFill(w: Walk, obj: number): boolean {
  const p = w.mem + 32;
  if (!w.lib.FPDFPageObj_GetFillColor(obj, p, p + 4, p + 8, p + 12)) return false;
  const u = w.lib.heap().u32;
  const b = p >> 2;
  return (u[b + 3] ?? 255) === 0 || ((u[b] ?? 0) >= WHITE && (u[b + 1] ?? 0) >= WHITE && (u[b + 2] ?? 0) >= WHITE);
}

/** A path's straight pieces in viewport coordinates; curves break a polyline, as in the pdf.js reading. */
function pathParts(w: Walk, obj: number, toView: Matrix): PathParts {
  const { lib, mem } = w;
  const parts: PathParts = { polylines: [], rects: [] };
  const n = lib.FPDFPath_CountSegments(obj);
  let current: Point[] | null = null;
  for (let s = 0; s < n; s++) {
    const seg = lib.FPDFPath_GetPathSegment(obj, s);
    if (!seg || !lib.FPDFPathSegment_GetPoint(seg, mem, mem + 4)) continue;
    const f = lib.heap().f32;
    const pt = apply(toView, f[mem >> 2] ?? 0, f[(mem >> 2) + 1] ?? 0);
    const type = lib.FPDFPathSegment_GetType(seg);
    if (type === SEG.MOVETO) {
      current = [pt];
      parts.polylines.push(current);
    } else if (type === SEG.LINETO) {
      if (!current) {
        current = [pt];
        parts.polylines.push(current);
      } else current.push(pt);
    } else if (type === SEG.BEZIERTO) {
      current = null;
    }
    if (current && lib.FPDFPathSegment_GetClose(seg)) {
      const start = current[0];
      if (start) current.push(start);
    }
  }
  return parts;
}
