import type { Evidence, Fact, Fund } from "../model/index.js";
import { abs, add, compare, halfUlp, sub } from "../util/decimal.js";
import { fundKey } from "./keys.js";

export { narrativeFacts, type NarrativeInput } from "./narrative/index.js";

/** A fact as found once, before facts stated in several places are merged. */
export interface FactMention {
  key: string;
  name?: string;
  yuan: string;
  raw: string;
  unit: string | null;
  evidence: Evidence;
  /** Printed decimals and multiplier of the figure: the rounding tolerance of checks. */
  decimals: number;
  multiplier: string;
  /** The funds the figure covers where its key does not fix them (absent: the whole department). */
  fund?: Fund;
  /** The bundle's unit whose own table states the figure (absent: the document's entity). */
  entity?: string;
  /** A statement in words ("无机关运行经费"): it stands only where no figure of the same fact is printed. */
  weak?: boolean;
  /** The figure this one is a part of: "X元，其中：A…，B…" makes X the parent of A and B. */
  parent?: FactMention;
  /**
   * The other cells of a figure the table prints only as its parts (机关运行经费 = 行政单位 + 参公 rows): the fact's
   * evidence lists them after `evidence`.
   */
  also?: Evidence[];
}

/**
 * Facts stated more than once are one row with every agreeing piece of evidence; differing statements are kept apart.
 * The row's figure is the most precise statement (a table's 17,312,300元 over the narrative's 1,731万元).
 */
export function mergeMentions(all: FactMention[], basis?: Fact["basis"]): { facts: Fact[]; groups: Map<string, FactMention[]> } {
  const mentions = withoutCarryoverSums(all).map(asCurrentYear(all));
  const groups = new Map<string, FactMention[]>();
  // A zero stated in words yields to any printed figure of the same fact.
  const printed = new Set(mentions.filter((m) => !m.weak).map((m) => fundKey(m)));
  for (const m of mentions) {
    if (m.weak && printed.has(fundKey(m))) continue;
    const id = [fundKey(m), m.name ?? "", m.entity ?? ""].join("\u0000");
    const g = groups.get(id);
    if (g) g.push(m);
    else groups.set(id, [m]);
  }
  const facts: Fact[] = [];
  for (const [id, g] of groups) {
    const ordered = byPrecision(g);
    groups.set(id, ordered);
    const first = ordered[0]!;
    facts.push({
      key: first.key,
      yuan: first.yuan,
      raw: first.raw,
      unit: first.unit,
      fund: first.fund ?? "all",
      ...(basis ? { basis } : {}),
      ...(first.name ? { name: first.name } : {}),
      ...(first.entity ? { entity: first.entity } : {}),
      evidence: onceEach(ordered.filter((m) => agrees(m, first)).flatMap((m) => [m.evidence, ...(m.also ?? [])])),
    });
  }
  return { facts, groups };
}

