/**
 * Character classes by UTF-16 code unit: one typed-array read per test. The recognizer's hot path tests
 * a handful of characters around every figure; indexing a string (v[i]) allocates a fresh one-character
 * string for every CJK character and a regex test per character costs far more than an array read.
 */
const FLAGS = new Uint32Array(65536);

function mark(chars: string, bit: number): number {
  for (let k = 0; k < chars.length; k++) FLAGS[chars.charCodeAt(k)]! |= bit;
  return bit;
}

export const ASCII_DIGIT = mark("0123456789", 1 << 0);
/** After a figure: 余/多/几 qualifiers (二百余万, 100多人). */
export const APPROX_TAIL = mark("余多几幾", 1 << 1);
/** Multipliers that may follow 余/多 (二百余万元). */
export const MULT_AFTER_APPROX = mark("万萬亿億千百", 1 << 2);
/** CNY units. */
export const CNY = mark("元圆块", 1 << 3);
/** 角/毛/分 after a figure. */
export const JIAO_FEN = mark("角毛分", 1 << 4);
/** Characters before a figure that glue it to an identifier, URL or ASCII word. */
export const GLUE_BEFORE = mark("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_%=/&?#@\\", 1 << 5);
/** ASCII letters and "_" after a figure (identifiers). */
export const WORD_AFTER = mark("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_", 1 << 6);
/** What can follow a figure and make it a quantity: units, multipliers, qualifiers, 成/折. */
export const UNIT_START = mark("元圆块万萬亿億千百%余多几幾角分成折", 1 << 7);
/** After a 3/5/7-digit integer these make it a figure, not a classification code (2020年, 100多, 20000的, 300到800元). */
export const NOT_CODE_AFTER = mark("余多几年月日号的与和之及或到至", 1 << 8);
/** Spaces, tabs and line breaks that the scan may skip. */
export const WS = mark(" \n\r\t", 1 << 9);
/** 折 followed by these is a verb (折旧, 折合). */
export const ZHE_VERB = mark("旧舊合算扣成价價让讓", 1 << 11);
/** Range separators after a figure. */
export const RANGE_SEP = mark("—–-~至到", 1 << 12);
/** Leading characters of a whole-figure text (signs, brackets, spaces). */
export const LEAD_NOISE = mark(" \n\r\t\f\v负負-+△▲(", 1 << 13);

/** 几十万, 数十亿: "some" before a unit. */
export const SOME = mark("几幾数數", 1 << 15);

export function has(c: number, bit: number): boolean {
  return (FLAGS[c]! & bit) !== 0;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isCjkCode(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}
