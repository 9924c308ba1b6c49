import { centerY, type Frag } from "./fragments.js";
import type { LayoutSettings } from "./settings.js";
import { joinOnLine } from "./text.js";
import { concatPlaced, joinPlacedOnLine, placedOf, type PlacedText } from "./placed.js";

/** Runs on one line separated by a wide gap: candidate table cells, or "编制单位：…  单位：元". */
export interface LineSegment {
  frags: Frag[];
  x0: number;
  x1: number;
  text: string;
  /** `text` with the position of each character. */
  placed: PlacedText;
}

/** One visual text line. */
export interface TextLine {
  frags: Frag[];
  segments: LineSegment[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  text: string;
  /** `text` with the position of each character. */
  placed: PlacedText;
}

/** Group runs into lines by vertical overlap, then order each line left to right. */
export function buildLines(frags: readonly Frag[], s: LayoutSettings): TextLine[] {
  const sorted = [...frags].sort((a, b) => centerY(a) - centerY(b) || a.x0 - b.x0);
  const groups: Frag[][] = [];
  let current: Frag[] = [];
  let top = 0;
  let bottom = 0;
  for (const f of sorted) {
    const overlap = Math.min(bottom, f.bottom) - Math.max(top, f.top);
    const minHeight = Math.min(bottom - top, f.bottom - f.top);
    if (current.length > 0 && overlap >= minHeight * s.lineOverlap) {
      current.push(f);
      top = Math.min(top, f.top);
      bottom = Math.max(bottom, f.bottom);
    } else {
      if (current.length > 0) groups.push(current);
      current = [f];
      top = f.top;
      bottom = f.bottom;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map((g) => makeLine(g, s));
}

export function makeLine(frags: Frag[], s: LayoutSettings): TextLine {
  const ordered = dropOverprint([...frags].sort((a, b) => a.x0 - b.x0), s.overprintEms);
  const segments: LineSegment[] = [];
  for (const f of ordered) {
    const last = segments[segments.length - 1];
    const lastFrag = last?.frags[last.frags.length - 1];
    if (last && lastFrag && f.x0 - last.x1 <= Math.max(f.size, lastFrag.size) * s.segmentGapEms) {
      last.placed = joinPlacedOnLine(last.placed, placedOf(f), f.x0 - last.x1, f.size, s.wordSpaceEms);
      last.text = last.placed.text;
      last.frags.push(f);
      last.x1 = Math.max(last.x1, f.x1);
    } else {
      segments.push({ frags: [f], x0: f.x0, x1: f.x1, text: f.text, placed: placedOf(f) });
    }
  }
  const sizes = ordered.map((f) => f.size).sort((a, b) => a - b);
  return {
    frags: ordered,
    segments,
    x0: Math.min(...ordered.map((f) => f.x0)),
    x1: Math.max(...ordered.map((f) => f.x1)),
    top: Math.min(...ordered.map((f) => f.top)),
    bottom: Math.max(...ordered.map((f) => f.bottom)),
    size: sizes[Math.floor(sizes.length / 2)] ?? s.defaultFontSize,
    text: segments.map((s) => s.text).join(" "),
    placed: segments.slice(1).reduce((acc, seg) => concatPlaced(acc, seg.placed, " "), segments[0]?.placed ?? { text: "", runs: [] }),
  };
}

/** Fake bold draws the same text twice, slightly offset: keep one copy. */
function dropOverprint(frags: Frag[], ems: number): Frag[] {
  const out: Frag[] = [];
  for (const f of frags) {
    const dup = out.some(
      (o) => o.text === f.text && Math.abs(o.x0 - f.x0) < f.size * ems && Math.abs(o.top - f.top) < f.size * ems,
    );
    if (!dup) out.push(f);
  }
  return out;
}

/** A line's text with letter-spaced Chinese closed up ("收    入" → "收入"): for table cells. */
export function tightText(line: TextLine, s: LayoutSettings): string {
  let text = "";
  let prevEnd = 0;
  for (const seg of line.segments) {
    text = joinOnLine(text, seg.text, seg.x0 - prevEnd, line.size, s.wordSpaceEms);
    prevEnd = seg.x1;
  }
  return text;
}
