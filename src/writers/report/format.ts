/** Display formatting of exact decimal strings; string work only, so no float ever touches a figure. */
import type { Fact } from "../../model/index.js";
import { factKeySpec, type KeyMeasure } from "../../budget/keys.js";

/** "3407700" → "3,407,700"; "-1914923.1" → "-1,914,923.1". Non-decimals are returned unchanged. */
export function groupThousands(decimal: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (!m) return decimal;
  const int = (m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${m[1] ?? ""}${int}${m[3] ?? ""}`;
}

/** A money value in 元 for people: grouped digits and the unit. */
export function formatYuan(yuan: string): string {
  return `${groupThousands(yuan)} 元`;
}

/** A fact's value for people: money in 元, a count or area in its own unit (车辆 8 辆, not "8 元"). */
export function formatFactValue(f: Pick<Fact, "key" | "yuan" | "unit">): string {
  const measure = factKeySpec(f.key)?.measure ?? "money";
  if (measure === "money") return formatYuan(f.yuan);
  return f.unit ? `${groupThousands(f.yuan)} ${f.unit}` : groupThousands(f.yuan);
}

/**
 * What a check's values measure: a check on one fact key names it last (consistent:assets.vehicles,
 * cross:summary=income:income.special_account) and measures what the key does; every other check is money.
 * The rule id is parsed because a Validation carries no measure or unit; a `measure` field on Validation (model
 * change) would replace this.
 */
function checkMeasure(rule: string): KeyMeasure {
  return factKeySpec(rule.split(":").pop() ?? "")?.measure ?? "money";
}

/** A check's expected, actual, difference or tolerance for people: 元 for money, never for a count (15, not "15 元"). */
export function formatCheckValue(rule: string, decimal: string): string {
  const measure = checkMeasure(rule);
  if (measure === "money") return formatYuan(decimal);
  return measure === "area" ? `${groupThousands(decimal)} 平方米` : groupThousands(decimal);
}
