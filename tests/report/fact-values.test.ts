import { describe, expect, test } from "vitest";
import { formatFactValue } from "../../src/writers/report/format.js";
import { renderSummary } from "../../src/writers/summary.js";
import { extractFile } from "../../src/extract.js";
import { samples } from "../helpers.js";

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
});
