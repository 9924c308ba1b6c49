/**
 * The amount recognizer: one forward scan over the text. At each figure it reads the numeral, then looks a
 * bounded distance around it (units, signs, qualifiers, change words, label), so the cost is linear in the
 * text length. No regex here can backtrack over more than a few characters.
 */
import type { AmountSpan } from "../model/amount.js";
import type { MoneyUnit } from "../model/table.js";
import { compare } from "../util/decimal.js";
import { canonical as normalizeDecimal, negate as neg, scaleBy as mul } from "./fastdecimal.js";
import { CN_BIG_UNITS, CN_DIGITS, CN_POINTS, CN_SMALL_UNITS, evaluateNumeral, isCnNumeralChar, NUMERAL_CLASS, tokenizeNumeral } from "./chinese.js";
import { isAsciiDigit, isCjk, scanView } from "./normalize.js";
import { APPROX_AFTER, APPROX_BEFORE, CHANGE_WORDS, FOREIGN_CURRENCIES, MEASURE_WORDS } from "./words.js";
import { findLabel } from "./label.js";
import { WordIndex, wordIndex } from "./wordindex.js";

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

const UNIT_MULTIPLIERS: Record<string, string> = { 元: "1", 千元: "1000", 万元: "10000", 百万元: "1000000", 亿元: "100000000" };

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

const CN_POINT_OR_NUMERAL = (ch: string | undefined): boolean => ch !== undefined && (isCnNumeralChar(ch) || CN_POINTS.has(ch));

/** Read the numeral starting at `i` in the scan view. Null when nothing numeric starts there. */
function readNumeral(v: string, i: number): { end: number; compact: string; hasArabic: boolean; hasChinese: boolean } | null {
  let j = i;
  let compact = "";
  let hasArabic = false;
  let hasChinese = false;
  let lastKind: "arabic" | "cn" | null = null;
  const n = v.length;
  while (j < n) {
    const ch = v[j]!;
    if (isAsciiDigit(ch) || (ch === "." && isAsciiDigit(v[j + 1]) && lastKind === null)) {
      if (lastKind === "arabic") break;
      const r = readArabic(v, j);
      compact += r.digits;
      j = r.end;
      hasArabic = true;
      lastKind = "arabic";
      // k / w multipliers (15k, 30w) only when not the start of a word.
      const m = v[j];
      if ((m === "k" || m === "K" || m === "w" || m === "W") && !/[A-Za-z]/.test(v[j + 1] ?? "")) {
        compact += m === "k" || m === "K" ? "千" : "万";
        j++;
        lastKind = "cn";
      }
      continue;
    }
    if (isCnNumeralChar(ch)) {
      compact += ch;
      hasChinese = true;
      lastKind = "cn";
      j++;
      continue;
    }
    if (CN_POINTS.has(ch) && lastKind !== null) {
      let k = j + 1;
      while (k < n && v[k] === " " && k - j <= 3) k++;
      if (CN_DIGITS.has(v[k] ?? "") || isAsciiDigit(v[k])) {
        compact += "点";
        j = k;
        lastKind = null;
        if (isAsciiDigit(v[k])) {
          // 一百点123: Arabic fraction digits
          let e = k;
          while (e < n && isAsciiDigit(v[e])) e++;
          compact += v.slice(k, e);
          j = e;
          hasArabic = true;
          lastKind = "arabic";
        }
        continue;
      }
      break;
    }
    if (ch === " " && lastKind !== null) {
      // Spaces inside a numeral: "7 万5 千4 百", "三千 八百", "1000  万". Never Arabic–space–Arabic.
      let k = j;
      while (k < n && v[k] === " " && k - j < 3) k++;
      const next = v[k];
      const nextIsUnit = next !== undefined && (CN_SMALL_UNITS.has(next) || CN_BIG_UNITS.has(next));
      const nextIsCnDigit = next !== undefined && CN_DIGITS.has(next);
      const nextIsPoint = next !== undefined && CN_POINTS.has(next);
      if (nextIsUnit || ((nextIsCnDigit || nextIsPoint) && lastKind === "cn")) {
        j = k;
        continue;
      }
      break;
    }
    break;
  }
  if (j === i) return null;
  // A trailing 点 never belongs to the numeral.
  while (compact.endsWith("点")) compact = compact.slice(0, -1);
  return { end: j, compact, hasArabic, hasChinese };
}

