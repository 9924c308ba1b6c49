/**
 * The amount recognizer: one forward scan over the text. At each figure it reads the numeral, then looks a
 * bounded distance around it (units, signs, qualifiers, change words, label), so the cost is linear in the
 * text length. No regex here can backtrack over more than a few characters.
 */
import type { AmountSpan } from "../model/amount.js";
import type { MoneyUnit } from "../model/table.js";
import { compare } from "../util/decimal.js";
import { canonical as normalizeDecimal, negate as neg, scaleBy as mul, shift10 } from "./fastdecimal.js";
import { CN_BIG_UNITS, CN_DIGITS, evaluateNumeral, NUMERAL_CLASS as NUMERAL_CLASS_TABLE, tokenizeNumeral } from "./chinese.js";
import { isAsciiDigit, scanViewWithCodes } from "./normalize.js";
import * as charclass from "./charclass.js";
import { APPROX_AFTER, APPROX_BEFORE, CHANGE_WORDS, FOREIGN_CURRENCIES, MEASURE_WORDS } from "./words.js";
import { findLabel } from "./label.js";
import { divideExact } from "./fraction.js";
import { applyBounds } from "./bounds.js";
import { WordIndex, wordIndex } from "./wordindex.js";
import { MONEY_UNIT_MULTIPLIERS } from "../model/constants.js";

// Plain local bindings for the hot path: a transpiler may turn imported bindings into getter calls.
const { SOME, APPROX_TAIL, CNY, GLUE_BEFORE, has, isCjkCode, isDigitCode, JIAO_FEN, LEAD_NOISE, MULT_AFTER_APPROX, NOT_CODE_AFTER, RANGE_SEP, UNIT_START, WORD_AFTER, WS, ZHE_VERB } = charclass;
const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;
const MEASURE = wordIndex(MEASURE_WORDS);
const FOREIGN = wordIndex(FOREIGN_CURRENCIES);
const BEFORE = new WordIndex(APPROX_BEFORE);
const AFTER = new WordIndex(APPROX_AFTER);
const CHANGE = new WordIndex(CHANGE_WORDS);

/** A table's declared unit: the zod MoneyUnit, or just its unit name. */
export type MoneyUnitLike = MoneyUnit | MoneyUnit["unit"];

export interface RecognizeOptions {
  /** Unit for bare figures (table cells under "单位：万元"); narrative figures carry their own. */
  defaultUnit?: MoneyUnitLike | null;
}

// A module-local binding of the shared map: the scan's hot path reads it without a module indirection.
const UNIT_MULTIPLIERS: Readonly<Record<string, string>> = MONEY_UNIT_MULTIPLIERS;

/** Longest numeral we evaluate; longer digit runs (hashes, ids, garbage) are not amounts. */
const MAX_NUMERAL_CHARS = 40;

type Approx = NonNullable<AmountSpan["approx"]>;

interface Numeral {
  start: number;
  end: number;
  /** Compact numeral: Arabic normalized, Chinese kept, spaces dropped, k/w mapped to 千/万. */
  compact: string;
  hasArabic: boolean;
  hasChinese: boolean;
  /** Offsets in the compact string where each trailing unit char sits, to split value and printed unit. */
  value: string;
}

const DOT = 46;
/** 两 counts (两百, 两个) but is never read digit by digit: not after 点 (一点两小时), not in 两两. */
const LIANG = new Set([..."两兩俩倆"].map((c) => c.charCodeAt(0)));
/** Financial capitals that are also common words (登陆, 大陆): alone they need a unit after them. */
const CAPITAL_WORD_DIGITS = new Set([..."陆陸"].map((c) => c.charCodeAt(0)));
const SPACE = 32;
const POINT_CODES = new Set([..."点點"].map((c) => c.charCodeAt(0)));

interface NumeralRead {
  end: number;
  /** Arabic normalized, Chinese kept, spaces dropped, k/w mapped to 千/万. */
  compact: string;
  hasArabic: boolean;
  hasChinese: boolean;
  /** Arabic digits only, no point: 2020, 30101. */
  plainInt: boolean;
}

/** Read the numeral starting at `i` in the scan view. Null when nothing numeric starts there. */
function readNumeral(v: string, codes: Uint16Array, i: number): NumeralRead | null {
  let j = i;
  let compact = "";
  let hasArabic = false;
  let hasChinese = false;
  let hasPoint = false; // or a k/w multiplier: anything that makes it more than digits
  let lastKind = 0; // 0 none, 1 Arabic, 2 Chinese
  let runStart = -1; // start of the Chinese run being read, flushed as one slice
  const n = v.length;
  while (j < n) {
    const c = codes[j]!;
    if (isDigitCode(c) || (c === DOT && isDigitCode(codes[j + 1]!) && lastKind === 0)) {
      if (lastKind === 1) break;
      if (runStart >= 0) {
        compact += v.slice(runStart, j);
        runStart = -1;
      }
      const r = readArabic(v, codes, j);
      compact += r.digits;
      if (r.digits.indexOf(".") >= 0) hasPoint = true;
      j = r.end;
      hasArabic = true;
      lastKind = 1;
      // k / w multipliers (15k, 30w) only when not the start of a word.
      const m = codes[j]!;
      if ((m === 107 || m === 75 || m === 119 || m === 87) && !has(codes[j + 1]!, WORD_AFTER)) {
        compact += m === 107 || m === 75 ? "千" : "万";
        hasPoint = true; // not a plain integer any more
        j++;
        lastKind = 2;
      }
      continue;
    }
    if (NUMERAL_CLASS[c]! > 0) {
      if (runStart < 0) runStart = j;
      hasChinese = true;
      lastKind = 2;
      j++;
      continue;
    }
    if (runStart >= 0) {
      compact += v.slice(runStart, j);
      runStart = -1;
    }
    if (POINT_CODES.has(c) && lastKind !== 0) {
      let k = j + 1;
      while (k < n && codes[k]! === SPACE && k - j <= 3) k++;
      const d = codes[k]!;
      if ((NUMERAL_CLASS[d] === 1 && !LIANG.has(d)) || isDigitCode(d)) {
        compact += "点";
        hasPoint = true;
        j = k;
        lastKind = 0;
        if (isDigitCode(d)) {
          // 一百点123: Arabic fraction digits
          let e = k;
          while (e < n && isDigitCode(codes[e]!)) e++;
          compact += v.slice(k, e);
          j = e;
          hasArabic = true;
          lastKind = 1;
        }
        continue;
      }
      break;
    }
    if (c === SPACE && lastKind !== 0) {
      // Spaces inside a numeral: "7 万5 千4 百", "三千 八百", "1000  万". Never Arabic–space–Arabic.
      let k = j;
      while (k < n && codes[k]! === SPACE && k - j < 3) k++;
      const cls = NUMERAL_CLASS[codes[k]!] ?? 0;
      const nextIsUnit = cls === 2 || cls === 3;
      if (nextIsUnit || ((cls === 1 || POINT_CODES.has(codes[k]!)) && lastKind === 2)) {
        j = k;
        continue;
      }
      // "7万 5千 4百": one space, then Arabic digits with a smaller unit than the one before the space.
      if (k === j + 1 && lastKind === 2 && isDigitCode(codes[k]!)) {
        const before = POWER_OF_UNIT[codes[j - 1]!]!;
        let d = k;
        while (isDigitCode(codes[d]!)) d++;
        const after = POWER_OF_UNIT[codes[d]!]!;
        if (before > 0 && after > 0 && after < before) {
          j = k;
          continue;
        }
      }
      break;
    }
    break;
  }
  if (runStart >= 0) compact += v.slice(runStart, j);
  if (j === i) return null;
  // A trailing 点 never belongs to the numeral.
  while (compact.endsWith("点")) compact = compact.slice(0, -1);
  return { end: j, compact, hasArabic, hasChinese, plainInt: hasArabic && !hasChinese && !hasPoint };
}

