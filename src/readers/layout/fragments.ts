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
}

/**
 * Box every fragment and split runs at blanks: PDF producers often put two table cells in one run
 * ("18,330.37 一、一般公共服务支出"), and whitespace-only runs carry meaningless widths.
 */
export function normalizeFragments(fragments: readonly TextFragment[], s: LayoutSettings): Frag[] {
  const out: Frag[] = [];
  for (const f of fragments) {
    if (!f.text || !/\S/.test(f.text)) continue;
    const size = f.height && f.height > 0 ? f.height : s.defaultFontSize;
    const estimated = textWeight(f.text) * size;
    const width = f.width && f.width > 0 ? f.width : estimated;
    const box = { x0: f.x, x1: f.x + width, top: f.y, bottom: f.y + size, size };
    for (const piece of splitAtBlanks(f.text, box)) out.push(piece);
  }
  return out;
}

function splitAtBlanks(text: string, box: Omit<Frag, "text">): Frag[] {
  if (!/\S\s+\S/.test(text)) return [{ ...box, text: text.trim() }];
  const chars = Array.from(text);
  const total = chars.reduce((w, ch) => w + charWeight(ch), 0);
  const scale = total > 0 ? (box.x1 - box.x0) / total : 0;
  const pieces: Frag[] = [];
  let offset = 0;
  let current = "";
  let start = 0;
  for (const ch of chars) {
    if (/\s/.test(ch)) {
      if (current) pieces.push({ ...box, text: current, x0: box.x0 + start * scale, x1: box.x0 + offset * scale });
      current = "";
    } else {
      if (!current) start = offset;
      current += ch;
    }
    offset += charWeight(ch);
  }
  if (current) pieces.push({ ...box, text: current, x0: box.x0 + start * scale, x1: box.x0 + offset * scale });
  return pieces;
}

/** Split a run at given x positions (cell borders it crosses), placing the cut by estimated glyph advances. */
export function splitAtXs(frag: Frag, xs: readonly number[], s: LayoutSettings): Frag[] {
  const chars = Array.from(frag.text);
  if (chars.length < 2) return [frag];
  // Overflow by less than a glyph is placement slack, not a second cell.
  const slack = frag.size * s.cellOverflowEms;
  const cuts = xs.filter((x) => x > frag.x0 + slack && x < frag.x1 - slack);
  if (cuts.length === 0) return [frag];
  const total = chars.reduce((w, ch) => w + charWeight(ch), 0);
  const scale = (frag.x1 - frag.x0) / total;
  const pieces: Frag[] = [];
  let offset = 0;
  let current = "";
  let start = 0;
  let cutIndex = 0;
  for (const ch of chars) {
    const mid = frag.x0 + (offset + charWeight(ch) / 2) * scale;
    while (cutIndex < cuts.length && mid > (cuts[cutIndex] ?? Infinity)) {
      if (current) pieces.push({ ...frag, text: current, x0: frag.x0 + start * scale, x1: frag.x0 + offset * scale });
      current = "";
      start = offset;
      cutIndex++;
    }
    current += ch;
    offset += charWeight(ch);
  }
  if (current) pieces.push({ ...frag, text: current, x0: frag.x0 + start * scale, x1: frag.x0 + offset * scale });
  return pieces;
}

export function centerX(f: Frag): number {
  return (f.x0 + f.x1) / 2;
}

export function centerY(f: Frag): number {
  return (f.top + f.bottom) / 2;
}
