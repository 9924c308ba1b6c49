/**
 * X分之Y: fractions (五分之一, 二十五分之一百四十四, 3又一千分之23), rates with no figure before the unit
 * (百万分之五), and the percent prefixes 百分之 / 千分之 / 万分之 before a figure.
 */
import type { AmountSpan } from "../../model/amount.js";
import { add } from "../../util/decimal.js";
import { isDigitCode, GLUE_BEFORE, has } from "../charclass.js";
import { NUMERAL_CLASS as NUMERAL_CLASS_TABLE } from "../chinese.js";
import { backWs, skipSpaces } from "../cursor.js";
import { negate, shift10 } from "../fastdecimal.js";
import type { Scan } from "../figure.js";
import { divideExact, type Rational, rational, roundRational } from "../fraction.js";
import { findLabel } from "../label.js";
import { type NumeralRead, readNumeral, valueOfCompact } from "../numeral.js";
import { C_DI, C_FEN, C_SHI, C_SHI_CAPITAL, C_YOU, C_ZHI, NEG_CN, NEG_TRAD } from "../codes.js";

const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;
const code = (ch: string): number => ch.charCodeAt(0);
const SPACE = 32;

/** 百分之 / 千分之 / 万分之: the unit the prefix gives the figure after it. */
const PERCENT_PREFIX_UNIT = new Map<number, string>([
  [code("百"), "%"], [code("佰"), "%"], [code("千"), "‰"], [code("仟"), "‰"], [code("万"), "‱"], [code("萬"), "‱"],
]);

/** After 百/千/万 at `i`: " 分 之 " with up to two spaces around each; the index after it, or -1. */
function matchFenZhi(v: string, i: number): number {
  let k = i;
  while (k - i < 2 && v.charCodeAt(k) === SPACE) k++;
  if (v.charCodeAt(k) !== C_FEN) return -1;
  const j = ++k;
  while (k - j < 2 && v.charCodeAt(k) === SPACE) k++;
  if (v.charCodeAt(k) !== C_ZHI) return -1;
  const m = ++k;
  while (k - m < 2 && v.charCodeAt(k) === SPACE) k++;
  return k;
}

/** Percent written before the figure (百分之十二点五, 千分之2.4): its unit, where it starts and where the figure starts. */
export function readPercentPrefix(sc: Scan, i: number): { unit: string; from: number; numAt: number } | null {
  const { v, codes } = sc;
  const c0 = codes[i]!;
  if (NUMERAL_CLASS[c0]! < 2) return null; // 百 / 千 / 万 only: digits never start a prefix
  const pmEnd = PERCENT_PREFIX_UNIT.has(c0) ? matchFenZhi(v, i + 1) : -1;
  if (pmEnd <= 0 || !(i === 0 || NUMERAL_CLASS[codes[i - 1]!] === 0)) return null;
  let k = pmEnd;
  const kc = codes[k]!;
  if (kc === NEG_CN || kc === NEG_TRAD || kc === 45) k++;
  if (!(isDigitCode(codes[k]!) || NUMERAL_CLASS[codes[k]!]! > 0)) return null;
  return { unit: PERCENT_PREFIX_UNIT.get(c0)!, from: i, numAt: k };
}

/** Decimals of the rounded value of a fraction without an exact decimal form (三分之一 ≈ 0.333333333333). */
const FRACTION_DIGITS = 12;

interface FractionRead {
  end: number;
  /** Exact value, null when the quotient does not terminate (三分之一). */
  value: string | null;
  /** Numerator and denominator as read, signed: kept for the rational of a non-terminating quotient. */
  numValue: string;
  denValue: string;
  /** 百万分之五: no figure before the unit, read as a rate like 百分之五 (value in percent). */
  percent: boolean;
}

/** "X分之Y" where `den` is the numeral X just read. Null when no 分之 and numerator follow. */
function readFraction(v: string, codes: Uint16Array, den: NumeralRead): FractionRead | null {
  let k = matchFenZhi(v, den.end);
  if (k < 0) return null;
  const c = codes[k]!;
  const negative = c === NEG_CN || c === NEG_TRAD;
  if (negative) k++;
  const numer = readNumeral(v, codes, k);
  if (!numer) return null;
  // 百万分之五 is a rate; 十四分之一 is fourteen (a leading 十 counts one ten, as everywhere).
  const lead = den.compact.charCodeAt(0);
  const percent = NUMERAL_CLASS[lead]! >= 2 && lead !== C_SHI && lead !== C_SHI_CAPITAL;
  // 万万分之七: a denominator that starts with its unit counts one of it.
  const denValue = valueOfCompact(percent ? `一${den.compact}` : den.compact, den.hasArabic, true);
  const numValue = valueOfCompact(numer.compact, numer.hasArabic, numer.hasChinese);
  if (denValue === null || numValue === null) return null;
  let q = divideExact(numValue, denValue);
  if (q !== null && percent) q = shift10(q, 2);
  if (q !== null && negative) q = negate(q);
  return { end: numer.end, value: q, percent, numValue: negative ? negate(numValue) : numValue, denValue };
}

/**
 * The fraction starting with the numeral `num` at `s` (五分之一, 3又一千分之23, 负一又二分之一), pushed as a span.
 * Returns where the scan goes on, or -1 when no fraction is written there.
 */
