/**
 * A table that prints another standard table's content as its columns. The national 一般公共预算基本支出表 (domain.md
 * §1.3 table 6: 经济分类科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费) is the 一般公共预算 基本支出 class by class of the
 * 部门预算支出经济分类. 深圳 2026 prints no such table: its 表8 一般公共预算支出表（按经济分类） lists the same classes
 * (301 工资福利支出 … 302 商品和服务支出 …) with a 基本支出 column beside 项目支出 — the required content, as a column.
 * Its 人员经费 | 公用经费 split is in the rows (301/303 are 人员经费, 302/310 … 公用经费), so nothing of it is lost.
 * A table by 功能分类 with a 基本支出 column (表7, the 一般公共预算支出表) does not: it says what for, not on what.
 */
import type { Table, TableColumn } from "../../model/index.js";
import { compact } from "../../structure/tables/text.js";
import { classifyCode } from "../line-items/classification.js";

/** The rows are classes of an 经济分类 (部门预算 301–399 or 政府预算 501–599), none of the 功能分类. */
export function listsEconomicClasses(t: Table): boolean {
  const classes = t.rows.filter((r) => r.code !== undefined).map((r) => classifyCode(r.code!)?.classification);
  const economic = classes.filter((c) => c === "economic_dept" || c === "economic_gov").length;
  return economic >= 2 && !classes.includes("function");
}

const BASIC = /^基本支出(?:合计|小计)?$/;
const PERSONNEL = /^人员经费(?:合计|小计)?$/;
const PUBLIC = /^(?:日常)?公用经费(?:合计|小计)?$/;

/** Its 基本支出 columns: one headed 基本支出, else the 人员经费 and 公用经费 pair. */
function basicColumns(t: Table): TableColumn[] {
  const amounts = t.columns.filter((c) => c.kind === "amount");
  const headed = (re: RegExp) => amounts.filter((c) => c.path.some((p) => re.test(compact(p))));
  const basic = headed(BASIC);
  if (basic.length > 0) return basic.slice(0, 1);
  const personnel = headed(PERSONNEL);
  const pub = headed(PUBLIC);
  return personnel.length > 0 && pub.length > 0 ? [personnel[0]!, pub[0]!] : [];
}

/** The content tests a requirement may name (requirements.ts `printedAs`). */
export const TABLE_CONTENT = {
  /** The 基本支出 by 经济分类: a table listing 经济分类 classes with a 基本支出 (or 人员经费 + 公用经费) column. */
  basic_by_economic_class: (t: Table): TableColumn[] => (listsEconomicClasses(t) ? basicColumns(t) : []),
} as const;

export type TableContent = keyof typeof TABLE_CONTENT;
