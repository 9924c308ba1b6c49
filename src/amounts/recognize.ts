/**
 * Find every money amount, plain number and percentage in a text. The scanner (scanner.ts) walks the text once;
 * the rules (rules/) decide what each figure is; bounds.ts then turns comparison words into open ranges.
 */
import type { AmountSpan } from "../model/amount.js";
import type { MoneyUnit } from "../model/table.js";
import { applyBounds } from "./bounds.js";
import { newScan, scan } from "./scanner.js";

/** A table's declared unit: the zod MoneyUnit, or just its unit name. */
export type MoneyUnitLike = MoneyUnit | MoneyUnit["unit"];

export interface RecognizeOptions {
  /** Unit for bare figures (table cells under "单位：万元"); narrative figures carry their own. */
  defaultUnit?: MoneyUnitLike | null;
}

/** Find every money amount, plain number and percentage in `text`. Spans are sorted and do not overlap. */
export function recognizeAmounts(text: string, opts: RecognizeOptions = {}): AmountSpan[] {
  const sc = newScan(text, opts.defaultUnit);
  return applyBounds(text, sc.v, scan(sc));
}
