/**
 * Plain values of the model that the pipeline needs at run time. Kept apart from the zod schemas so that extraction
 * (every batch worker) does not load zod: the schemas are for validating and exporting, not for producing output.
 */

/** Bumped on any change to the output's shape; consumers can branch on it. */
export const SCHEMA_VERSION = "2.2.0";

export type MoneyUnitName = "元" | "千元" | "万元" | "百万元" | "亿元";

/**
 * Powers of ten of the multiplier characters in figures and printed units (340.77万, 1.2亿元, 15千元): the one table
 * the recognizer scales by, so 万 is 10^4 in every rule.
 */
export const MULTIPLIER_POWERS: Readonly<Record<string, number>> = {
  十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3, 万: 4, 萬: 4, 亿: 8, 億: 8, 兆: 12,
};

/** The multiplier of a printed unit's multiplier characters ("万" → "10000", "千万" → "10000000", "" → "1"). */
export function multiplierOf(unit: string): string {
  let power = 0;
  for (const ch of unit) power += MULTIPLIER_POWERS[ch] ?? 0;
  return `1${"0".repeat(power)}`;
}

/** Each money unit's exact multiplier to 元, from the multiplier table. */
export const MONEY_UNIT_MULTIPLIERS: Readonly<Record<MoneyUnitName, string>> = {
  元: multiplierOf(""),
  千元: multiplierOf("千"),
  万元: multiplierOf("万"),
  百万元: multiplierOf("百万"),
  亿元: multiplierOf("亿"),
};

/** The multiplier to 元 of a unit as printed ("万元", "万 元"); "1" for anything that is not a money unit. */
export function yuanMultiplier(unit: string | null | undefined): string {
  return (unit && MONEY_UNIT_MULTIPLIERS[unit.replace(/\s+/g, "") as MoneyUnitName]) || "1";
}
