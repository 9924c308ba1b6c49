import type { TextFragment } from "./types.js";
import type { LayoutSettings } from "./settings.js";
import { charWeight, textWeight } from "./text.js";

/** A positioned run with a box: what every later stage works on. */
export interface Frag {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size (line height) in page units. */
  size: number;
  /** 1-based page the run is printed on. */
  page: number;
  /** Left and right edge of each UTF-16 unit of `text` ([x0, x1, x0, x1, …]): measured, or estimated by charWeight. */
  edges: number[];
  /** Vertical extent of the glyphs for page boxes: measured font boxes, else top/bottom. */
  glyphTop: number;
  glyphBottom: number;
}

/** Glyph edges spread over [x0, x0 + width] by the charWeight estimate; both halves of a surrogate pair share a box. */
export function estimateEdges(text: string, x0: number, width: number): number[] {
  const total = textWeight(text);
  const scale = total > 0 ? width / total : 0;
  const edges: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const a = x0 + offset * scale;
    offset += charWeight(ch);
    const b = x0 + offset * scale;
    for (let k = 0; k < ch.length; k++) edges.push(a, b);
  }
  return edges;
}

/**
 * Box every fragment and split runs at blanks: PDF producers often put two table cells in one run
 * ("18,330.37 一、一般公共服务支出"), and whitespace-only runs carry meaningless widths.
 */
export function normalizeFragments(fragments: readonly TextFragment[], s: LayoutSettings, page: number): Frag[] {
  const out: Frag[] = [];
  for (const f of fragments) {
    if (!f.text || !/\S/.test(f.text)) continue;
    const size = f.height && f.height > 0 ? f.height : s.defaultFontSize;
    const estimated = textWeight(f.text) * size;
    const width = f.width && f.width > 0 ? f.width : estimated;
    const edges = f.charEdges?.length === f.text.length * 2 ? f.charEdges : estimateEdges(f.text, f.x, width);
    const glyphs = f.glyphTop !== undefined && f.glyphBottom !== undefined && f.glyphBottom > f.glyphTop ? { glyphTop: f.glyphTop, glyphBottom: f.glyphBottom } : { glyphTop: f.y, glyphBottom: f.y + size };
    const box = { x0: f.x, x1: f.x + width, top: f.y, bottom: f.y + size, size, page, ...glyphs };
    for (const piece of splitAtBlanks(f.text, edges, box)) out.push(piece);
  }
  return out;
}

function splitAtBlanks(text: string, edges: number[], box: Omit<Frag, "text" | "edges">): Frag[] {
  if (!/\S\s+\S/.test(text)) {
    const start = text.length - text.trimStart().length;
    const trimmed = text.trim();
    return [{ ...box, text: trimmed, edges: edges.slice(start * 2, (start + trimmed.length) * 2) }];
  }
  const pieces: Frag[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i === text.length || /\s/.test(text[i] ?? "");
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      pieces.push({ ...box, text: text.slice(start, i), x0: edges[start * 2] ?? box.x0, x1: edges[i * 2 - 1] ?? box.x1, edges: edges.slice(start * 2, i * 2) });
      start = -1;
    }
  }
  return pieces;
}

/** Split a run at given x positions (cell borders it crosses), placing the cut by its glyph edges. */
export function splitAtXs(frag: Frag, xs: readonly number[], s: LayoutSettings): Frag[] {
  if (Array.from(frag.text).length < 2) return [frag];
  // Overflow by less than a glyph is placement slack, not a second cell.
  const slack = frag.size * s.cellOverflowEms;
  const cuts = xs.filter((x) => x > frag.x0 + slack && x < frag.x1 - slack);
  if (cuts.length === 0) return [frag];
  const { text, edges } = frag;
  const pieces: Frag[] = [];
  const emit = (a: number, b: number): void => {
    if (b > a) pieces.push({ ...frag, text: text.slice(a, b), x0: edges[a * 2] ?? frag.x0, x1: edges[b * 2 - 1] ?? frag.x1, edges: edges.slice(a * 2, b * 2) });
  };
  let start = 0;
  let cutIndex = 0;
  for (let i = 0; i < text.length; i += unitLength(text, i)) {
    const mid = ((edges[i * 2] ?? 0) + (edges[i * 2 + 1] ?? 0)) / 2;
    while (cutIndex < cuts.length && mid > (cuts[cutIndex] ?? Infinity)) {
      emit(start, i);
      start = i;
      cutIndex++;
    }
  }
  emit(start, text.length);
  return pieces;
}

/** UTF-16 units of the code point at i (2 for a surrogate pair). */
function unitLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

export function centerX(f: Frag): number {
  return (f.x0 + f.x1) / 2;
}

export function centerY(f: Frag): number {
  return (f.top + f.bottom) / 2;
}
