/** Two statements of one figure compared within their printed rounding (the tolerance rule of validations.ts). */
import type { Validation } from "../../model/index.js";
import { abs, compare, halfUlp, sub, sum } from "../../util/decimal.js";
import type { FactMention } from "../facts.js";

/** Half a unit of each term's last printed digit, added: what two rounded figures may differ by. */
export function tolerance(terms: readonly FactMention[]): string {
  return sum(terms.map((t) => halfUlp(t.decimals, t.multiplier)));
}

export interface Term {
  /** What the figure is, as an auditor names it: "收支总表 收入总计". */
  what: string;
  m: FactMention;
}

/** `a` = `b`: pass within tolerance, else a failure that names both statements. Evidence: a's, then b's. */
export function equalTerms(rule: string, a: Term, b: Term): Validation {
  const difference = sub(b.m.yuan, a.m.yuan);
  const tol = tolerance([a.m, b.m]);
  const ok = compare(abs(difference), tol) <= 0;
  return {
    rule,
    status: ok ? "pass" : "fail",
    expected: a.m.yuan,
    actual: b.m.yuan,
    difference,
    tolerance: tol,
    message: ok ? `${a.what} ${a.m.raw} = ${b.what} ${b.m.raw}` : `${a.what} states ${a.m.raw}, ${b.what} states ${b.m.raw}`,
    evidence: [a.m.evidence, b.m.evidence],
  };
}

/** `total` = Σ `parts`, each part named in the message. */
export function sumTerms(rule: string, total: Term, parts: Term[]): Validation {
  const actual = sum(parts.map((p) => p.m.yuan));
  const difference = sub(actual, total.m.yuan);
  const tol = tolerance([total.m, ...parts.map((p) => p.m)]);
  const ok = compare(abs(difference), tol) <= 0;
  const listed = parts.map((p) => `${p.what} ${p.m.raw}`).join(" + ");
  return {
    rule,
    status: ok ? "pass" : "fail",
    expected: total.m.yuan,
    actual,
    difference,
    tolerance: tol,
    message: ok ? `${total.what} ${total.m.raw} = ${listed}` : `${total.what} states ${total.m.raw}; ${listed} add up to ${actual} 元`,
    evidence: [total.m.evidence, ...parts.map((p) => p.m.evidence)],
  };
}
