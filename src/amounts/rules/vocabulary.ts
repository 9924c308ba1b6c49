/** The word lists of words.ts as indexes and code-unit sets, built once for the rules' lookups. */
import { has, UNIT_START } from "../charclass.js";
import { WordIndex, wordIndex } from "../wordindex.js";
import { APPROX_AFTER, APPROX_BEFORE, BARE_DIGIT_AFTER, BARE_DIGIT_BEFORE, CAPITAL_WORD_DIGITS as CAPITALS, CLAUSE_END, CLOSE_QUOTES, OPEN_QUOTES, RANK_DIGIT_AFTER, CHANGE_WORDS, CURRENCY_WORDS, DA_VERB_NEXT, FOREIGN_CURRENCIES, LONE_DIGIT_FOLLOWERS as FOLLOWERS, MEASURE_WORDS } from "../words.js";
import { C_QIAN_BEFORE } from "../codes.js";

/** A set of code units as a flag table: one array read per test on the hot path, no hashing. */
export class CodeSet {
  private readonly flags = new Uint8Array(65536);
  constructor(chars: string) {
    for (let k = 0; k < chars.length; k++) this.flags[chars.charCodeAt(k)] = 1;
  }
  has(c: number): boolean {
    return this.flags[c] === 1;
  }
}
const codeSet = (chars: string): CodeSet => new CodeSet(chars);

export const MEASURE = wordIndex(MEASURE_WORDS);
export const FOREIGN = wordIndex(FOREIGN_CURRENCIES);
export const BEFORE = new WordIndex(APPROX_BEFORE);
export const AFTER = new WordIndex(APPROX_AFTER);
export const CHANGE = new WordIndex(CHANGE_WORDS);
export const CURRENCY = wordIndex(CURRENCY_WORDS);
export const LONE_DIGIT_FOLLOWERS = codeSet(FOLLOWERS);
export const CAPITAL_WORD_DIGITS = codeSet(CAPITALS);
export const DA_VERB = codeSet(DA_VERB_NEXT);

export function matchMeasure(v: string, i: number): string | null {
  return MEASURE.at(v, i)?.[0] ?? null;
}

export function startsUnitOrMeasure(v: string, i: number): boolean {
  if (has(v.charCodeAt(i), UNIT_START)) return true;
  return matchMeasure(v, i) !== null;
}

const BARE_BEFORE = codeSet(BARE_DIGIT_BEFORE);
const BARE_AFTER = codeSet(BARE_DIGIT_AFTER);
const RANK_AFTER = codeSet(RANK_DIGIT_AFTER);
const OPEN_Q = codeSet(OPEN_QUOTES);
const CLOSE_Q = codeSet(CLOSE_QUOTES);
const CLAUSE = codeSet(CLAUSE_END);

/**
 * A lone digit [s, e) that is a figure by itself: quoted (“五”), or the complement of 是 / 前 that the clause closes
 * (这是五那是四, 答案是四不是五, 排名前三的). 一是…二是… lists put the digit before 是, never after it.
 */
export function isBareDigit(codes: Uint16Array, s: number, e: number): boolean {
  const before = codes[s - 1]!;
  const after = codes[e];
  if (OPEN_Q.has(before) && after !== undefined && CLOSE_Q.has(after)) return true;
  if (!BARE_BEFORE.has(before)) return false;
  if (after === undefined || CLAUSE.has(after) || BARE_AFTER.has(after)) return true;
  return before === C_QIAN_BEFORE && RANK_AFTER.has(after);
}
