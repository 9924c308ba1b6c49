import type { Evidence, Validation } from "../model/index.js";
import { abs, add, compare, halfUlp, sub, sum } from "../util/decimal.js";
import { agrees, type FactMention } from "./facts.js";
import { fundKey, keyTakesFund } from "./keys.js";

/** A sum identity: the stated total equals the sum of its stated parts. */
interface SumRule {
  rule: string;
  total: string | string[];
  parts: string[];
  /** How many parts must be stated for the check to run (else it is skipped). */
  minParts: number;
  /**
   * When none of `replace` is stated and all of `by` are, `by` stands for them (in order, each independently) —
   * unless the two keys of `unlessSame` state one figure. The keys of `within` are parts of `by`, left out with it.
   */
  alternatives?: { replace: string[]; by: string[]; unlessSame?: [string, string]; within?: string[] }[];
  /** Parts short of a total that includes 年终结转结余 the document does not state: skipped, not failed. */
  mayHoldUnstatedCarryover?: boolean;
  /** The fund scopes it is checked in: the department's only, or every fund that states the total too (default). */
  scopes?: "department";
  /** Parts without which the sum says nothing (skipped, not failed): 基本 and 项目 of a 支出总计. */
  required?: string[];
}

/** The uses of the national 支出总表: 基本, 项目, and the rest beside them. */
const USES = ["expenditure.basic", "expenditure.project", "expenditure.reserve", "expenditure.operating", "expenditure.superior", "expenditure.subsidiary"];
/** A 支出总表 that prints 基本支出 only as its 人员 | 公用 columns (湖州, 杭州). */
const BASIC_AS_PARTS = { replace: ["expenditure.basic"], by: ["expenditure.basic.personnel", "expenditure.basic.public"] };

// The identities disclosures promise (../shared/docs/domain.md §4.3): parts of a stated total add up to it.
const SUM_RULES: SumRule[] = [
  // This year's expenditure is 基本 + 项目; the 支出总计 adds what is carried into next year (年终结转结余).
  { rule: "expenditure.basic+project=current_year", total: "expenditure.current_year", parts: [...USES], minParts: 2, alternatives: [BASIC_AS_PARTS] },
  {
    rule: "expenditure.basic+project=total",
    total: ["expenditure.total", "income_expenditure.total"],
    parts: [...USES, "expenditure.carryover"],
    minParts: 2,
    alternatives: [BASIC_AS_PARTS],
    mayHoldUnstatedCarryover: true,
    // 基本支出 and 年末结转 without the 项目支出 (武汉 2024 决算's 财政拨款: 基本 in the 说明 only) are not the whole.
    required: ["expenditure.basic", "expenditure.project"],
  },
  { rule: "income.current_year+carryover=total", total: "income.total", parts: ["income.current_year", "income.carryover"], minParts: 2 },
  { rule: "expenditure.basic.personnel+public=basic", total: "expenditure.basic", parts: ["expenditure.basic.personnel", "expenditure.basic.public"], minParts: 2 },
  {
    rule: "income.sources=total",
    total: ["income.total", "income_expenditure.total"],
    parts: [
      "income.general_budget", "income.government_fund", "income.state_capital", "income.special_account", "income.business",
      "income.operating", "income.superior", "income.subsidiary", "income.other", "income.carryover",
    ],
    alternatives: [
      // Documents that state 财政拨款收入 as one figure list it in place of its three funds.
      { replace: ["income.general_budget", "income.government_fund", "income.state_capital"], by: ["income.total@fiscal"] },
      // A 决算 收入支出决算表 prints this year's 财政拨款收入 with its funds as 其中 lines (太原 2016 公开01表).
      { replace: ["income.general_budget", "income.total@fiscal"], by: ["income.current_year@fiscal"], within: ["income.government_fund", "income.state_capital"] },
      // Where only the 财政拨款 carryover is printed (重庆 表四), it is the carryover the total holds — unless the total
      // is this year's income (太原 决算: 收入合计 = 本年收入合计, the carryover beside it).
      { replace: ["income.carryover"], by: ["income.carryover@fiscal"], unlessSame: ["income.total", "income.current_year"] },
    ],
    minParts: 1,
    scopes: "department",
  },
  // The 财政拨款 income is its three funds and what is carried over of them.
  { rule: "income.fiscal_sources=total", total: "income.total@fiscal", parts: ["income.general_budget", "income.government_fund", "income.state_capital", "income.carryover@fiscal"], minParts: 2, scopes: "department" },
  { rule: "three_public.parts=total", total: "three_public.total", parts: ["three_public.overseas", "three_public.vehicle", "three_public.reception"], minParts: 2 },
  { rule: "three_public.vehicle.purchase+operation=vehicle", total: "three_public.vehicle", parts: ["three_public.vehicle.purchase", "three_public.vehicle.operation"], minParts: 2 },
  { rule: "change.basic+project=total", total: "change.total", parts: ["change.basic", "change.project", "change.reserve"], minParts: 2 },
  { rule: "procurement.goods+works+services=total", total: "procurement.total", parts: ["procurement.goods", "procurement.works", "procurement.services"], minParts: 2 },
];