/** Arabic figure: digits, thousands separators, one decimal point; PDF spaces after the point. */
function readArabic(v: string, codes: Uint16Array, i: number): { end: number; digits: string } {
  const n = v.length;
  let j = i;
  while (j < n && isDigitCode(codes[j]!)) j++;
  let digits = v.slice(i, j);
  // thousands groups: ",ddd" not followed by another digit; a ", " is a list separator instead.
  while (
    codes[j]! === 44 &&
    digits.length > 0 &&
    isDigitCode(codes[j + 1]!) &&
    isDigitCode(codes[j + 2]!) &&
    isDigitCode(codes[j + 3]!) &&
    !isDigitCode(codes[j + 4]!)
  ) {
    digits += v.slice(j + 1, j + 4);
    j += 4;
  }
  if (codes[j]! === DOT) {
    let k = j + 1;
    // "340. 77万元": PDF text breaks numbers after the point.
    while (k < n && (codes[k]! === SPACE || codes[k]! === 10 || codes[k]! === 13) && k - j <= 3) k++;
    if (isDigitCode(codes[k]!) && (k === j + 1 || digits.length > 0)) {
      let e = k;
      while (e < n && isDigitCode(codes[e]!)) e++;
      digits += "." + v.slice(k, e);
      j = e;
    }
  }
  if (digits.charCodeAt(0) === DOT) digits = "0" + digits;
  return { end: j, digits };
}

const code = (ch: string): number => ch.charCodeAt(0);
const NEG_CN = code("负");
const NEG_TRAD = code("負");
const C_DI = code("第");
const C_BIAO = code("表");
const C_TU = code("图");
const C_NIAN = code("年");
const C_YUE = code("月");
const C_RI = code("日");
const C_HAO = code("号");
const C_DUN = code("、");
const C_CHENG = code("成");
const C_ZHE = code("折");
const C_PERMILLE = code("‰");
const C_GE = code("个");
const C_GE_TRAD = code("個");
const C_DELTA = code("△");
const C_DELTA_BLACK = code("▲");
const C_EN_DASH = code("–");
const C_EM_DASH = code("—");
const C_YEN = code("¥");
const C_YEN_FULL = code("￥");
const C_LE = code("了");
const C_FEN = code("分");
const C_QIAN = code("千");
const C_BAI = code("百");
const C_ZHENG = code("整");
const C_ZHENG_ALT = code("正");
const C_ZHI = code("之");
const C_YOU = code("又");
const C_BAN = code("半");
const C_DUI = code("对");
const C_DUI_TRAD = code("對");
const C_DA = code("打");
const C_YU = code("余");
const C_SHI = code("十");
const C_SHI_CAPITAL = code("拾");

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

/** 三五百 → 300–500, 二三十 → 20–30: two rising neighbouring digits (gap ≤ 2) and the units after them. */
function fuzzyDigitPair(compact: string): { lo: string; hi: string } | null {
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

/** 十, 四十, 三千四百五十: the figure's last unit is the ten (十几 reads "ten-something"). */
function endsWithTen(compact: string): boolean {
  const c = compact.charCodeAt(compact.length - 1);
  return c === C_SHI || c === C_SHI_CAPITAL;
}

/** True when the points ending at `dotAt` follow a digit (10..1). */
function afterDottedDigits(v: string, dotAt: number): boolean {
  let k = dotAt;
  while (v.charCodeAt(k) === DOT) k--;
  return k < dotAt - 1 && isDigitCode(v.charCodeAt(k));
}

/** Skip up to `max` plain spaces. */
function skipSpaces(v: string, i: number, max: number): number {
  let k = i;
  while (k - i < max && v.charCodeAt(k) === SPACE) k++;
  return k;
}

/** Length of a range separator (——, --, —, –, -, ~, 至, 到) at `i`, or 0. */
function rangeSepLength(v: string, i: number): number {
  const c = v.charCodeAt(i);
  if (!has(c, RANGE_SEP)) return 0;
  if ((c === C_EM_DASH || c === 45) && v.charCodeAt(i + 1) === c) return 2;
  return 1;
}

/** Powers of ten of a single trailing unit character (万 → 4). */
const POWER_OF_UNIT = new Uint8Array(65536);
for (const [ch, p] of [["十", 1], ["拾", 1], ["百", 2], ["佰", 2], ["千", 3], ["仟", 3], ["万", 4], ["萬", 4], ["亿", 8], ["億", 8], ["兆", 12]] as const) POWER_OF_UNIT[ch.charCodeAt(0)] = p;

/** Exact value of a compact numeral, or null when it is not one number. */
function valueOfCompact(compact: string, hasArabic: boolean, hasChinese: boolean): string | null {
  if (compact.length === 1 && !hasArabic) {
    const c = compact.charCodeAt(0);
    if (c === C_SHI || c === C_SHI_CAPITAL) return "10";
    if (NUMERAL_CLASS[c] === 1) return String(CN_DIGITS.get(compact) ?? 0);
  }
  if (hasArabic && !hasChinese && isPlainDecimal(compact)) return normalizeDecimal(compact);
  const last = POWER_OF_UNIT[compact.charCodeAt(compact.length - 1)]!;
  if (hasArabic && last > 0 && isPlainDecimal(compact.slice(0, -1))) {
    // 340.77万, 15k: the common budget form, a point shift without tokenizing.
    return shift10(compact.slice(0, -1), last);
  }
  const tokens = tokenizeNumeral(compact);
  return tokens ? evaluateNumeral(tokens) : null;
}

function hasLiang(compact: string): boolean {
  for (let k = 0; k < compact.length; k++) if (LIANG.has(compact.charCodeAt(k))) return true;
  return false;
}

function hasUnitChar(compact: string): boolean {
  for (let k = 0; k < compact.length; k++) if (NUMERAL_CLASS[compact.charCodeAt(k)]! >= 2) return true;
  return false;
}

interface FractionRead {
  end: number;
  /** Exact value, null when the quotient does not terminate (三分之一). */
  value: string | null;
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
  const percent = NUMERAL_CLASS[den.compact.charCodeAt(0)]! >= 2;
  // 万万分之七: a denominator that starts with its unit counts one of it.
  const denValue = valueOfCompact(percent ? `一${den.compact}` : den.compact, den.hasArabic, true);
  const numValue = valueOfCompact(numer.compact, numer.hasArabic, numer.hasChinese);
  if (denValue === null || numValue === null) return null;
  let q = divideExact(numValue, denValue);
  if (q !== null && percent) q = shift10(q, 2);
  if (q !== null && negative) q = neg(q);
  return { end: numer.end, value: q, percent };
}

/** Digits with at most one point: the common case, evaluated without tokenizing. */
function isPlainDecimal(s: string): boolean {
  let dots = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 46) dots++;
    else if (c < 48 || c > 57) return false;
  }
  return dots <= 1 && s.charCodeAt(0) !== 46 && s.charCodeAt(s.length - 1) !== 46;
}

