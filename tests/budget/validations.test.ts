import { describe, expect, test } from "vitest";
import { recognizeAmounts } from "../../src/amounts/index.js";
import { analyzeBudget } from "../../src/budget/index.js";
import type { ParagraphBlock } from "../../src/model/index.js";

const analyze = (...texts: string[]) => {
  const paragraphs: ParagraphBlock[] = texts.map((text, i) => ({ id: `p${i}`, type: "paragraph", text, provenance: { paragraphIndex: i } }));
  return analyzeBudget({ paragraphs, sections: [], spansByBlock: new Map(paragraphs.map((p) => [p.id, recognizeAmounts(p.text)])) });
};

describe("validations", () => {
  test("a total that its parts do not reach fails, with both sides and the evidence of every term", () => {
    const { validations } = analyze("2021年部门支出预算为500.00万元，其中基本支出300.00万元，项目支出150.00万元。");
    const v = validations.find((x) => x.rule === "expenditure.basic+project=total")!;
    expect(v).toMatchObject({ status: "fail", expected: "5000000", actual: "4500000", difference: "-500000", tolerance: "150" });
    expect(v.evidence.map((e) => e.quote)).toEqual(["500.00万元", "300.00万元", "150.00万元"]);
  });

  test("基本支出 and 年末结转 without the 项目支出 are not the 支出总计's parts: skipped, not failed", () => {
    // 武汉 2024 决算's 财政拨款 scope: 总计 20,727.53 = 基本 10,234.37 + 项目 3,499.42 + 年末结转 6,993.74 (万元), 项目 unstated.
    const { validations } = analyze("财政拨款支出总计20727.53万元，其中：基本支出10234.37万元，年末结转和结余6993.74万元。");
    expect(validations.filter((v) => v.rule.startsWith("expenditure.basic+project=total")).map((v) => [v.rule, v.status, v.message])).toEqual([
      ["expenditure.basic+project=total [fiscal]", "skipped", "expenditure.project not stated"],
    ]);
  });

  test("rounding within the printed precision passes; beyond it fails", () => {
    // 0.01万元 off with two-decimal 万元 figures: 100元 difference, tolerance 3 × 50元.
    expect(analyze("基本支出100.01万元，其中人员经费60.00万元，日常公用经费40.00万元。").validations[0]).toMatchObject({ status: "pass", difference: "-100" });
    expect(analyze("基本支出100.02万元，其中人员经费60.00万元，日常公用经费40.00万元。").validations[0]).toMatchObject({ status: "fail", difference: "-200" });
  });

  test("named projects that do not add up to the project total are reported, not fixed", () => {
    const { facts, validations } = analyze("项目支出100万元，主要为信息化建设30万元，业务培训60万元。");
    expect(facts.filter((f) => f.key === "expenditure.project.item").map((f) => f.name)).toEqual(["信息化建设", "业务培训"]);
    expect(validations.find((v) => v.rule === "expenditure.project.items=project")).toMatchObject({ status: "fail", expected: "1000000", actual: "900000" });
  });

  test("a fact stated twice with different figures is a consistency failure", () => {
    const { facts, validations } = analyze("2020年机关运行经费13.96万元。", "本年度机关运行经费预算为14.96万元。");
    expect(facts.filter((f) => f.key === "operating_cost")).toHaveLength(1);
    expect(validations.find((v) => v.rule === "consistent:operating_cost")).toMatchObject({ status: "fail", expected: "139600", actual: "149600" });
  });

  test("减少 signs the change negative", () => {
    const { facts } = analyze("2022年收支预算总额800万元，比上年减少20.5万元，其中：基本支出减少10.5万元，项目支出减少10万元。");
    expect(facts.filter((f) => f.key.startsWith("change.")).map((f) => [f.key, f.yuan])).toEqual([
      ["change.total", "-205000"],
      ["change.basic", "-105000"],
      ["change.project", "-100000"],
    ]);
  });
});

describe("the identities over the national lists of sources and uses", () => {
  const rule = (r: ReturnType<typeof analyze>, name: string) => r.validations.find((v) => v.rule === name);

  test("上级补助收入 and 附属单位上缴收入 are sources of the total", () => {
    const r = analyze("2026年收入预算358.74万元，其中：一般公共预算拨款收入284.68万元，上级补助收入34.03万元，附属单位上缴收入40.03万元。");
    expect(rule(r, "income.sources=total")).toMatchObject({ status: "pass", expected: "3587400", actual: "3587400" });
  });

  test("a 支出总表 that prints 基本支出 only as 人员支出 and 公用支出 adds up with its 事业单位经营支出", () => {
    const r = analyze("2026年支出预算201286.11万元。按支出用途分类，包括人员支出26435.02万元，日常公用支出3388.68万元；项目支出171262.41万元；事业单位经营支出200.00万元。");
    expect(rule(r, "expenditure.basic+project=total")).toMatchObject({ status: "pass", expected: "2012861100", actual: "2012861100" });
  });

  test("a part listed under another part ('项目支出…其中：事业单位经营支出') is not counted twice", () => {
    const r = analyze("2026年支出预算300.00万元。基本支出100.00万元。项目支出200.00万元，其中：1.事业单位经营支出20.00万元。");
    expect(rule(r, "expenditure.basic+project=total")).toMatchObject({ status: "pass", actual: "3000000" });
  });

  test("where only the 财政拨款 carryover is printed, it is the carryover the sources hold", () => {
    const r = analyze("收入总计168.00万元，其中一般公共预算拨款150.00万元，事业收入10.00万元。财政拨款上年结转8.00万元。");
    expect(rule(r, "income.sources=total")).toMatchObject({ status: "pass", expected: "1680000", actual: "1680000" });
  });

  test("…unless the total is this year's income (太原 决算: 收入合计 = 本年收入合计, the carryover beside it)", () => {
    const r = analyze("本年收入合计160.00万元。收入合计160.00万元，其中一般公共预算拨款150.00万元，事业收入10.00万元。财政拨款上年结转8.00万元。");
    expect(rule(r, "income.sources=total")).toMatchObject({ status: "pass", expected: "1600000", actual: "1600000" });
    expect(rule(r, "income.sources=total")!.evidence.map((e) => e.quote)).not.toContain("8.00万元");
  });

  test("parts short of the total by no more than an unstated 年终结转结余 could be: skipped, not failed", () => {
    const r = analyze("2026年收入预算213.00万元，其中上年结转结余15.00万元。2026年支出预算213.00万元。基本支出100.00万元。项目支出105.00万元。");
    expect(rule(r, "expenditure.basic+project=total")).toMatchObject({ status: "skipped", message: expect.stringContaining("年终结转结余") });
    // Short by more than what was brought in: a failure.
    const wrong = analyze("2026年收入预算213.00万元，其中上年结转结余5.00万元。2026年支出预算213.00万元。基本支出100.00万元。项目支出105.00万元。");
    expect(rule(wrong, "expenditure.basic+project=total")).toMatchObject({ status: "fail" });
  });
});