interface Statements {
  one(key: string): FactMention | undefined;
  all(key: string): FactMention[];
}

/** Checks the document's own arithmetic on its facts. A failure is reported with the evidence of every term, never fixed. */
export function validateFacts(groups: ReadonlyMap<string, FactMention[]>): Validation[] {
  const byKey = new Map<string, FactMention[]>();
  const allByKey = new Map<string, FactMention[]>();
  for (const g of groups.values()) {
    // The identities are the document's own; a bundle's units are checked only for consistency below.
    if (g[0]!.entity) continue;
    const k = fundKey(g[0]!);
    byKey.set(k, [...(byKey.get(k) ?? []), g[0]!]);
    allByKey.set(k, [...(allByKey.get(k) ?? []), ...g]);
  }
  const funds = new Set([...groups.values()].map((g) => g[0]!.fund ?? "all"));
  const out: Validation[] = [];
  // Each identity holds within one fund scope: the department's, and each narrower fund's that states its own total.
  for (const fund of funds) {
    // A key that fixes its fund (income.general_budget) is one statement for every scope.
    const scoped = (key: string) => (fund === "all" || key.includes("@") || !keyTakesFund(key) ? key : `${key}@${fund}`);
    const st: Statements = { one: (key) => byKey.get(scoped(key))?.[0], all: (key) => allByKey.get(scoped(key)) ?? [] };
    for (const r of SUM_RULES) {
      // Rules over keys that fix their fund (三公, 政府采购) hold once, not once per fund.
      if (fund !== "all" && (r.scopes === "department" || !keyTakesFund(Array.isArray(r.total) ? r.total[0]! : r.total))) continue;
      const v = sumRule(r, st);
      if (v) out.push(fund === "all" ? v : { ...v, rule: `${v.rule} [${fund}]` });
    }
  }
  const items = byKey.get("expenditure.project.item") ?? [];
  const project = byKey.get("expenditure.project")?.[0];
  if (project && items.length > 0) out.push(sumCheck("expenditure.project.items=project", project, items));
  for (const g of groups.values()) if (g.length >= 2) out.push(consistency(g));
  return out;
}

function sumRule(r: SumRule, st: Statements): Validation | undefined {
  const totalKey = (Array.isArray(r.total) ? r.total : [r.total]).find((k) => st.one(k));
  const stated = totalKey ? st.one(totalKey) : undefined;
  // Prefer the statements listed under the total itself ("总收入X，其中：…"): a part stated elsewhere under another
  // total (上年结转 under 财政拨款收入) belongs to that total's identity, not to this one.
  const partKeys = partKeysOf(r, st);
  let parts = partKeys.map((k) => st.all(k).find((m) => stated && m.parent === stated) ?? st.one(k)).filter((m): m is FactMention => m !== undefined);
  if (stated && parts.some((p) => p.parent === stated)) parts = parts.filter((p) => p.parent === stated || p.parent === undefined);
  // "项目支出…其中：1.事业单位经营支出…": a part listed under another part is inside it already.
  const keys = new Set(parts.map((p) => p.key));
  parts = parts.filter((p) => !p.parent || !keys.has(p.parent.key));
  // Parts listed under an unnamed figure ("安排X元，其中：…") are checked against that figure.
  const parent = parts[0]?.parent;
  const unnamed = parent && parent.key === "(unnamed)" && parts.every((p) => p.parent === parent) ? parent : undefined;
  const total = unnamed ?? stated;
  if (!total) return undefined;
  const missing = (r.required ?? []).filter((k) => partKeys.includes(k) && !parts.some((p) => p.key === k));
  if (missing.length > 0 && parts.length > 0) return { rule: r.rule, status: "skipped", message: `${missing.join(" and ")} not stated`, evidence: [total.evidence, ...parts.map((p) => p.evidence)] };
  if (parts.length < r.minParts) {
    return parts.length > 0 ? { rule: r.rule, status: "skipped", message: `only ${parts.length} of the parts is stated`, evidence: [total.evidence, ...parts.map((p) => p.evidence)] } : undefined;
  }
  const check = sumCheck(unnamed ? `${r.rule} (within ${unnamed.raw})` : r.rule, total, parts);
  return r.mayHoldUnstatedCarryover ? unstatedCarryover(check, st, total) : check;
}