function startsWithAt(v: string, i: number, word: string): boolean {
  return v.startsWith(word, i);
}

/** Skip up to `max` spaces / line breaks; returns the new index. */
function skipWs(v: string, i: number, max = 3): number {
  let k = i;
  while (k < v.length && k - i < max && has(v.charCodeAt(k), WS)) k++;
  return k;
}

/** Look back from `i` skipping spaces; returns the index just after the last non-space char. */
function backWs(v: string, i: number, min: number): number {
  let k = i;
  let c = v.charCodeAt(k - 1);
  while (k > min && (c === 32 || c === 10 || c === 13)) c = v.charCodeAt(--k - 1);
  return k;
}

function endsWithAt(v: string, end: number, word: string, min: number): boolean {
  return end - word.length >= min && v.startsWith(word, end - word.length);
}

function matchMeasure(v: string, i: number): string | null {
  return MEASURE.at(v, i)?.[0] ?? null;
}

function isYear(value: string, compact: string): boolean {
  return (value.length === 4 && /^(19|20)\d\d$/.test(value)) || (compact.length === 4 && /^[一二三四五六七八九〇零○]{4}$/.test(compact));
}

function isLineStart(v: string, i: number): boolean {
  let k = i;
  while (k > 0 && (v.charCodeAt(k - 1) === 32 || v.charCodeAt(k - 1) === 9)) k--;
  return k === 0 || v.charCodeAt(k - 1) === 10 || v.charCodeAt(k - 1) === 13;
}

/** Split "340.77万" into value "340.77" and multiplier "万" when the trailing units scope the whole figure. */
function splitPrintedUnit(compact: string, hasArabic: boolean): { printed: string; mult: string } | null {
  let k = compact.length;
  let tailHasBig = false;
  for (;;) {
    const c = compact.charCodeAt(k - 1);
    if (NUMERAL_CLASS[c] === 3) tailHasBig = true;
    else if (!(hasArabic && (c === C_QIAN || c === C_BAI))) break;
    k--;
  }
  if (k === compact.length || k <= 0) return null;
  const head = compact.slice(0, k);
  for (let h = 0; h < head.length; h++) if (NUMERAL_CLASS[head.charCodeAt(h)] === 3) return null; // 1亿2千万: the unit does not scope the whole figure
  if (!hasArabic && !tailHasBig) return null; // 三千元 reads as 3000 元
  let printed: string | null;
  if (isPlainDecimal(head)) printed = normalizeDecimal(head);
  else {
    const tokens = tokenizeNumeral(head);
    printed = tokens ? evaluateNumeral(tokens) : null;
  }
  if (printed === null) return null;
  const tail = compact.slice(k);
  return { printed, mult: tailHasBig ? tail.replace(/萬/g, "万").replace(/億/g, "亿") : tail };
}

function multiplierOf(unit: string): string {
  let m = "1";
  for (const ch of unit) {
    if (ch === "万") m = mul(m, "10000");
    else if (ch === "亿") m = mul(m, "100000000");
    else if (ch === "千") m = mul(m, "1000");
    else if (ch === "百") m = mul(m, "100");
    else if (ch === "兆") m = mul(m, "1000000000000");
  }
  return m;
}

/** value ÷ 10^k exactly (multipliers are powers of ten). */
function divPow10(value: string, mult: string): string {
  const zeros = mult.length - 1;
  const negative = value.startsWith("-");
  let digits = negative ? value.slice(1) : value;
  let [intPart, frac = ""] = digits.split(".") as [string, string?];
  intPart = intPart.padStart(zeros + 1, "0");
  const cut = intPart.length - zeros;
  const fracDigits = `${intPart.slice(cut)}${frac}`;
  digits = fracDigits ? `${intPart.slice(0, cut)}.${fracDigits}` : intPart.slice(0, cut);
  const out = normalizeDecimal(digits);
  return negative && out !== "0" ? `-${out}` : out;
}

/** The first figure of a possible range (500—1000元), waiting for the second. */
/** The range's first figure was pushed as a span of its own: the merged range takes its place, labelled from its start. */
function replaceWithRange(spans: AmountSpan[], merged: AmountSpan, text: string, v: string, a: RangeStart): void {
  spans.pop();
  const label = findLabel(text, v, a.span.start, a.floor);
  if (label) merged.label = label;
  spans.push(merged);
}

interface RangeStart {
  span: AmountSpan;
  /** The first figure's own multiplier (1万-5万元), "" when its value is already in 元, null when it borrows the second's. */
  multUnit: string | null;
  /** Where its label search may start. */
  floor: number;
  /** The first figure's whole value (5k → 5000) for plain number ranges. */
  full: string;
  /** Where the second figure starts: the dash before it is the separator, not a minus sign. */
  secondAt: number;
}

