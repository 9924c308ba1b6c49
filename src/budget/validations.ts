import type { Evidence, Validation } from "../model/index.js";
import { abs, add, compare, halfUlp, sub, sum } from "../util/decimal.js";
import { agrees, type FactMention } from "./facts.js";
import { SCOPE_TOTAL_KEYS } from "./vocabulary.js";

/** A sum identity: the stated total equals the sum of its stated parts. */
interface SumRule {
  rule: string;
  total: string | string[];
  parts: string[];
  /** How many parts must be stated for the check to run (else it is skipped). */
  minParts: number;
  /** When none of `replace` is stated, `by` stands for them. */
  alternative?: { replace: string[]; by: string };
}

// The identities disclosures promise (../shared/docs/domain.md §4.3): parts of a stated total add up to it.
const SUM_RULES: SumRule[] = [
  { rule: "expenditure.basic+project=total", total: ["expenditure.total", "income_expenditure.total", "expenditure.fiscal_total"], parts: ["expenditure.basic", "expenditure.project", "expenditure.reserve"], minParts: 2 },
  { rule: "expenditure.basic.personnel+public=basic", total: "expenditure.basic", parts: ["expenditure.basic.personnel", "expenditure.basic.public"], minParts: 2 },
  {
    rule: "income.sources=total",
    total: ["income.total", "income_expenditure.total"],
    parts: ["income.general_budget", "income.government_fund", "income.state_capital", "income.special_account", "income.business", "income.operating", "income.other", "income.carryover"],
    // Documents that state 财政拨款收入 as one figure list it in place of its three funds.
    alternative: { replace: ["income.general_budget", "income.government_fund", "income.state_capital"], by: "income.fiscal_total" },
    minParts: 1,
  },
  { rule: "three_public.parts=total", total: "three_public.total", parts: ["three_public.overseas", "three_public.vehicle", "three_public.reception"], minParts: 2 },
  { rule: "three_public.vehicle.purchase+operation=vehicle", total: "three_public.vehicle", parts: ["three_public.vehicle.purchase", "three_public.vehicle.operation"], minParts: 2 },
  { rule: "change.basic+project=total", total: "change.total", parts: ["change.basic", "change.project", "change.reserve"], minParts: 2 },
  { rule: "procurement.goods+works+services=total", total: "procurement.total", parts: ["procurement.goods", "procurement.works", "procurement.services"], minParts: 2 },
];

/** Checks the document's own arithmetic on its facts. A failure is reported with the evidence of every term, never fixed. */
export function validateFacts(groups: ReadonlyMap<string, FactMention[]>): Validation[] {
  const byKey = new Map<string, FactMention[]>();
  const allByKey = new Map<string, FactMention[]>();
  for (const g of groups.values()) {
    const k = g[0]!.key;
    byKey.set(k, [...(byKey.get(k) ?? []), g[0]!]);
    allByKey.set(k, [...(allByKey.get(k) ?? []), ...g]);
  }
  const one = (key: string) => byKey.get(key)?.[0];
  const out: Validation[] = [];

  for (const r of SUM_RULES) {
    const totalKey = (Array.isArray(r.total) ? r.total : [r.total]).find((k) => one(k));
    const stated = totalKey ? one(totalKey) : undefined;
    // Prefer the statements listed under the total itself ("总收入X，其中：…"): a part stated elsewhere under another
    // total (上年结转 under 财政拨款收入) belongs to that total's identity, not to this one.
    const partKeys = r.alternative && r.alternative.replace.every((k) => !one(k)) && one(r.alternative.by) ? [r.alternative.by, ...r.parts.filter((k) => !r.alternative!.replace.includes(k))] : r.parts;
    let parts = partKeys.map((k) => allByKey.get(k)?.find((m) => stated && m.parent === stated) ?? one(k)).filter((m): m is FactMention => m !== undefined);
    if (stated && parts.some((p) => p.parent === stated)) parts = parts.filter((p) => p.parent === stated || p.parent === undefined);
    // Parts listed under a narrower total ("财政拨款安排支出X，其中：…") are checked against that total.
    const parent = parts[0]?.parent;
    const scoped = parent && parts.every((p) => p.parent === parent) && (SCOPE_TOTAL_KEYS.has(parent.key) || parent.key === "(unnamed)") ? parent : undefined;
    const total = scoped ?? stated;
    if (!total) continue;
    if (parts.length < r.minParts) {
      if (parts.length > 0) out.push({ rule: r.rule, status: "skipped", message: `only ${parts.length} of the parts is stated`, evidence: [total.evidence, ...parts.map((p) => p.evidence)] });
      continue;
    }
    out.push(sumCheck(scoped ? `${r.rule} (within ${scoped.raw})` : r.rule, total, parts));
  }

  const items = byKey.get("expenditure.project.item") ?? [];
  const project = one("expenditure.project");
  if (project && items.length > 0) out.push(sumCheck("expenditure.project.items=project", project, items));

  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const first = g[0]!;
    const bad = g.find((m) => !agrees(m, first));
    const rule = `consistent:${first.key}${first.name ? `:${first.name}` : ""}`;
    if (!bad) {
      out.push({ rule, status: "pass", expected: first.yuan, actual: first.yuan, difference: "0", tolerance: tol([first, ...g.slice(1)]), evidence: g.map((m) => m.evidence) });
    } else {
      out.push({
        rule,
        status: "fail",
        expected: first.yuan,
        actual: bad.yuan,
        difference: sub(bad.yuan, first.yuan),
        tolerance: tol([first, bad]),
        message: `the document states ${first.key} as ${first.raw} and as ${bad.raw}`,
        evidence: g.map((m) => m.evidence),
      });
    }
  }
  return out;
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
