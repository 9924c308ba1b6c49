/**
 * The narrative label of a figure: the noun phrase right before it, e.g. "一般公共预算收入" in
 * "其中：一般公共预算收入340.77万元". Looks back at most LABEL_WINDOW characters.
 */
import type { AmountSpan } from "../model/amount.js";
import { LABEL_LEADING_STOP, LABEL_PUNCT, LABEL_TRAILING_STOP } from "./words.js";
import { wordIndex } from "./wordindex.js";

const TRAILING = wordIndex(LABEL_TRAILING_STOP);
const LEADING = wordIndex(LABEL_LEADING_STOP);
/** LABEL_PUNCT and ASCII digits by code unit: the backward walk tests every character. */
const PUNCT = new Uint8Array(65536);
for (const ch of LABEL_PUNCT) PUNCT[ch.charCodeAt(0)] = 1;
const STOPS = new Uint8Array(65536);
for (const ch of LABEL_PUNCT) STOPS[ch.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) STOPS[c] = 1;

const LABEL_WINDOW = 30;
const C_NIAN = "年".charCodeAt(0);
const C_DU = "度".charCodeAt(0);
const C_MO = "末".charCodeAt(0);
const C_CHU = "初".charCodeAt(0);
const COMPARE_START = new Set([..."比较與与同"].map((c) => c.charCodeAt(0)));
const isAsciiDigitCode = (c: number): boolean => c >= 48 && c <= 57;

export function findLabel(text: string, view: string, end: number, floor: number): AmountSpan["label"] | undefined {
  let e = end;
  const min = Math.max(floor, end - LABEL_WINDOW);
  // Trailing link words: 为, 共计, 安排 …
  let changed = true;
  while (changed) {
    changed = false;
    while (e > min && view.charCodeAt(e - 1) === 32) e--;
    const w = TRAILING.endingAt(view, e, min + 1);
    if (w) {
      e -= w[0].length;
      changed = true;
    }
  }
  let s = e;
  while (s > min) {
    if (view.charCodeAt(s - 1) === 41 /* ")" */) {
      // A short parenthetical inside a name: 因公出国（境）费
      let open = s - 2;
      while (open >= min && s - open <= 6 && view.charCodeAt(open) !== 40) open--;
      if (open >= min && view.charCodeAt(open) === 40 && s - open <= 6 && open > 0 && PUNCT[view.charCodeAt(open - 1)] !== 1) {
        s = open;
        continue;
      }
    }
    if (STOPS[view.charCodeAt(s - 1)] === 1) break;
    s--;
  }
  // "2020年预算收入": a year before the label is context, not label.
  if (s > 0 && view.charCodeAt(s) === C_NIAN && isAsciiDigitCode(view.charCodeAt(s - 1))) {
    s++;
    const c = view.charCodeAt(s);
    if (c === C_DU || c === C_MO || c === C_CHU) s++;
  }
  changed = true;
  while (changed) {
    changed = false;
    const w = LEADING.at(view, s);
    if (w && s + w[0].length < e) {
      s += w[0].length;
      changed = true;
    }
  }
  // A comparison base is not a label: 比2024年预算增加…, 较上年…
  if (COMPARE_START.has(view.charCodeAt(s))) return undefined;
  if (e - s < 2) return undefined;
  return { text: text.slice(s, e), start: s, end: e };
}