function sameFigure(st: Statements, a: string, b: string): boolean {
  const [x, y] = [st.one(a), st.one(b)];
  return x !== undefined && y !== undefined && agrees(x, y);
}

function partKeysOf(r: SumRule, st: Statements): string[] {
  let keys = r.parts;
  for (const alt of r.alternatives ?? []) {
    if (alt.replace.some((k) => st.one(k)) || !alt.by.every((k) => st.one(k)) || (alt.unlessSame && sameFigure(st, ...alt.unlessSame))) continue;
    const at = keys.indexOf(alt.replace[0]!);
    const gone = [...alt.replace, ...(alt.within ?? [])];
    keys = [...keys.slice(0, at), ...alt.by, ...keys.slice(at).filter((k) => !gone.includes(k))];
  }
  return keys;
}

/**
 * 支出总计 includes 年终结转结余. Where the document states no such carryover but brings one in (上年结转 > 0), parts
 * short of the total by no more than it may be short by the carryover left unspent: unknown, not wrong (北京 情况说明).
 */
function unstatedCarryover(check: Validation, st: Statements, total: FactMention): Validation {
  if (check.status !== "fail" || st.one("expenditure.carryover")) return check;
  const broughtIn = st.one("income.carryover");
  const short = sub(total.yuan, check.actual!);
  if (!broughtIn || compare(short, "0") <= 0 || compare(short, broughtIn.yuan) > 0) return check;
  const { message: _m, ...rest } = check;
  return { ...rest, status: "skipped", message: `the parts are ${short} 元 short of the total, which may be the 年终结转结余 the document does not state (上年结转 ${broughtIn.raw})` };
}

/** Every statement of one fact agrees with the chosen one within their printed rounding. */
function consistency(g: FactMention[]): Validation {
  const first = g[0]!;
  const bad = g.find((m) => !agrees(m, first));
  const rule = `consistent:${fundKey(first)}${first.name ? `:${first.name}` : ""}`;
  if (!bad) return { rule, status: "pass", expected: first.yuan, actual: first.yuan, difference: "0", tolerance: tol(g), evidence: g.map((m) => m.evidence) };
  return {
    rule,
    status: "fail",
    expected: first.yuan,
    actual: bad.yuan,
    difference: sub(bad.yuan, first.yuan),
    tolerance: tol([first, bad]),
    message: `the document states ${first.key} as ${first.raw} and as ${bad.raw}`,
    evidence: g.map((m) => m.evidence),
  };
}

function tol(terms: FactMention[]): string {
  return sum(terms.map((t) => halfUlp(t.decimals, t.multiplier)));
}

/** Compares a stated total with the sum of its parts, within the rounding the printed precision allows. */
export function sumCheck(rule: string, total: FactMention, parts: FactMention[]): Validation {
  const actual = sum(parts.map((p) => p.yuan));
  const difference = sub(actual, total.yuan);
  const tolerance = tol([total, ...parts]);
  const ok = compare(abs(difference), tolerance) <= 0;
  const evidence: Evidence[] = [total.evidence, ...parts.map((p) => p.evidence)];
  return {
    rule,
    status: ok ? "pass" : "fail",
    expected: total.yuan,
    actual,
    difference,
    tolerance,
    ...(ok ? {} : { message: `${total.raw} stated, the parts add up to ${add(actual, "0")} 元 (${parts.map((p) => p.raw).join(" + ")})` }),
    evidence,
  };
}
