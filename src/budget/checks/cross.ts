/**
 * cross: the tables agree with each other, and with the narrative, where they speak of the same scope (domain.md
 * §4.2 X1–X7): 收支总表 = 收入总表 = 支出总表 totals, 收入总表 columns = 收支总表 income lines, 支出总表 基本/项目 = the
 * narrative, 财政拨款收支总表 = the three fund tables, 一般公共预算支出表 基本支出 = 基本支出表, 三公 table = narrative,
 * and an empty table is not contradicted by another table's money for its scope.
 */
import type { Fund, Table, Validation } from "../../model/index.js";
import { compare } from "../../util/decimal.js";
import type { FactMention } from "../facts.js";
import { tableKindSpec } from "../catalog/index.js";
import { equalTerms, sumTerms, tolerance, type Term } from "./compare.js";
import { mentionOf, tableEvidence, tableName, tableOf, type CheckInput } from "./context.js";
import { declarationFor, emptyDeclarations, tableStretches, hasNoMoney } from "./empty.js";

const TABLE_NAMES: Record<string, string> = { summary: "收支总表", income: "收入总表", expenditure: "支出总表", fiscal_summary: "财政拨款收支总表", general_budget: "一般公共预算支出表", general_budget_basic: "一般公共预算基本支出表", fiscal_expenditure: "财政拨款支出表", fiscal_basic: "财政拨款基本支出表", three_public: "“三公”经费支出表", government_fund: "政府性基金预算支出表", state_capital: "国有资本经营预算支出表", text: "the narrative" };

const LABELS: Record<string, string> = {
  "income.total": "收入总计", "income.current_year": "本年收入合计", "expenditure.total": "支出总计", "expenditure.current_year": "本年支出合计",
  "expenditure.basic": "基本支出", "expenditure.project": "项目支出", "income.general_budget": "一般公共预算拨款收入", "income.government_fund": "政府性基金预算拨款收入",
  "income.state_capital": "国有资本经营预算拨款收入", "income.special_account": "财政专户管理资金收入", "income.business": "事业收入", "income.operating": "经营收入",
  "income.other": "其他收入", "income.carryover": "上年结转", "three_public.total": "“三公”经费合计", "three_public.overseas": "因公出国（境）费",
  "three_public.vehicle": "公务用车购置及运行费", "three_public.vehicle.purchase": "公务用车购置费", "three_public.vehicle.operation": "公务用车运行维护费",
  "three_public.reception": "公务接待费", operating_cost: "机关运行经费",
};

function term(input: CheckInput, key: string, fund: Fund, kind: string): Term | undefined {
  const m = mentionOf(input, key, fund, kind);
  return m ? { what: `${TABLE_NAMES[kind] ?? kind} ${LABELS[key] ?? key}`, m } : undefined;
}

/** The first of `keys` a source states. */
function firstTerm(input: CheckInput, keys: string[], fund: Fund, kind: string): Term | undefined {
  for (const k of keys) {
    const t = term(input, k, fund, kind);
    if (t) return t;
  }
  return undefined;
}

const agree = (a: Term, b: Term) => equalTerms("x", a, b).status === "pass";

/** `b` against the first candidate of `as` it agrees with, else against the first candidate. */
function againstAny(rule: string, as: Term[], b: Term): Validation {
  const hit = as.find((a) => agree(a, b)) ?? as[0]!;
  return equalTerms(rule, hit, b);
}

export function checkCross(input: CheckInput): Validation[] {
  return [...totals(input), ...incomeLines(input), ...basicProject(input), ...fiscalFunds(input), ...basicTables(input), ...threePublic(input), ...emptyScopes(input)];
}

