/**
 * Chinese numerals (小写, 大写/financial capitals, traditional forms) mixed with Arabic figures,
 * evaluated exactly with BigInt-backed decimals. No floats on the path.
 */
import { add } from "../util/decimal.js";
import { canonical, scaleBy } from "./fastdecimal.js";

/** Digit characters and their values. */
export const CN_DIGITS: ReadonlyMap<string, number> = new Map([
  ["零", 0], ["〇", 0], ["○", 0], ["◯", 0], ["Ｏ", 0],
  ["一", 1], ["壹", 1], ["幺", 1],
  ["二", 2], ["贰", 2], ["貳", 2], ["两", 2], ["兩", 2], ["俩", 2], ["倆", 2],
  ["三", 3], ["叁", 3], ["參", 3], ["叄", 3],
  ["四", 4], ["肆", 4],
  ["五", 5], ["伍", 5],
  ["六", 6], ["陆", 6], ["陸", 6],
  ["七", 7], ["柒", 7],
  ["八", 8], ["捌", 8],
  ["九", 9], ["玖", 9],
]);

/** Small units multiply the figure before them inside one 万-section. */
export const CN_SMALL_UNITS: ReadonlyMap<string, bigint> = new Map([
  ["十", 10n], ["拾", 10n], ["什", 10n],
  ["百", 100n], ["佰", 100n],
  ["千", 1000n], ["仟", 1000n],
]);

/** Big units close a section; they can nest (万亿, 亿亿). 兆 follows the 10^12 reading of the peers. */
export const CN_BIG_UNITS: ReadonlyMap<string, bigint> = new Map([
  ["万", 10_000n], ["萬", 10_000n],
  ["亿", 100_000_000n], ["億", 100_000_000n],
  ["兆", 1_000_000_000_000n],
]);

export const CN_POINTS = new Set(["点", "點"]);
const ZEROS = new Set(["零", "〇", "○", "◯", "Ｏ"]);

/** Per UTF-16 code: 1 digit, 2 small unit, 3 big unit, 4 廿 — one array read instead of Map probes on fresh strings. */
export const NUMERAL_CLASS = new Uint8Array(65536);
for (const ch of CN_DIGITS.keys()) NUMERAL_CLASS[ch.charCodeAt(0)] = 1;
for (const ch of CN_SMALL_UNITS.keys()) NUMERAL_CLASS[ch.charCodeAt(0)] = 2;
for (const ch of CN_BIG_UNITS.keys()) NUMERAL_CLASS[ch.charCodeAt(0)] = 3;
NUMERAL_CLASS["廿".charCodeAt(0)] = 4;

export function numeralClassAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c === c ? NUMERAL_CLASS[c]! : 0; // NaN past the end
}

export function isCnDigit(ch: string): boolean {
  return CN_DIGITS.has(ch);
}
export function isCnUnit(ch: string): boolean {
  return ch.length === 1 && NUMERAL_CLASS[ch.charCodeAt(0)]! >= 2;
}
export function isCnNumeralChar(ch: string): boolean {
  return ch.length === 1 && NUMERAL_CLASS[ch.charCodeAt(0)]! > 0;
}

/** One lexical piece of a numeral. Arabic runs arrive already normalized ("1234.5"). */
export type NumeralToken =
  | { t: "digit"; value: number; zero: boolean }
  | { t: "arabic"; value: string }
  | { t: "small"; mult: bigint }
  | { t: "big"; mult: bigint }
  | { t: "twenty" }
  | { t: "point" };

/** Tokenize a compact numeral string (no spaces). Returns null on any foreign character. */
export function tokenizeNumeral(s: string): NumeralToken[] | null {
  const out: NumeralToken[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch >= "0" && ch <= "9") {
      let j = i;
      while (j < s.length && ((s[j]! >= "0" && s[j]! <= "9") || s[j] === "." || s[j] === ",")) j++;
      const raw = s.slice(i, j).replace(/,/g, "");
      if (!/^\d+(\.\d+)?$/.test(raw)) return null;
      out.push({ t: "arabic", value: canonical(raw) });
      i = j;
      continue;
    }
    const d = CN_DIGITS.get(ch);
    if (d !== undefined) out.push({ t: "digit", value: d, zero: ZEROS.has(ch) });
    else if (CN_SMALL_UNITS.has(ch)) out.push({ t: "small", mult: CN_SMALL_UNITS.get(ch)! });
    else if (CN_BIG_UNITS.has(ch)) out.push({ t: "big", mult: CN_BIG_UNITS.get(ch)! });
    else if (ch === "廿") out.push({ t: "twenty" });
    else if (CN_POINTS.has(ch)) out.push({ t: "point" });
    else return null;
    i++;
  }
  return out;
}

/**
 * Evaluate tokens to an exact decimal string, or null when they do not form one number
 * ("二三十", "万", "十三五"). Handles 零-gaps, the spoken abbreviation 一万三 = 13000, nested big units
 * (四万万, 一万亿), digit sequences (一七二零), decimals (三点一四, 一百点123) and Arabic figures mixed
 * with units (1亿2千万, 3亿零500万, 4.78万亿).
 */
