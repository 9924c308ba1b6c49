/**
 * Character-level moves over the scan view: bounded skips of spaces, word tests at a position. Every rule
 * looks a few characters around a figure with these; none walks further than its bound.
 */
import { has, WS } from "./charclass.js";

const SPACE = 32;

/** Skip up to `max` plain spaces. */
export function skipSpaces(v: string, i: number, max: number): number {
  let k = i;
  while (k - i < max && v.charCodeAt(k) === SPACE) k++;
  return k;
}

/** Skip up to `max` spaces / line breaks; returns the new index. */
export function skipWs(v: string, i: number, max = 3): number {
  let k = i;
  while (k < v.length && k - i < max && has(v.charCodeAt(k), WS)) k++;
  return k;
}

/** Look back from `i` skipping spaces; returns the index just after the last non-space char. */
export function backWs(v: string, i: number, min: number): number {
  let k = i;
  let c = v.charCodeAt(k - 1);
  while (k > min && (c === 32 || c === 10 || c === 13)) c = v.charCodeAt(--k - 1);
  return k;
}

export function endsWithAt(v: string, end: number, word: string, min: number): boolean {
  return end - word.length >= min && v.startsWith(word, end - word.length);
}

/** Nothing but spaces or tabs between the line's start and `i`. */
export function isLineStart(v: string, i: number): boolean {
  let k = i;
  while (k > 0 && (v.charCodeAt(k - 1) === 32 || v.charCodeAt(k - 1) === 9)) k--;
  return k === 0 || v.charCodeAt(k - 1) === 10 || v.charCodeAt(k - 1) === 13;
}

/** "个 百 分点": a fixed word that PDF text may space out. Returns the end index or -1. */
export function matchSpacedWord(v: string, i: number, words: readonly string[]): number {
  for (const w of words) {
    let k = i;
    let ok = true;
    for (let c = 0; c < w.length; c++) {
      if (c > 0) k = skipWs(v, k, 4);
      if (v[k] !== w[c]) {
        ok = false;
        break;
      }
      k++;
    }
    if (ok) return k;
  }
  return -1;
}

/** The end of an ASCII word (identifier, URL piece) starting at `i`. */
export function skipWord(text: string, i: number): number {
  let k = i;
  while (k < text.length && /[A-Za-z0-9_%.\-]/.test(text[k]!)) k++;
  return k;
}

/** Where the scan goes on after passing over [i, e): at least one character on. */
export function past(i: number, e: number): number {
  return e > i + 1 ? e : i + 1;
}
