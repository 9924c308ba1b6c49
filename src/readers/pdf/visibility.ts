/**
 * Which text a reader of the printed page sees. One policy for the PDF reader: a character is kept when it is
 * painted inside the page, inside its clipping path, at a legible size, in a colour that shows on what is under
 * it; everything else is dropped and counted, and the count becomes one warning per document.
 *
 * Dropped:
 * - clipped: the glyph's centre lies outside its clipping path's box (a table row carried over from the previous
 *   page and clipped out of view, text under a crop);
 * - off_page: the glyph's centre lies outside the visible page box;
 * - white_on_white: a near-white fill with nothing painted under it (no non-white filled path, image, shading or
 *   form object whose box holds the glyph's centre); white text on a dark table header stays;
 * - transparent: fill alpha 0;
 * - tiny: the font size is under 1 pt (hidden keyword stuffing, zero-size placeholders).
 *
 * Kept on purpose: render mode 3 ("invisible") text. It is the text layer OCR tools put over a scanned page, and
 * the printed page shows that text in the image under it; dropping it would turn OCRed scans into "no text layer".
 */
import type { Warning } from "../../model/index.js";
import type { Pdfium } from "./pdfium.js";
import { apply, type Viewport } from "./viewport.js";

export type DropReason = "clipped" | "off_page" | "white_on_white" | "transparent" | "tiny";

/** Glyphs smaller than this (points) are not legible text. */
const MIN_SIZE = 1;
/** Fill channels at or above this (0–255) are white on paper. */
const WHITE = 245;
/** Slack (points) around clip and page boxes: glyph boxes overhang their cell by a little. */
const SLACK = 0.5;

type Box = [number, number, number, number];

export interface TextObjectVisibility {
  drop: DropReason | null;
  /** Clip box in viewport coordinates, when the object has a clipping path. */
  clip: Box | null;
  /** A white fill: visible only over something painted. */
  white: boolean;
}

/** Per-document tally of dropped characters. */
export class VisibilityStats {
  readonly counts = new Map<DropReason, number>();
  readonly pages = new Set<number>();

  add(reason: DropReason, page: number): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    this.pages.add(page);
  }

  total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  warning(): Warning | null {
    const total = this.total();
    if (total === 0) return null;
    const parts = [...this.counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${r.replace(/_/g, " ")}`);
    const pages = [...this.pages].sort((a, b) => a - b);
    const shown = pages.length > 12 ? `${pages.slice(0, 12).join(", ")} …` : pages.join(", ");
    return {
      code: "pdf_invisible_text_dropped",
      message: `${total} character(s) not visible on the printed page were left out (${parts.join(", ")}) on page(s) ${shown}`,
    };
  }
}

/** Boxes (viewport coordinates) of what is painted under text: non-white fills, images, shadings, forms. */
export type Backgrounds = Box[];

export interface VisibilityJudge {
  objectVisibility(obj: number, size: number): TextObjectVisibility;
  keepChar(v: TextObjectVisibility, x0: number, x1: number, top: number, bottom: number): boolean;
}

/** The judge for one page. `topLevelText` holds the page's own text objects (clips of objects in forms are relative to the form). */
export function pageJudge(
  lib: Pdfium,
  view: Viewport,
  page: number,
  backgrounds: Backgrounds,
  topLevelText: ReadonlySet<number>,
  stats: VisibilityStats,
  scratchPtr: number,
): VisibilityJudge {
  return {
    objectVisibility(obj, size) {
      if (size < MIN_SIZE) return { drop: "tiny", clip: null, white: false };
      const p = scratchPtr;
      let white = false;
      if (lib.FPDFPageObj_GetFillColor(obj, p, p + 4, p + 8, p + 12)) {
        const u = lib.heap().u32;
        const [r, g, b, a] = [u[p >> 2] ?? 0, u[(p >> 2) + 1] ?? 0, u[(p >> 2) + 2] ?? 0, u[(p >> 2) + 3] ?? 255];
        if (a === 0) return { drop: "transparent", clip: null, white: false };
        white = r >= WHITE && g >= WHITE && b >= WHITE;
      }
      const clip = topLevelText.has(obj) ? clipBox(lib, obj, view, scratchPtr) : null;
      return { drop: null, clip, white };
    },
    keepChar(v, x0, x1, top, bottom) {
      const reason = dropReason(v, (x0 + x1) / 2, (top + bottom) / 2, view, backgrounds);
      if (reason) stats.add(reason, page);
      return reason === null;
    },
  };
}

function inside(b: Box, x: number, y: number): boolean {
  return x >= b[0] - SLACK && x <= b[2] + SLACK && y >= b[1] - SLACK && y <= b[3] + SLACK;
}

function dropReason(v: TextObjectVisibility, cx: number, cy: number, view: Viewport, backgrounds: Backgrounds): DropReason | null {
  if (v.drop) return v.drop;
  if (!inside([0, 0, view.width, view.height], cx, cy)) return "off_page";
  if (v.clip && !inside(v.clip, cx, cy)) return "clipped";
  if (v.white && !backgrounds.some((b) => inside(b, cx, cy))) return "white_on_white";
  return null;
}

/** The box of an object's clipping path (intersection of its paths' boxes), in viewport coordinates. */
function clipBox(lib: Pdfium, obj: number, view: Viewport, p: number): Box | null {
  const clip = lib.FPDFPageObj_GetClipPath(obj);
  if (!clip) return null;
  const paths = lib.FPDFClipPath_CountPaths(clip);
  if (paths <= 0) return null;
  let box: Box = [-Infinity, -Infinity, Infinity, Infinity];
  for (let k = 0; k < paths; k++) {
    const n = lib.FPDFClipPath_CountPathSegments(clip, k);
    if (n <= 0) continue;
    let bx: Box = [Infinity, Infinity, -Infinity, -Infinity];
    for (let s = 0; s < n; s++) {
      const seg = lib.FPDFClipPath_GetPathSegment(clip, k, s);
      if (!seg || !lib.FPDFPathSegment_GetPoint(seg, p, p + 4)) continue;
      const f = lib.heap().f32;
      const [x, y] = apply(view.transform, f[p >> 2] ?? 0, f[(p >> 2) + 1] ?? 0);
      bx = [Math.min(bx[0], x), Math.min(bx[1], y), Math.max(bx[2], x), Math.max(bx[3], y)];
    }
    if (bx[0] > bx[2]) continue;
    box = [Math.max(box[0], bx[0]), Math.max(box[1], bx[1]), Math.min(box[2], bx[2]), Math.min(box[3], bx[3])];
  }
  return Number.isFinite(box[0]) && Number.isFinite(box[2]) ? box : null;
}

/** A judge that keeps everything (the pdf.js-equivalent reading, for comparisons). */
export const KEEP_ALL: VisibilityJudge = {
  objectVisibility: () => ({ drop: null, clip: null, white: false }),
  keepChar: () => true,
};
