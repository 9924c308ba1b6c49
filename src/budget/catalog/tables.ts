/**
 * The national table set of 部门预算 and 部门决算 disclosures (财预〔2016〕143号 and the templates that followed it), as
 * data. Each entry says how regions title the table, which header cells identify it when the title is missing or odd,
 * the funds its figures cover, and how its facts are read. A region's variant is one more alias or signature here.
 *
 * Order matters: the first entry whose title pattern matches wins, so narrower tables come before the tables whose
 * names they contain (财政拨款收支总表 before 收支总表, 一般公共预算基本支出表 before 一般公共预算支出表).
 */
import type { Fund } from "../../model/index.js";

/** How a table states facts. rows: a label cell names the figure beside it (收支总表); columns: a column header names
 * the figure on the table's total row (支出总表 合计 | 基本支出 | 项目支出); sections: small tables stacked in one grid,
 * each under its heading row with its own header row (table-sections.ts); none: detail or text tables. */
export type FactReading = "rows" | "columns" | "sections" | "none";

export interface TableKindSpec {
  /** Stable id, written to `tables[].kind` and `lineItems[].tableKind`. */
  id: string;
  /** The national name. */
  name: string;
  /** Title patterns, tested against the title with whitespace removed (both 预算 and 决算 wordings). */
  titles: RegExp[];
  /** Header cells that identify the table without its title: every pattern must match some header or row label. */
  signature?: RegExp[];
  /** Header cells that rule the signature out (a 财政拨款 table's headers for the department-wide one). */
  notSignature?: RegExp[];
  /**
   * The signature's words are the table's own items, never classification lines: labels of rows with a 功能/经济分类
   * code do not count (an 经济分类 table lists 30212 因公出国（境）费用 and 30217 公务接待费 among its rows).
   */
  signatureSkipsCodedRows?: boolean;
  /**
   * The title must name this (a fund) for the signature to count: "一般公共预算财政拨款决算表（二）" (太原 公开06表)
   * names the fund but not the table, its 人员经费 | 公用经费 headers name the table.
   */
  signatureTitle?: RegExp;
  /** The funds its figures cover. */
  fund: Fund;
  reading: FactReading;
  /** The key of a lone 合计 (column, or row label of a one-column table) on the total row. */
  totalKey?: string;
  /** The facts it can state: a 政府采购表 row naming 公务用车运行维护费 is a purchase, not the 三公 figure. */
  states?: RegExp;
}

// A 基本支出表 by 经济分类: its two halves, as headers (人员经费 | 公用经费) or as its classes (301 | 302).
const BASIC_PERSONNEL = /人员经费|人员支出|工资福利/;
const BASIC_PUBLIC = /公用经费|公用支出|商品和服务/;
const THREE_PUBLIC = /^(?:three_public\.|operating_cost$)/;
// A 支出总表 may print the procurement of each class beside its expenditure (深圳 表3: 2026年政府采购项目 小计).
const EXPENDITURE = /^(?:expenditure\.|change\.|procurement\.total$)/;

