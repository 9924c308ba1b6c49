/**
 * Numerals at a position of the scan view: Arabic figures (thousands separators, a point, PDF breaks after the
 * point, k/w), Chinese numerals and their mixes (340.77万, 1亿2千万), read into a compact form and evaluated
 * exactly. The compact form keeps Chinese characters as printed so later rules can see the trailing units.
 */
import { MULTIPLIER_POWERS } from "../model/constants.js";
import { has, isDigitCode, WORD_AFTER } from "./charclass.js";
import { CN_DIGITS, evaluateNumeral, NUMERAL_CLASS as NUMERAL_CLASS_TABLE, tokenizeNumeral } from "./chinese.js";
import { canonical, shift10 } from "./fastdecimal.js";
import { C_SHI, C_SHI_CAPITAL } from "./codes.js";

// Module-local binding for the hot path: a transpiler may turn imported bindings into getter calls.
const NUMERAL_CLASS = NUMERAL_CLASS_TABLE;

/** Longest numeral we evaluate; longer digit runs (hashes, ids, garbage) are not amounts. */
export const MAX_NUMERAL_CHARS = 40;

const DOT = 46;
const SPACE = 32;
/** 两 counts (两百, 两个) but is never read digit by digit: not after 点 (一点两小时), not in 两两. */
export const LIANG = new Set([..."两兩俩倆"].map((c) => c.charCodeAt(0)));
const POINT_CODES = new Set([..."点點"].map((c) => c.charCodeAt(0)));

/** Powers of ten of a single trailing unit character (万 → 4), by code unit. */
export const POWER_OF_UNIT = new Uint8Array(65536);
for (const [ch, p] of Object.entries(MULTIPLIER_POWERS)) POWER_OF_UNIT[ch.charCodeAt(0)] = p;

export interface NumeralRead {
  end: number;
  /** Arabic normalized, Chinese kept, spaces dropped, k/w mapped to 千/万. */
  compact: string;
  hasArabic: boolean;
  hasChinese: boolean;
  /** Arabic digits only, no point: 2020, 30101. */
  plainInt: boolean;
}

/** Read the numeral starting at `i` in the scan view. Null when nothing numeric starts there. */
export function readNumeral(v: string, codes: Uint16Array, i: number): NumeralRead | null {
  // One scratch state for every call (reads never nest): no allocation per numeral on the hot path.
  const r = SCRATCH;
  r.j = i;
  r.compact = "";
  r.hasArabic = r.hasChinese = r.hasPoint = false;
  r.lastKind = 0;
  r.runStart = -1;
  const n = v.length;
  while (r.j < n) {
    const c = codes[r.j]!;
    if (isDigitCode(c) || (c === DOT && isDigitCode(codes[r.j + 1]!) && r.lastKind === 0)) {
      if (r.lastKind === 1) break;
      readArabicPart(v, codes, r);
      continue;
    }
    if (NUMERAL_CLASS[c]! > 0) {
      if (r.runStart < 0) r.runStart = r.j;
      r.hasChinese = true;
      r.lastKind = 2;
      r.j++;
      continue;
    }
    flushRun(v, r);
    if (POINT_CODES.has(c) && r.lastKind !== 0) {
      if (readPoint(v, codes, r)) continue;
      break;
    }
    if (c === SPACE && r.lastKind !== 0 && spaceInsideNumeral(codes, r)) continue;
    break;
  }
  flushRun(v, r);
  if (r.j === i) return null;
  let compact = r.compact;
  // A trailing 点 never belongs to the numeral.
  while (compact.endsWith("点")) compact = compact.slice(0, -1);
  return { end: r.j, compact, hasArabic: r.hasArabic, hasChinese: r.hasChinese, plainInt: r.hasArabic && !r.hasChinese && !r.hasPoint };
}

/** The state of one numeral being read. */
interface Reading {
  j: number;
  compact: string;
  hasArabic: boolean;
  hasChinese: boolean;
  /** A point or a k/w multiplier: anything that makes it more than digits. */
  hasPoint: boolean;
  /** 0 none, 1 Arabic, 2 Chinese. */
  lastKind: number;
  /** Start of the Chinese run being read, flushed as one slice. */
  runStart: number;
}

const SCRATCH: Reading = { j: 0, compact: "", hasArabic: false, hasChinese: false, hasPoint: false, lastKind: 0, runStart: -1 };

function flushRun(v: string, r: Reading): void {
  if (r.runStart < 0) return;
  r.compact += v.slice(r.runStart, r.j);
  r.runStart = -1;
}

