/** Assertions shared by the .xlsx and .xls tests: the budget workbook reads the same through either container. */
import { expect } from "vitest";
import type { ExtractedDocument } from "../../src/model/index.js";
import { BUDGET_EXPECTED, gridText } from "./xlsx-fixture.js";

/** The assertions an .xlsx and the same workbook saved as .xls share (tests/readers/xlsx.test.ts, xls.test.ts). */
export function expectBudgetDocument(doc: ExtractedDocument, textLines: readonly string[] = BUDGET_EXPECTED.textLines): void {
  const [summary, expenditure, ...rest] = doc.tables;
  expect(rest).toHaveLength(0);
  expect(gridText(summary!.grid)).toEqual(BUDGET_EXPECTED.summaryGrid);
  expect(summary).toMatchObject({ kind: "summary", title: "2026年部门收支预算总表", entity: "某市交通运输局", titleRows: 2, headerRows: 2 });
  expect(summary!.unit).toMatchObject({ raw: "单位：万元", unit: "万元", multiplier: "10000", source: "title_row" });
  // The two-level header: 收入 / 支出 over 项目 | 预算数.
  expect(summary!.columns.map((c) => c.path)).toEqual([["收入", "项目"], ["收入", "预算数"], ["支出", "项目"], ["支出", "预算数"]]);
  expect(summary!.rows.map((r) => r.kind)).toEqual(["title", "title", "header", "header", "data", "data", "data", "total"]);

  expect(gridText(expenditure!.grid)).toEqual(BUDGET_EXPECTED.expenditureGrid);
  expect(expenditure).toMatchObject({ kind: "expenditure", title: "2026年部门支出预算总表", titleRows: 2, headerRows: 2 });
  expect(expenditure!.unit).toMatchObject({ raw: "单位：元", unit: "元" });
  expect(expenditure!.rows.map((r) => r.code ?? r.kind)).toEqual(["title", "title", "header", "header", "total", "201", "214"]);

  const facts = Object.fromEntries(doc.facts.map((f) => [f.key, f.yuan]));
  expect(facts).toEqual(BUDGET_EXPECTED.facts);
  const failed = doc.validations.filter((v) => v.status === "fail" && !v.rule.startsWith("completeness:"));
  expect(failed).toEqual([]);
  expect(doc.meta).toMatchObject({ fiscalYear: 2026, docKind: "budget", entity: "某市交通运输局" });
  const texts = doc.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []));
  expect(texts).toEqual(textLines);
}

