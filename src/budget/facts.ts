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
}

/**
 * Facts stated more than once are one row with every agreeing piece of evidence; differing statements are kept apart.
 * The row's figure is the most precise statement (a table's 17,312,300元 over the narrative's 1,731万元).
 */
export function mergeMentions(mentions: FactMention[], basis?: Fact["basis"]): { facts: Fact[]; groups: Map<string, FactMention[]> } {
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
      evidence: ordered.filter((m) => agrees(m, first)).map((m) => m.evidence),
    });
  }
  return { facts, groups };
}

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
    const id = `${m.yuan}|${m.decimals}|${m.multiplier}|${m.evidence.kind}`;
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