/** Any character that can start a figure: ASCII digit, point, Chinese numeral character. */
function startsFigure(c: number): boolean {
  return c < 128 ? (c >= 48 && c <= 57) || c === 46 : NUMERAL_CLASS[c]! > 0 || c === C_BAN || c === C_DUI || c === C_DUI_TRAD;
}

/** Fixed words that are figures without a numeral: 半百 = 50, 半成 = 5%, 半折 = 50%, (打)对折 = 50%. */
function readHalfWord(v: string, i: number): { end: number; kind: "number" | "percent"; value: string } | null {
  const c = v.charCodeAt(i);
  const next = v.charCodeAt(i + 1);
  if (c === C_BAN) {
    if (NUMERAL_CLASS[v.charCodeAt(i - 1)]! > 0 || NUMERAL_CLASS[v.charCodeAt(i + 2)]! > 0) return null; // 三成半, 半百万
    if (next === C_BAI) return { end: i + 2, kind: "number", value: "50" };
    if (next === C_CHENG) return { end: i + 2, kind: "percent", value: "5" };
    if (next === C_ZHE && !has(v.charCodeAt(i + 2), ZHE_VERB)) return { end: i + 2, kind: "percent", value: "50" };
    return null;
  }
  // 对折 alone is folding in half; after 打 it is a 50% discount.
  if ((c === C_DUI || c === C_DUI_TRAD) && next === C_ZHE && v.charCodeAt(i - 1) === C_DA) return { end: i + 2, kind: "percent", value: "50" };
  return null;
}

/** startsFigure as one table read: the scan tests every character of the text. */
const FIGURE_START = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (startsFigure(c)) FIGURE_START[c] = 1;

/** What may follow a lone Chinese digit that is a figure: currency, jiao/fen, percent, qualifiers, 个百分点. */
const LONE_DIGIT_FOLLOWERS = new Set([..."元圆块角毛分%‰个余多几幾点點成折"].map((c) => c.charCodeAt(0)));

