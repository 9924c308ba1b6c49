/**
 * A blank template prints the national set but not one figure other than zero: it is a form, not a disclosure, and
 * gets no review (completeness / cross / change) — like a landing page.
 */
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";
import { budgetDoc, standardTables } from "./checks-fixtures.js";

const review = (doc: ExtractedDocument) => doc.validations.filter((v) => /^(completeness|cross|change):/.test(v.rule));
const PLACEHOLDERS = ["一、部门收支总体情况", "2026年，XX收入预算x,xxx万元，支出预算x,xxx万元。", "（若无，则写“本单位无机关运行经费。”）"];

describe("a blank template", () => {
  const blank = () => standardTables().map((t) => ({ ...t, rows: t.rows.map((r, i) => (i === 0 ? r : r.map((c) => (/^\d[\d,.]*$/.test(c) && c.includes(".") ? "" : c)))) }));

  test("its tables without figures and its placeholders get no review", async () => {
    const doc = await budgetDoc(PLACEHOLDERS, blank());
    expect(doc.tables.filter((t) => t.kind !== "other").length).toBeGreaterThanOrEqual(8);
    expect(doc.facts.every((f) => f.yuan === "0")).toBe(true);
    expect(review(doc)).toEqual([]);
  });

  test("one figure other than zero makes it a disclosure, reviewed", async () => {
    const doc = await budgetDoc([...PLACEHOLDERS, "2026年机关运行经费10.00万元。"], blank());
    expect(review(doc).some((v) => v.rule === "completeness:table:summary")).toBe(true);
  });
});

// 普陀区2026单位预算模板 (.xls): the district's form — 9 standard tables with codes and no figure, "XX收入预算x,xxx万元".
describe.skipIf(!hasShared)(`普陀区2026单位预算模板.xls (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("zxj6827111-blip+tianbaoxitong/普陀区2026单位预算模板_budget_template.xls")) : null;

  test("its 9 standard tables are recognized, and no review check runs on it", () => {
    expect(doc!.tables.filter((t) => t.kind !== "other").map((t) => t.kind)).toEqual(["summary", "income", "expenditure", "fiscal_summary", "general_budget", "government_fund", "state_capital", "general_budget_basic", "three_public"]);
    expect(doc!.facts.map((f) => [f.key, f.yuan])).toEqual([["operating_cost", "0"], ["procurement.total", "0"]]);
    expect(review(doc!)).toEqual([]);
  });
});
