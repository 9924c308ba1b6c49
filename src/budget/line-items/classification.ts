/**
 * What a classification code is, from its digits, checked against what the code column's header says. The national
 * ranges are disjoint, so the code alone decides: 功能分类 类 201–299, 部门预算经济分类 301–399, 政府预算经济分类
 * 501–599; a 单位编码 (114, 114001) is none of them.
 */
import type { Classification, LineItem } from "../../model/index.js";

export interface CodeClass {
  classification: Classification;
  level: LineItem["level"];
}

// 功能分类 类/款/项 = 3/5/7 digits; 经济分类 类/款 = 3/5, and a region's sub-items under a 款 (重庆's 3010201
// 规范性津补贴 under 30102 津贴补贴) are 7 digits, the level below 款.
const LEVEL_BY_LENGTH: Readonly<Record<number, LineItem["level"]>> = { 3: "类", 5: "款", 7: "项" };

export function classifyCode(code: string): CodeClass | null {
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level || !/^\d+$/.test(code)) return null;
  const lei = Number(code.slice(0, 3));
  if (lei >= 201 && lei <= 299) return { classification: "function", level };
  if (lei >= 301 && lei <= 399) return { classification: "economic_dept", level };
  if (lei >= 501 && lei <= 599) return { classification: "economic_gov", level };
  return null;
}

/** What one header cell says its codes are; null when it does not say (科目编码, 类, 款). */
type HeaderSays = Classification | "economic" | "not_classification" | null;

function headerSays(cell: string): HeaderSays {
  const h = cell.replace(/\s+/g, "");
  if (/^(?:单位|项目)(?:编码|代码)/.test(h)) return "not_classification";
  if (/功能/.test(h)) return "function";
  if (/政府(?:预算)?(?:支出)?经济/.test(h)) return "economic_gov";
  if (/部门(?:预算)?(?:支出)?经济/.test(h)) return "economic_dept";
  if (/经济/.test(h)) return "economic";
  return null;
}

/**
 * Whether the label columns' headers allow the classification: yes when any of them is silent or names it (a table
 * may print 部门 and 政府 经济分类 side by side); no when they only name other classifications or 单位编码.
 */
export function headersAllow(headerCells: readonly string[], classification: Classification): boolean {
  const said = headerCells.map(headerSays).filter((s) => s !== null);
  if (said.length === 0) return true;
  return said.some((s) => s === classification || (s === "economic" && classification !== "function"));
}
