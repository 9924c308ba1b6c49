/**
 * Text with the page position of each character, built alongside a paragraph's text by the same join rules
 * (text.ts), so that any offset range of the final text can be boxed on the page. Kept out of the output: the
 * reader hands it over as a side table (ReadResult.geometry), the evidence pass turns ranges into boxes.
 */
import type { Frag } from "./fragments.js";
import { joinOnLine, joinWrapped } from "./text.js";

/** A stretch of the text that comes from one run: text offsets [start, end) and the run's line box. */
export interface PlacedRun {
  start: number;
  end: number;
  page: number;
  top: number;
  bottom: number;
  /** Left and right edge of each UTF-16 unit in [start, end), flattened. */
  edges: number[];
}

export interface PlacedText {
  text: string;
  runs: PlacedRun[];
}

/** A box on a page: [x0, y0, x1, y1] in page units, top-left origin. */
export type PageBox = [number, number, number, number];

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

/** The page of text offset `start` (or of the first run after it) and the union of the range's boxes on that page. */
export function boxOfRange(runs: readonly PlacedRun[], start: number, end: number): { page: number; box: PageBox } | undefined {
  let page: number | undefined;
  let box: PageBox | undefined;
  for (const r of runs) {
    const a = Math.max(start, r.start);
    const b = Math.min(end, r.end);
    if (b <= a) continue;
    page ??= r.page;
    if (r.page !== page) continue;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (let i = a - r.start; i < b - r.start; i++) {
      x0 = Math.min(x0, r.edges[i * 2] ?? Infinity);
      x1 = Math.max(x1, r.edges[i * 2 + 1] ?? -Infinity);
    }
    if (!(x1 >= x0)) continue;
    box = box ? unionBox(box, [x0, r.top, x1, r.bottom]) : [x0, r.top, x1, r.bottom];
  }
  return page !== undefined && box ? { page, box } : undefined;
}

export function unionBox(a: PageBox, b: PageBox): PageBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** A box rounded to 0.1 page unit: finer than any drawing needs, and it keeps the output short. */
export function roundBox(b: PageBox): PageBox {
  const r = (v: number): number => Math.round(v * 10) / 10;
  return [r(b[0]), r(b[1]), r(b[2]), r(b[3])];
}
