/**
 * Plain values of the model that the pipeline needs at run time. Kept apart from the zod schemas so that extraction
 * (every batch worker) does not load zod: the schemas are for validating and exporting, not for producing output.
 */

/** Bumped on any change to the output's shape; consumers can branch on it. */
export const SCHEMA_VERSION = "2.1.0";

export type MoneyUnitName = "元" | "千元" | "万元" | "百万元" | "亿元";

/** Each money unit's exact multiplier to 元. */
export const MONEY_UNIT_MULTIPLIERS: Readonly<Record<MoneyUnitName, string>> = {
  元: "1",
  千元: "1000",
  万元: "10000",
  百万元: "1000000",
  亿元: "100000000",
};

/** The multiplier to 元 of a unit as printed ("万元", "万 元"); "1" for anything that is not a money unit. */
export function yuanMultiplier(unit: string | null | undefined): string {
  return (unit && MONEY_UNIT_MULTIPLIERS[unit.replace(/\s+/g, "") as MoneyUnitName]) || "1";
}
