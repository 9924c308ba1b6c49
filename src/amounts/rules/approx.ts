/**
 * Approximations: 余/多/几 after a figure (二百余万 more than; 十几万 up to the next ten), vague figures read as
 * ranges (三五百, 几十万), qualifier words around a figure (约, 超过, 以上, 左右) and change words (增加, 减少).
 */
import type { AmountSpan } from "../../model/amount.js";
import { multiplierOf } from "../../model/constants.js";
import { add } from "../../util/decimal.js";
import * as charclass from "../charclass.js";
import { CN_DIGITS, NUMERAL_CLASS as NUMERAL_CLASS_TABLE } from "../chinese.js";
import { backWs, skipWs } from "../cursor.js";
import { scaleBy } from "../fastdecimal.js";
import type { Figure, Scan } from "../figure.js";
import { endsWithTen, valueOfCompact } from "../numeral.js";
import { normalizeMultiplier } from "./units.js";
import { AFTER, BEFORE, CHANGE } from "./vocabulary.js";
import { C_LE, C_YU } from "../codes.js";

const { APPROX_TAIL, CNY, has, MULT_AFTER_APPROX, SOME } = charclass;
const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;

/**
 * Two neighbouring digits read as a vague range, low to high: leading (三五百 → 300–500, 二三十 → 20–30, gap ≤ 2)
 * or after a unit (二十三四 → 23–24, 十七八万 → 17万–18万, 一千七八百 → 1700–1800, consecutive digits only).
 */
export function fuzzyDigitPair(compact: string): { lo: string; hi: string } | null {
  const lead = leadingPair(compact);
  if (lead) return lead;
  for (let k = compact.length - 2; k >= 1; k--) {
    if (NUMERAL_CLASS[compact.charCodeAt(k)] !== 1 || NUMERAL_CLASS[compact.charCodeAt(k + 1)] !== 1) continue;
    if (NUMERAL_CLASS[compact.charCodeAt(k - 1)]! < 2) return null; // the pair must follow a unit: 二十三四, not 一二三
    const a = CN_DIGITS.get(compact.charAt(k)) ?? 0;
    const b = CN_DIGITS.get(compact.charAt(k + 1)) ?? 0;
    if (a === 0 || b !== a + 1) return null;
    const head = compact.slice(0, k);
    const tail = compact.slice(k + 2);
    const lo = valueOfCompact(`${head}${compact.charAt(k)}${tail}`, false, true);
    const hi = valueOfCompact(`${head}${compact.charAt(k + 1)}${tail}`, false, true);
    return lo !== null && hi !== null ? { lo, hi } : null;
  }
  return null;
}

function leadingPair(compact: string): { lo: string; hi: string } | null {
  if (compact.length < 3 || NUMERAL_CLASS[compact.charCodeAt(0)] !== 1 || NUMERAL_CLASS[compact.charCodeAt(1)] !== 1) return null;
  for (let k = 2; k < compact.length; k++) if (NUMERAL_CLASS[compact.charCodeAt(k)]! < 2) return null;
  const a = CN_DIGITS.get(compact.charAt(0)) ?? 0;
  const b = CN_DIGITS.get(compact.charAt(1)) ?? 0;
  if (a === 0 || b <= a || b - a > 2) return null;
  const units = compact.slice(2);
  const lo = valueOfCompact(`${a}${units}`, true, true);
  const hi = valueOfCompact(`${b}${units}`, true, true);
  return lo !== null && hi !== null ? { lo, hi } : null;
}

/** 余 / 多 / 几 after the figure, with the multipliers after them (二百余万, 100多人, 十几万, 四十几). */
export function readApproxTail(sc: Scan, f: Figure): void {
  const { v, codes, n } = sc;
  const q = skipWs(v, f.p, 3);
  if (!has(codes[q]!, APPROX_TAIL)) return;
  let r = skipWs(v, q + 1, 3);
  const multStart = r;
  while (r < n && has(codes[r]!, MULT_AFTER_APPROX)) r++;
  const mults = v.slice(multStart, r);
  const afterMult = skipWs(v, r, 3);
  const tens = codes[q]! !== C_YU && !f.fuzzy && endsWithTen(f.num.compact);
  if (tens && (!mults || !/^[千百]/.test(mults))) {
    // 十几万, 四十几: "ten-something" is bounded by the next ten.
    f.fuzzy = { lo: f.value, hi: "" }; // the next ten, computed once the figure is accepted
    f.extraMult = normalizeMultiplier(mults);
    f.p = mults ? r : has(codes[afterMult]!, CNY) ? afterMult : q + 1;
  } else if (mults && !/^[千百]/.test(mults)) {
    f.approx = "more_than";
    f.extraMult = normalizeMultiplier(mults);
    f.p = r;
  } else if (!mults && has(codes[afterMult]!, CNY)) {
    f.approx = "more_than";
    f.p = afterMult;
  } else if (!mults) {
    f.approx = "more_than"; // 100多人: the qualifier is noted, the span stays on the figure
  }
}

/** 几十万, 数十亿: "some tens of" a unit, from one to ten of them. */
export function readSomePrefix(sc: Scan, f: Figure): void {
  if (f.percentPrefix || f.fuzzy || f.num.hasArabic) return;
  const lead = NUMERAL_CLASS[f.num.compact.charCodeAt(0)]!;
  if (!has(sc.codes[f.s - 1]!, SOME) || f.s - 1 < sc.lastEnd || !(lead === 2 || lead === 3)) return;
  f.fuzzy = { lo: f.value, hi: scaleBy(f.value, "10") };
  f.start = f.s - 1;
}

/**
 * Qualifiers before the figure (约, 超过, 不足) and after (以上, 左右); change words (增加, 减少) before it. Returns
 * where a label may end (before the qualifier) and the change word's direction.
 */
export function readQualifiers(sc: Scan, f: Figure): { look: number; change: AmountSpan["change"] } {
  const { v, codes } = sc;
  const floor = sc.lastEnd;
  let look = backWs(v, f.start, floor);
  const before = BEFORE.endingAt(v, look, floor);
  if (before) {
    f.approx = f.approx ?? before[1];
    look = backWs(v, look - before[0].length, floor);
  }
  const after = skipWs(v, f.p, 1);
  const afterWord = AFTER.at(v, codes[after]! === 40 && v.startsWith("(含)", after) ? after + 3 : after);
  if (afterWord) f.approx = f.approx ?? afterWord[1];
  let lk = look;
  if (codes[lk - 1]! === C_LE) lk = backWs(v, lk - 1, floor);
  const changeWord = CHANGE.endingAt(v, lk, floor);
  return { look, change: changeWord ? changeWord[1] : undefined };
}

/** A vague figure is an approximate range, in 元 (money) or as a plain number. */
export function fuzzyAsRange(f: Figure, span: AmountSpan): void {
  if (!f.fuzzy) return;
  const m = f.extraMult ? multiplierOf(f.extraMult) : "1";
  const lo = scaleBy(f.fuzzy.lo, m);
  const hi = scaleBy(f.fuzzy.hi || add(f.fuzzy.lo, "10"), m);
  span.approx = "about";
  span.value = lo;
  if (f.isMoney) {
    span.unit = "元";
    span.yuan = lo;
    span.range = { min: lo, max: hi, minYuan: lo, maxYuan: hi };
  } else span.range = { min: lo, max: hi };
}
