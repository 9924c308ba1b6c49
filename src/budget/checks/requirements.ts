/**
 * What a disclosure must contain, per document kind, as data (like the table catalog): the tables of the national
 * set and the statements of its 说明. From 《地方预决算公开操作规程》(财预〔2016〕143号) as the county catalogues restate
 * it (../shared/docs/domain.md §1.1, §1.3, §1.4), checked against the corpus: every 2020-or-later 部门预算 with tables
 * prints the 国有资本经营预算支出表 (上海, 深圳, 广州, 苏州, 杭州, 福州, 烟台 …); the 2017–2019 江苏 sets do not (it
 * joined the set later), so it is required from 2020.
 */
import type { Meta } from "../../model/index.js";
import type { TableContent } from "../catalog/index.js";

export type DocKind = NonNullable<Meta["docKind"]>;

export interface RequiredTable {
  /** Catalog id (src/budget/catalog/tables.ts). */
  kind: string;
  /** Other catalog kinds that stand for it (a 财政拨款基本支出表 where the region prints that in place). */
  or?: string[];
  /** First fiscal year it is required in. */
  fromYear?: number;
  /** The fund a statement of "none" names: such a table is printed empty when the department has none of it. */
  fund?: "government_fund" | "state_capital";
  /** Tables of other kinds that print its content as columns, by a catalog content test (catalog/content.ts). */
  printedAs?: { kinds: string[]; content: TableContent };
}

export interface RequiredStatement {
  id: string;
  /** The name an auditor looks for. */
  name: string;
  /** Any of these in a paragraph of the 说明 states it (tested on the text with whitespace removed). */
  patterns: RegExp[];
  /** Where a statement must also say why it changed: these words in the paragraphs that state it. */
  reason?: RegExp;
  /** Facts whose statement in the narrative states it too (收入预算1,212.12万元 is the 收支总体情况). */
  facts?: string[];
}

const TABLES: RequiredTable[] = [
  { kind: "summary" },
  { kind: "income" },
  { kind: "expenditure" },
  { kind: "fiscal_summary" },
  { kind: "general_budget", or: ["fiscal_expenditure"] },
  // 深圳 prints the 基本支出 by 经济分类 as the 基本支出 column of its 一般公共预算支出表（按经济分类）.
  { kind: "general_budget_basic", or: ["fiscal_basic"], printedAs: { kinds: ["general_budget", "fiscal_expenditure"], content: "basic_by_economic_class" } },
  { kind: "three_public" },
  { kind: "government_fund", fund: "government_fund" },
  { kind: "state_capital", fund: "state_capital", fromYear: 2020 },
];

// Why 三公 changed: a cause, or a statement that it did not change.
const REASON = /原因|由于|因为|主要是|持平|相同|相等|一致|不变|无增减|(?:无|未发生|没有)(?:增减)?变化/;

const statements = (performance: RegExp): RequiredStatement[] => [
  { id: "overall", name: "收支总体情况", patterns: [/收支(?:预算|决算)?总体情况|收入支出(?:预算|决算)?总体情况|(?:预算|决算)安排的?总体情况|收支(?:预算|决算)?情况|(?:收入|支出)(?:预算|决算)(?:总体)?情况/], facts: ["income.total", "expenditure.total", "income.current_year", "expenditure.current_year"] },
  { id: "three_public", name: "“三公”经费", patterns: [/三公/], reason: REASON, facts: ["three_public.total"] },
  { id: "operating_cost", name: "机关运行经费", patterns: [/机关运行经费|机关运行费|行政运行经费/], facts: ["operating_cost"] },
  { id: "procurement", name: "政府采购", patterns: [/政府采购/], facts: ["procurement.total"] },
  { id: "assets", name: "国有资产占有使用", patterns: [/国有资产|资产占[有用]|固定资产|车辆\d*[辆台]|公务用车\d+辆/] },
  { id: "performance", name: "绩效目标或绩效评价", patterns: [performance] },
  { id: "glossary", name: "名词解释", patterns: [/名词解释|名词说明|名词术语|术语解释|专业性?名词/] },
];

export const REQUIREMENTS: Record<DocKind, { name: string; tables: RequiredTable[]; statements: RequiredStatement[] }> = {
  budget: { name: "部门预算", tables: TABLES, statements: statements(/绩效目标|绩效管理|绩效信息|绩效/) },
  final_account: { name: "部门决算", tables: TABLES, statements: statements(/绩效评价|绩效自评|绩效管理|绩效/) },
};

/** The name of a document kind as an auditor says it: a unit's own budget is a 单位预算. */
export function kindName(meta: Meta): string | undefined {
  if (!meta.docKind) return undefined;
  if (meta.docKind === "budget" && meta.scope === "unit") return "单位预算";
  return REQUIREMENTS[meta.docKind].name;
}

/** The tables required of a document of this kind and year. */
export function requiredTables(meta: Meta): RequiredTable[] {
  if (!meta.docKind) return [];
  return REQUIREMENTS[meta.docKind].tables.filter((t) => t.fromYear === undefined || meta.fiscalYear === undefined || meta.fiscalYear >= t.fromYear);
}
