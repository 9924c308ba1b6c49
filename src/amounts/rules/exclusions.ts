/**
 * Figures that are not amounts: years and dates, ordinals and table numbers, phone numbers, outline numbers,
 * classification codes, figures glued to identifiers, and lone Chinese digits inside words (一般, 统一, 三公).
 * Each rule answers where the scan goes on, or -1 when the figure stays.
 */
import { CN_BIG_UNITS, NUMERAL_CLASS as NUMERAL_CLASS_TABLE } from "../chinese.js";
import * as charclass from "../charclass.js";
import { endsWithAt, isLineStart, skipWord, skipWs } from "../cursor.js";
import { type Figure, type Scan, wholeNumeralText } from "../figure.js";
import { isAsciiDigit } from "../normalize.js";
import { hasLiang, type NumeralRead } from "../numeral.js";
import { opensChineseRange } from "./ranges.js";
import { canonical } from "../fastdecimal.js";
import { CAPITAL_WORD_DIGITS, CURRENCY, FOREIGN, isBareDigit, LONE_DIGIT_FOLLOWERS, MEASURE, matchMeasure, startsUnitOrMeasure } from "./vocabulary.js";
import { C_BIAO, C_DI, C_DUN, C_HAO, C_NIAN, C_RI, C_TU, C_WU, C_YUE } from "../codes.js";

const { GLUE_BEFORE, has, isCjkCode, isDigitCode, NOT_CODE_AFTER, WORD_AFTER } = charclass;
const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;
const DOT = 46;

export function isYear(value: string, compact: string): boolean {
  return (value.length === 4 && /^(19|20)\d\d$/.test(value)) || (compact.length === 4 && /^[一二三四五六七八九〇零○]{4}$/.test(compact));
}

/** Where the scan goes on when the numeral at `s` is not an amount; -1 when it may be one. */
export function excludedEnd(sc: Scan, num: NumeralRead, s: number, percentPrefix: boolean): number {
  const { v, codes, text } = sc;
  const e = num.end;
  // Fast reject: a lone Chinese digit in a word (一般, 统一, 三公) — nothing after it can make it a figure.
  if (!percentPrefix && num.compact.length === 1 && num.hasChinese && NUMERAL_CLASS[num.compact.charCodeAt(0)] === 1 && !wholeNumeralText(sc, s, e)) {
    const k = skipWs(v, e, 3);
    if (!LONE_DIGIT_FOLLOWERS.has(codes[k]!) && !MEASURE.at(v, k) && !FOREIGN.at(v, k) && !isBareDigit(codes, s, e) && !opensChineseRange(v, codes, e)) return e;
  }
  // Figures glued to ASCII words, URLs and identifiers (_Toc123, A2021…, %20) are not amounts.
  // RMB200, 200RMB: a currency code is not an identifier.
  const glued = (has(text.charCodeAt(s - 1), GLUE_BEFORE) && !CURRENCY.endingAt(v, s, 0)) || (has(text.charCodeAt(e), WORD_AFTER) && !CURRENCY.at(v, e));
  if (glued) return skipWord(text, e);
  if (!percentPrefix) {
    const ordinal = ordinalEnd(sc, s, e);
    if (ordinal >= 0) return ordinal;
  }
  if (num.plainInt) {
    const phone = phoneEnd(sc, num, s);
    if (phone >= 0) return phone;
  }
  const date = dateEnd(sc, num, s);
  if (date >= 0) return date;
  // 十四五, 十三五: five-year plans, unless a unit makes them a figure (十四五万 = 14万–15万).
  if (num.compact.length === 3 && num.compact.charCodeAt(2) === C_WU && /^十[一二三四五]五$/.test(num.compact) && !startsUnitOrMeasure(v, e)) return e;
  const outline = outlineEnd(sc, num, s, percentPrefix);
  if (outline >= 0) return outline;
  return isClassificationCode(sc, num, s) ? e : -1;
}

/** Ordinals (第3季度), table and attachment numbers (附表3-1, 公开01表, 表1). */
function ordinalEnd(sc: Scan, s: number, end: number): number {
  const { v, codes, text } = sc;
  const prevCode = text.charCodeAt(s - 1);
  const ce = codes[end]!;
  if (!(prevCode === C_DI || prevCode === C_BIAO || prevCode === C_TU || endsWithAt(v, s, "附件", 0) || endsWithAt(v, s, "公开", 0) || ce === C_BIAO)) return -1;
  let e = end;
  while ((v[e] === "-" || v[e] === "—" || v[e] === ".") && isAsciiDigit(v[e + 1])) {
    e++;
    while (isAsciiDigit(v[e])) e++;
  }
  if (v[e] === "表") e++;
  return e;
}

/** Phone numbers: 0311-85012345, 13812345678, or digits after 电话/传真. */
function phoneEnd(sc: Scan, num: NumeralRead, s: number): number {
  const { v } = sc;
  let e = num.end;
  if (num.compact.charCodeAt(0) === 48 && sc.codes[e]! === 45 && /^0\d{2,3}$/.test(num.compact) && /^\d{7,8}/.test(v.slice(e + 1, e + 10))) {
    e += 1;
    while (isAsciiDigit(v[e])) e++;
    return e;
  }
  const len = num.compact.length;
  if ((len === 11 && /^1[3-9]/.test(num.compact)) || (len >= 5 && /电话|传真|热线|手机|邮编|联系方式|邮政编码|QQ/.test(v.slice(Math.max(0, s - 10), s)))) return e;
  return -1;
}

