/**
 * Chinese numerals (小写, 大写/financial capitals, traditional forms) mixed with Arabic figures,
 * evaluated exactly with BigInt-backed decimals. No floats on the path.
 */
import { MULTIPLIER_POWERS } from "../model/constants.js";
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

const unitsOf = (big: boolean): Array<[string, bigint]> =>
  Object.entries(MULTIPLIER_POWERS).filter(([, p]) => p >= 4 === big).map(([ch, p]) => [ch, 10n ** BigInt(p)]);

/** Small units multiply the figure before them inside one 万-section (什 is an old form of 十). */
export const CN_SMALL_UNITS: ReadonlyMap<string, bigint> = new Map([...unitsOf(false), ["什", 10n]]);

/** Big units close a section; they can nest (万亿, 亿亿). 兆 follows the 10^12 reading of the peers. */
export const CN_BIG_UNITS: ReadonlyMap<string, bigint> = new Map(unitsOf(true));

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
  let fracPart = pointAt < 0 ? [] : tokens.slice(pointAt + 1);
  // 三点七五万, 十二点五亿: units after the decimal digits scale the whole decimal.
  const scale = pointAt < 0 ? 1n : trailingScale(intPart, fracPart);
  if (scale !== 1n) fracPart = fracPart.filter((tk) => tk.t !== "big" && tk.t !== "small");
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
  const value = canonical(`${whole}.${fraction}`);
  return scale === 1n ? value : scaleBy(value, scale.toString());
}

/**
 * The product of the units that end a decimal's fraction digits (三点七五万 → 10000), or 1 when there are none or
 * they are not a trailing multiplier: big units after a figure without big units (十二点五万), small ones only
 * after a bare digit (三点五千).
 */
function trailingScale(intPart: readonly NumeralToken[], fracPart: readonly NumeralToken[]): bigint {
  let k = fracPart.length;
  let scale = 1n;
  let small = false;
  while (k > 0 && (fracPart[k - 1]!.t === "big" || fracPart[k - 1]!.t === "small")) {
    const tk = fracPart[k - 1] as { mult: bigint; t: string };
    if (tk.t === "small") small = true;
    scale *= tk.mult;
    k--;
  }
  if (k === 0 || scale === 1n) return 1n;
  for (let j = 0; j < k; j++) if (fracPart[j]!.t !== "digit") return 1n;
  if (intPart.some((tk) => tk.t === "big" || (small && (tk.t === "small" || tk.t === "twenty")))) return 1n;
  return scale;
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
  const st: Sections = { total: "0", section: "0", pending: null, pendingIsLoneDigit: false, lastBig: null, prev: null, lastUnit: null, zeroSinceUnit: false, decimalUnit: false };
  for (const tk of tokens) {
    if (st.decimalUnit && tk.t !== "big") return null;
    if (!STEP[tk.t](st, tk as never)) return null;
    st.prev = tk;
  }
  if (st.pending !== null) {
    // 一万三 = 13000, 四百五 = 450: a lone trailing digit right after a unit takes the next lower unit.
    if (st.pendingIsLoneDigit && st.prev?.t === "digit" && !st.zeroSinceUnit && st.lastUnit !== null && st.lastUnit > 10n) {
      st.pending = scaleBy(st.pending, (st.lastUnit / 10n).toString());
    }
    st.section = add(st.section, st.pending);
  }
  return canonical(add(st.total, st.section));
}

/** The running state of a numeral with units, read token by token. */
interface Sections {
  total: string;
  /** The 万-section being built. */
  section: string;
  /** The figure waiting for its unit. */
  pending: string | null;
  pendingIsLoneDigit: boolean;
  lastBig: bigint | null;
  prev: NumeralToken | null;
  /** The unit just before a trailing digit, for 一万三. */
  lastUnit: bigint | null;
  zeroSinceUnit: boolean;
  /** 10.1万: a decimal figure with its unit must end the numeral (10.1万零100 is not one). */
  decimalUnit: boolean;
}

type Step<K extends NumeralToken["t"]> = (st: Sections, tk: Extract<NumeralToken, { t: K }>) => boolean;

/** One reader per token kind; false when the tokens do not form one number. */
const STEP: { [K in NumeralToken["t"]]: Step<K> } = {
  digit: (st, tk) => {
    if (tk.zero) {
      st.zeroSinceUnit = true;
      return !(st.pending !== null && st.prev?.t === "digit" && !st.prev.zero);
    }
    if (st.pending !== null) return false; // two figures without a unit: 二三十, 十三五
    st.pending = String(tk.value);
    st.pendingIsLoneDigit = true;
    return true;
  },
  arabic: (st, tk) => {
    if (st.pending !== null) return false;
    st.pending = tk.value;
    st.pendingIsLoneDigit = false;
    return true;
  },
  twenty: (st) => {
    if (st.pending !== null) return false;
    st.section = add(st.section, "20");
    st.lastUnit = 10n;
    st.zeroSinceUnit = false;
    return true;
  },
  small: (st, tk) => {
    // 一百十一 = 111: a smaller unit straight after a larger one counts one of it; 百十, 十百 are not numbers.
    const prev = st.prev;
    if (prev?.t === "small" && !(st.lastUnit !== null && tk.mult < st.lastUnit && tk.mult === 10n && prev.mult === 100n)) return false;
    const figure = st.pending ?? "1";
    if (figure.includes(".")) st.decimalUnit = true;
    st.section = add(st.section, scaleBy(figure, tk.mult.toString()));
    st.pending = null;
    st.lastUnit = tk.mult;
    st.zeroSinceUnit = false;
    return true;
  },
  big: (st, tk) => readBig(st, tk),
  point: () => false,
};

function readBig(st: Sections, tk: { mult: bigint }): boolean {
  if (st.pending !== null && st.pending.includes(".")) st.decimalUnit = true;
  const x = add(st.section, st.pending ?? "0");
  if (st.prev?.t === "big") {
    if (x !== "0") return false;
    // 四万万, 一万亿亿: the unit applies to everything so far.
    st.total = scaleBy(st.total, tk.mult.toString());
    st.lastBig = (st.lastBig ?? 1n) * tk.mult;
  } else if (st.pending === null && st.section === "0") {
    return false; // 零万: a big unit with no figure
  } else if (st.lastBig === null || tk.mult >= st.lastBig) {
    st.total = scaleBy(add(st.total, x), tk.mult.toString());
    st.lastBig = tk.mult;
  } else {
    st.total = add(st.total, scaleBy(x, tk.mult.toString()));
    st.lastBig = tk.mult;
  }
  st.section = "0";
  st.pending = null;
  st.lastUnit = tk.mult;
  st.zeroSinceUnit = false;
  return true;
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
