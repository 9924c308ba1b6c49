/**
 * The amount scanner: one forward pass over the text. At each character that can start a figure it reads the
 * numeral, then hands the figure to the rules, which look a bounded distance around it (exclusions, units,
 * approximations, signs, qualifiers, ranges, label) — so the cost is linear in the text length.
 */
import type { AmountSpan } from "../model/amount.js";
import * as charclass from "./charclass.js";
import { C_BAN, C_DUI, C_DUI_TRAD } from "./codes.js";
import { NUMERAL_CLASS as NUMERAL_CLASS_TABLE } from "./chinese.js";
import { backWs, past, skipWs } from "./cursor.js";
import type { Figure, Scan } from "./figure.js";
import { findLabel } from "./label.js";
import { scanViewWithCodes } from "./normalize.js";
import { hasUnitChar, MAX_NUMERAL_CHARS, type NumeralRead, readNumeral, valueOfCompact } from "./numeral.js";
import { fuzzyAsRange, fuzzyDigitPair, readApproxTail, readQualifiers, readSomePrefix } from "./rules/approx.js";
import { excludedEnd, isNumeralWord } from "./rules/exclusions.js";
import { readHalfWord } from "./rules/fixed.js";
import { fractionStep, readPercentPrefix, slashFractionStep } from "./rules/fractions.js";
import { closeRange, openRange } from "./rules/ranges.js";
import { readPrefix } from "./rules/signs.js";
import { applyDefaultUnit, composeValues, readUnit, resolveDefaultUnit } from "./rules/units.js";
import { matchMeasure } from "./rules/vocabulary.js";

const { has, isDigitCode, LEAD_NOISE, SOME } = charclass;
const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;
const DOT = 46;

/** Any character that can start a figure (ASCII digit, point, Chinese numeral, 半, 对), as one table read. */
const FIGURE_START = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (c < 128 ? (c >= 48 && c <= 57) || c === DOT : NUMERAL_CLASS[c]! > 0 || c === C_BAN || c === C_DUI || c === C_DUI_TRAD) FIGURE_START[c] = 1;
}

export function newScan(text: string, defaultUnit: Parameters<typeof resolveDefaultUnit>[0]): Scan {
  const { view: v, codes } = scanViewWithCodes(text);
  const n = v.length;
  let lead = 0;
  while (lead < n && (has(codes[lead]!, LEAD_NOISE) || /\s/.test(v[lead]!))) lead++;
  let trail = n;
  while (trail > lead && /[\s)]/.test(v[trail - 1]!)) trail--;
  return { text, v, codes, n, spans: [], lastEnd: 0, pendingRange: null, defaultUnit: resolveDefaultUnit(defaultUnit), lead, trail };
}

/** Every span of the text, in order; the caller applies bounds. */
export function scan(sc: Scan): AmountSpan[] {
  const { n, codes } = sc;
  let i = 0;
  while (i < n) {
    // Jump to the next character that can start a figure: plain prose costs one table read per character.
    while (i < n && FIGURE_START[codes[i]!] !== 1) i++;
    if (i >= n) break;
    i = step(sc, i);
  }
  return sc.spans;
}

/** Read the figure that may start at `i`; returns where the scan goes on. */
function step(sc: Scan, i: number): number {
  const { v, codes } = sc;
  const c0 = codes[i]!;
  if (c0 === C_BAN || c0 === C_DUI || c0 === C_DUI_TRAD) return halfWordStep(sc, i);
  const percentPrefix = readPercentPrefix(sc, i);
  if (!percentPrefix && c0 === DOT && !(isDigitCode(codes[i + 1]!) && !isDigitCode(codes[i - 1]!) && codes[i - 1]! !== DOT)) return i + 1;
  if (isDigitCode(c0) && codes[i - 1]! === DOT && afterDottedDigits(v, i - 1)) {
    // 10..1万: digits after a run of points that follows digits are debris, not a figure.
    let k = i + 1;
    while (isDigitCode(codes[k]!)) k++;
    return k;
  }
  const s = percentPrefix ? percentPrefix.numAt : i;
  const num = readNumeral(v, codes, s);
  if (!num) return i + 1;
  if (num.compact.length > MAX_NUMERAL_CHARS) return past(i, num.end);
  if (!percentPrefix) {
    const slash = codes[num.end] === 47 || codes[num.end] === 32 ? slashFractionStep(sc, num, s) : -1;
    const f = slash >= 0 ? slash : fractionStep(sc, num, s);
    if (f >= 0) return f;
  }
  const skip = excludedEnd(sc, num, s, percentPrefix !== null);
  if (skip >= 0) return past(i, skip);
  const f = evaluate(codes, num, s, percentPrefix);
  if (!f) return past(i, num.end);
  return figureStep(sc, f, i);
}

/** True when the points ending at `dotAt` follow a digit (10..1). */
function afterDottedDigits(v: string, dotAt: number): boolean {
  let k = dotAt;
  while (v.charCodeAt(k) === DOT) k--;
  return k < dotAt - 1 && isDigitCode(v.charCodeAt(k));
}

