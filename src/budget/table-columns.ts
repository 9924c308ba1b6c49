/**
 * Column semantics of the standard tables: which figure a column states (its header names the fact, or a 小计/合计
 * leaf names its group), which fund it is narrowed to, and which of several columns for one fact is the document's
 * own (this year's, and for a 决算 the 决算数, never 年初预算数 or 调整预算数).
 */
import type { Fund, TableColumn } from "../model/index.js";
import { parseLabel } from "../structure/sections/numbering.js";
import { factOfLabel, fundOfLabel, partKey, type LabelFact } from "./vocabulary.js";

export interface ColumnContext {
  fiscalYear?: number;
  basis?: "budget" | "final";
}

export const TOTAL_HEADER = /^(?:合计|总计|小计|金额合计|预算数合计|决算数合计|预算数|决算数|金额|本年预算数?|年初预算数|调整预算数|预算金额|全年预算数?)$/;
// Words that say which figure (this year's, the budget's) but not what it is; columnRank reads them.
const PLAIN_MEASURE = /^(?:预算数?|决算数?|金额|本年预算数?|年初预算数|调整预算数|预算金额|全年预算数?|\d{4}年度?(?:预算|决算)?数?|当年|本年|上年)$/;

export const compactLabel = (s: string): string => {
  const t = s.replace(/\s+/g, "");
  return parseLabel(t)?.rest ?? t;
};

/**
 * How much a column is the document's own figure: this year over last, 决算数 over 预算数 in a final account;
 * a change column (增减, 增长) never.
 */
export function columnRank(path: readonly string[], ctx: ColumnContext): number {
  const p = path.map((x) => x.replace(/\s+/g, "")).join("/");
  if (/增减|增长|变动|比上年|同比|差额/.test(p)) return -10;
  let rank = 0;
  const years = [...p.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
  if (ctx.fiscalYear !== undefined && years.length > 0) rank += years.includes(ctx.fiscalYear) ? 1 : -4;
  // "上年 / 合计" beside "当年 / 合计" (西安 三公表); 上年结转 is a source, not last year's figure.
  if (/上年(?:预算|决算|执行)?数|上年度/.test(p) || path.some((x) => /^上年$/.test(x.replace(/\s+/g, "")))) rank -= 4;
  if (path.some((x) => /^(?:当年|本年)$/.test(x.replace(/\s+/g, "")))) rank += 1;
  if (ctx.basis === "final") {
    if (/决算/.test(p)) rank += 2;
    else if (/预算|执行数/.test(p)) rank -= 2;
  }
  return rank;
}

const SOURCE_FUND: Readonly<Record<string, Fund>> = {
  "income.general_budget": "general_budget",
  "income.government_fund": "government_fund",
  "income.state_capital": "state_capital",
};

/**
 * On the expenditure side of a table a source's name ("一般公共预算", "财政拨款") heads that fund's expenditure, and no
 * income fact is stated there.
 */
export function onExpenditureSide(f: LabelFact | undefined, totalKey: string): LabelFact | undefined {
  if (!f || !f.key.startsWith("income.")) return f;
  const fund = SOURCE_FUND[f.key] ?? (f.key === "income.total" ? f.fund : undefined);
  return fund ? { key: totalKey, fund } : undefined;
}

/** The fact a column's header names for a table whose lone 合计 states `totalKey`. */
export function columnFact(path: readonly string[], totalKey: string | undefined, title: string): LabelFact | undefined {
  const f = columnFactOnAnySide(path, totalKey, title);
  if (!totalKey || totalKey.startsWith("income.") || !f?.key.startsWith("income.")) return f;
  // A source named in a 支出 or 政府采购 table heads what that source funds there, never income.
  return totalKey.startsWith("expenditure.") ? onExpenditureSide(f, totalKey) : undefined;
}

/** A header that only names a fund: under a fact's name it narrows the fact, it is not a fact of its own. */
const FUND_ONLY = /^(?:一般公共预算|政府性基金预算?|国有资本经营预算|财政拨款|财政拨款资金|一般公共预算拨款|政府性基金预算拨款|国有资本经营预算拨款)$/;

/** The headers of a column that name something: measure words ("预算数", "2026年预算数", "当年") left out. */
export function namedPath(path: readonly string[]): string[] {
  return path.map((p) => p.replace(/\s+/g, "")).filter((p) => !PLAIN_MEASURE.test(p));
}

function columnFactOnAnySide(path: readonly string[], totalKey: string | undefined, title: string): LabelFact | undefined {
  const named = namedPath(path);
  // "因公出国(境)费 / 一般公共预算": the fund below a name narrows it (on the income side a fund is a source).
  let fund: Fund | undefined;
  while (!totalKey?.startsWith("income.") && named.length > 1 && FUND_ONLY.test(named.at(-1)!)) fund ??= fundOfLabel(named.pop()!);
  const f = namedColumnFact(named, totalKey, title);
  return f && fund && !f.fund ? { ...f, fund } : f;
}

function namedColumnFact(named: readonly string[], totalKey: string | undefined, title: string): LabelFact | undefined {
  const leaf = named.at(-1);
  if (leaf === undefined) return totalKey ? { key: totalKey } : undefined;
  if (!TOTAL_HEADER.test(leaf)) return factOfLabel(compactLabel(leaf), title) ?? partOfGroup(leaf, named.at(-2), title) ?? groupFund(leaf, totalKey, named);
  const group = named.at(-2);
  if (!group) return totalKey ? { key: totalKey } : undefined;
  return factOfLabel(compactLabel(group), title) ?? thisYearsFund(group, title) ?? groupFund(group, totalKey, named);
}

/**
 * "本年政府性基金预算支出 / 合计" (苏州, 无锡 公开10表): a fund's expenditure of this year heads the fund table's
 * columns; its 合计 is that fund's expenditure total ("本年支出合计" alone stays 本年支出, read before this).
 */
function thisYearsFund(group: string, title: string): LabelFact | undefined {
  const rest = compactLabel(group).replace(/^(?:本年|当年)(?=\S*(?:一般公共预算|政府性基金|国有资本经营))/, "");
  const f = rest === compactLabel(group) ? undefined : factOfLabel(rest, title);
  return f?.key === "expenditure.total" && f.fund ? f : undefined;
}

/** "公务用车购置及运行费 / 运行费": a short sub-header names a part of the fact its group names. */
function partOfGroup(leaf: string, group: string | undefined, title: string): LabelFact | undefined {
  const whole = group ? factOfLabel(compactLabel(group), title) : undefined;
  const key = whole ? partKey(whole.key, compactLabel(leaf)) : undefined;
  return key ? { key } : undefined;
}

/** "一般公共预算 | 财政拨款" as a column of a 支出 (or 收入) table: that fund's part of the table's total. */
function groupFund(name: string, totalKey: string | undefined, path: readonly string[]): LabelFact | undefined {
  if (!totalKey || path.length > 2) return undefined;
  const fund = fundOfLabel(compactLabel(name));
  return fund && /^(?:expenditure|income)\.(?:total|current_year)$/.test(totalKey) ? { key: totalKey, fund } : undefined;
}

/** A figure column's own fund narrowing, from any header above it ("一般公共预算 / 基本支出"). */
export function columnFund(col: TableColumn): Fund | undefined {
  for (const p of col.path) {
    const f = fundOfLabel(compactLabel(p));
    if (f) return f;
  }
  return undefined;
}