/** Arabic figure: digits, thousands separators, one decimal point; PDF spaces after the point. */
function readArabic(v: string, i: number): { end: number; digits: string } {
  const n = v.length;
  let j = i;
  let digits = "";
  while (j < n && isAsciiDigit(v[j])) digits += v[j++];
  // thousands groups: ",ddd" not followed by another digit; a ", " is a list separator instead.
  while (v[j] === "," && isAsciiDigit(v[j + 1]) && isAsciiDigit(v[j + 2]) && isAsciiDigit(v[j + 3]) && !isAsciiDigit(v[j + 4]) && digits.length > 0) {
    digits += v.slice(j + 1, j + 4);
    j += 4;
  }
  if (v[j] === "." && !digits.includes(".")) {
    let k = j + 1;
    // "340. 77万元": PDF text breaks numbers after the point.
    while (k < n && (v[k] === " " || v[k] === "\n" || v[k] === "\r") && k - j <= 3) k++;
    if (isAsciiDigit(v[k]) && (k === j + 1 || digits.length > 0)) {
      let e = k;
      while (e < n && isAsciiDigit(v[e])) e++;
      digits += "." + v.slice(k, e);
      j = e;
    }
  }
  if (digits.startsWith(".")) digits = "0" + digits;
  return { end: j, digits };
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
  while (k < v.length && k - i < max && (v[k] === " " || v[k] === "\n" || v[k] === "\r" || v[k] === "\t")) k++;
  return k;
}

/** Look back from `i` skipping spaces; returns the index just after the last non-space char. */
function backWs(v: string, i: number, min: number): number {
  let k = i;
  while (k > min && (v[k - 1] === " " || v[k - 1] === "\n" || v[k - 1] === "\r")) k--;
  return k;
}

function endsWithAt(v: string, end: number, word: string, min: number): boolean {
  return end - word.length >= min && v.startsWith(word, end - word.length);
}

function matchMeasure(v: string, i: number): string | null {
  return MEASURE.at(v, i)?.[0] ?? null;
}

function isYear(value: string, compact: string): boolean {
  return /^(19|20)\d\d$/.test(value) || /^[一二三四五六七八九〇零○]{4}$/.test(compact);
}

function isLineStart(v: string, i: number): boolean {
  let k = i;
  while (k > 0 && (v[k - 1] === " " || v[k - 1] === "\t")) k--;
  return k === 0 || v[k - 1] === "\n" || v[k - 1] === "\r";
}

