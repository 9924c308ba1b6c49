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
const STOPS = new Uint8Array(65536);
for (const ch of LABEL_PUNCT) STOPS[ch.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) STOPS[c] = 1;

const LABEL_WINDOW = 30;

export function findLabel(text: string, view: string, end: number, floor: number): AmountSpan["label"] | undefined {
  let e = end;
  const min = Math.max(floor, end - LABEL_WINDOW);
  // Trailing link words: 为, 共计, 安排 …
  let changed = true;
  while (changed) {
    changed = false;
    while (e > min && view[e - 1] === " ") e--;
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
      while (open >= min && s - open <= 6 && view[open] !== "(") open--;
      if (open >= min && view[open] === "(" && s - open <= 6 && open > 0 && !LABEL_PUNCT.has(view[open - 1]!)) {
        s = open;
        continue;
      }
    }
    if (STOPS[view.charCodeAt(s - 1)] === 1) break;
    s--;
  }
  // "2020年预算收入": a year before the label is context, not label.
  if (s > 0 && view[s] === "年" && view[s - 1]! >= "0" && view[s - 1]! <= "9") {
    s++;
    if (view[s] === "度" || view[s] === "末" || view[s] === "初") s++;
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
  if (/^[比较與与同]/.test(view.slice(s, s + 1))) return undefined;
  if (e - s < 2) return undefined;
  return { text: text.slice(s, e), start: s, end: e };
}