/** Find every money amount, plain number and percentage in `text`. Spans are sorted and do not overlap. */
export function recognizeAmounts(text: string, opts: RecognizeOptions = {}): AmountSpan[] {
  const { view: v, codes } = scanViewWithCodes(text);
  const n = v.length;
  const spans: AmountSpan[] = [];
  const defaultUnit = resolveDefaultUnit(opts.defaultUnit);
  let i = 0;
  let lastEnd = 0;
  let pendingRange: RangeStart | null = null;

  // The text is nothing but this figure (a table cell, a CLI line): lone 十 or 两 is then a number.
  // Computed once: the first char that is not space/sign and the end of the last that is not space/")".
  let lead = 0;
  while (lead < n && (has(codes[lead]!, LEAD_NOISE) || /\s/.test(v[lead]!))) lead++;
  let trail = n;
  while (trail > lead && /[\s)]/.test(v[trail - 1]!)) trail--;
  const wholeNumeralText = (s: number, e: number): boolean => lead >= s && trail <= e;

  while (i < n) {
    // Jump to the next character that can start a figure; the native regex scan keeps plain prose cheap.
    while (i < n && FIGURE_START[codes[i]!] !== 1) i++;
    if (i >= n) break;
    const c0 = codes[i]!;
    if (c0 === C_BAN || c0 === C_DUI || c0 === C_DUI_TRAD) {
      const half = readHalfWord(v, i);
      if (!half) {
        i++;
        continue;
      }
      const span: AmountSpan = { start: i, end: half.end, text: text.slice(i, half.end), kind: half.kind, value: half.value, unit: half.kind === "percent" ? "%" : null };
      const label = findLabel(text, v, backWs(v, i, lastEnd), lastEnd);
      if (label) span.label = label;
      spans.push(span);
      lastEnd = i = half.end;
      pendingRange = null;
      continue;
    }
    // Percent written before the figure: 百分之十二点五, 千分之2.4.
    let percentPrefix: { unit: string; from: number } | null = null;
    let numStartAt = i;
    const pmEnd = PERCENT_PREFIX_UNIT.has(c0) ? matchFenZhi(v, i + 1) : -1;
    if (pmEnd > 0 && (i === 0 || NUMERAL_CLASS[codes[i - 1]!] === 0)) {
      const unit = PERCENT_PREFIX_UNIT.get(c0)!;
      let k = pmEnd;
      const kc = codes[k]!;
      if (kc === NEG_CN || kc === NEG_TRAD || kc === 45) k++;
      if (isDigitCode(codes[k]!) || NUMERAL_CLASS[codes[k]!]! > 0) {
        percentPrefix = { unit, from: i };
        numStartAt = k;
      }
    }
    if (!percentPrefix && c0 === DOT && !(isDigitCode(codes[i + 1]!) && !isDigitCode(codes[i - 1]!) && codes[i - 1]! !== DOT)) {
      i++;
      continue;
    }
    if (isDigitCode(c0) && codes[i - 1]! === DOT && afterDottedDigits(v, i - 1)) {
      // 10..1万: digits after a run of points that follows digits are debris, not a figure.
      i++;
      while (isDigitCode(codes[i]!)) i++;
      continue;
    }
    const num = readNumeral(v, codes, numStartAt);
    if (!num) {
      i++;
      continue;
    }
    const s = numStartAt;
    let e = num.end;
    if (num.compact.length > MAX_NUMERAL_CHARS) {
      i = e > i + 1 ? e : i + 1;
      continue;
    }
    // Fractions: 五分之一, 二十五分之一百四十四, 百万分之五 (a rate), 3又一千分之23, 负一又二分之一.
    if (!percentPrefix) {
      let fraction = readFraction(v, codes, num);
      let whole: string | null = null;
      if (!fraction) {
        const y = skipSpaces(v, e, 2);
        if (codes[y]! === C_YOU) {
          const den = readNumeral(v, codes, skipSpaces(v, y + 1, 2));
          if (den) {
            fraction = readFraction(v, codes, den);
            if (fraction && !fraction.percent) whole = valueOfCompact(num.compact, num.hasArabic, num.hasChinese) ?? "x";
            else fraction = null;
          }
        }
      }
      if (fraction) {
        let start = s;
        let value = fraction.value;
        if (value !== null && whole !== null) value = whole === "x" ? null : addDec(whole, value);
        const before = codes[s - 1]!;
        if (s - 1 >= lastEnd && (before === NEG_CN || before === NEG_TRAD || (before === 45 && !has(codes[s - 2]!, GLUE_BEFORE) && !isDigitCode(codes[s - 2]!)))) {
          start = s - 1;
          if (value !== null) value = neg(value);
        }
        i = fraction.end;
        // A quotient without an exact decimal form is not reported at all, nor are its parts.
        if (value === null) continue;
        const span: AmountSpan = {
          start,
          end: fraction.end,
          text: text.slice(start, fraction.end),
          kind: fraction.percent ? "percent" : "number",
          value,
          unit: fraction.percent ? "%" : null,
        };
        const label = findLabel(text, v, backWs(v, start, lastEnd), lastEnd);
        if (label) span.label = label;
        spans.push(span);
        lastEnd = fraction.end;
        pendingRange = null;
        continue;
      }
    }
    // Fast reject: a lone Chinese digit in a word (一般, 统一, 三公) — nothing after it can make it a figure.
    if (!percentPrefix && num.compact.length === 1 && num.hasChinese && NUMERAL_CLASS[num.compact.charCodeAt(0)] === 1 && !wholeNumeralText(s, e)) {
      const k = skipWs(v, e, 3);
      if (!LONE_DIGIT_FOLLOWERS.has(codes[k]!) && !MEASURE.at(v, k) && !FOREIGN.at(v, k)) {
        i = e > i + 1 ? e : i + 1;
        continue;
      }
    }
    const prevCode = text.charCodeAt(s - 1);
    // Figures glued to ASCII words, URLs and identifiers (_Toc123, A2021…, %20) are not amounts.
    if (has(prevCode, GLUE_BEFORE) || has(text.charCodeAt(e), WORD_AFTER)) {
      e = skipWord(text, e);
      i = e > i + 1 ? e : i + 1;
      continue;
    }
    const isPlainInt = num.plainInt;
    const ce = codes[e]!;
    // Ordinals (第3季度), table and attachment numbers (附表3-1, 公开01表, 表1).
    if (!percentPrefix && (prevCode === C_DI || prevCode === C_BIAO || prevCode === C_TU || endsWithAt(v, s, "附件", 0) || endsWithAt(v, s, "公开", 0) || ce === C_BIAO)) {
      while ((v[e] === "-" || v[e] === "—" || v[e] === ".") && isAsciiDigit(v[e + 1])) {
        e++;
        while (isAsciiDigit(v[e])) e++;
      }
      if (v[e] === "表") e++;
      i = e > i + 1 ? e : i + 1;
      continue;
    }
    // Phone numbers: 0311-85012345, 13812345678, or digits after 电话/传真.
    if (isPlainInt) {
      const lenDigits = num.compact.length;
      if (num.compact.charCodeAt(0) === 48 && ce === 45 && /^0\d{2,3}$/.test(num.compact) && /^\d{7,8}/.test(v.slice(e + 1, e + 10))) {
        e += 1;
        while (isAsciiDigit(v[e])) e++;
        i = e > i + 1 ? e : i + 1;
        continue;
      }
      if ((lenDigits === 11 && /^1[3-9]/.test(num.compact)) || (lenDigits >= 5 && /电话|传真|热线|手机|邮编|联系方式|邮政编码|QQ/.test(v.slice(Math.max(0, s - 10), s)))) {
        i = e > i + 1 ? e : i + 1;
        continue;
      }
    }
    // Dates and years: 2020年, 2021—2023年, 2020-09-14, 12月31日.
    const cnYear = num.compact.length === 4 && !num.hasArabic && /^[一二三四五六七八九〇零○]{4}$/.test(num.compact);
    if (isPlainInt || cnYear) {
      const value = isPlainInt ? normalizeDecimal(num.compact) : "";
      const after = skipWs(v, e, 2);
      const ca = codes[after]!;
      if (cnYear || isYear(value || "0", num.compact)) {
        if (ca === C_NIAN) {
          e = after + 1;
          i = e > i + 1 ? e : i + 1;
          continue;
        }
        const dm = /^[-—–~至到]{1,2}(?:19|20)\d\d(?:年)/.exec(v.slice(after, after + 8));
        if (dm) {
          e = after + dm[0].length;
          i = e > i + 1 ? e : i + 1;
          continue;
        }
        const dd = /^[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?![\d.])/.exec(v.slice(e, e + 7));
        if (dd) {
          e += dd[0].length;
          i = e > i + 1 ? e : i + 1;
          continue;
        }
        if (/年度[:]?\s*$/.test(v.slice(Math.max(0, s - 4), s))) {
          i = e > i + 1 ? e : i + 1;
          continue;
        }
      }
      if (num.compact.length <= 2 && (ca === C_YUE || ca === C_RI || ca === C_HAO)) {
        e = after + 1;
        i = e > i + 1 ? e : i + 1;
        continue;
      }
    }
    // Outline numbers: 1、 一、 （一） (1) and "1." or "2.2" starting a line before a heading.
    if (!percentPrefix && (ce === C_DUN || (num.compact.length <= 3 && codes[s - 1]! === 40 && ce === 41 && !/[.,]/.test(v.slice(s, e))))) {
      e = e + 1;
      i = e > i + 1 ? e : i + 1;
      continue;
    }
    if (num.hasArabic && !num.hasChinese && num.compact.length <= 5 && isLineStart(v, s) && /^\d{1,2}(\.\d{1,2})?$/.test(num.compact)) {
      if ((ce === DOT && !isDigitCode(codes[e + 1]!)) || (num.compact.includes(".") && isCjkCode(ce) && !startsUnitOrMeasure(v, e))) {
        e = ce === DOT ? e + 1 : e;
        i = e > i + 1 ? e : i + 1;
        continue;
      }
    }
    // Classification codes before a name: 2010101行政运行, 30101 工资, 201 一般公共服务支出.
    if (isPlainInt && (num.compact.length === 3 || num.compact.length === 5 || num.compact.length === 7) && num.compact.charCodeAt(0) !== 48) {
      const direct = isCjkCode(ce) && !startsUnitOrMeasure(v, e) && !has(ce, NOT_CODE_AFTER);
      const spaced = (ce === 32 || ce === 9) && isCjkCode(v.charCodeAt(skipWs(v, e, 3))) && !startsUnitOrMeasure(v, skipWs(v, e, 3)) && (isLineStart(v, s) || /[\t |]/.test(v[s - 1] ?? ""));
      if (direct || spaced) {
        i = e > i + 1 ? e : i + 1;
        continue;
      }
    }

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
    // 三五百, 四五千, 二三十: two neighbouring digits before a unit are a vague range, low to high.
    let fuzzy: { lo: string; hi: string } | null = null;
    if (value === null && !num.hasArabic) {
      fuzzy = fuzzyDigitPair(num.compact);
      if (fuzzy) value = fuzzy.lo;
    }
    if (value === null) {
      i = e > i + 1 ? e : i + 1;
      continue;
    }

    // ---- What follows the figure: qualifiers, multipliers, currency, percent, measure word.
    let p = e;
    let approx: Approx | undefined;
    let extraMult = "";
    let q = skipWs(v, p, 3);
    if (has(codes[q]!, APPROX_TAIL)) {
      let r = skipWs(v, q + 1, 3);
      const multStart = r;
      while (r < n && has(codes[r]!, MULT_AFTER_APPROX)) r++;
      const mults = v.slice(multStart, r);
      const afterMult = skipWs(v, r, 3);
      const tens = codes[q]! !== C_YU && !fuzzy && endsWithTen(num.compact);
      if (tens && (!mults || !/^[千百]/.test(mults))) {
        // 十几万, 四十几: "ten-something" is bounded by the next ten.
        fuzzy = { lo: value, hi: "" }; // the next ten, computed once the figure is accepted
        extraMult = mults.replace(/萬/g, "万").replace(/億/g, "亿");
        p = mults ? r : has(codes[afterMult]!, CNY) ? afterMult : q + 1;
      } else if (mults && !/^[千百]/.test(mults)) {
        approx = "more_than";
        extraMult = mults.replace(/萬/g, "万").replace(/億/g, "亿");
        p = r;
      } else if (!mults && has(codes[afterMult]!, CNY)) {
        approx = "more_than";
        p = afterMult;
      } else if (!mults) {
        approx = "more_than"; // 100多人: the qualifier is noted, the span stays on the figure
      }
    }
    let kind: AmountSpan["kind"] = "number";
    let unit: string | null = null;
    let isMoney = false;
    q = skipWs(v, p, 3);
    let foreign = false;
    const fc = FOREIGN.at(v, q);
    if (fc) {
      foreign = true;
      p = q + fc[0].length;
    }
    if (foreign) {
      e = p;
      i = e > i + 1 ? e : i + 1;
      continue;
    }
    let jiaoFen = "0";
    const cq = codes[q]!;
    if (has(cq, CNY)) {
      isMoney = true;
      p = q + 1;
      // 角 / 分 / 厘 after 元: 50元6角三分, 壹元零壹分, ¥壹元贰角叁分肆厘
      const jf = readJiaoFen(v, p);
      if (jf) {
        jiaoFen = jf.value;
        p = jf.end;
      }
      if (codes[p]! === C_ZHENG || codes[p]! === C_ZHENG_ALT) p++;
      if (startsWithAt(v, p, "人民币")) p += 3;
      else if (codes[p]! === C_QIAN_MONEY && jf) p++;
    } else if (has(cq, JIAO_FEN) && (/[壹贰貳叁參肆伍陆陸柒捌玖拾]/.test(num.compact) || /人民币\s*$|[¥￥]$/.test(v.slice(Math.max(0, s - 5), s)))) {
      // 壹角, 肆角叁分: standalone 角/分 only in capitals or after 人民币/¥ (a bare "5分" is a score).
      const jf = readJiaoFen(v, e, value);
      if (jf) {
        isMoney = true;
        jiaoFen = jf.value;
        value = "0";
        p = jf.end;
        if (codes[p]! === C_ZHENG || codes[p]! === C_ZHENG_ALT) p++;
      }
    } else if ((cq === C_CHENG || (cq === C_ZHE && !has(codes[q + 1]!, ZHE_VERB) && value !== "10")) && !approx) {
      // 七成 = 70%, 9.5成 = 95%; 八折 = 80%, 75折 = 75% (one digit counts tenths, two are the percent); 十折 is no discount.
      kind = "percent";
      unit = "%";
      value = cq === C_CHENG || compare(value, "10") < 0 ? mul(value, "10") : value;
      p = q + 1;
      if (cq === C_CHENG) {
        // 三成半 = 35%, 七成六 = 76%: the next tenth of a 成.
        const t = skipSpaces(v, p, 1);
        const tc = codes[t]!;
        if (tc === C_BAN) {
          value = addDec(value, "5");
          p = t + 1;
        } else if (NUMERAL_CLASS[tc] === 1 && !LIANG.has(tc) && !(NUMERAL_CLASS[codes[t + 1]!]! > 0) && !MEASURE.at(v, t + 1)) {
          value = addDec(value, String(CN_DIGITS.get(v.charAt(t)) ?? 0));
          p = t + 1;
        }
      }
    } else if (cq === 37 || cq === C_PERMILLE) {
      kind = "percent";
      unit = cq === 37 ? "%" : "‰";
      p = q + 1;
    } else if (cq === C_GE || cq === C_GE_TRAD || (cq === SPACE && q - p >= 3)) {
      // PDF text spaces 个百分点 out and pads before it ("150    个百分点").
      const bp = matchSpacedWord(v, skipSpaces(v, q, 3), ["个百分点", "個百分點"]);
      if (bp > 0) {
        kind = "percent";
        unit = "个百分点";
        p = bp;
      }
    }
    if (percentPrefix) {
      kind = "percent";
      unit = percentPrefix.unit;
      p = Math.max(p, e);
      if (isMoney) {
        i = e > i + 1 ? e : i + 1;
        continue;
      }
    }

    // ---- What precedes the figure: currency, sign, parentheses, qualifiers, change words.
    let start = percentPrefix ? percentPrefix.from : s;
    // 几十万, 数十亿: "some tens of" a unit, from one to ten of them.
    if (!percentPrefix && !fuzzy && !num.hasArabic && has(codes[s - 1]!, SOME) && s - 1 >= lastEnd && NUMERAL_CLASS[num.compact.charCodeAt(0)] === 2) {
      fuzzy = { lo: value, hi: mul(value, "10") };
      start = s - 1;
    }
    let negative = percentPrefix ? v[s - 1] === "负" || v[s - 1] === "負" || v[s - 1] === "-" : false;
    const floor = lastEnd;
    if (!percentPrefix && !(pendingRange && s === pendingRange.secondAt)) {
      const b = start - 1;
      const bc = codes[b]!;
      if (b >= floor && (bc === NEG_CN || bc === NEG_TRAD || bc === C_DELTA || bc === C_DELTA_BLACK)) {
        negative = true;
        start = b;
      } else if (b >= floor && (bc === 45 || bc === C_EN_DASH) && !/[0-9A-Za-z)\]]/.test(v[b - 1] ?? "") && !(v[b - 1] === "-")) {
        negative = true;
        start = b;
      } else if (b >= floor && bc === 40 && ce === 41 && num.hasArabic && !num.hasChinese && (/[.,]/.test(text.slice(s, e)) || num.compact.length >= 3) && !isYear(value, num.compact)) {
        // (12.34) in a table: accounting negative
        negative = true;
        start = b;
        p = Math.max(p, e + 1);
      }
    }
    const cb = backWs(v, start, floor);
    if (cb - 3 >= floor && v.startsWith("人民币", cb - 3)) {
      isMoney = true;
      start = cb - 3;
    } else if (cb - 1 >= floor && (codes[cb - 1]! === C_YEN || codes[cb - 1]! === C_YEN_FULL)) {
      isMoney = true;
      start = cb - 1;
    }

    // Units: the figure's own multiplier (340.77万) plus one after a qualifier (二百余万).
    let fullValue = value;
    if (extraMult) fullValue = mul(fullValue, multiplierOf(extraMult));
    if (jiaoFen !== "0") fullValue = normalizeDecimal(addDec(fullValue, jiaoFen));
    if (negative) fullValue = neg(fullValue);

    let printedValue = fullValue;
    let printedUnit: string | null = null;
    if (isMoney || kind === "percent") {
      const split = jiaoFen === "0" && !extraMult ? splitPrintedUnit(num.compact, num.hasArabic) : null;
      if (isMoney) {
        if (split) {
          printedValue = negative ? neg(split.printed) : split.printed;
          printedUnit = `${split.mult}元`;
        } else if (extraMult) {
          printedValue = negative ? neg(value) : value;
          printedUnit = `${extraMult}元`;
        } else {
          printedUnit = "元";
        }
      } else {
        printedUnit = unit;
      }
    }

    // Lone Chinese digits (一般, 三公, 统一) are words unless a unit, a measure word or nothing else follows.
    const cnOnly = num.hasChinese && !num.hasArabic;
    if (cnOnly && kind === "number" && !isMoney) {
      const numeralChars = num.compact.replace(/点/g, "").length;
      const measure = matchMeasure(v, skipWs(v, p, 1));
      const whole = wholeNumeralText(start, p);
      const digitSeq = !/[十拾百佰千仟万萬亿億兆廿]/.test(num.compact);
      const hasZeroOrPoint = /[零〇○点]/.test(num.compact);
      const accept =
        whole ||
        (numeralChars === 1 && measure !== null && !/[十拾百佰千仟万萬亿億兆]/.test(num.compact)) ||
        (numeralChars >= 2 && !digitSeq) ||
        (numeralChars >= 2 && digitSeq && (hasZeroOrPoint || numeralChars >= 3 || measure !== null));
      // 两两, 俩俩: 两 is not read digit by digit; 陆 alone is the word (登陆, 大陆), not the capital 6.
      const wordLike = (digitSeq && numeralChars >= 2 && hasLiang(num.compact)) || (numeralChars === 1 && CAPITAL_WORD_DIGITS.has(num.compact.charCodeAt(0)));
      if (!accept || wordLike || (/^[千仟百佰]/.test(num.compact) && numeralChars === 1)) {
        i = e > i + 1 ? e : i + 1;
        continue;
      }
      if (/^[千仟百佰]/.test(num.compact) && numeralChars === 2 && !whole && CN_BIG_UNITS.has(num.compact[1]!)) {
        i = e > i + 1 ? e : i + 1; // 千万 (千万不要), 百万 as adverbs
        continue;
      }
    }

    let spanEnd = p;
    // A table cell or narrative under a declared unit: bare figures are money in that unit.
    if (!isMoney && kind === "number" && defaultUnit && num.hasArabic && !approx && !matchMeasure(v, skipWs(v, p, 1))) {
      isMoney = true;
      printedUnit = defaultUnit.unit;
      printedValue = fullValue;
      fullValue = mul(fullValue, defaultUnit.multiplier);
    }

    // Qualifiers before the figure (约, 超过, 不足) and after (以上, 左右); change words (增加, 减少).
    let look = backWs(v, start, floor);
    const before = BEFORE.endingAt(v, look, floor);
    if (before) {
      approx = approx ?? before[1];
      look = backWs(v, look - before[0].length, floor);
    }
    const after = skipWs(v, spanEnd, 1);
    const afterWord = AFTER.at(v, codes[after]! === 40 && startsWithAt(v, after, "(含)") ? after + 3 : after);
    if (afterWord) approx = approx ?? afterWord[1];
    let change: AmountSpan["change"];
    let lk = look;
    if (codes[lk - 1]! === C_LE) lk = backWs(v, lk - 1, floor);
    const changeWord = CHANGE.endingAt(v, lk, floor);
    if (changeWord) {
      change = changeWord[1];
      lk = lk - changeWord[0].length;
    }

    const span: AmountSpan = {
      start,
      end: spanEnd,
      text: text.slice(start, spanEnd),
      kind: isMoney ? "money" : kind,
      value: isMoney ? printedValue : fullValue,
      unit: isMoney ? printedUnit : kind === "percent" ? unit : matchMeasure(v, skipWs(v, spanEnd, 1)),
    };
    if (isMoney) span.yuan = fullValue;
    if (approx) span.approx = approx;
    if (change) span.change = change;
    if (fuzzy) {
      // A vague figure is a range in 元 (money) or as a plain number; the approximation is the range itself.
      const m = extraMult ? multiplierOf(extraMult) : "1";
      const lo = mul(fuzzy.lo, m);
      const hi = mul(fuzzy.hi || addDec(fuzzy.lo, "10"), m);
      delete span.approx;
      span.value = lo;
      if (isMoney) {
        span.unit = "元";
        span.yuan = lo;
        span.range = { min: lo, max: hi, minYuan: lo, maxYuan: hi };
      } else span.range = { min: lo, max: hi };
    }

    // Ranges: 500—1000元, 3至5万元, 1万-5万元: the first figure waits for a money figure after a dash.
    if (pendingRange && !isMoney && span.kind === "number" && !span.range && !approx && !negative) {
      // 3—5人, 一千到一千五百: a plain number range; both ends as printed.
      const a = pendingRange;
      const merged: AmountSpan = {
        start: a.span.start,
        end: spanEnd,
        text: text.slice(a.span.start, spanEnd),
        kind: "number",
        value: a.full,
        unit: span.unit,
        range: { min: a.full, max: span.value },
      };
      replaceWithRange(spans, merged, text, v, a);
      lastEnd = spanEnd;
      pendingRange = null;
      i = spanEnd;
      continue;
    }
    if (pendingRange && !isMoney) pendingRange = null;
    if (pendingRange && isMoney && span.kind === "money") {
      const a = pendingRange;
      const mult = multiplierOf((printedUnit ?? "元").replace("元", ""));
      let minYuan = a.span.value;
      if (a.multUnit) minYuan = mul(minYuan, multiplierOf(a.multUnit));
      else if (a.multUnit === null) minYuan = mul(minYuan, mult);
      const maxYuan = fullValue;
      const merged: AmountSpan = {
        start: a.span.start,
        end: spanEnd,
        text: text.slice(a.span.start, spanEnd),
        kind: "money",
        value: divPow10(minYuan, mult),
        unit: printedUnit,
        yuan: minYuan,
        range: { min: divPow10(minYuan, mult), max: divPow10(maxYuan, mult), minYuan, maxYuan },
      };
      replaceWithRange(spans, merged, text, v, a);
      lastEnd = spanEnd;
      pendingRange = null;
      i = spanEnd;
      continue;
    }
    pendingRange = null;

    if (!change) {
      const label = findLabel(text, v, look, floor);
      if (label) span.label = label;
    }
    spans.push(span);
    lastEnd = spanEnd;
    i = spanEnd;

    // Is this the first half of a range? number, then a dash/至/到, then a figure.
    if (span.kind === "number" && !span.approx && !negative) {
      let r = skipWs(v, spanEnd, 2);
      if (startsWithAt(v, r, "(含)")) r += 3;
      const sepLen = rangeSepLength(v, r);
      if (sepLen > 0) {
        const r2 = skipWs(v, r + sepLen, 2);
        if (isDigitCode(codes[r2]!) || NUMERAL_CLASS[codes[r2]!]! > 0) {
          const multUnit = /[万萬亿億]$/.test(num.compact) || (num.hasArabic && /\d千$/.test(num.compact)) ? num.compact.slice(-1).replace("萬", "万").replace("億", "亿") : null;
          const baseValue = multUnit ? (() => {
            const head = num.compact.slice(0, -1);
            const t = tokenizeNumeral(head);
            return t ? evaluateNumeral(t) : null;
          })() : fullValue;
          if (baseValue !== null) {
            pendingRange = { span: { ...span, value: baseValue }, multUnit, floor, full: span.value, secondAt: r2 };
            i = r2;
          }
        }
      }
    } else if (span.kind === "money" && !span.approx) {
      // 1万元--5万元
      let r = skipWs(v, spanEnd, 2);
      const sepLen = rangeSepLength(v, r);
      if (sepLen > 0 && isDigitCode(v.charCodeAt(skipWs(v, r + sepLen, 2)))) {
        const r2 = skipWs(v, r + sepLen, 2);
        pendingRange = { span: { ...span, value: fullValue }, multUnit: "", floor, full: fullValue, secondAt: r2 };
        i = r2;
      }
    }
  }
  return applyBounds(text, v, spans);
}

