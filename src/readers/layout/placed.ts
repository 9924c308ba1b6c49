/**
 * Text with the page position of each character, built alongside a paragraph's text by the same join rules
 * (text.ts), so that any offset range of the final text can be boxed on the page. Kept out of the output: the
 * reader hands it over as a side table (ReadResult.geometry), the evidence pass turns ranges into boxes.
 */
import type { Frag } from "./fragments.js";
import { joinOnLine, joinWrapped } from "./text.js";
import type { PlacedRun } from "../../util/geometry.js";

export { boxOfRange, roundBox, unionBox, type PageBox, type PlacedRun } from "../../util/geometry.js";

export interface PlacedText {
  text: string;
  runs: PlacedRun[];
}

export function placedOf(f: Frag): PlacedText {
  return { text: f.text, runs: [{ start: 0, end: f.text.length, page: f.page, top: f.glyphTop, bottom: f.glyphBottom, edges: f.edges }] };
}

/** Runs moved by `shift` text units and clipped to [from, limit). */
function shifted(runs: readonly PlacedRun[], shift: number, from: number, limit: number): PlacedRun[] {
  const out: PlacedRun[] = [];
  for (const r of runs) {
    const start = Math.max(from, r.start + shift);
    const end = Math.min(limit, r.end + shift);
    if (end <= start) continue;
    const cut = start - (r.start + shift);
    out.push({ ...r, start, end, edges: cut === 0 && end - start === r.end - r.start ? r.edges : r.edges.slice(cut * 2, (cut + end - start) * 2) });
  }
  return out;
}

/**
 * `joined` is `left` with its trailing blanks trimmed (when `trimmed`), a separator, and `right` with its leading
 * blanks trimmed (likewise): each side's runs move to where its characters landed.
 */
function combine(left: PlacedText, right: PlacedText, joined: string, trimmed: boolean): PlacedText {
  const leftKept = trimmed ? left.text.trimEnd().length : left.text.length;
  const rightKept = trimmed ? right.text.trimStart().length : right.text.length;
  const rightStart = joined.length - rightKept;
  const rightShift = joined.length - right.text.length;
  return { text: joined, runs: [...shifted(left.runs, 0, 0, Math.min(leftKept, rightStart)), ...shifted(right.runs, rightShift, rightStart, joined.length)] };
}

/** joinOnLine with positions. */
export function joinPlacedOnLine(left: PlacedText, right: PlacedText, gap: number, fontSize: number, wordSpaceEms: number): PlacedText {
  return combine(left, right, joinOnLine(left.text, right.text, gap, fontSize, wordSpaceEms), false);
}

/** joinWrapped with positions. */
export function joinPlacedWrapped(prev: PlacedText, next: PlacedText): PlacedText {
  return combine(prev, next, joinWrapped(prev.text, next.text), true);
}

/** Plain concatenation with an optional separator. */
export function concatPlaced(left: PlacedText, right: PlacedText, separator = ""): PlacedText {
  return combine(left, right, left.text + separator + right.text, false);
}

/** The text trimmed at both ends, positions kept. */
export function trimPlaced(p: PlacedText): PlacedText {
  const lead = p.text.length - p.text.trimStart().length;
  const text = p.text.trim();
  return { text, runs: shifted(p.runs, -lead, 0, text.length) };
}
