/**
 * The state the rules share: the scan over one text (`Scan`) and the figure being read (`Figure`). The scanner
 * creates a Figure at each numeral; each rule reads or extends it (units after it, a sign before it, a range it
 * closes) and the scanner turns it into a span.
 */
import type { AmountSpan } from "../model/amount.js";
import type { NumeralRead } from "./numeral.js";

export type Approx = NonNullable<AmountSpan["approx"]>;

export interface Scan {
  text: string;
  /** The same-length scan view and its code units. */
  v: string;
  codes: Uint16Array;
  n: number;
  spans: AmountSpan[];
  /** End of the last span: nothing before it may join a later figure. */
  lastEnd: number;
  pendingRange: RangeStart | null;
  defaultUnit: { unit: string; multiplier: string } | null;
  /** First char that is not space/sign and end of the last that is not space/")": a text that is one figure. */
  lead: number;
  trail: number;
}

/** The text is nothing but this figure (a table cell, a CLI line): lone 十 or 两 is then a number. */
export function wholeNumeralText(sc: Scan, s: number, e: number): boolean {
  return sc.lead >= s && sc.trail <= e;
}

export interface Figure {
  num: NumeralRead;
  /** Where the numeral starts and ends. */
  s: number;
  e: number;
  /** 百分之 / 千分之 before the numeral: its unit and where it starts. */
  percentPrefix: { unit: string; from: number } | null;
  /** The numeral's own value (340.77万 → 3407700). */
  value: string;
  /** A vague figure read as a range (三五百, 十几万, 几十万); hi "" is the next ten, set later. */
  fuzzy: { lo: string; hi: string } | null;
  /** The span's end and start so far. */
  p: number;
  start: number;
  approx: Approx | undefined;
  /** A multiplier after a qualifier: 二百余万 → "万". */
  extraMult: string;
  kind: AmountSpan["kind"];
  unit: string | null;
  isMoney: boolean;
  /** 角 / 分 / 厘 after the 元 figure, in 元. */
  jiaoFen: string;
  negative: boolean;
  /** The figure's value in 元 (money) or as a plain number, signed; and as printed in its own unit. */
  fullValue: string;
  printedValue: string;
  printedUnit: string | null;
}

/** The first figure of a possible range (500—1000元), waiting for the second. */
export interface RangeStart {
  span: AmountSpan;
  /** The first figure's own multiplier (1万-5万元), "" when its value is already in 元, null when it borrows the second's. */
  multUnit: string | null;
  /** Where its label search may start. */
  floor: number;
  /** The first figure's whole value (5k → 5000) for plain number ranges. */
  full: string;
  /** Where the second figure starts: the dash before it is the separator, not a minus sign. */
  secondAt: number;
  /** The first figure's compact numeral ("" for money): 三 in 三到五万元 takes the second's 万. */
  compact: string;
}
