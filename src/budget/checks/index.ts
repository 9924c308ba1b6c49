/** The review checks an auditor runs (issue 19): completeness, cross-table and narrative agreement, year-on-year. */
import type { Validation } from "../../model/index.js";
import { checkChange } from "./change.js";
import { checkCompleteness } from "./completeness.js";
import type { CheckInput } from "./context.js";
import { checkCross } from "./cross.js";
import { disclosesNoFigure } from "./empty.js";

export type { CheckInput } from "./context.js";
export { CHECK_FAMILIES, familyOrder, groupByFamily, ruleFamily, ruleName } from "./family.js";
export { REQUIREMENTS, requiredTables } from "./requirements.js";
export { disclosesNoFigure } from "./empty.js";

/**
 * A disclosure is reviewed when it is one: it prints standard tables or states budget facts, some of them not zero. A
 * landing page, a report saved under a budget's name or a blank template gets the no_disclosure_content warning instead.
 */
export function reviewChecks(input: CheckInput): Validation[] {
  const standard = input.tables.some((t) => t.kind !== undefined && t.kind !== "other");
  if (!standard && input.mentions.length === 0) return [];
  // A blank template prints the set but discloses nothing: it gets no_disclosure_content, not a review.
  if (disclosesNoFigure(input.mentions, input.tables)) return [];
  const cross = checkCross(input);
  const change = checkChange(input);
  // A family that found nothing to compare says so: the reader sees it ran.
  if (cross.length === 0) cross.push({ rule: "cross:none", status: "skipped", message: "no two tables, or a table and the narrative, state the same figure of the same scope", evidence: [] });
  if (change.length === 0) change.push({ rule: "change:none", status: "skipped", message: "the document states no year-on-year change with its rate (比上年增加X万元，增长Y%)", evidence: [] });
  return [...checkCompleteness(input), ...cross, ...change];
}
