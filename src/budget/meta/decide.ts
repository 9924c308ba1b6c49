/** Choosing each field's value among its candidates, by the weight of where it was printed. */
import type { Candidate, Field } from "./candidates.js";
import { nameKey } from "./names.js";

/**
 * The value printed in the weightiest place; among values printed in equally weighty places, the one printed most
 * often there, then the first printed. A title's year beats any number of comparison years in the body.
 */
export function decide(candidates: readonly Candidate[], field: Field): Candidate | undefined {
  const own = candidates.filter((c) => c.field === field);
  if (own.length === 0) return undefined;
  const top = Math.max(...own.map((c) => c.weight));
  const tier = own.filter((c) => c.weight === top);
  const count = new Map<string, number>();
  for (const c of tier) count.set(c.key, (count.get(c.key) ?? 0) + 1);
  return tier.reduce((best, c) => {
    const d = count.get(c.key)! - count.get(best.key)!;
    return d > 0 || (d === 0 && c.order < best.order) ? c : best;
  });
}

/**
 * The other publishers printed above tables (a department's bundle with each unit's own tables): every name of a
 * publisher line that is not the entity, nor a cut-off printing of it ("部门名称：江苏省人大" on a wrapped line),
 * nor the entity with or without its 本级/汇总 (a title "深圳市公安局" over tables of "深圳市公安局（本级）"), nor the entity
 * glued to the text of a neighbouring cell.
 */
export function otherUnits(candidates: readonly Candidate[], entity: string): string[] {
  const own = nameKey(entity);
  const out = new Map<string, string>();
  for (const c of candidates) {
    if (c.field !== "entity" || c.evidence.source !== "publisher_line" || out.has(c.key) || sameEntity(c.key, own)) continue;
    out.set(c.key, String(c.value));
  }
  return [...out.values()];
}

const BRACKETED = /\((?:本级|汇总)\)$/;

function sameEntity(key: string, own: string): boolean {
  // A name that ends with the entity's is the entity glued to a neighbouring cell ("法律顾问服务西安市人民政府办公厅").
  if (key === own || own.startsWith(key) || key.endsWith(own.replace(BRACKETED, ""))) return true;
  const [a, b] = [key.replace(BRACKETED, ""), own.replace(BRACKETED, "")];
  return a === b && (a === key || b === own);
}