function addDec(a: string, b: string): string {
  // local import-free add to keep the hot path short
  return normalizeDecimal(sumStrings(a, b));
}

function sumStrings(a: string, b: string): string {
  const [ai, af = ""] = a.replace("-", "").split(".") as [string, string?];
  const [bi, bf = ""] = b.split(".") as [string, string?];
  const scale = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(scale, "0")) * (a.startsWith("-") ? -1n : 1n);
  const y = BigInt(bi + bf.padEnd(scale, "0"));
  const t = x + y;
  const neg = t < 0n;
  let digits = (neg ? -t : t).toString().padStart(scale + 1, "0");
  if (scale > 0) digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return (neg ? "-" : "") + digits;
}

/** 角/毛, 分, 厘 after 元 (or alone) and what each is worth in 元. */
const JIAO_FEN_LI: ReadonlyArray<readonly [number, number, string]> = [
  [code("角"), code("毛"), "0.1"],
  [code("分"), -1, "0.01"],
  [code("厘"), -1, "0.001"],
];
const C_QIAN_MONEY = code("钱");

/** Value of a digit character (Arabic or Chinese, 零 = 0) or -1. */
function digitValueAt(v: string, k: number): number {
  const c = v.charCodeAt(k);
  if (isDigitCode(c)) return c - 48;
  if (NUMERAL_CLASS[c] !== 1) return -1;
  return CN_DIGITS.get(v.charAt(k)) ?? -1;
}

