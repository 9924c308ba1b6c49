/**
 * A check's family is its rule's prefix before the first ':' (completeness:, cross:, change:, table:, consistent:); the
 * document's own sum identities (income.current_year+carryover=total) predate prefixes and form the family `sum`.
 */
export const CHECK_FAMILIES = ["completeness", "cross", "change", "sum", "consistent", "table"] as const;

export function ruleFamily(rule: string): string {
  const i = rule.indexOf(":");
  return i > 0 ? rule.slice(0, i) : "sum";
}

/**
 * The rule without what names one instance of it — a table id, a classification code, a column, a fund scope, a
 * fact's name — so a batch can count one rule's failures across documents
 * (`table:t3:code 20101 = Σ children [合计]` → `table:code = Σ children`).
 */
export function ruleName(rule: string): string {
  return rule
    .replace(/\s*\[[^\]]*\]/g, "")
    .replace(/\s*\(within [^)]*\)/g, "")
    .replace(/^table:[^:]+:/, "table:")
    .replace(/code \d+/, "code")
    .replace(/^(consistent:[^:]+):.*$/, "$1")
    .trim();
}

/** Families in report order: the new review checks first, then the arithmetic the tool always ran. */
export function familyOrder(family: string): number {
  const i = (CHECK_FAMILIES as readonly string[]).indexOf(family);
  return i < 0 ? CHECK_FAMILIES.length : i;
}

/** Items grouped by their rule's family, families in report order, items in their given order within each. */
export function groupByFamily<T extends { rule: string }>(items: readonly T[]): { family: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const v of items) {
    const f = ruleFamily(v.rule);
    const g = groups.get(f);
    if (g) g.push(v);
    else groups.set(f, [v]);
  }
  return [...groups.entries()].sort(([a], [b]) => familyOrder(a) - familyOrder(b) || (a < b ? -1 : 1)).map(([family, list]) => ({ family, items: list }));
}
