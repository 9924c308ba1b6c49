/**
 * A page's text as positioned fragments, from PDFium's per-character boxes.
 *
 * Characters are joined into a fragment while they continue one run on one baseline: same size, no blank, no
 * gap wider than a tenth of an em, no jump backwards. That is where pdf.js's text items end or get a space, so the
 * layout engine sees the same runs; but each fragment's box is measured from its own glyphs instead of being
 * estimated from a longer run's width.
 */
import type { TextFragment } from "../layout/types.js";
import type { Pdfium } from "./pdfium.js";
import { apply, type Matrix, type Viewport } from "./viewport.js";
import type { TextObjectVisibility, VisibilityJudge } from "./visibility.js";

/** A gap between glyph boxes wider than this many ems ends a fragment (pdf.js inserts a space from 0.102 em). */
const GAP_EMS = 0.1;
/**
 * A glyph must start at least this many ems right of the previous glyph's origin to continue its run. Compared
 * with origins, not box ends: a font's stated widths may exceed the pen's real advance (CID fonts without /W
 * placed glyph by glyph), and those boxes overlap the next glyph.
 */
const FORWARD_EMS = 0.05;
/** Font sizes within this share of each other are one size (a run goes on). */
const SAME_SIZE_SHARE = 0.01;
/** Baselines closer than this many ems are the same line. */
const BASELINE_EMS = 0.1;
/** Top of the line box above the baseline, in ems: pdf.js's placement, kept so both backends agree. */
const ASCENT_EMS = 0.88;

interface Run {
  text: string;
  x0: number;
  x1: number;
  /** Origin of the last glyph. */
  pen: number;
  baseline: number;
  size: number;
  /** Each glyph's left and right edge, per UTF-16 unit of `text` (TextFragment.charEdges). */
  edges: number[];
  /** Vertical extent of the glyphs' loose boxes (font ascent to descent). */
  top: number;
  bottom: number;
}

interface ObjectInfo {
  /** Font size in page units (Tf size × text matrix × CTM). */
  size: number;
  /** Vertical writing or text rotated against the page. */
  skip: boolean;
  visibility: TextObjectVisibility;
}

/** Scratch memory for out-parameters, allocated once per PDFium instance. */
const scratchOf = new WeakMap<Pdfium, number>();
export function scratch(lib: Pdfium): number {
  let p = scratchOf.get(lib);
  if (p === undefined) {
    p = lib.malloc(256);
    scratchOf.set(lib, p);
  }
  return p;
}

function isBlank(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff;
}

/** Where one character sits on the page (viewport units): its loose box and its pen origin on the baseline. */
interface CharPlace {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  pen: number;
  baseline: number;
}

function charPlace(lib: Pdfium, textPage: number, i: number, mem: number, view: Viewport): CharPlace {
  lib.FPDFText_GetLooseCharBox(textPage, i, mem);
  lib.FPDFText_GetCharOrigin(textPage, i, mem + 16, mem + 24);
  const h = lib.heap();
  const f32 = h.f32;
  const base = mem >> 2;
  const [ax, ay] = apply(view.transform, f32[base] ?? 0, f32[base + 1] ?? 0);
  const [bx, by] = apply(view.transform, f32[base + 2] ?? 0, f32[base + 3] ?? 0);
  const [pen, baseline] = apply(view.transform, h.f64[(mem + 16) >> 3] ?? 0, h.f64[(mem + 24) >> 3] ?? 0);
  return { x0: Math.min(ax, bx), x1: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by), pen, baseline };
}

/** Does a character of font size `size` at `c` continue run `r` (same size and baseline, forward, no gap)? */
function continuesRun(r: Run, size: number, c: CharPlace): boolean {
  return (
    Math.abs(r.size - size) <= size * SAME_SIZE_SHARE &&
    Math.abs(r.baseline - c.baseline) <= size * BASELINE_EMS &&
    c.pen >= r.pen + size * FORWARD_EMS &&
    c.x0 - r.x1 <= size * GAP_EMS
  );
}

