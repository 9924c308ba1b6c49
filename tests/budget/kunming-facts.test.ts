import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { samples } from "../helpers.js";

// 昆明市审计局（汇总）2026年预算公开: amounts in 元 with thousands separators, read by hand from the page.
describe("昆明市审计局（汇总） 2026 facts and checks (HTML, 元)", async () => {
  const doc = await extractFile(samples("kunming-shenji-2026-budget.html"));
  const yuan = (key: string) => doc.facts.find((f) => f.key === key)?.yuan;
  const rule = (r: string) => doc.validations.find((v) => v.rule === r);

  test("income and its sources add up exactly (财务总收入 154,991,108.01元)", () => {
    expect(yuan("income.total")).toBe("154991108.01");
    expect(yuan("income.other")).toBe("33106110.26");
    expect(rule("income.sources=total")).toMatchObject({ status: "pass", expected: "154991108.01", actual: "154991108.01" });
  });

  test("basic + project listed under the 财政拨款 total are facts of that fund, checked against its total", () => {
    const basic = doc.facts.find((f) => f.key === "expenditure.basic");
    expect(basic).toMatchObject({ yuan: "101126495.75", fund: "fiscal" });
    expect(doc.facts.find((f) => f.key === "expenditure.project")).toMatchObject({ yuan: "20758502", fund: "fiscal" });
    expect(rule("expenditure.basic+project=total [fiscal]")).toMatchObject({ status: "pass", expected: "121884997.75" });
    expect(rule("expenditure.basic+project=total")).toBeUndefined();
  });

  test("三公 parts and the vehicle split", () => {
    expect(yuan("three_public.total")).toBe("203702.18");
    expect(yuan("three_public.reception")).toBe("149010");
    expect(yuan("three_public.vehicle.operation")).toBe("54692.18");
    expect(rule("three_public.parts=total")?.status).toBe("pass");
    expect(yuan("assets.vehicles")).toBe("5");
  });

  test("the page states 一般公共预算 two ways: reported as a failure with both pieces of evidence, not fixed", () => {
    const v = rule("consistent:income.general_budget")!;
    expect(v).toMatchObject({ status: "fail", expected: "121884997.75", actual: "120692357.75", difference: "-1192640" });
    expect(v.evidence.map((e) => e.quote)).toEqual(["121,884,997.75元", "120,692,357.75元"]);
    // The difference is exactly the 上年结转收入1,192,640.00元 the second statement leaves out.
    expect(doc.amounts.some((a) => a.text === "1,192,640.00元" && a.label?.text === "上年结转收入")).toBe(true);
  });
});
