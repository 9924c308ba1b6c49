import { describe, expect, test } from "vitest";
import { displayWidth, renderSummary, useColor } from "../../src/writers/summary.js";
import { extractFailingSeed, extractSeed } from "./fixtures.js";

describe("terminal summary", () => {
  test("the seed: source, meta, outline with labels, tables, facts with printed text", async () => {
    const doc = await extractSeed();
    const text = renderSummary(doc, { color: false });
    const lines = text.split("\n");
    expect(lines[0]).toBe("栾城区委网信办2020年部门预算信息公开情况说明");
    expect(lines[1]).toBe("source    samples/luancheng-wangxin-2020-budget.txt");
    expect(lines[2]).toMatch(/^format {4}text, utf-8 {2}14,349 bytes {2}sha256 [0-9a-f]{12}…$/);
    expect(lines[3]).toBe("meta      year 2020  kind budget, department  entity 栾城区委网信办  region 栾城区");
    expect(lines).toContain("sections (29)");
    // The outline keeps labels as printed and indents by depth.
    expect(lines).toContain("  一、 部门职责及机构设置情况");
    expect(lines).toContain("    1、 收入说明");
    expect(lines).toContain("      （一） 总体绩效目标");
    expect(lines).toContain(`tables (${doc.tables.length})`);
    expect(lines.find((l) => l.includes("固定资产占用情况表"))).toMatch(/^ {2}t\d+ {2}固定资产占用情况表 {2}9×3 {2}万元$/);
    expect(lines).toContain(`facts (${doc.facts.length})`);
    expect(lines.find((l) => l.startsWith("  income.total "))).toMatch(/ 3,407,700 元 {2}"340\.77万元" budget {2}p16@21$/);
    expect(lines.find((l) => l.startsWith("  change.total "))).toMatch(/ 1,914,923\.1 元 {2}"191\.49231万元"/);
    // The document's own arithmetic all passes; the review finds the standard tables this 情况说明 does not print.
    expect(text).toMatch(/^ {2}sum: \d+ checks, \d+ pass, 0 fail, 0 skipped$/m);
    expect(text).toMatch(/^ {2}completeness: \d+ checks, \d+ pass, 9 fail, 0 skipped$/m);
    expect(text).toContain("  FAIL completeness:table:summary  收支总表, required in a 部门预算, is not printed in this document");
    expect(text).not.toContain("\x1b[");
  });

  test("a failed check shows both sides of the equation and each term's printed figure", async () => {
    const text = renderSummary(await extractFailingSeed(), { color: false });
    expect(text).toMatch(/^ {2}sum: \d+ checks, \d+ pass, 1 fail, 0 skipped$/m);
    const at = text.split("\n").findIndex((l) => l.startsWith("  FAIL expenditure.basic.personnel+public=basic"));
    expect(at).toBeGreaterThan(0);
    expect(text.split("\n").slice(at + 1, at + 5)).toEqual([
      "       expected 1,571,200 元  ≠  actual 1,581,200 元  (difference 10,000 元, tolerance 150 元)",
      '       1. "157.12万元"  p18@91',
      '       2. "143.16万元"  p18@106',
      '       3. "14.96万元"  p18@121',
    ]);
  });

  test("colours only when asked, and FAIL in red", async () => {
    const text = renderSummary(await extractFailingSeed(), { color: true });
    expect(text).toContain("\x1b[31mFAIL\x1b[0m");
  });

  test("colour policy: a TTY without NO_COLOR", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(useColor({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
  });

  test("CJK characters take two terminal columns", () => {
    expect(displayWidth("income.total")).toBe(12);
    expect(displayWidth("[网络执法]")).toBe(10);
    expect(displayWidth("（一）")).toBe(6);
  });
});
