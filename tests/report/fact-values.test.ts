import * as cheerio from "cheerio";
import { describe, expect, test } from "vitest";
import { formatCheckValue, formatFactValue } from "../../src/writers/report/format.js";
import { renderReportHtml } from "../../src/writers/report/index.js";
import { renderSummary } from "../../src/writers/summary.js";
import { extractFile } from "../../src/extract.js";
import { corpus, hasShared, samples, SKIP_SHARED } from "../helpers.js";
import { extractSeed } from "./fixtures.js";

/** 国家信访局 2024 决算: its vehicle count is stated twice (15 辆), so a consistency check compares two counts. */
const WUHAN = "calinchow-del+renwu/2026-pdf/009_武汉_信访局_国家信访局2024年度部门决算公开.pdf";

/** The value cells (expected, actual, difference, tolerance) of a check's row in the report. */
function checkValues(html: string, rule: string): string[] {
  const $ = cheerio.load(html);
  const row = $("#validations tr.check").filter((_, tr) => $(tr).find("code").text() === rule).first();
  return row.find("td.num").toArray().map((td) => $(td).text());
}

describe("fact values as people read them", () => {
  test("money is in 元, a count in its own unit, an area in 平方米 — never a count as 元", () => {
    expect(formatFactValue({ key: "income.total", yuan: "3407700", unit: "万元" })).toBe("3,407,700 元");
    expect(formatFactValue({ key: "assets.vehicles", yuan: "8", unit: "辆" })).toBe("8 辆");
    expect(formatFactValue({ key: "assets.housing_m2", yuan: "1200.5", unit: "平方米" })).toBe("1,200.5 平方米");
    // A zero stated in words has no printed unit, and is still money.
    expect(formatFactValue({ key: "operating_cost", yuan: "0", unit: null })).toBe("0 元");
  });

  test("inspect's summary prints 昆明's 5 vehicles as 5 辆 and marks a fact's narrower fund", async () => {
    const doc = await extractFile(samples("kunming-shenji-2026-budget.html"));
    const text = renderSummary(doc, { color: false });
    const vehicles = text.split("\n").find((l) => l.includes("assets.vehicles"))!;
    expect(vehicles).toContain("5 辆");
    expect(vehicles).not.toContain("元");
    expect(text.split("\n").find((l) => l.includes("expenditure.basic ") || l.includes("expenditure.basic  "))).toContain("fiscal");
  });

  test("a check comparing counts shows them as counts, a check on money in 元", () => {
    expect(formatCheckValue("consistent:assets.vehicles", "8")).toBe("8");
    expect(formatCheckValue("consistent:assets.housing_m2", "1200.5")).toBe("1,200.5 平方米");
    expect(formatCheckValue("cross:summary=income:income.special_account", "1500")).toBe("1,500 元");
    expect(formatCheckValue("expenditure.basic.personnel+public=basic", "1571200")).toBe("1,571,200 元");
  });

  test("the report's check table prints a failed vehicle count as 8 and 9, never 8 元", async () => {
    const doc = await extractSeed();
    doc.validations.push({ rule: "consistent:assets.vehicles", status: "fail", expected: "8", actual: "9", difference: "1", tolerance: "0", evidence: [] });
    expect(checkValues(renderReportHtml(doc), "consistent:assets.vehicles")).toEqual(["8", "9", "1", "0"]);
  });

  test.skipIf(!hasShared)(`a corpus 决算 whose two vehicle counts agree: ${WUHAN}`, async () => {
    const doc = await extractFile(corpus(WUHAN));
    expect(doc.facts.filter((f) => f.key === "assets.vehicles").map((f) => formatFactValue(f))).toContain("15 辆");
    expect(checkValues(renderReportHtml(doc), "consistent:assets.vehicles")).toEqual(["15", "15", "0", "1"]);
  });
  if (!hasShared) console.warn(SKIP_SHARED);
});
