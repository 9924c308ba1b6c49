/**
 * What follows a figure and gives it a unit: 元/圆/块 (money, with 角/分/厘 after it), a foreign currency (not
 * reported), %, ‰, 个百分点, 成 and 折 (percentages); and the printed unit of money figures (340.77万元 →
 * value 340.77, unit 万元, yuan 3407700).
 */
import { multiplierOf, MONEY_UNIT_MULTIPLIERS } from "../../model/constants.js";
import { add, compare } from "../../util/decimal.js";
import * as charclass from "../charclass.js";
import { CN_DIGITS, evaluateNumeral, NUMERAL_CLASS as NUMERAL_CLASS_TABLE, tokenizeNumeral } from "../chinese.js";
import { backWs, matchSpacedWord, skipSpaces, skipWs } from "../cursor.js";
import { canonical, negate, scaleBy, shift10 } from "../fastdecimal.js";
import type { Figure, Scan } from "../figure.js";
import { isPlainDecimal, LIANG } from "../numeral.js";
import { PERCENT_POINT_WORDS } from "../words.js";
import { CURRENCY, DA_VERB, FOREIGN, MEASURE } from "./vocabulary.js";
import { C_SHI, C_SHI_CAPITAL, C_BAI, C_BAN, C_CHENG, C_DA, C_GE, C_GE_TRAD, C_JIAO, C_KUAI, C_MAO, C_PERMILLE, C_POINT, C_QIAN, C_QIAN_MONEY, C_ZHE, C_ZHENG, C_ZHENG_ALT } from "../codes.js";

const { CNY, has, isCjkCode, isDigitCode, JIAO_FEN, ZHE_VERB } = charclass;
const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;
const code = (ch: string): number => ch.charCodeAt(0);
const SPACE = 32;
const UNIT_MULTIPLIERS: Readonly<Record<string, string>> = MONEY_UNIT_MULTIPLIERS;

/**
 * The unit after the figure (at f.p): money, percent, 成/折. False when a foreign currency follows: the figure is
 * then not reported and f.p is past the currency word.
 */
export function readUnit(sc: Scan, f: Figure): boolean {
  const { v, codes } = sc;
  const q = skipWs(v, f.p, 3);
  const fc = FOREIGN.at(v, q);
  if (fc) {
    f.p = q + fc[0].length;
    return false;
  }
  const cq = codes[q]!;
  const currency = CURRENCY.at(v, q);
  if (has(cq, CNY)) readYuan(sc, f, q);
  else if (currency && (cq > 127 || q === f.p)) {
    // 12.80人民币, 200RMB: the currency word after the figure.
    f.isMoney = true;
    f.p = q + currency[0].length;
  } else if (has(cq, JIAO_FEN) && (/[壹贰貳叁參肆伍陆陸柒捌玖拾]/.test(f.num.compact) || afterCurrency(sc, f.s) || isJiaoMoney(sc, f, q))) readJiaoAlone(sc, f);
  else if ((cq === C_CHENG || (cq === C_ZHE && !has(codes[q + 1]!, ZHE_VERB) && f.value !== "10")) && !f.approx) readTenths(sc, f, q);
  else if (cq === 37 || cq === C_PERMILLE) {
    f.kind = "percent";
    f.unit = cq === 37 ? "%" : "‰";
    f.p = q + 1;
  } else if (cq === C_DA && f.kind === "number" && !f.approx && isDozen(sc, q)) {
    f.value = scaleBy(f.value, "12");
    f.unit = "打";
    f.p = q + 1;
  } else if (cq === C_GE || cq === C_GE_TRAD || (cq === SPACE && q - f.p >= 3)) {
    // PDF text spaces 个百分点 out and pads before it ("150    个百分点").
    const bp = matchSpacedWord(v, skipSpaces(v, q, 3), PERCENT_POINT_WORDS);
    if (bp > 0) {
      f.kind = "percent";
      f.unit = "个百分点";
      f.p = bp;
    }
  }
  return true;
}

/** 十打苹果, 一打: dozens, unless 打 starts a verb (打造, 一打三整治) or continues a word. */
function isDozen(sc: Scan, q: number): boolean {
  const next = sc.codes[q + 1]!;
  return !DA_VERB.has(next) && !(NUMERAL_CLASS[next]! > 0) && !isDigitCode(next);
}

