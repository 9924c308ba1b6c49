/** Check families in the outputs a person reads: the batch summary by family and rule, and inspect's terminal summary. */
import { describe, expect, test } from "vitest";
import { failedRules, formatSummary, summarize } from "../../src/batch/summary.js";
import type { ManifestRecord } from "../../src/model/manifest.js";
import type { Validation } from "../../src/model/index.js";
import { renderSummary } from "../../src/writers/summary.js";
import { budgetDoc, standardTables, NARRATIVE } from "./checks-fixtures.js";

const record = (p: string, failed: Record<string, number>): ManifestRecord => ({
  path: p, sha256: "0".repeat(64), bytes: 1, format: "pdf", status: "ok", durationMs: 1, output: `${p}.json`, parserVersion: "x",
  validationFailures: Object.values(failed).reduce((a, b) => a + b, 0), failedRules: failed,
});

describe("batch summary by family and rule", () => {
  test("a document's failed checks are counted by rule, one rule across its tables, codes and funds", () => {
    const v = (rule: string, status: Validation["status"] = "fail"): Validation => ({ rule, status, evidence: [] });
    expect(failedRules([v("table:t3:code 201 = Σ children [合计]"), v("table:t5:code 205 = Σ children [基本支出]"), v("completeness:table:summary"), v("cross:summary=income:total", "pass"), v("expenditure.basic+project=total [fiscal]")])).toEqual({
      "table:code = Σ children": 2,
      "completeness:table:summary": 1,
      "expenditure.basic+project=total": 1,
    });
  });

  test("failures are summed per family and rule over the documents, and printed per family", () => {
    const s = summarize([
      { reused: false, record: record("a", { "completeness:table:summary": 1, "change:percent": 2 }) },
      { reused: false, record: record("b", { "completeness:table:summary": 1, "completeness:toc": 1, "table:code = Σ children": 3 }) },
      { reused: false, record: record("c", {}) },
    ]);
    expect(s.failuresByFamily).toEqual([
      { family: "completeness", failures: 3, rules: [{ rule: "completeness:table:summary", failures: 2, documents: 2 }, { rule: "completeness:toc", failures: 1, documents: 1 }] },
      { family: "change", failures: 2, rules: [{ rule: "change:percent", failures: 2, documents: 1 }] },
      { family: "table", failures: 3, rules: [{ rule: "table:code = Σ children", failures: 3, documents: 1 }] },
    ]);
    const text = formatSummary(s, 1000);
    expect(text).toContain("    completeness: 3 — completeness:table:summary 2 in 2 docs; completeness:toc 1 in 1 doc\n");
    expect(text).toContain("    table: 3 — table:code = Σ children 3 in 1 doc\n");
  });
});

describe("inspect's terminal summary", () => {
  test("groups checks by family, each with its counts, then its failures with their evidence", async () => {
    const doc = await budgetDoc(NARRATIVE, standardTables().filter((t) => !t.caption.includes("三公")));
    const text = renderSummary(doc, { color: false });
    const lines = text.split("\n");
    const head = lines.findIndex((l) => l.startsWith("  completeness: "));
    expect(lines[head]).toMatch(/^ {2}completeness: \d+ checks, \d+ pass, 1 fail, \d+ skipped$/);
    expect(lines[head + 1]).toBe("  FAIL completeness:table:three_public  “三公”经费支出表, required in a 部门预算, is not printed in this document");
    // A completeness check compares no figures: no "expected ≠ actual" line follows it.
    expect(lines[head + 2]).not.toContain("expected");
    expect(lines.findIndex((l) => l.startsWith("  cross: "))).toBeGreaterThan(head);
  });
});