function readArabicPart(v: string, codes: Uint16Array, r: Reading): void {
  flushRun(v, r);
  const a = readArabic(v, codes, r.j);
  r.compact += a.digits;
  if (a.digits.indexOf(".") >= 0) r.hasPoint = true;
  r.j = a.end;
  r.hasArabic = true;
  r.lastKind = 1;
  // k / w multipliers (15k, 30w) only when not the start of a word.
  const m = codes[r.j]!;
  if ((m === 107 || m === 75 || m === 119 || m === 87) && !has(codes[r.j + 1]!, WORD_AFTER)) {
    r.compact += m === 107 || m === 75 ? "千" : "万";
    r.hasPoint = true; // not a plain integer any more
    r.j++;
    r.lastKind = 2;
  }
}

/** 点 / 點 followed (after up to three spaces) by a digit: the decimal point. */
function readPoint(v: string, codes: Uint16Array, r: Reading): boolean {
  const n = v.length;
  let k = r.j + 1;
  while (k < n && codes[k]! === SPACE && k - r.j <= 3) k++;
  const d = codes[k]!;
  if (!((NUMERAL_CLASS[d] === 1 && !LIANG.has(d)) || isDigitCode(d))) return false;
  r.compact += "点";
  r.hasPoint = true;
  r.j = k;
  r.lastKind = 0;
  if (isDigitCode(d)) {
    // 一百点123: Arabic fraction digits
    let e = k;
    while (e < n && isDigitCode(codes[e]!)) e++;
    r.compact += v.slice(k, e);
    r.j = e;
    r.hasArabic = true;
    r.lastKind = 1;
  }
  return true;
}

/** Spaces inside a numeral: "7 万5 千4 百", "三千 八百", "1000  万". Never Arabic–space–Arabic. */
function spaceInsideNumeral(codes: Uint16Array, r: Reading): boolean {
  const j = r.j;
  let k = j;
  while (k < codes.length && codes[k]! === SPACE && k - j < 3) k++;
  const cls = NUMERAL_CLASS[codes[k]!] ?? 0;
  const nextIsUnit = cls === 2 || cls === 3;
  if (nextIsUnit || ((cls === 1 || POINT_CODES.has(codes[k]!)) && r.lastKind === 2)) {
    r.j = k;
    return true;
  }
  // "7万 5千 4百": one space, then Arabic digits with a smaller unit than the one before the space.
  if (k === j + 1 && r.lastKind === 2 && isDigitCode(codes[k]!)) {
    const before = POWER_OF_UNIT[codes[j - 1]!]!;
    let d = k;
    while (isDigitCode(codes[d]!)) d++;
    const after = POWER_OF_UNIT[codes[d]!]!;
    if (before > 0 && after > 0 && after < before) {
      r.j = k;
      return true;
    }
  }
  return false;
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


/** Exact value of a compact numeral, or null when it is not one number. */
export function valueOfCompact(compact: string, hasArabic: boolean, hasChinese: boolean): string | null {
  if (compact.length === 1 && !hasArabic) {
    const c = compact.charCodeAt(0);
    if (c === C_SHI || c === C_SHI_CAPITAL) return "10";
    if (NUMERAL_CLASS[c] === 1) return String(CN_DIGITS.get(compact) ?? 0);
  }
  if (hasArabic && !hasChinese && isPlainDecimal(compact)) return canonical(compact);
  const last = POWER_OF_UNIT[compact.charCodeAt(compact.length - 1)]!;
  if (hasArabic && last > 0 && isPlainDecimal(compact.slice(0, -1))) {
    // 340.77万, 15k: the common budget form, a point shift without tokenizing.
    return shift10(compact.slice(0, -1), last);
  }
  const tokens = tokenizeNumeral(compact);
  return tokens ? evaluateNumeral(tokens) : null;
}

/** Digits with at most one point: the common case, evaluated without tokenizing. */
export function isPlainDecimal(s: string): boolean {
  let dots = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 46) dots++;
    else if (c < 48 || c > 57) return false;
  }
  return dots <= 1 && s.charCodeAt(0) !== 46 && s.charCodeAt(s.length - 1) !== 46;
}

export function hasLiang(compact: string): boolean {
  for (let k = 0; k < compact.length; k++) if (LIANG.has(compact.charCodeAt(k))) return true;
  return false;
}

export function hasUnitChar(compact: string): boolean {
  for (let k = 0; k < compact.length; k++) if (NUMERAL_CLASS[compact.charCodeAt(k)]! >= 2) return true;
  return false;
}

/** 十, 四十, 三千四百五十: the figure's last unit is the ten (十几 reads "ten-something"). */
export function endsWithTen(compact: string): boolean {
  const c = compact.charCodeAt(compact.length - 1);
  return c === C_SHI || c === C_SHI_CAPITAL;
}