/** 元 / 圆 / 块 at q, then 角 / 分 / 厘 (50元6角三分, 壹元零壹分), 整, 人民币 or 钱. */
function readYuan(sc: Scan, f: Figure, q: number): void {
  const { v, codes } = sc;
  f.isMoney = true;
  let p = q + 1;
  // 十二块五, 12块5: after the colloquial 块 a lone digit counts 角.
  const jf = readJiaoFen(v, p) ?? (codes[q] === C_KUAI ? trailingDigit(v, p, "0.1") : null);
  if (jf) {
    f.jiaoFen = jf.value;
    p = jf.end;
  }
  if (codes[p]! === C_ZHENG || codes[p]! === C_ZHENG_ALT) p++;
  const word = CURRENCY.at(v, p);
  if (word && codes[p]! > 127) p += word[0].length;
  else if (codes[p]! === C_QIAN_MONEY && jf) p++;
  f.p = p;
}

/** A currency word or sign before the figure at `s` (人民币 5角, ¥0.5). */
function afterCurrency(sc: Scan, s: number): boolean {
  return CURRENCY.endingAt(sc.v, backWs(sc.v, s, 0), Math.max(0, s - 5)) !== undefined;
}

/** 壹角, 肆角叁分: standalone 角/分 only in capitals or after 人民币/¥ (a bare "5分" is a score). */
function readJiaoAlone(sc: Scan, f: Figure): void {
  const jf = readJiaoFen(sc.v, f.e, f.value);
  if (!jf) return;
  f.isMoney = true;
  f.jiaoFen = jf.value;
  f.value = "0";
  f.p = jf.end;
  if (sc.codes[f.p]! === C_ZHENG || sc.codes[f.p]! === C_ZHENG_ALT) f.p++;
}

/** 七成 = 70%, 9.5成 = 95%; 八折 = 80%, 75折 = 75% (one digit counts tenths, two are the percent); 十折 is no discount. */
function readTenths(sc: Scan, f: Figure, q: number): void {
  const { v, codes } = sc;
  const cq = codes[q]!;
  f.kind = "percent";
  f.unit = "%";
  f.value = cq === C_CHENG || compare(f.value, "10") < 0 ? scaleBy(f.value, "10") : f.value;
  f.p = q + 1;
  if (cq !== C_CHENG) return;
  // 三成半 = 35%, 七成六 = 76%: the next tenth of a 成.
  const t = skipSpaces(v, f.p, 1);
  const tc = codes[t]!;
  if (tc === C_BAN) {
    f.value = add(f.value, "5");
    f.p = t + 1;
  } else if (NUMERAL_CLASS[tc] === 1 && !LIANG.has(tc) && !(NUMERAL_CLASS[codes[t + 1]!]! > 0) && !MEASURE.at(v, t + 1)) {
    f.value = add(f.value, String(CN_DIGITS.get(v.charAt(t)) ?? 0));
    f.p = t + 1;
  }
}

/** 角/毛, 分, 厘 after 元 (or alone) and what each is worth in 元. */
const JIAO_FEN_LI: ReadonlyArray<readonly [number, number, string]> = [
  [code("角"), code("毛"), "0.1"],
  [code("分"), -1, "0.01"],
  [code("厘"), -1, "0.001"],
];

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
export function readJiaoFen(v: string, i: number, leading?: string): { end: number; value: string } | null {
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
      if (digit > 0) value = add(value, scaleBy(String(digit), scale));
      p = k + 2;
      any = true;
    } else {
      const q = skipWs(v, p, 1);
      if (!isUnit(q)) continue;
      value = add(value, scaleBy(first, scale));
      p = q + 1;
      any = true;
      first = undefined;
    }
  }
  if (!any) return null;
  // 三毛六, 五块七毛八: after 角 / 毛 a lone digit counts 分.
  const jiaoLast = v.charCodeAt(p - 1) === C_JIAO || v.charCodeAt(p - 1) === C_MAO;
  const fen = jiaoLast ? trailingDigit(v, p, "0.01") : null;
  if (fen) {
    value = add(value, fen.value);
    p = fen.end;
  }
  if (v.charCodeAt(p) === C_QIAN_MONEY) p++;
  return { end: p, value: canonical(value) };
}

/**
 * A lone digit after a money unit, worth `scale` each (十二块五 → 0.5): a digit from 1 to 9 that nothing numeric,
 * no unit and no measure word follows (十二块五十 and 三块五个 are not it).
 */