export function evaluateNumeral(tokens: readonly NumeralToken[]): string | null {
  if (tokens.length === 0) return null;
  const pointAt = tokens.findIndex((tk) => tk.t === "point");
  const intPart = pointAt < 0 ? tokens : tokens.slice(0, pointAt);
  const fracPart = pointAt < 0 ? [] : tokens.slice(pointAt + 1);
  let fraction = "";
  if (pointAt >= 0) {
    if (fracPart.length === 0) return null;
    if (fracPart.length === 1 && fracPart[0]!.t === "arabic" && !fracPart[0]!.value.includes(".")) {
      // 一百点123: Arabic digits after 点 (keep leading zeros as printed is impossible here; digits are digits)
      fraction = (fracPart[0] as { value: string }).value;
    } else {
      for (const tk of fracPart) {
        if (tk.t !== "digit") return null;
        fraction += String(tk.value);
      }
    }
    if (intPart.length === 0) return null;
  }
  const whole = evaluateInteger(intPart);
  if (whole === null) return null;
  if (!fraction) return whole;
  if (whole.includes(".")) return null;
  return canonical(`${whole}.${fraction}`);
}

function evaluateInteger(tokens: readonly NumeralToken[]): string | null {
  if (tokens.length === 0) return null;
  const hasUnit = tokens.some((tk) => tk.t === "small" || tk.t === "big" || tk.t === "twenty");
  if (!hasUnit) {
    // A digit sequence (一七二零, 二〇〇二) or a single Arabic figure.
    if (tokens.length === 1 && tokens[0]!.t === "arabic") return tokens[0]!.value;
    let digits = "";
    for (const tk of tokens) {
      if (tk.t !== "digit") return null;
      digits += String(tk.value);
    }
    return canonical(digits);
  }
  // A leading big unit (万, 万万, 亿元) is not a number.
  if (tokens[0]!.t === "big") return null;

  let total = "0";
  let section = "0";
  let pending: string | null = null; // the figure waiting for its unit
  let pendingIsLoneDigit = false;
  let lastBig: bigint | null = null;
  let prev: NumeralToken | null = null;
  let lastUnit: bigint | null = null; // the unit just before a trailing digit, for 一万三
  let zeroSinceUnit = false;
  let decimalUnit = false; // 10.1万: a decimal figure with its unit must end the numeral (10.1万零100 is not one)

  for (const tk of tokens) {
    if (decimalUnit && tk.t !== "big") return null;
    switch (tk.t) {
      case "digit":
        if (tk.zero) {
          zeroSinceUnit = true;
          if (pending !== null && prev?.t === "digit" && !prev.zero) return null;
          break;
        }
        if (pending !== null) return null; // two figures without a unit: 二三十, 十三五
        pending = String(tk.value);
        pendingIsLoneDigit = true;
        break;
      case "arabic":
        if (pending !== null) return null;
        pending = tk.value;
        pendingIsLoneDigit = false;
        break;
      case "twenty":
        if (pending !== null) return null;
        section = add(section, "20");
        lastUnit = 10n;
        zeroSinceUnit = false;
        break;
      case "small": {
        // 一百十一 = 111: a smaller unit straight after a larger one counts one of it; 百十, 十百 are not numbers.
        if (prev?.t === "small" && !(lastUnit !== null && tk.mult < lastUnit && tk.mult === 10n && prev.mult === 100n)) return null;
        const figure = pending ?? "1";
        if (figure.includes(".")) decimalUnit = true;
        section = add(section, scaleBy(figure, tk.mult.toString()));
        pending = null;
        lastUnit = tk.mult;
        zeroSinceUnit = false;
        break;
      }
      case "big": {
        if (pending !== null && pending.includes(".")) decimalUnit = true;
        const x = add(section, pending ?? "0");
        if (prev?.t === "big") {
          if (x !== "0") return null;
          // 四万万, 一万亿亿: the unit applies to everything so far.
          total = scaleBy(total, tk.mult.toString());
          lastBig = (lastBig ?? 1n) * tk.mult;
        } else if (pending === null && section === "0") {
          return null; // 零万: a big unit with no figure
        } else if (lastBig === null || tk.mult >= lastBig) {
          total = scaleBy(add(total, x), tk.mult.toString());
          lastBig = tk.mult;
        } else {
          total = add(total, scaleBy(x, tk.mult.toString()));
          lastBig = tk.mult;
        }
        section = "0";
        pending = null;
        lastUnit = tk.mult;
        zeroSinceUnit = false;
        break;
      }
      case "point":
        return null;
    }
    prev = tk;
  }
  if (pending !== null) {
    // 一万三 = 13000, 四百五 = 450: a lone trailing digit right after a unit takes the next lower unit.
    if (pendingIsLoneDigit && prev?.t === "digit" && !zeroSinceUnit && lastUnit !== null && lastUnit > 10n) {
      const below = lastUnit >= 10_000n ? lastUnit / 10n : lastUnit / 10n;
      pending = scaleBy(pending, below.toString());
    }
    section = add(section, pending);
  }
  return canonical(add(total, section));
}

/**
 * Parse a Chinese (or mixed Chinese/Arabic) numeral: "三百四十" → "340", "壹佰贰拾万" → "1200000",
 * "1亿2千万" → "120000000", "负三点五" → "-3.5". Spaces are ignored. Null when not one number.
 */
export function parseChineseNumber(s: string): string | null {
  let text = s.replace(/[\s\u3000]+/g, "");
  text = text.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let negative = false;
  if (/^[负負\-−－]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  const tokens = tokenizeNumeral(text);
  if (!tokens) return null;
  const v = evaluateNumeral(tokens);
  if (v === null) return null;
  return negative && v !== "0" ? `-${v}` : v;
}
