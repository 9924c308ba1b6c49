/** Checks by family for the report and the terminal summary: the family's name for people, and its counts. */
import type { Validation } from "../../model/index.js";
import { groupByFamily } from "../../budget/checks/family.js";

export const FAMILY_TITLES: Record<string, string> = {
  completeness: "完整性 required tables and statements",
  cross: "表间核对 tables against tables and narrative",
  change: "增减变化 year-on-year statements",
  sum: "等式 the document's own sums",
  consistent: "一致性 one fact stated alike",
  table: "表内核对 arithmetic inside a table",
};

export interface FamilyGroup {
  family: string;
  items: Validation[];
  failed: number;
}

export function groupValidations(validations: readonly Validation[]): FamilyGroup[] {
  return groupByFamily(validations).map((g) => ({ ...g, failed: g.items.filter((v) => v.status === "fail").length }));
}
