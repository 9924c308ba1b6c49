/** Money units as tables declare them: in a caption line, a title row, or a header cell. */
import type { MoneyUnit } from "../../model/table.js";
import { MONEY_UNIT_MULTIPLIERS } from "../../model/constants.js";

const UNIT_ALT = "百万元|亿元|千元|万元|元";

/** "单位：万元", "金额单位：元", "单位:元（以下至角分）", "单位 ：万元" anywhere in a line. */
const DECLARED = new RegExp(`(?:金额|计量|货币)?单位\\s*[：:]\\s*(?:人民币)?\\s*(${UNIT_ALT})`);
/** A header cell's own unit: "预算数（万元）", "价值（金额单位：万元）", "金额(元)". */
const IN_PARENS = new RegExp(`[（(]\\s*(?:(?:金额)?单位\\s*[：:]\\s*)?(${UNIT_ALT})\\s*[）)]`);

function make(raw: string, unit: string, source: MoneyUnit["source"]): MoneyUnit {
  const u = unit as MoneyUnit["unit"];
  return { raw: raw.trim(), unit: u, multiplier: MONEY_UNIT_MULTIPLIERS[u], source };
}

/** A unit statement in a caption paragraph or a title row. */
export function findDeclaredUnit(text: string, source: MoneyUnit["source"]): MoneyUnit | null {
  const m = DECLARED.exec(text);
  return m?.[1] ? make(m[0], m[1], source) : null;
}

/** A line that is nothing but a money unit: "万元", "（万元）", "金额：万元" (湖州 prints its unit line bare). */
const BARE = new RegExp(`^[（(]?\\s*(?:金额\\s*[：:]\\s*)?(${UNIT_ALT})\\s*[）)]?$`);

/** A caption line's unit: a declared one, or a whole line that is only a unit — never "万元" inside a sentence. */
export function findCaptionUnit(text: string): MoneyUnit | null {
  const bare = BARE.exec(text.trim());
  return findDeclaredUnit(text, "caption") ?? (bare?.[1] ? make(bare[0], bare[1], "caption") : null);
}

/** A unit in a header cell: a declared one ("价值（金额单位：万元）") or a bare one in brackets ("预算数（万元）"). */
export function findHeaderUnit(text: string): MoneyUnit | null {
  const m = IN_PARENS.exec(text) ?? DECLARED.exec(text);
  return m?.[1] ? make(text, m[1], "header_cell") : null;
}

/** True when the whole text is a unit statement, possibly with 编制单位/年度 metadata around it. */
export function isUnitLine(text: string): boolean {
  return DECLARED.test(text);
}
