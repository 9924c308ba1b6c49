import { describe, expect, it } from "vitest";
import { recognizeAmounts } from "../../src/amounts/index.js";
import type { AmountSpan } from "../../src/model/amount.js";
import { AmountSpan as AmountSpanSchema } from "../../src/model/amount.js";

/** Compact view of a span for readable assertions. */
const brief = (s: AmountSpan) => ({ text: s.text, kind: s.kind, value: s.value, unit: s.unit, yuan: s.yuan });
const one = (text: string): AmountSpan => {
  const spans = recognizeAmounts(text);
  expect(spans).toHaveLength(1);
  return spans[0]!;
};

describe("seed sentences (栾城区委网信办 2020 budget)", () => {
  it("reads revenue with labels and skips the year", () => {
    const text = "2020年预算收入340.77万元，其中：一般公共预算收入340.77万元，基金预算收入0万元，财政专户核拨收入0万元，其他来源收入0万元。";
    const spans = recognizeAmounts(text);
    expect(spans.map((s) => s.label?.text)).toEqual(["预算收入", "一般公共预算收入", "基金预算收入", "财政专户核拨收入", "其他来源收入"]);
    expect(brief(spans[0]!)).toEqual({ text: "340.77万元", kind: "money", value: "340.77", unit: "万元", yuan: "3407700" });
    expect(spans[2]!.yuan).toBe("0");
    const l = spans[1]!.label!;
    expect(text.slice(l.start, l.end)).toBe("一般公共预算收入");
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("marks change words and keeps five decimals exact", () => {
    const text = "2020年部门预算收支安排340.77万元，较2019年增加191.49231万元，其中：基本支出增加77.80016万元；项目支出增加113.69215万元。";
    const spans = recognizeAmounts(text);
    expect(spans.map((s) => [s.yuan, s.change])).toEqual([
      ["3407700", undefined],
      ["1914923.1", "increase"],
      ["778001.6", "increase"],
      ["1136921.5", "increase"],
    ]);
    expect(spans[0]!.label?.text).toBe("部门预算收支");
  });

  it("strips 主要为 from a label and reads 9.3342万元", () => {
    const spans = recognizeAmounts("项目支出183.65万元，主要为网络宣传管理33万元、劳动聘用人员工资10.65万元");
    expect(spans.map((s) => s.label?.text)).toEqual(["项目支出", "网络宣传管理", "劳动聘用人员工资"]);
    const s = one("网信办2019年末固定资产金额为9.3342万元（详见下表），本年度无拟购置固定资产计划。");
    expect([s.yuan, s.label?.text]).toEqual(["93342", "固定资产金额"]);
  });

  it("joins a figure the Word export broke across lines", () => {
    const text = "包括人员经费143.16万元和日常公用经费13.\n96万元";
    const spans = recognizeAmounts(text);
    expect(spans.map((s) => s.yuan)).toEqual(["1431600", "139600"]);
    expect(spans[1]!.text).toBe("13.\n96万元");
  });

  it("reads 共计安排 and 0万元 under 三公 without reading 三 as a number", () => {
    const spans = recognizeAmounts("我部门机关运行经费共计安排13.96万元。我部门财政拨款“三公”经费预算安排0万元，其中：因公出国（境）费0万元；");
    expect(spans.map((s) => [s.yuan, s.label?.text])).toEqual([
      ["139600", "我部门机关运行经费"],
      ["0", "我部门财政拨款“三公”经费"],
      ["0", "因公出国（境）费"],
    ]);
    expect(spans).toHaveLength(3);
  });
});

describe("corpus HTML sentences", () => {
  it("郑州: four decimals", () => {
    const spans = recognizeAmounts("2015年收入预算共安排国库拨款资金923.1961万元。其中：财政拨款869.6461万元、国有资源（资产）有偿使");
    expect(spans.map((s) => s.yuan)).toEqual(["9231961", "8696461"]);
    expect(spans[1]!.label?.text).toBe("财政拨款");
  });
  it("昆明: amounts in 元 with thousands separators, change and percent", () => {
    const text = "财政拨款安排支出121,884,997.75元，其中：基本支出101,126,495.75元，与上年对比增加6,221,138.61元，增长6.56%，主要原因是";
    const spans = recognizeAmounts(text);
    expect(spans.map((s) => [s.kind, s.value, s.unit, s.change])).toEqual([
      ["money", "121884997.75", "元", undefined],
      ["money", "101126495.75", "元", undefined],
      ["money", "6221138.61", "元", "increase"],
      ["percent", "6.56", "%", "increase"],
    ]);
    expect(spans[1]!.label?.text).toBe("基本支出");
  });
});

describe("forms from the issue", () => {
  it.each([
    ["191.49231万元", "1914923.1", "万元"],
    ["12345.67万元", "123456700", "万元"],
    ["12,345.67万元", "123456700", "万元"],
    ["1,234,567.89元", "1234567.89", "元"],
    ["３４０．７７万元", "3407700", "万元"],
    ["340. 77万元", "3407700", "万元"],
    ["340.77万 元", "3407700", "万元"],
    ["340.77万\n元", "3407700", "万元"],
    ["三百四十万元", "3400000", "万元"],
    ["1亿2千万元", "120000000", "元"],
    ["3亿零500万元", "305000000", "元"],
    ["12.5亿元", "1250000000", "亿元"],
    ["壹佰贰拾万元整", "1200000", "万元"],
    ["881300.39 元", "881300.39", "元"],
  ])("%s → %s 元", (text, yuan, unit) => {
    const s = one(text);
    expect([s.kind, s.yuan, s.unit, s.text]).toEqual(["money", yuan, unit, text]);
  });

  it("reads the capitals after 人民币（大写）：", () => {
    const s = one("人民币（大写）：叁拾肆万零柒佰柒拾元整");
    expect([s.text, s.yuan]).toEqual(["叁拾肆万零柒佰柒拾元整", "340770"]);
  });
  it("reads 元角分 and 整", () => {
    expect(one("壹佰万零伍拾肆元肆角叁分").yuan).toBe("1000054.43");
    expect(one("50元6角三分").yuan).toBe("50.63");
  });
  it("reads Chinese plain numbers", () => {
    expect(one("一千五百万").value).toBe("15000000");
    expect(one("两千").value).toBe("2000");
  });
  it("reads negatives", () => {
    expect(one("负12.5万元").yuan).toBe("-125000");
    expect(one("-3.8%").value).toBe("-3.8");
    const paren = one("（12.34）");
    expect([paren.value, paren.text]).toEqual(["-12.34", "（12.34）"]);
    expect(one("△12.5").value).toBe("-12.5");
    expect(one("▲0.5").value).toBe("-0.5");
  });
  it("does not read a hyphen between figures as minus", () => {
    // 5-20% is one percent range; the dash is its separator, never the sign of 20.
    expect(recognizeAmounts("5-20%").map((s) => [s.value, s.range])).toEqual([["5", { min: "5", max: "20" }]]);
  });
  it("reads percentages and keeps 个百分点 distinct", () => {
    expect(brief(one("12.5%"))).toMatchObject({ kind: "percent", value: "12.5", unit: "%" });
    expect(brief(one("12.5％"))).toMatchObject({ kind: "percent", value: "12.5", unit: "%" });
    expect(brief(one("百分之十二点五"))).toMatchObject({ kind: "percent", value: "12.5", unit: "%" });
    expect(brief(one("下降1.2个百分点"))).toMatchObject({ kind: "percent", value: "1.2", unit: "个百分点" });
    expect(one("下降1.2个百分点").change).toBe("decrease");
  });
  it("reads approximations", () => {
    expect(one("约200万元").approx).toBe("about");
    expect(one("二百余万元").approx).toBe("more_than");
    expect(one("二百余万元").yuan).toBe("2000000");
    expect(one("不足5万元").approx).toBe("less_than");
    expect(one("超过5万元").approx).toBe("more_than");
    expect(one("50万元以上").approx).toBe("at_least");
    expect(one("5万元以内").approx).toBe("at_most");
  });
  it("reads ranges as one span whose value is the lower bound", () => {
    const a = one("500—1000元");
    expect([a.value, a.range]).toEqual(["500", { min: "500", max: "1000", minYuan: "500", maxYuan: "1000" }]);
    const b = one("3至5万元");
    expect([b.text, b.value, b.unit, b.range]).toEqual(["3至5万元", "3", "万元", { min: "3", max: "5", minYuan: "30000", maxYuan: "50000" }]);
  });
  it("reads counts as plain numbers with their measure word", () => {
    expect(recognizeAmounts("公务用车3辆，编制5人").map((s) => [s.kind, s.value, s.unit])).toEqual([
      ["number", "3", "辆"],
      ["number", "5", "人"],
    ]);
  });
});

describe("not amounts", () => {
  it.each([
    "2020年", "2021—2023年", "2020-09-14", "12月31日", "（一）部门职责", "1、机构设置", "附表3-1", "公开01表",
    "2010101行政运行", "电话：0311-85012345", "联系电话13812345678", "三公经费", "一般公共预算", "进一步统一", "第3季度",
    "[bookmark: _Toc12345678]", "二〇二〇年",
  ])("%s", (text) => {
    expect(recognizeAmounts(text)).toEqual([]);
  });
  it("stops a figure at a footnote marker", () => {
    const s = one("收入340.77①万元");
    expect(s.text).toBe("340.77");
  });
  it("reads the figure after a classification code line", () => {
    const spans = recognizeAmounts("2010101 行政运行\t157.12");
    expect(spans.map((s) => s.value)).toEqual(["157.12"]);
  });
});

describe("default unit (table cells)", () => {
  it("makes bare figures money in the declared unit", () => {
    const s = one("1,234.50");
    expect(s.kind).toBe("number");
    const m = recognizeAmounts("1,234.50", { defaultUnit: "万元" })[0]!;
    expect([m.kind, m.value, m.unit, m.yuan]).toEqual(["money", "1234.5", "万元", "12345000"]);
    const o = recognizeAmounts("9.3342", { defaultUnit: { raw: "单位：万元", unit: "万元", multiplier: "10000" } })[0]!;
    expect(o.yuan).toBe("93342");
  });
});

describe("schema", () => {
  it("every span validates against AmountSpan", () => {
    const text = "2020年预算收入340.77万元，较2019年增加191.49231万元，增长12.5%，约200万元，3至5万元，（12.34），3辆";
    for (const s of recognizeAmounts(text)) expect(() => AmountSpanSchema.parse(s)).not.toThrow();
  });
});