/** Each cell once: a table read both down its labels and across its columns states one cell twice. */
function onceEach(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    if (e.kind !== "cell") return true;
    const id = `${e.tableId}|${e.row}|${e.col}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** A fund's income: this year's appropriation, which a table may print together with what is carried over of it. */
const FUND_INCOME = new Set(["income.general_budget", "income.government_fund", "income.state_capital"]);

/**
 * A fund's income printed both for this year (表四 "本年收入 (一)一般公共预算 154,023.82") and with its carryover
 * folded in (表一, which has no 上年结转 line: "一般公共预算资金 154,304.22"), where the two differ by exactly the
 * stated carryover (280.40): the larger figure is the sum, not a second statement of this year's income.
 */
function withoutCarryoverSums(mentions: FactMention[]): FactMention[] {
  const carryovers = distinct(mentions.filter((m) => m.key === "income.carryover" && !m.weak && compare(m.yuan, "0") > 0));
  if (carryovers.length === 0) return mentions;
  const sums = new Set<FactMention>();
  for (const key of FUND_INCOME) {
    const stated = mentions.filter((m) => m.key === key && !m.weak);
    // One statement per printed figure: a document repeating a sentence a thousand times costs one comparison.
    const thisYear = distinct(stated.filter((m) => m.evidence.kind === "cell"));
    const verdict = new Map<string, boolean>();
    const isSum = (m: FactMention) => thisYear.some((t) => compare(t.yuan, m.yuan) < 0 && carryovers.some((c) => agrees({ ...c, yuan: add(t.yuan, c.yuan) }, m)));
    for (const m of stated) {
      const id = figureId(m);
      if (!verdict.has(id)) verdict.set(id, isSum(m));
      if (verdict.get(id)) sums.add(m);
    }
  }
  return sums.size === 0 ? mentions : mentions.filter((m) => !sums.has(m));
}

/** A figure as printed: its value, decimals and multiplier (statements with the same id compare alike). */
const figureId = (m: FactMention): string => `${m.yuan}|${m.decimals}|${m.multiplier}`;

/** One mention per printed figure (value, decimals, multiplier). */
function distinct(ms: readonly FactMention[]): FactMention[] {
  const byFigure = new Map<string, FactMention>();
  for (const m of ms) if (!byFigure.has(figureId(m))) byFigure.set(figureId(m), m);
  return [...byFigure.values()];
}

/**
 * "财政拨款支出13733.8万元" in a 决算's narrative is this year's expenditure (本年支出合计 13,733.80), not the 总计
 * (20,727.53, with 年末结转): a sentence's bare 收入/支出 that differs from the table's total and equals the table's
 * this-year figure of the same fund is read as that figure. Where no table prints that total (a 决算 without its
 * 收支总表: 太原 2016 "收入决算4258.39万元" = 收入决算表 本年收入合计 42,583,921.59), the same figure is this year's
 * when the document states a carryover on that side for the fund or a part of it: the 总计 then exceeds 本年 by it.
 */
function asCurrentYear(all: readonly FactMention[]): (m: FactMention) => FactMention {
  // Indexed once: a filter per mention would make a document of many figures quadratic.
  const byKey = new Map<string, FactMention[]>();
  for (const o of all) {
    if (o.evidence.kind !== "cell") continue;
    const id = `${o.key}\u0000${o.fund ?? ""}`;
    const list = byKey.get(id);
    if (list) list.push(o);
    else byKey.set(id, [o]);
  }
  const cells = (key: string, fund: Fund | undefined) => byKey.get(`${key}\u0000${fund ?? ""}`) ?? [];
  // The funds that carry something over, per side, indexed the same way.
  const carried = new Map<string, (Fund | undefined)[]>();
  const carryoverKeys = new Set(Object.values(CARRYOVER_OF));
  for (const o of all) {
    if (!carryoverKeys.has(o.key) || o.weak || compare(o.yuan, "0") <= 0) continue;
    const list = carried.get(o.key);
    if (list) list.push(o.fund);
    else carried.set(o.key, [o.fund]);
  }
  return (m) => {
    const side = CURRENT_YEAR_OF[m.key];
    if (!side || m.evidence.kind !== "text" || m.weak) return m;
    const totals = cells(m.key, m.fund);
    if (totals.some((t) => agrees(t, m)) || (totals.length === 0 && !carries(m))) return m;
    return cells(side, m.fund).some((c) => agrees(c, m)) ? { ...m, key: side } : m;
  };
  function carries(m: FactMention): boolean {
    const funds = carried.get(CARRYOVER_OF[m.key]!) ?? [];
    // The department's whole carries over whatever any fund carries over.
    if (m.fund === undefined) return funds.length > 0;
    const within = PARTS_OF_FUND[m.fund] ?? [m.fund];
    return funds.some((f) => f !== undefined && within.includes(f));
  }
}

const CURRENT_YEAR_OF: Readonly<Record<string, string>> = { "income.total": "income.current_year", "expenditure.total": "expenditure.current_year" };
const CARRYOVER_OF: Readonly<Record<string, string>> = { "income.total": "income.carryover", "expenditure.total": "expenditure.carryover" };
/** The funds within a fund (a fund not listed has no parts but itself). */
const PARTS_OF_FUND: Readonly<Partial<Record<Fund, readonly Fund[]>>> = { fiscal: ["fiscal", "general_budget", "government_fund", "state_capital"] };

/**
 * The statements of one fact, the one to report first: the most precise among those the others agree with most
 * (a lone misread does not win by being exact); between equals a table cell, whose header says what it is, over a
 * sentence; then reading order.
 */
function byPrecision(g: FactMention[]): FactMention[] {
  // Statements that print the same figure the same way count once, with their number: a page that repeats one
  // sentence ten thousand times costs one comparison, not a hundred million.
  const classes = new Map<string, { m: FactMention; i: number; count: number }>();
  g.forEach((m, i) => {
    const id = `${figureId(m)}|${m.evidence.kind}`;
    const c = classes.get(id);
    if (c) c.count++;
    else classes.set(id, { m, i, count: 1 });
  });
  if (classes.size < 2 || classes.size > MAX_RANKED) return g;
  const list = [...classes.values()];
  const support = (m: FactMention) => list.reduce((n, o) => n + (agrees(o.m, m) ? o.count : 0), 0);
  const ulp = (m: FactMention) => halfUlp(m.decimals, m.multiplier);
  const text = (m: FactMention) => (m.evidence.kind === "cell" ? 0 : 1);
  const ranked = list.map((c) => ({ ...c, n: support(c.m) })).sort((a, b) => b.n - a.n || compare(ulp(a.m), ulp(b.m)) || text(a.m) - text(b.m) || a.i - b.i);
  const first = ranked[0]!.m;
  return [first, ...g.filter((m) => m !== first)];
}

/** Beyond this many different statements of one fact the reading order stands (no document prints that many). */
const MAX_RANKED = 64;

/** Two statements of one fact agree when they differ by no more than their printed rounding allows. */
export function agrees(a: FactMention, b: FactMention): boolean {
  return compare(abs(sub(a.yuan, b.yuan)), add(halfUlp(a.decimals, a.multiplier), halfUlp(b.decimals, b.multiplier))) <= 0;
}