function trailingDigit(v: string, i: number, scale: string): { end: number; value: string } | null {
  const d = digitValueAt(v, i);
  if (d <= 0) return null;
  const next = v.charCodeAt(i + 1);
  if (isDigitCode(next) || NUMERAL_CLASS[next]! > 0 || has(next, JIAO_FEN) || next === 46 || next === C_POINT || MEASURE.at(v, i + 1)) return null;
  return { end: i + 1, value: scaleBy(String(d), scale) };
}

/**
 * 8角, 三毛六, 五角钱, 十二角: 角 / 毛 after a figure is money when the figure is Arabic (and no word goes on after
 * the unit), when 钱, 整 or a digit follows, or when a Chinese figure of two or more characters ends the phrase;
 * 三角形, 八角楼, 一毛不拔, 城市一角 are words. A bare 分 stays a score (5分).
 */
function isJiaoMoney(sc: Scan, f: Figure, q: number): boolean {
  const c = sc.codes[q]!;
  if (c !== C_JIAO && c !== C_MAO) return false;
  if (f.num.hasArabic) return !isCjkCode(sc.codes[q + 1]!) || sc.codes[q + 1] === C_QIAN_MONEY || digitValueAt(sc.v, q + 1) > 0;
  // A Chinese figure starts with a digit or 十 (百角 is no figure); a lone digit needs 钱, 整 or a digit after the unit
  // (一角钱, 三毛六): alone, 一角 / 三毛 are as often "a corner" or a name.
  const lead = f.num.compact.charCodeAt(0);
  if (NUMERAL_CLASS[lead] !== 1 && lead !== C_SHI && lead !== C_SHI_CAPITAL) return false;
  const next = sc.codes[q + 1]!;
  if (next === C_QIAN_MONEY || next === C_ZHENG || digitValueAt(sc.v, q + 1) >= 0) return true;
  return f.num.compact.length > 1 && !isCjkCode(next);
}

/** The figure's values: in 元 or as a number (fullValue), and as printed with its unit (printedValue, printedUnit). */
export function composeValues(f: Figure): void {
  let full = f.value;
  if (f.extraMult) full = scaleBy(full, multiplierOf(f.extraMult));
  if (f.jiaoFen !== "0") full = add(full, f.jiaoFen);
  if (f.negative) full = negate(full);
  f.fullValue = full;
  f.printedValue = full;
  f.printedUnit = null;
  if (!f.isMoney) {
    if (f.kind === "percent") f.printedUnit = f.unit;
    return;
  }
  const split = f.jiaoFen === "0" && !f.extraMult ? splitPrintedUnit(f.num.compact, f.num.hasArabic) : null;
  if (split) {
    f.printedValue = f.negative ? negate(split.printed) : split.printed;
    f.printedUnit = `${split.mult}元`;
  } else if (f.extraMult) {
    f.printedValue = f.negative ? negate(f.value) : f.value;
    f.printedUnit = `${f.extraMult}元`;
  } else f.printedUnit = "元";
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
  if (isPlainDecimal(head)) printed = canonical(head);
  else {
    const tokens = tokenizeNumeral(head);
    printed = tokens ? evaluateNumeral(tokens) : null;
  }
  if (printed === null) return null;
  const tail = compact.slice(k);
  return { printed, mult: tailHasBig ? normalizeMultiplier(tail) : tail };
}

/** 萬 / 億 as 万 / 亿: printed units use the simplified forms. */
export function normalizeMultiplier(mult: string): string {
  return mult.replace(/萬/g, "万").replace(/億/g, "亿");
}

/** A table cell or narrative under a declared unit: a bare Arabic figure is money in that unit. */
export function applyDefaultUnit(sc: Scan, f: Figure): void {
  const u = sc.defaultUnit;
  if (!u || f.isMoney || f.kind !== "number" || !f.num.hasArabic || f.approx || MEASURE.at(sc.v, skipWs(sc.v, f.p, 1))) return;
  f.isMoney = true;
  f.printedUnit = u.unit;
  f.printedValue = f.fullValue;
  f.fullValue = scaleBy(f.fullValue, u.multiplier);
}

/** value ÷ 10^k exactly (multipliers are powers of ten). */
export function divPow10(value: string, mult: string): string {
  return shift10(value, 1 - mult.length);
}

/** A declared unit ("万元" or a MoneyUnit) as unit and multiplier. */
export function resolveDefaultUnit(u: { unit: string; multiplier: string } | string | null | undefined): { unit: string; multiplier: string } | null {
  if (!u) return null;
  if (typeof u === "string") return { unit: u, multiplier: UNIT_MULTIPLIERS[u] ?? "1" };
  return { unit: u.unit, multiplier: u.multiplier };
}