function halfWordStep(sc: Scan, i: number): number {
  const half = readHalfWord(sc.v, i);
  if (!half) return i + 1;
  const span: AmountSpan = { start: i, end: half.end, text: sc.text.slice(i, half.end), kind: half.kind, value: half.value, unit: half.kind === "percent" ? "%" : null };
  const label = findLabel(sc.text, sc.v, backWs(sc.v, i, sc.lastEnd), sc.lastEnd);
  if (label) span.label = label;
  sc.spans.push(span);
  sc.lastEnd = half.end;
  sc.pendingRange = null;
  return half.end;
}

/** The numeral's value as a new Figure; null when it is not one number (nor a vague pair like 三五百). */
function evaluate(codes: Uint16Array, num: NumeralRead, s: number, percentPrefix: Figure["percentPrefix"]): Figure | null {
  let e = num.end;
  let value = valueOfCompact(num.compact, num.hasArabic, num.hasChinese);
  if (value === null && num.hasChinese && e - s === num.compact.length) {
    // 百分之七十百分位: a stray unit after a complete numeral; drop trailing units while what stays has one.
    let len = num.compact.length;
    while (value === null && len > 2 && NUMERAL_CLASS[num.compact.charCodeAt(len - 1)]! >= 2) {
      len--;
      const head = num.compact.slice(0, len);
      if (!hasUnitChar(head)) break;
      value = valueOfCompact(head, num.hasArabic, true);
      if (value !== null) {
        num.compact = head;
        e = s + len;
      }
    }
  }
  // 几万, 数亿: "some" before a bare big unit counts one of it (the range comes with readSomePrefix).
  if (value === null && NUMERAL_CLASS[num.compact.charCodeAt(0)] === 3 && has(codes[s - 1]!, SOME)) value = valueOfCompact(`一${num.compact}`, false, true);
  // 三五百, 四五千, 二三十: two neighbouring digits before a unit are a vague range, low to high.
  let fuzzy: Figure["fuzzy"] = null;
  if (value === null && !num.hasArabic) {
    fuzzy = fuzzyDigitPair(num.compact);
    if (fuzzy) value = fuzzy.lo;
  }
  if (value === null) return null;
  num.end = e;
  // One Figure for the whole scan, reset here: nothing keeps a figure once its span is made, and a fresh object per
  // figure is a measurable share of the scan's garbage.
  const f = FIGURE;
  f.num = num;
  f.s = s;
  f.e = f.p = e;
  f.percentPrefix = percentPrefix;
  f.value = f.fullValue = f.printedValue = value;
  f.fuzzy = fuzzy;
  f.start = percentPrefix ? percentPrefix.from : s;
  f.approx = undefined;
  f.extraMult = "";
  f.kind = "number";
  f.unit = f.printedUnit = null;
  f.isMoney = f.negative = false;
  f.jiaoFen = "0";
  return f;
}

const FIGURE: Figure = {
  num: { end: 0, compact: "", hasArabic: false, hasChinese: false, plainInt: false }, s: 0, e: 0, percentPrefix: null, value: "0", fuzzy: null, p: 0, start: 0,
  approx: undefined, extraMult: "", kind: "number", unit: null, isMoney: false, jiaoFen: "0", negative: false, fullValue: "0", printedValue: "0", printedUnit: null,
};

/** The rules around an accepted numeral, then the span (or a range it closes or opens). */
function figureStep(sc: Scan, f: Figure, i: number): number {
  readApproxTail(sc, f);
  if (!readUnit(sc, f)) return past(i, f.p);
  if (f.percentPrefix) {
    f.kind = "percent";
    f.unit = f.percentPrefix.unit;
    f.p = Math.max(f.p, f.e);
    if (f.isMoney) return past(i, f.e);
  }
  readSomePrefix(sc, f);
  const floor = sc.lastEnd;
  readPrefix(sc, f);
  composeValues(f);
  if (isNumeralWord(sc, f)) return past(i, f.e);
  applyDefaultUnit(sc, f);
  const { look, change } = readQualifiers(sc, f);
  const span = toSpan(sc, f, change);
  const closed = closeRange(sc, f, span);
  if (closed >= 0) return closed;
  if (!change) {
    const label = findLabel(sc.text, sc.v, look, floor);
    if (label) span.label = label;
  }
  sc.spans.push(span);
  sc.lastEnd = span.end;
  return openRange(sc, f, span, floor);
}

function toSpan(sc: Scan, f: Figure, change: AmountSpan["change"]): AmountSpan {
  const money = f.isMoney;
  const span: AmountSpan = {
    start: f.start,
    end: f.p,
    text: sc.text.slice(f.start, f.p),
    kind: money ? "money" : f.kind,
    value: money ? f.printedValue : f.fullValue,
    unit: money ? f.printedUnit : f.kind === "percent" || f.unit ? f.unit : matchMeasure(sc.v, skipWs(sc.v, f.p, 1)),
  };
  if (money) span.yuan = f.fullValue;
  if (f.approx) span.approx = f.approx;
  if (change) span.change = change;
  fuzzyAsRange(f, span);
  return span;
}