/**
 * 角/分/厘 after 元 (or alone, with `leading` the figure before the first unit): 50元6角三分, 壹元零壹分,
 * ¥壹元贰角叁分肆厘, and the zero places of cheque style 壹拾元零角零分. Returns their value in 元.
 */
function readJiaoFen(v: string, i: number, leading?: string): { end: number; value: string } | null {
  if (leading === undefined && digitValueAt(v, i) < 0) return null;
  let p = i;
  let value = "0";
  let any = false;
  let first = leading;
  for (const [unitA, unitB, scale] of JIAO_FEN_LI) {
    const isUnit = (k: number): boolean => {
      const c = v.charCodeAt(k);
      return c === unitA || c === unitB;
    };
    if (first === undefined) {
      let k = p;
      let digit = digitValueAt(v, k);
      // 元零五分: 零 marks the empty 角 place; 零角 is the place written out.
      if (digit === 0 && !isUnit(k + 1)) digit = digitValueAt(v, ++k);
      if (digit < 0 || !isUnit(k + 1)) continue;
      if (digit > 0) value = addDec(value, mul(String(digit), scale));
      p = k + 2;
      any = true;
    } else {
      const q = skipWs(v, p, 1);
      if (!isUnit(q)) continue;
      value = addDec(value, mul(first, scale));
      p = q + 1;
      any = true;
      first = undefined;
    }
  }
  if (!any) return null;
  if (v.charCodeAt(p) === C_QIAN_MONEY) p++;
  return { end: p, value: normalizeDecimal(value) };
}

/** "个 百 分点": a fixed word that PDF text may space out. Returns the end index or -1. */
function matchSpacedWord(v: string, i: number, words: readonly string[]): number {
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

function startsUnitOrMeasure(v: string, i: number): boolean {
  if (has(v.charCodeAt(i), UNIT_START)) return true;
  return matchMeasure(v, i) !== null;
}

function skipWord(text: string, i: number): number {
  let k = i;
  while (k < text.length && /[A-Za-z0-9_%.\-]/.test(text[k]!)) k++;
  return k;
}

function resolveDefaultUnit(u: MoneyUnitLike | null | undefined): { unit: string; multiplier: string } | null {
  if (!u) return null;
  if (typeof u === "string") return { unit: u, multiplier: UNIT_MULTIPLIERS[u] ?? "1" };
  return { unit: u.unit, multiplier: u.multiplier };
}
