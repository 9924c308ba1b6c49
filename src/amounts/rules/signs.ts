/**
 * What stands before a figure and changes it: a minus sign (负, -, –, △, ▲), accounting parentheses in tables
 * ((12.34) is negative), and a currency sign or word (¥, 人民币, RMB) that makes it money.
 */
import { C_DELTA, C_DELTA_BLACK, C_EN_DASH, NEG_CN, NEG_TRAD } from "../codes.js";
import { backWs } from "../cursor.js";
import type { Figure, Scan } from "../figure.js";
import { isYear } from "./exclusions.js";
import { CURRENCY } from "./vocabulary.js";

/** 负 / 負 / △ / ▲ before a figure: always a sign. */
export function isSignWord(c: number): boolean {
  return c === NEG_CN || c === NEG_TRAD || c === C_DELTA || c === C_DELTA_BLACK;
}

/** The sign before the figure (or inside 百分之负五), then a currency sign or word before that. */
export function readPrefix(sc: Scan, f: Figure): void {
  const { v } = sc;
  if (f.percentPrefix) readPercentSign(sc, f);
  else if (!(sc.pendingRange && f.s === sc.pendingRange.secondAt)) readSign(sc, f);
  const cb = backWs(v, f.start, sc.lastEnd);
  const word = CURRENCY.endingAt(v, cb, sc.lastEnd);
  if (word) {
    f.isMoney = true;
    f.start = cb - word[0].length;
  }
}

/** 百分之负十二点五 (the sign inside) or 负千分之8 (before the prefix). */
function readPercentSign(sc: Scan, f: Figure): void {
  const c = sc.v[f.s - 1];
  f.negative = c === "负" || c === "負" || c === "-";
  if (f.negative) return;
  const b = f.start - 1;
  const bc = sc.codes[b]!;
  if (b >= sc.lastEnd && (isSignWord(bc) || ((bc === 45 || bc === C_EN_DASH) && !/[0-9A-Za-z)\]]/.test(sc.v[b - 1] ?? "")))) {
    f.negative = true;
    f.start = b;
  }
}

/** A minus sign right before the figure; a dash after a digit or letter is a separator, not a sign. */
function readSign(sc: Scan, f: Figure): void {
  const { v, codes } = sc;
  const b = f.start - 1;
  if (b < sc.lastEnd) return;
  const bc = codes[b]!;
  if (isSignWord(bc) || ((bc === 45 || bc === C_EN_DASH) && !/[0-9A-Za-z)\]]/.test(v[b - 1] ?? "") && !(v[b - 1] === "-"))) {
    f.negative = true;
    f.start = b;
  } else if (bc === 32) {
    // "负 3,450,000", "- 3,450,000": one space after the sign; a dash after a figure or word is still a separator.
    const k = b - 1;
    const kc = codes[k]!;
    const dash = kc === 45 || kc === C_EN_DASH;
    if (k < sc.lastEnd || !(isSignWord(kc) || dash)) return;
    if (dash && (v[k - 1] === "-" || /[0-9A-Za-z)\]%]/.test(v[backWs(v, k, 0) - 1] ?? ""))) return;
    f.negative = true;
    f.start = k;
  } else if (bc === 40 && isAccountingNegative(sc, f)) {
    // (12.34) in a table: accounting negative
    f.negative = true;
    f.start = b;
    f.p = Math.max(f.p, f.e + 1);
  }
}

function isAccountingNegative(sc: Scan, f: Figure): boolean {
  const { num } = f;
  if (sc.codes[f.e]! !== 41 || !num.hasArabic || num.hasChinese) return false;
  return (/[.,]/.test(sc.text.slice(f.s, f.e)) || num.compact.length >= 3) && !isYear(f.value, num.compact);
}