function extendRun(r: Run, ch: string, c: CharPlace): void {
  r.text += ch;
  r.x1 = Math.max(r.x1, c.x1);
  r.pen = c.pen;
  for (let k = 0; k < ch.length; k++) r.edges.push(c.x0, c.x1);
  r.top = Math.min(r.top, c.top);
  r.bottom = Math.max(r.bottom, c.bottom);
}

function startRun(ch: string, size: number, c: CharPlace): Run {
  const { x0, x1, pen, baseline, top, bottom } = c;
  return { text: ch, x0, x1, pen, baseline, size, edges: ch.length === 2 ? [x0, x1, x0, x1] : [x0, x1], top, bottom };
}

function fragmentOf(run: Run): TextFragment {
  return { text: run.text, x: run.x0, y: run.baseline - run.size * ASCENT_EMS, width: run.x1 - run.x0, height: run.size, charEdges: run.edges, glyphTop: run.top, glyphBottom: run.bottom };
}

/** The fragments of one page; characters the visibility policy drops end the run they interrupt. */
export function readPageText(lib: Pdfium, textPage: number, view: Viewport, judge: VisibilityJudge): TextFragment[] {
  const out: TextFragment[] = [];
  const count = lib.FPDFText_CountChars(textPage);
  const objects = new Map<number, ObjectInfo>();
  const mem = scratch(lib);
  let run: Run | null = null;
  const flush = (): void => {
    if (run) out.push(fragmentOf(run));
    run = null;
  };
  for (let i = 0; i < count; i++) {
    let code = lib.FPDFText_GetUnicode(textPage, i);
    // PDFium reports a hyphen it thinks may end a line as U+0002; on the page it is a hyphen ("RISC-V").
    if (code === 2) code = 0x2d;
    if (isBlank(code) || lib.FPDFText_IsGenerated(textPage, i) === 1) {
      flush();
      continue;
    }
    const obj = lib.FPDFText_GetTextObject(textPage, i);
    let info = objects.get(obj);
    if (!info) {
      info = objectInfo(lib, textPage, i, obj, view, judge);
      objects.set(obj, info);
    }
    if (info.skip) continue;
    const place = charPlace(lib, textPage, i, mem, view);
    if (!judge.keepChar(info.visibility, place.x0, place.x1, place.top, place.bottom)) {
      flush();
      continue;
    }
    const ch = String.fromCodePoint(code);
    const r: Run | null = run;
    if (r && continuesRun(r, info.size, place)) extendRun(r, ch, place);
    else {
      flush();
      run = startRun(ch, info.size, place);
    }
  }
  flush();
  return out;
}

/** Size, direction and visibility of a text object, read once from its first character. */
function objectInfo(lib: Pdfium, textPage: number, index: number, obj: number, view: Viewport, judge: VisibilityJudge): ObjectInfo {
  const mem = scratch(lib) + 64;
  lib.FPDFText_GetMatrix(textPage, index, mem);
  const f = lib.heap().f32;
  const b = mem >> 2;
  const m: Matrix = [f[b] ?? 1, f[b + 1] ?? 0, f[b + 2] ?? 0, f[b + 3] ?? 1, 0, 0];
  const fontSize = lib.FPDFText_GetFontSize(textPage, index);
  // Direction in the viewport: the page's rotation may turn user-space-vertical text upright.
  const t = view.transform;
  const a = m[0] * t[0] + m[1] * t[2];
  const bb = m[0] * t[1] + m[1] * t[3];
  const c = m[2] * t[0] + m[3] * t[2];
  const d = m[2] * t[1] + m[3] * t[3];
  const size = fontSize * (Math.hypot(c, d) || Math.hypot(a, bb) || 1);
  return { size, skip: Math.abs(bb) > Math.abs(a) + 0.01, visibility: judge.objectVisibility(obj, size) };
}