export function fractionStep(sc: Scan, num: NumeralRead, s: number): number {
  const { v, codes } = sc;
  let fraction = readFraction(v, codes, num);
  let whole: string | null = null;
  if (!fraction) {
    const y = skipSpaces(v, num.end, 2);
    if (codes[y]! !== C_YOU) return -1;
    const den = readNumeral(v, codes, skipSpaces(v, y + 1, 2));
    if (!den) return -1;
    fraction = readFraction(v, codes, den);
    if (!fraction || fraction.percent) return -1;
    whole = valueOfCompact(num.compact, num.hasArabic, num.hasChinese) ?? "x";
  }
  let start = s;
  let value = fraction.value;
  if (value !== null && whole !== null) value = whole === "x" ? null : add(whole, value);
  const before = codes[s - 1]!;
  const negative = s - 1 >= sc.lastEnd && (before === NEG_CN || before === NEG_TRAD || (before === 45 && !has(codes[s - 2]!, GLUE_BEFORE) && !isDigitCode(codes[s - 2]!)));
  if (negative) {
    start = s - 1;
    if (value !== null) value = negate(value);
  }
  const span: AmountSpan = {
    start,
    end: fraction.end,
    text: sc.text.slice(start, fraction.end),
    kind: fraction.percent ? "percent" : "number",
    value: value ?? "0",
    unit: fraction.percent ? "%" : null,
  };
  if (value === null) {
    // 三分之一: no exact decimal form; the exact rational is kept and the value is rounded.
    const r = whole === "x" ? null : rational(fraction.numValue, fraction.denValue, whole ?? "0");
    if (r === null || fraction.percent) return fraction.end;
    const signed: Rational = negative ? { numerator: -r.numerator, denominator: r.denominator } : r;
    span.value = roundRational(signed, FRACTION_DIGITS);
    span.approx = "about";
    span.fraction = { numerator: signed.numerator.toString(), denominator: signed.denominator.toString() };
  }
  const label = findLabel(sc.text, v, backWs(v, start, sc.lastEnd), sc.lastEnd);
  if (label) span.label = label;
  sc.spans.push(span);
  sc.lastEnd = fraction.end;
  sc.pendingRange = null;
  return fraction.end;
}

const SLASH = 47;

/** A small integer of Arabic digits at `i`: its end, or -1 (more than `max` digits, or none). */
function smallIntEnd(codes: Uint16Array, i: number, max: number): number {
  let k = i;
  while (isDigitCode(codes[k]!)) k++;
  return k > i && k - i <= max ? k : -1;
}

/**
 * 3/5, 16/5, -3/2 and the mixed 1 3/5: an Arabic fraction of small integers (numerator ≤ 3 digits, denominator
 * ≤ 2, not 0). Dates (2020/9/14, 9/14/2020), years (2020/2021) and column pairs of large figures are not
 * fractions. Returns where the scan goes on, or -1.
 */
export function slashFractionStep(sc: Scan, num: NumeralRead, s: number): number {
  const { v, codes } = sc;
  // 第1/5页 is a page; A1/2, id=3/4 are identifiers.
  if (!num.plainInt || codes[s - 1] === SLASH || codes[s - 1] === C_DI || has(codes[s - 1]!, GLUE_BEFORE)) return -1;
  let whole: string | null = null;
  let numAt = s;
  if (codes[num.end] === SPACE && codes[num.end + 1] !== SPACE && num.compact.length <= 3) {
    // 1 3/5: one space between the whole and its fraction.
    const k = smallIntEnd(codes, num.end + 1, 3);
    if (k > 0 && codes[k] === SLASH) {
      whole = num.compact;
      numAt = num.end + 1;
    }
  }
  const numEnd = whole ? smallIntEnd(codes, numAt, 3) : num.end;
  if (numEnd < 0 || codes[numEnd] !== SLASH || numEnd - numAt > 3) return -1;
  const denEnd = smallIntEnd(codes, numEnd + 1, 2);
  if (denEnd < 0 || codes[denEnd] === SLASH || codes[denEnd] === 46 || has(codes[denEnd]!, GLUE_BEFORE)) return -1;
  const numerator = v.slice(numAt, numEnd);
  const denominator = v.slice(numEnd + 1, denEnd);
  if (/^0+$/.test(denominator)) return -1;
  return pushFraction(sc, s, denEnd, { numerator, denominator, whole: whole ?? "0" });
}

/** A fraction span from `s` to `end` (with a sign before it), exact or with its rational. */
function pushFraction(sc: Scan, s: number, end: number, q: { numerator: string; denominator: string; whole: string }): number {
  const { codes } = sc;
  const before = codes[s - 1]!;
  const negative = s - 1 >= sc.lastEnd && (before === NEG_CN || before === NEG_TRAD || (before === 45 && !has(codes[s - 2]!, GLUE_BEFORE) && !isDigitCode(codes[s - 2]!)));
  const start = negative ? s - 1 : s;
  const r = rational(q.numerator, q.denominator, q.whole);
  if (r === null) return end;
  const signed: Rational = negative ? { numerator: -r.numerator, denominator: r.denominator } : r;
  const exact = divideExact(signed.numerator.toString(), signed.denominator.toString());
  const span: AmountSpan = { start, end, text: sc.text.slice(start, end), kind: "number", value: exact ?? roundRational(signed, FRACTION_DIGITS), unit: null };
  if (exact === null) {
    span.approx = "about";
    span.fraction = { numerator: signed.numerator.toString(), denominator: signed.denominator.toString() };
  }
  const label = findLabel(sc.text, sc.v, backWs(sc.v, start, sc.lastEnd), sc.lastEnd);
  if (label) span.label = label;
  sc.spans.push(span);
  sc.lastEnd = end;
  sc.pendingRange = null;
  return end;
}