/** Split "340.77万" into value "340.77" and multiplier "万" when the trailing units scope the whole figure. */
function splitPrintedUnit(compact: string, hasArabic: boolean): { printed: string; mult: string } | null {
  let k = compact.length;
  while (k > 0 && (CN_BIG_UNITS.has(compact[k - 1]!) || (hasArabic && compact[k - 1] === "千") || (hasArabic && compact[k - 1] === "百"))) k--;
  if (k === compact.length || k === 0) return null;
  const head = compact.slice(0, k);
  const tail = compact.slice(k);
  if (/[万萬亿億兆]/.test(head)) return null; // 1亿2千万: the unit does not scope the whole figure
  if (!hasArabic && !/[万萬亿億兆]/.test(tail)) return null; // 三千元 reads as 3000 元
  const tokens = tokenizeNumeral(head);
  const printed = tokens ? evaluateNumeral(tokens) : null;
  if (printed === null) return null;
  const unit = tail.replace(/萬/g, "万").replace(/億/g, "亿");
  return { printed, mult: unit };
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
interface RangeStart {
  span: AmountSpan;
  /** The first figure's own multiplier (1万-5万元), "" when its value is already in 元, null when it borrows the second's. */
  multUnit: string | null;
  /** Where its label search may start. */
  floor: number;
}

/** Any character that can start a figure: ASCII digit, point, Chinese numeral character. */
function startsFigure(c: number): boolean {
  return c < 128 ? (c >= 48 && c <= 57) || c === 46 : NUMERAL_CLASS[c]! > 0;
}

/** What may follow a lone Chinese digit that is a figure: currency, jiao/fen, percent, qualifiers, 个百分点. */
const LONE_DIGIT_FOLLOWERS = new Set([..."元圆块角毛分%‰个余多几幾点點成折"].map((c) => c.charCodeAt(0)));

/** Find every money amount, plain number and percentage in `text`. Spans are sorted and do not overlap. */
export function recognizeAmounts(text: string, opts: RecognizeOptions = {}): AmountSpan[] {
  const v = scanView(text);
  const n = v.length;
  const spans: AmountSpan[] = [];
  const defaultUnit = resolveDefaultUnit(opts.defaultUnit);
  let i = 0;
  let lastEnd = 0;
  let pendingRange: RangeStart | null = null;

  // The text is nothing but this figure (a table cell, a CLI line): lone 十 or 两 is then a number.
  // Computed once: the first char that is not space/sign and the end of the last that is not space/")".
  let lead = 0;
  while (lead < n && /[\s负負\-+△▲(]/.test(v[lead]!)) lead++;
  let trail = n;
  while (trail > lead && /[\s)]/.test(v[trail - 1]!)) trail--;
  const wholeNumeralText = (s: number, e: number): boolean => lead >= s && trail <= e;

  while (i < n) {
    // Jump to the next character that can start a figure; the native regex scan keeps plain prose cheap.
    while (i < n && !startsFigure(v.charCodeAt(i))) i++;
    if (i >= n) break;
    const ch = v[i]!;
    // Percent written before the figure: 百分之十二点五, 千分之2.4.
    let percentPrefix: { unit: string; from: number } | null = null;
    let numStartAt = i;
    const pm = /[百佰千仟万萬]/.test(ch) ? /^[百佰千仟万萬] {0,2}分 {0,2}之 {0,2}/.exec(v.slice(i, i + 12)) : null;
    if (pm && (i === 0 || !isCnNumeralChar(v[i - 1]!))) {
      const kind = pm[0][0]!;
      const unit = kind === "百" || kind === "佰" ? "%" : kind === "千" || kind === "仟" ? "‰" : "‱";
      let k = i + pm[0].length;
      const negPrefix = v[k] === "负" || v[k] === "負" || v[k] === "-";
      if (negPrefix) k++;
      if (isAsciiDigit(v[k]) || isCnNumeralChar(v[k] ?? "")) {
        percentPrefix = { unit, from: i };
        numStartAt = k;
      }
    }
    if (!percentPrefix && !(isAsciiDigit(ch) || isCnNumeralChar(ch) || (ch === "." && isAsciiDigit(v[i + 1]) && !isAsciiDigit(v[i - 1])))) {
      i++;
      continue;
    }
    const num = readNumeral(v, numStartAt);
    if (!num) {
      i++;
      continue;
    }
    const s = numStartAt;
    let e = num.end;
    const next = (): void => {
      i = Math.max(e, i + 1);
    };
    if (num.compact.length > MAX_NUMERAL_CHARS) {
      next();
      continue;
    }
    // Fast reject: a lone Chinese digit in a word (一般, 统一, 三公) — nothing after it can make it a figure.
    if (!percentPrefix && num.compact.length === 1 && num.hasChinese && NUMERAL_CLASS[num.compact.charCodeAt(0)] === 1 && !wholeNumeralText(s, e)) {
      const k = skipWs(v, e, 3);
      if (!LONE_DIGIT_FOLLOWERS.has(v.charCodeAt(k)) && !MEASURE.at(v, k) && !FOREIGN.at(v, k)) {
        next();
        continue;
      }
    }
    const prevCh = s > 0 ? text[s - 1]! : "";
    // Figures glued to ASCII words, URLs and identifiers (_Toc123, A2021…, %20) are not amounts.
    if (/[A-Za-z_%=/&?#@\\]/.test(prevCh) || /[A-Za-z_]/.test(text[e] ?? "")) {
      e = skipWord(text, e);
      next();
      continue;
    }
    const isPlainInt = num.hasArabic && !num.hasChinese && /^\d+$/.test(num.compact);
    // Ordinals (第3季度), table and attachment numbers (附表3-1, 公开01表, 表1).
    if (!percentPrefix && (prevCh === "第" || prevCh === "表" || prevCh === "图" || endsWithAt(v, s, "附件", 0) || endsWithAt(v, s, "公开", 0) || v[e] === "表")) {
      while ((v[e] === "-" || v[e] === "—" || v[e] === ".") && isAsciiDigit(v[e + 1])) {
        e++;
        while (isAsciiDigit(v[e])) e++;
      }
      if (v[e] === "表") e++;
      next();
      continue;
    }
    // Phone numbers: 0311-85012345, 13812345678, or digits after 电话/传真.
    if (isPlainInt) {
      const lenDigits = num.compact.length;
      if (/^0\d{2,3}$/.test(num.compact) && v[e] === "-" && /^\d{7,8}/.test(v.slice(e + 1, e + 10))) {
        e += 1;
        while (isAsciiDigit(v[e])) e++;
        next();
        continue;
      }
      if ((lenDigits === 11 && /^1[3-9]/.test(num.compact)) || (lenDigits >= 5 && /电话|传真|热线|手机|邮编|联系方式|邮政编码|QQ/.test(v.slice(Math.max(0, s - 10), s)))) {
        next();
        continue;
      }
    }
    // Dates and years: 2020年, 2021—2023年, 2020-09-14, 12月31日.
    if (isPlainInt || /^[一二三四五六七八九〇零○]{4}$/.test(num.compact)) {
      const value = isPlainInt ? normalizeDecimal(num.compact) : "";
      const after = skipWs(v, e, 2);
      if (isYear(value || "0", num.compact) || /^[一二三四五六七八九〇零○]{4}$/.test(num.compact)) {
        if (v[after] === "年") {
          e = after + 1;
          next();
          continue;
        }
        const dm = /^[-—–~至到]{1,2}(?:19|20)\d\d(?:年)/.exec(v.slice(after, after + 8));
        if (dm) {
          e = after + dm[0].length;
          next();
          continue;
        }
        const dd = /^[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?![\d.])/.exec(v.slice(e, e + 7));
        if (dd) {
          e += dd[0].length;
          next();
          continue;
        }
        if (/年度[:]?\s*$/.test(v.slice(Math.max(0, s - 4), s))) {
          next();
          continue;
        }
      }
      if (num.compact.length <= 2 && (v[after] === "月" || v[after] === "日" || v[after] === "号")) {
        e = after + 1;
        next();
        continue;
      }
    }
    // Outline numbers: 1、 一、 （一） (1) and "1." or "2.2" starting a line before a heading.
    if (!percentPrefix && (v[e] === "、" || (num.compact.length <= 3 && v[s - 1] === "(" && v[e] === ")" && !/[.,]/.test(v.slice(s, e))))) {
      e = v[e] === ")" ? e + 1 : e + 1;
      next();
      continue;
    }
    if (isLineStart(v, s) && num.hasArabic && !num.hasChinese && /^\d{1,2}(\.\d{1,2})?$/.test(num.compact)) {
      const afterCh = v[e];
      if ((afterCh === "." && !isAsciiDigit(v[e + 1])) || (num.compact.includes(".") && isCjk(afterCh) && !startsUnitOrMeasure(v, e))) {
        e = afterCh === "." ? e + 1 : e;
        next();
        continue;
      }
    }
    // Classification codes before a name: 2010101行政运行, 30101 工资, 201 一般公共服务支出.
    if (isPlainInt && /^[1-9](\d\d|\d{4}|\d{6})$/.test(num.compact)) {
      const direct = isCjk(v[e]) && !startsUnitOrMeasure(v, e) && !/[余多几年月日号]/.test(v[e]!);
      const spaced = (v[e] === " " || v[e] === "\t") && isCjk(v[skipWs(v, e, 3)]) && !startsUnitOrMeasure(v, skipWs(v, e, 3)) && (isLineStart(v, s) || /[\t |]/.test(v[s - 1] ?? ""));
      if (direct || spaced) {
        next();
        continue;
      }
    }

    let value: string | null;
    if (num.hasArabic && !num.hasChinese && isPlainDecimal(num.compact)) value = normalizeDecimal(num.compact);
    else {
      const tokens = tokenizeNumeral(num.compact);
      value = tokens ? evaluateNumeral(tokens) : null;
    }
    if (value === null) {
      next();
      continue;
    }

    // ---- What follows the figure: qualifiers, multipliers, currency, percent, measure word.
    let p = e;
    let approx: Approx | undefined;
    let extraMult = "";
    let q = skipWs(v, p, 3);
    if (/[余多几幾]/.test(v[q] ?? "")) {
      let r = skipWs(v, q + 1, 3);
      let mults = "";
      while (r < n && /[万萬亿億千百]/.test(v[r]!)) {
        mults += v[r];
        r = r + 1;
      }
      const afterMult = skipWs(v, r, 3);
      if (mults && !/^[千百]/.test(mults)) {
        approx = "more_than";
        extraMult = mults.replace(/萬/g, "万").replace(/億/g, "亿");
        p = r;
      } else if (!mults && /[元圆块]/.test(v[afterMult] ?? "")) {
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
      next();
      continue;
    }
    let jiaoFen = "0";
    if (/[元圆块]/.test(v[q] ?? "")) {
      isMoney = true;
      p = q + 1;
      // 角 / 分 / 厘 after 元: 50元6角三分, 壹元零壹分, ¥壹元贰角叁分肆厘
      const jf = readJiaoFen(v, p);
      if (jf) {
        jiaoFen = jf.value;
        p = jf.end;
      }
      if (v[p] === "整" || v[p] === "正") p++;
      if (startsWithAt(v, p, "人民币")) p += 3;
      else if (v[p] === "钱" && jf) p++;
    } else if (/[角毛分]/.test(v[q] ?? "") && (/[壹贰貳叁參肆伍陆陸柒捌玖拾]/.test(num.compact) || /人民币\s*$|[¥￥]$/.test(v.slice(Math.max(0, s - 5), s)))) {
      // 壹角, 肆角叁分: standalone 角/分 only in capitals or after 人民币/¥ (a bare "5分" is a score).
      const jf = readJiaoFen(v, e, value);
      if (jf) {
        isMoney = true;
        jiaoFen = jf.value;
        value = "0";
        p = jf.end;
        if (v[p] === "整" || v[p] === "正") p++;
      }
    } else if ((v[q] === "成" || (v[q] === "折" && !/[旧舊合算扣成价價让讓]/.test(v[q + 1] ?? ""))) && !approx) {
      // 七成 = 70%, 9.5成 = 95%; 八折 = 80%, 75折 = 75% (one digit counts tenths, two are the percent).
      kind = "percent";
      unit = "%";
      value = v[q] === "成" || compare(value, "10") < 0 ? mul(value, "10") : value;
      p = q + 1;
    } else if (v[q] === "%" || v[q] === "‰") {
      kind = "percent";
      unit = v[q] === "%" ? "%" : "‰";
      p = q + 1;
    } else {
      const bp = matchSpacedWord(v, q, ["个百分点", "個百分點"]);
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
        next();
        continue;
      }
    }

    // ---- What precedes the figure: currency, sign, parentheses, qualifiers, change words.
    let start = percentPrefix ? percentPrefix.from : s;
    let negative = percentPrefix ? v[s - 1] === "负" || v[s - 1] === "負" || v[s - 1] === "-" : false;
    const floor = lastEnd;
    if (!percentPrefix) {
      const b = start - 1;
      const bc = v[b];
      if (b >= floor && (bc === "负" || bc === "負" || bc === "△" || bc === "▲")) {
        negative = true;
        start = b;
      } else if (b >= floor && (bc === "-" || bc === "–") && !/[0-9A-Za-z)\]]/.test(v[b - 1] ?? "") && !(v[b - 1] === "-")) {
        negative = true;
        start = b;
      } else if (b >= floor && bc === "(" && v[e] === ")" && num.hasArabic && !num.hasChinese && (/[.,]/.test(text.slice(s, e)) || num.compact.length >= 3) && !isYear(value, num.compact)) {
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
    } else if (cb - 1 >= floor && (v[cb - 1] === "¥" || v[cb - 1] === "￥")) {
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
      if (!accept || /^[千仟百佰]/.test(num.compact) && numeralChars === 1) {
        next();
        continue;
      }
      if (/^[千仟百佰]/.test(num.compact) && numeralChars === 2 && !whole && CN_BIG_UNITS.has(num.compact[1]!)) {
        next(); // 千万 (千万不要), 百万 as adverbs
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
    const afterWord = AFTER.at(v, v[after] === "(" && startsWithAt(v, after, "(含)") ? after + 3 : after);
    if (afterWord) approx = approx ?? afterWord[1];
    let change: AmountSpan["change"];
    let lk = look;
    if (v[lk - 1] === "了") lk = backWs(v, lk - 1, floor);
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
      value: isMoney ? printedValue : kind === "percent" ? fullValue : fullValue,
      unit: isMoney ? printedUnit : kind === "percent" ? unit : matchMeasure(v, skipWs(v, spanEnd, 1)),
    };
    if (isMoney) span.yuan = fullValue;
    if (approx) span.approx = approx;
    if (change) span.change = change;

    // Ranges: 500—1000元, 3至5万元, 1万-5万元: the first figure waits for a money figure after a dash.
    if (pendingRange && !isMoney && span.kind === "number" && pendingRange.multUnit === null && !approx && !negative) {
      // 3—5人, 一千到一千五百: a plain number range; both ends as printed.
      const a = pendingRange;
      const merged: AmountSpan = {
        start: a.span.start,
        end: spanEnd,
        text: text.slice(a.span.start, spanEnd),
        kind: "number",
        value: a.span.value,
        unit: span.unit,
        range: { min: a.span.value, max: span.value },
      };
      spans.pop();
      const label = findLabel(text, v, a.span.start, a.floor);
      if (label) merged.label = label;
      spans.push(merged);
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
      spans.pop();
      const label = findLabel(text, v, a.span.start, a.floor);
      if (label) merged.label = label;
      spans.push(merged);
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
      const sep = /^(——|--|[—–\-~至到])/.exec(v.slice(r, r + 2));
      if (sep) {
        const r2 = skipWs(v, r + sep[0].length, 2);
        if (isAsciiDigit(v[r2]) || isCnNumeralChar(v[r2] ?? "")) {
          const multUnit = /[万萬亿億]$/.test(num.compact) || (num.hasArabic && /\d千$/.test(num.compact)) ? num.compact.slice(-1).replace("萬", "万").replace("億", "亿") : null;
          const baseValue = multUnit ? (() => {
            const head = num.compact.slice(0, -1);
            const t = tokenizeNumeral(head);
            return t ? evaluateNumeral(t) : null;
          })() : fullValue;
          if (baseValue !== null) {
            pendingRange = { span: { ...span, value: baseValue }, multUnit, floor };
            i = r2;
          }
        }
      }
    } else if (span.kind === "money" && !span.approx) {
      // 1万元--5万元
      let r = skipWs(v, spanEnd, 2);
      const sep = /^(——|--|[—–\-~至到])/.exec(v.slice(r, r + 2));
      if (sep && isAsciiDigit(v[skipWs(v, r + sep[0].length, 2)])) {
        pendingRange = { span: { ...span, value: fullValue }, multUnit: "", floor };
        i = skipWs(v, r + sep[0].length, 2);
      }
    }
  }
  return spans;
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

/** 角/分/厘 after 元 (or alone): returns their value in 元. */
function readJiaoFen(v: string, i: number, leading?: string): { end: number; value: string } | null {
  let p = i;
  let value = "0";
  let any = false;
  const parts: Array<[string, string]> = [["角毛", "0.1"], ["分", "0.01"], ["厘", "0.001"]];
  let first = leading;
  for (const [chars, scale] of parts) {
    let k = p;
    if (first === undefined) {
      if (v[k] === "零" || v[k] === "〇") k++;
      const d = v[k];
      let digit: number | undefined;
      if (d !== undefined && CN_DIGITS.has(d)) digit = CN_DIGITS.get(d);
      else if (isAsciiDigit(d)) digit = Number(d);
      const unitCh = v[k + 1];
      if (digit === undefined || unitCh === undefined || !chars.includes(unitCh)) continue;
      value = addDec(value, mul(String(digit), scale));
      p = k + 2;
      any = true;
    } else {
      const q = skipWs(v, p, 1);
      const unitCh = v[q];
      if (unitCh === undefined || !chars.includes(unitCh)) continue;
      value = addDec(value, mul(first, scale));
      p = q + 1;
      any = true;
      first = undefined;
    }
  }
  if (!any) return null;
  if (v[p] === "钱") p++;
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
  const ch = v[i];
  if (ch === undefined) return false;
  if (/[元圆块万萬亿億千百%余多几幾角分成折]/.test(ch)) return true;
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
