/**
 * Ranges of two figures: 500—1000元, 3至5万元, 1万-5万元, 3—5人, 一千到一千五百. The first figure is pushed as a
 * span and waits (Scan.pendingRange); when the second closes the range, one merged span takes its place.
 */
import type { AmountSpan } from "../../model/amount.js";
import { multiplierOf } from "../../model/constants.js";
import * as charclass from "../charclass.js";
import { evaluateNumeral, NUMERAL_CLASS as NUMERAL_CLASS_TABLE, tokenizeNumeral } from "../chinese.js";
import { skipWs } from "../cursor.js";
import { scaleBy, shift10 } from "../fastdecimal.js";
import type { Figure, RangeStart, Scan } from "../figure.js";
import { findLabel } from "../label.js";
import { POWER_OF_UNIT } from "../numeral.js";
import { divPow10 } from "./units.js";
import { C_EM_DASH } from "../codes.js";

const { has, isDigitCode, RANGE_SEP } = charclass;
const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;

/** Length of a range separator (——, --, —, –, -, ~, 至, 到) at `i`, or 0. */
export function rangeSepLength(v: string, i: number): number {
  const c = v.charCodeAt(i);
  if (!has(c, RANGE_SEP)) return 0;
  if ((c === C_EM_DASH || c === 45) && v.charCodeAt(i + 1) === c) return 2;
  return 1;
}

/** 三到五万元, 一至三个: a lone Chinese digit before a separator and a Chinese numeral is a range's first figure. */
export function opensChineseRange(v: string, codes: Uint16Array, e: number): boolean {
  const r = skipWs(v, e, 2);
  const sep = rangeSepLength(v, r);
  if (sep === 0) return false;
  const c = codes[skipWs(v, r + sep, 2)]!;
  return NUMERAL_CLASS[c] === 1 || NUMERAL_CLASS[c] === 2;
}

/**
 * 三到五万元, 3至5千万元: a first figure of bare digits takes the units of a second that is one digit and its units.
 * The power of ten it takes, or 0.
 */
function borrowedPower(first: string, second: string): number {
  if (first.length === 0 || hasUnit(first) || second.length < 2 || NUMERAL_CLASS[second.charCodeAt(0)] === 2 || hasUnit(second.slice(0, 1))) return 0;
  let power = 0;
  for (let k = 1; k < second.length; k++) {
    const p = POWER_OF_UNIT[second.charCodeAt(k)]!;
    if (p === 0) return 0;
    power += p;
  }
  return power;
}

function hasUnit(compact: string): boolean {
  for (let k = 0; k < compact.length; k++) if (NUMERAL_CLASS[compact.charCodeAt(k)]! >= 2 || compact.charCodeAt(k) === 46) return true;
  return false;
}

/** The range's first figure was pushed as a span of its own: the merged range takes its place, labelled from its start. */
function replaceWithRange(sc: Scan, merged: AmountSpan, a: RangeStart): number {
  sc.spans.pop();
  const label = findLabel(sc.text, sc.v, a.span.start, a.floor);
  if (label) merged.label = label;
  sc.spans.push(merged);
  sc.lastEnd = merged.end;
  sc.pendingRange = null;
  return merged.end;
}

/** Close the pending range with `span` (the figure just read). Returns where the scan goes on, or -1. */
export function closeRange(sc: Scan, f: Figure, span: AmountSpan): number {
  const a = sc.pendingRange;
  if (!a) return -1;
  const borrowed = borrowedPower(a.compact, f.num.compact);
  if (!f.isMoney && span.kind === "number" && !span.range && !f.approx && !f.negative) {
    // 3—5人, 一千到一千五百: a plain number range; both ends as printed.
    const min = borrowed > 0 ? shift10(a.full, borrowed) : a.full;
    const merged: AmountSpan = { start: a.span.start, end: span.end, text: sc.text.slice(a.span.start, span.end), kind: "number", value: min, unit: span.unit, range: { min, max: span.value } };
    return replaceWithRange(sc, merged, a);
  }
  if (span.kind === "percent" && !span.range && !f.approx && (a.span.kind === "number" || a.span.unit === span.unit)) {
    // 3-5%, 5%-10%, 百分之三到百分之五, 三至五个百分点: a percent range; a bare first figure takes the percent unit.
    const merged: AmountSpan = { start: a.span.start, end: span.end, text: sc.text.slice(a.span.start, span.end), kind: "percent", value: a.full, unit: span.unit, range: { min: a.full, max: span.value } };
    return replaceWithRange(sc, merged, a);
  }
  if (!f.isMoney || span.kind !== "money" || a.span.kind === "percent") {
    sc.pendingRange = null;
    return -1;
  }
  const mult = multiplierOf((f.printedUnit ?? "元").replace("元", ""));
  let minYuan = a.span.value;
  if (a.multUnit) minYuan = scaleBy(minYuan, multiplierOf(a.multUnit));
  else if (a.multUnit === null) minYuan = borrowed > 0 ? shift10(minYuan, borrowed) : scaleBy(minYuan, mult);
  const maxYuan = f.fullValue;
  const merged: AmountSpan = {
    start: a.span.start,
    end: span.end,
    text: sc.text.slice(a.span.start, span.end),
    kind: "money",
    value: divPow10(minYuan, mult),
    unit: f.printedUnit,
    yuan: minYuan,
    range: { min: divPow10(minYuan, mult), max: divPow10(maxYuan, mult), minYuan, maxYuan },
  };
  return replaceWithRange(sc, merged, a);
}

/** Is the span just pushed the first half of a range (a figure, a dash/至/到, a figure)? Returns where the scan goes on. */
export function openRange(sc: Scan, f: Figure, span: AmountSpan, floor: number): number {
  const { v, codes } = sc;
  if (span.approx) return span.end;
  let r = skipWs(v, span.end, 2);
  if (span.kind === "number" && !f.negative) {
    if (v.startsWith("(含)", r)) r += 3;
    const sepLen = rangeSepLength(v, r);
    if (sepLen === 0) return span.end;
    const r2 = skipWs(v, r + sepLen, 2);
    if (!(isDigitCode(codes[r2]!) || NUMERAL_CLASS[codes[r2]!]! > 0)) return span.end;
    const { num } = f;
    const multUnit = /[万萬亿億]$/.test(num.compact) || (num.hasArabic && /\d千$/.test(num.compact)) ? num.compact.slice(-1).replace("萬", "万").replace("億", "亿") : null;
    const baseValue = multUnit ? headValue(num.compact) : f.fullValue;
    if (baseValue === null) return span.end;
    sc.pendingRange = { span: { ...span, value: baseValue }, multUnit, floor, full: span.value, secondAt: r2, compact: num.compact };
    return r2;
  }
  if (span.kind !== "money" && span.kind !== "percent") return span.end;
  // 1万元--5万元, 五块六到五块七毛八, 5%-10%
  const sepLen = rangeSepLength(v, r);
  const r2 = skipWs(v, r + sepLen, 2);
  if (sepLen === 0 || !(isDigitCode(codes[r2]!) || NUMERAL_CLASS[codes[r2]!]! > 0)) return span.end;
  sc.pendingRange = { span: { ...span, value: f.fullValue }, multUnit: "", floor, full: f.fullValue, secondAt: r2, compact: "" };
  return r2;
}

/** The figure without its last unit character (三千万 → 3000), or null when that is not one number. */
function headValue(compact: string): string | null {
  const t = tokenizeNumeral(compact.slice(0, -1));
  return t ? evaluateNumeral(t) : null;
}