export const TABLE_CATALOG: readonly TableKindSpec[] = [
  {
    // 山西 决算 公开08表 "部门决算公开相关信息统计表" (the national 部门决算相关信息统计表): 一、政府采购情况 (采购预算 |
    // 采购金额), 二、机关运行经费 (统计数, by 行政单位 and 参公 rows), 三、国有资产占用情况 (车辆数合计（辆）…) in one
    // grid. Its section headings identify it where the title is missing.
    id: "final_statistics",
    name: "部门决算相关信息统计表",
    titles: [/(?:决算|预算)(?:公开)?相关信息(?:统计)?表/],
    signature: [/^政府采购(?:情况)?$/, /^机关运行经费(?:情况|支出)?$/],
    fund: "all",
    states: /^(?:procurement\.|operating_cost$|assets\.|three_public\.)/,
    reading: "sections",
  },
  {
    id: "three_public",
    name: "“三公”经费支出表",
    titles: [/三公/],
    signature: [/因公出国/, /公务接待/],
    signatureSkipsCodedRows: true,
    fund: "fiscal",
    states: THREE_PUBLIC,
    reading: "columns",
    totalKey: "three_public.total",
  },
  {
    id: "operating_cost",
    name: "机关运行经费支出表",
    titles: [/机关运行经费|行政经费/],
    fund: "general_budget",
    states: THREE_PUBLIC,
    reading: "columns",
    totalKey: "operating_cost",
  },
  {
    id: "procurement",
    name: "政府采购预算表",
    titles: [/政府采购/],
    fund: "all",
    states: /^procurement\./,
    reading: "columns",
    totalKey: "procurement.total",
  },
  // A 决算's 项目支出绩效自评表 without its title (武汉 2024, 佛山 2019: 项目名称 | 自评分数; 分值 | 得分).
  { id: "performance", name: "绩效目标表", titles: [/绩效|评价得分/], signature: [/^(?:自评)?得分$|^自评分数?$/], fund: "all", reading: "none" },
  { id: "assets", name: "国有资产占用情况表", titles: [/国有资产|资产占用|固定资产/], fund: "all", states: /^assets\./,
    reading: "rows" },
  {
    id: "government_fund",
    name: "政府性基金预算支出表",
    titles: [/政府性基金/],
    fund: "government_fund",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.total",
  },
  {
    id: "state_capital",
    name: "国有资本经营预算支出表",
    titles: [/国有资本经营/],
    fund: "state_capital",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.total",
  },
  {
    // 腾冲 2017 决算 prints it in place of the 国有资本经营 table: the 财政专户's money, no fact of the department's
    // whole (read as a 收支总表 or 支出总表 it would be).
    id: "special_account",
    name: "财政专户管理资金收入支出表",
    titles: [/财政专户/],
    fund: "all",
    reading: "none",
  },
  {
    id: "fiscal_summary",
    name: "财政拨款收支总表",
    titles: [/财政拨款收支|财政拨款收入支出/],
    signature: [/财政拨款收入|^收入$/, /财政拨款支出|^支出$/, /一般公共预算/],
    notSignature: [/事业收入|其他收入/],
    fund: "fiscal",
    reading: "rows",
  },
  {
    id: "summary",
    name: "收支总表",
    // 太原 2016 公开01表 prints "2016年收入支出决算表" (no 总): 收入支出 opening the name, not a fund's (财政专户管理资金…).
    titles: [/收支(?:预算|决算)?总(?:体情况)?(?:预算|决算)?表|收入支出(?:预算|决算)?总表|收支(?:预算|决算)?表$|(?:^|年度?)(?:部门|单位)?收入支出(?:预算|决算)表$/],
    signature: [/^收入(?:总计|合计)$|^本年收入/, /^支出(?:总计|合计)$|^本年支出/],
    fund: "all",
    reading: "rows",
  },
  {
    id: "general_budget_basic",
    name: "一般公共预算基本支出表",
    titles: [/一般公共预算(?:财政)?(?:拨款)?基本支出/],
    signature: [BASIC_PERSONNEL, BASIC_PUBLIC],
    notSignature: [/^项目支出$/],
    signatureTitle: /一般公共预算/,
    fund: "general_budget",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.basic",
  },
  {
    id: "fiscal_basic",
    name: "财政拨款基本支出表",
    titles: [/财政拨款(?:预算)?基本支出/],
    signature: [BASIC_PERSONNEL, BASIC_PUBLIC],
    notSignature: [/^项目支出$/],
    signatureTitle: /财政拨款/,
    fund: "fiscal",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.basic",
  },
  {
    id: "general_budget_project",
    name: "一般公共预算项目支出表",
    titles: [/一般公共预算(?:财政)?(?:拨款)?项目支出/],
    fund: "general_budget",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.project",
  },
  {
    id: "general_budget",
    name: "一般公共预算支出表",
    titles: [/一般公共预算(?:财政)?(?:拨款)?支出/],
    // A 决算 compares this fund's spending with its budget, class by class (年初预算数 | 调整预算数 | 决算数); no other
    // table of the national set prints a 年初 or 调整 budget beside the 决算数.
    signature: [/^(?:年初|调整|全年)预算数?$/, /^决算数?$/],
    fund: "general_budget",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.total",
  },
  {
    id: "fiscal_carryover",
    name: "财政拨款上年结转资金支出表",
    titles: [/上年结转/],
    fund: "fiscal",
    reading: "none",
  },
  {
    id: "fiscal_expenditure",
    name: "财政拨款支出表",
    titles: [/财政拨款(?:预算)?支出/],
    fund: "fiscal",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.total",
  },
  {
    id: "basic",
    name: "基本支出表",
    titles: [/基本支出/],
    signature: [BASIC_PERSONNEL, BASIC_PUBLIC],
    fund: "all",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.basic",
  },
  {
    id: "project",
    name: "项目支出表",
    titles: [/项目支出|专项业务经费|专项资金/],
    fund: "all",
    reading: "none",
  },
  {
    id: "income",
    name: "收入总表",
    titles: [/收入(?:预算|决算)?(?:总体情况|情况)?(?:总)?(?:预算|决算)?表/],
    signature: [/^合计$|^收入(?:总计|合计)$/, /财政拨款|一般公共预算/, /事业收入|其他收入|上年结转/],
    notSignature: [/基本支出/],
    fund: "all",
    states: /^income\./,
    reading: "columns",
    totalKey: "income.total",
  },
  {
    id: "expenditure",
    name: "支出总表",
    titles: [/支出(?:预算|决算)?(?:总体情况|情况)?(?:总)?(?:预算|决算)?表/],
    signature: [/^合计$|^支出(?:总计|合计)$/, /基本支出/, /项目支出/],
    fund: "all",
    states: EXPENDITURE,
    reading: "columns",
    totalKey: "expenditure.current_year",
  },
];

const BY_ID = new Map(TABLE_CATALOG.map((s) => [s.id, s]));

/** The catalog entry of a kind id; undefined for "other". */
export function tableKindSpec(kind: string | undefined): TableKindSpec | undefined {
  return kind ? BY_ID.get(kind) : undefined;
}