/** X1, X2: 收支总表's totals against the 收入总表's and 支出总表's 合计 (本年 or 总计, as the table's columns include 上年结转). */
function totals(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  const incomeTotal = term(input, "income.total", "all", "income");
  const summaryIncome = [term(input, "income.current_year", "all", "summary"), term(input, "income.total", "all", "summary")].filter((t): t is Term => !!t);
  // A 收入总表 with a 上年结转 column adds it to its 合计: then it is the 收入总计's figure.
  if (term(input, "income.carryover", "all", "income")) summaryIncome.reverse();
  if (incomeTotal && summaryIncome.length > 0) out.push(againstAny("cross:summary=income:total", summaryIncome, incomeTotal));
  const expTotal = firstTerm(input, ["expenditure.current_year", "expenditure.total"], "all", "expenditure");
  const summaryExp = [term(input, "expenditure.current_year", "all", "summary"), term(input, "expenditure.total", "all", "summary")].filter((t): t is Term => !!t);
  if (expTotal && summaryExp.length > 0) out.push(againstAny("cross:summary=expenditure:total", summaryExp, expTotal));
  return out;
}

const INCOME_LINES = ["income.general_budget", "income.government_fund", "income.state_capital", "income.special_account", "income.business", "income.operating", "income.other", "income.carryover"];

/** 收入总表's source columns against the 收支总表's income lines. */
function incomeLines(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  for (const key of INCOME_LINES) {
    const a = term(input, key, "all", "summary");
    const b = term(input, key, "all", "income");
    if (a && b) out.push(equalTerms(`cross:summary=income:${key}`, a, b));
  }
  return out;
}

/** 支出总表 (and 一般公共预算支出表) 基本/项目 against the narrative's figures of the same scope. */
function basicProject(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  for (const [kind, fund] of [["expenditure", "all"], ["general_budget", "general_budget"]] as const) {
    for (const key of ["expenditure.basic", "expenditure.project"]) {
      const a = term(input, key, fund, kind);
      const b = term(input, key, fund, "text");
      if (a && b) out.push(equalTerms(`cross:${kind}=narrative:${key.slice("expenditure.".length)}`, a, b));
    }
  }
  return out;
}

const FUND_TABLES = [
  { kind: "general_budget", fund: "general_budget" },
  { kind: "government_fund", fund: "government_fund" },
  { kind: "state_capital", fund: "state_capital" },
] as const;

/** A printed-empty fund table as a zero term, its evidence the table (and what declares it empty). */
function zeroTerm(t: Table): Term {
  const ev = tableEvidence(t);
  return { what: `${tableName(t)} (printed empty)`, m: { key: "expenditure.total", yuan: "0", raw: "0（空表）", unit: null, evidence: ev, decimals: 0, multiplier: "1" } };
}

/** X4: 财政拨款收支总表's 支出 = 一般公共预算 + 政府性基金 + 国有资本经营 tables' 合计; and per fund where it prints one. */
function fiscalFunds(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  const total = firstTerm(input, ["expenditure.current_year", "expenditure.total"], "fiscal", "fiscal_summary");
  const parts: Term[] = [];
  // A fund table printed with figures none of which was read as its total leaves the sum unknown: no check.
  let unread = false;
  for (const f of FUND_TABLES) {
    const own = firstTerm(input, ["expenditure.total", "expenditure.current_year"], f.fund, f.kind);
    const printed = input.tables.find((t) => t.kind === f.kind);
    // Where the table's 合计 was not read as its total, its 基本支出 and 项目支出 stand for it (合计 = 基本 + 项目).
    const split = own ? [] : (["expenditure.basic", "expenditure.project"] as const).map((k) => term(input, k, f.fund, f.kind)).filter((t): t is Term => !!t);
    if (own) parts.push(own);
    else if (split.length > 0) parts.push(...split);
    else if (printed && hasNoMoney(printed)) parts.push(zeroTerm(printed));
    else if (printed) unread = true;
    const inSummary = firstTerm(input, ["expenditure.total", "expenditure.current_year"], f.fund, "fiscal_summary");
    if (inSummary && own) out.push(equalTerms(`cross:fiscal_summary=${f.kind}:total`, inSummary, own));
  }
  if (total && !unread && parts.some((p) => p.m.evidence.kind === "cell" && p.m.yuan !== "0") && parts.length >= 2) {
    const direct = sumTerms("cross:fiscal_summary=funds:total", total, parts);
    // The 总表's 支出 may spend last year's carryover too, where the fund tables print this year's appropriations.
    const carry = term(input, "income.carryover", "fiscal", "fiscal_summary");
    const withCarry = carry && direct.status === "fail" ? sumTerms("cross:fiscal_summary=funds:total", total, [...parts, carry]) : undefined;
    out.push(withCarry?.status === "pass" ? withCarry : direct);
  }
  return out;
}