/** Dates and years: 2020年, 2021—2023年, 2020-09-14, 12月31日. */
function dateEnd(sc: Scan, num: NumeralRead, s: number): number {
  const { v, codes } = sc;
  const e = num.end;
  const cnYear = num.compact.length === 4 && !num.hasArabic && /^[一二三四五六七八九〇零○]{4}$/.test(num.compact);
  if (!num.plainInt && !cnYear) return -1;
  const value = num.plainInt ? canonical(num.compact) : "";
  const after = skipWs(v, e, 2);
  const ca = codes[after]!;
  if (cnYear || isYear(value || "0", num.compact)) {
    if (ca === C_NIAN) return after + 1;
    const dm = /^[-—–~至到]{1,2}(?:19|20)\d\d(?:年)/.exec(v.slice(after, after + 8));
    if (dm) return after + dm[0].length;
    const dd = /^[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?![\d.])/.exec(v.slice(e, e + 7));
    if (dd) return e + dd[0].length;
    if (/年度[:]?\s*$/.test(v.slice(Math.max(0, s - 4), s))) return e;
  }
  if (num.compact.length <= 2 && (ca === C_YUE || ca === C_RI || ca === C_HAO)) return after + 1;
  return -1;
}

/** Outline numbers: 1、 一、 （一） (1) and "1." or "2.2" starting a line before a heading. */
function outlineEnd(sc: Scan, num: NumeralRead, s: number, percentPrefix: boolean): number {
  const { v, codes } = sc;
  const e = num.end;
  const ce = codes[e]!;
  if (!percentPrefix && (ce === C_DUN || (num.compact.length <= 3 && codes[s - 1]! === 40 && ce === 41 && !/[.,]/.test(v.slice(s, e))))) return e + 1;
  if (num.hasArabic && !num.hasChinese && num.compact.length <= 5 && isLineStart(v, s) && /^\d{1,2}(\.\d{1,2})?$/.test(num.compact)) {
    if ((ce === DOT && !isDigitCode(codes[e + 1]!)) || (num.compact.includes(".") && isCjkCode(ce) && !startsUnitOrMeasure(v, e))) return ce === DOT ? e + 1 : e;
  }
  return -1;
}

/** Classification codes before a name: 2010101行政运行, 30101 工资, 201 一般公共服务支出. */
function isClassificationCode(sc: Scan, num: NumeralRead, s: number): boolean {
  const { v, codes } = sc;
  const len = num.compact.length;
  if (!num.plainInt || !(len === 3 || len === 5 || len === 7) || num.compact.charCodeAt(0) === 48) return false;
  const ce = codes[num.end]!;
  const direct = isCjkCode(ce) && !startsUnitOrMeasure(v, num.end) && !has(ce, NOT_CODE_AFTER);
  const next = skipWs(v, num.end, 3);
  const spaced = (ce === 32 || ce === 9) && isCjkCode(v.charCodeAt(next)) && !startsUnitOrMeasure(v, next) && (isLineStart(v, s) || /[\t |]/.test(v[s - 1] ?? ""));
  return direct || spaced;
}

/** Lone Chinese digits (一般, 三公, 统一) are words unless a unit, a measure word or nothing else follows. */
export function isNumeralWord(sc: Scan, f: Figure): boolean {
  const { num } = f;
  if (!(num.hasChinese && !num.hasArabic) || f.kind !== "number" || f.isMoney || f.fuzzy) return false;
  const numeralChars = num.compact.replace(/点/g, "").length;
  const measure = matchMeasure(sc.v, skipWs(sc.v, f.p, 1));
  const whole = wholeNumeralText(sc, f.start, f.p);
  const digitSeq = !/[十拾百佰千仟万萬亿億兆廿]/.test(num.compact);
  const hasZeroOrPoint = /[零〇○点]/.test(num.compact);
  const accept =
    whole ||
    f.unit === "打" ||
    (numeralChars === 1 && measure !== null && !/[百佰千仟万萬亿億兆]/.test(num.compact)) ||
    (numeralChars >= 2 && !digitSeq) ||
    (numeralChars >= 2 && digitSeq && (hasZeroOrPoint || numeralChars >= 3 || measure !== null)) ||
    (sc.pendingRange !== null && f.s === sc.pendingRange.secondAt) ||
    (numeralChars === 1 && isBareDigit(sc.codes, f.start, f.p)) ||
    opensChineseRange(sc.v, sc.codes, f.p);
  // 两两, 俩俩: 两 is not read digit by digit; 陆 alone is the word (登陆, 大陆), not the capital 6.
  const wordLike = (digitSeq && numeralChars >= 2 && hasLiang(num.compact)) || (numeralChars === 1 && CAPITAL_WORD_DIGITS.has(num.compact.charCodeAt(0)));
  if (!accept || wordLike || (/^[千仟百佰]/.test(num.compact) && numeralChars === 1)) return true;
  // 千万 (千万不要), 百万 as adverbs
  return /^[千仟百佰]/.test(num.compact) && numeralChars === 2 && !whole && CN_BIG_UNITS.has(num.compact[1]!);
}