/** X5: the 支出表's 基本支出 合计 = the 基本支出表's 合计 (一般公共预算, or 财政拨款 where the region prints those). */
function basicTables(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  for (const [spending, basic, fund] of [["general_budget", "general_budget_basic", "general_budget"], ["fiscal_expenditure", "fiscal_basic", "fiscal"]] as const) {
    const a = term(input, "expenditure.basic", fund, spending);
    const b = term(input, "expenditure.basic", fund, basic);
    if (a && b) out.push(equalTerms(`cross:${spending}=${basic}:basic`, a, b));
  }
  return out;
}

const THREE_PUBLIC = ["three_public.total", "three_public.overseas", "three_public.vehicle", "three_public.vehicle.purchase", "three_public.vehicle.operation", "three_public.reception"];

/** The 三公 table's figures against the 三公 narrative's. */
function threePublic(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  for (const key of THREE_PUBLIC) {
    const a = term(input, key, "all", "three_public");
    const b = term(input, key, "all", "text");
    if (a && b) out.push(equalTerms(`cross:three_public=narrative:${key.slice("three_public.".length)}`, a, b));
  }
  return out;
}

/** Money another table states for a fund scope: a figure of that fund, or the income line of that fund. */
function moneyFor(input: CheckInput, fund: Fund, except: Table): FactMention | undefined {
  const incomeKey = fund === "fiscal" ? "income.total" : `income.${fund}`;
  return input.mentions.find((m) => {
    const t = tableOf(m, input.tables);
    if (!t || t.id === except.id || m.weak || compare(m.yuan, "0") === 0) return false;
    if (!/^(?:income|expenditure)\./.test(m.key)) return false;
    const scoped = (m.fund ?? "all") === fund && !/carryover/.test(m.key);
    return scoped || (m.key === incomeKey && (fund === "fiscal" ? m.fund === "fiscal" : (m.fund ?? "all") === "all"));
  });
}

// Tables whose scope is a whole fund: empty, no other table may state money of that fund. (A 三公 or 基本支出 table
// covers a part of its fund only.)
const EMPTY_SCOPED = new Set(["government_fund", "state_capital", "fiscal_summary", "general_budget", "fiscal_expenditure"]);

/** X7: a table printed empty, and another table stating money for its scope — a failure naming both. */
function emptyScopes(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  const declarations = emptyDeclarations(input);
  const stretches = tableStretches(input);
  for (const t of input.tables) {
    const spec = tableKindSpec(t.kind);
    // A header printed without any row under it is a fragment (its body was read as another table), not an empty table.
    if (!spec || !EMPTY_SCOPED.has(spec.id) || !hasNoMoney(t) || !t.rows.some((r) => r.kind !== "header" && r.kind !== "title")) continue;
    const declared = declarationFor(t, spec.fund, declarations, stretches.get(t.id));
    const rule = `cross:empty:${spec.id}`;
    const evidence = [tableEvidence(t), ...(declared ? [declared.evidence] : [])];
    const other = moneyFor(input, spec.fund, t);
    if (!other) {
      out.push({ rule, status: "pass", message: `${tableName(t)} is empty and no other table states money for its scope`, evidence });
      continue;
    }
    const where = tableOf(other, input.tables)!;
    out.push({
      rule,
      status: "fail",
      expected: "0",
      actual: other.yuan,
      difference: other.yuan,
      tolerance: tolerance([other]),
      message: `${tableName(t)} is printed empty${declared ? ` ("${declared.evidence.quote}")` : ""}, but ${tableName(where)} states ${other.raw} for its scope (${LABELS[other.key] ?? other.key})`,
      evidence: [...evidence, other.evidence],
    });
  }
  return out;
}
