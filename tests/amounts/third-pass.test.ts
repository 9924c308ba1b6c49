import { describe, expect, it } from "vitest";
import { recognizeAmounts } from "../../src/amounts/index.js";
import { divideExact } from "../../src/amounts/fraction.js";
import { scanView } from "../../src/amounts/normalize.js";
import { AmountSpan } from "../../src/model/amount.js";

/** [text, kind, value, unit] of every span: the shape most assertions below compare. */
const brief = (t: string) => recognizeAmounts(t).map((s) => [s.text, s.kind, s.value, s.unit]);

describe("fractions (X分之Y)", () => {
  it("divides exactly or not at all", () => {
    expect(divideExact("1", "2")).toBe("0.5");
    expect(divideExact("5", "16")).toBe("0.3125");
    expect(divideExact("144", "25")).toBe("5.76");
    expect(divideExact("1", "3")).toBeNull();
    expect(divideExact("3", "4200")).toBeNull();
    expect(divideExact("1", "0")).toBeNull();
    expect(divideExact("2.5", "0.5")).toBe("5");
  });
  it("terminating fractions are numbers with their exact value", () => {
    expect(brief("五分之一")).toEqual([["五分之一", "number", "0.2", null]]);
    expect(brief("１６分之5")).toEqual([["１６分之5", "number", "0.3125", null]]);
    expect(brief("二十五分之一千零拾肆")).toEqual([["二十五分之一千零拾肆", "number", "40.56", null]]);
    expect(brief("壹仟分之贰")).toEqual([["壹仟分之贰", "number", "0.002", null]]);
    // PDF text spaces the words out.
    expect(brief("二分 之一")).toEqual([["二分 之一", "number", "0.5", null]]);
  });
  it("mixed numbers with 又 and a sign", () => {
    expect(brief("3又一千分之23")).toEqual([["3又一千分之23", "number", "3.023", null]]);
    expect(brief("负一又二分之一")).toEqual([["负一又二分之一", "number", "-1.5", null]]);
    expect(brief("一百万又五十万分之二十五")).toEqual([["一百万又五十万分之二十五", "number", "1000000.00005", null]]);
  });
  it("a fraction with no figure before its unit is a rate, in percent", () => {
    expect(brief("百万分之五")).toEqual([["百万分之五", "percent", "0.0005", "%"]]);
    expect(brief("万万分之七")).toEqual([["万万分之七", "percent", "0.000007", "%"]]);
  });
  it("non-terminating fractions keep their exact rational, with a rounded value marked approximate", () => {
    const [a] = recognizeAmounts("三百五十又3分之1");
    expect([a?.text, a?.fraction, a?.value, a?.approx]).toEqual(["三百五十又3分之1", { numerator: "1051", denominator: "3" }, "350.333333333333", "about"]);
    // Two signs cancel: 负3分之负157 = 157/3.
    expect(recognizeAmounts("负３分之负一百五十七")[0]?.fraction).toEqual({ numerator: "157", denominator: "3" });
    // Never its parts (3 and 1) as two false figures.
    expect(brief("压减三分之一，节约5万元")).toEqual([["三分之一", "number", "0.333333333333", null], ["5万元", "money", "5", "万元"]]);
  });
});

describe("cheque-style money and spaced multipliers", () => {
  it("元零角零分 keeps the zero places inside the span", () => {
    const [a] = recognizeAmounts("人民币壹拾元零角零分");
    expect([a?.text, a?.yuan]).toEqual(["人民币壹拾元零角零分", "10"]);
    const [b] = recognizeAmounts("¥零元零角壹分壹厘");
    expect([b?.text, b?.yuan]).toEqual(["¥零元零角壹分壹厘", "0.011"]);
    expect(recognizeAmounts("人民币零元零角壹分")).toHaveLength(1);
  });
  it("7万 5千 4百 is one figure when the units descend", () => {
    expect(brief("7万 5千 4百")).toEqual([["7万 5千 4百", "number", "75400", null]]);
    // Not when they do not: two table cells.
    expect(brief("7万 5万").map((s) => s[0])).toEqual(["7万", "5万"]);
  });
  it("一百十一 = 111", () => {
    expect(brief("一百十一")).toEqual([["一百十一", "number", "111", null]]);
  });
});

describe("half words, 成 and 折", () => {
  it("半百, 半成, 半折, 打对折", () => {
    expect(brief("半百")).toEqual([["半百", "number", "50", null]]);
    expect(brief("半成")).toEqual([["半成", "percent", "5", "%"]]);
    expect(brief("半折")).toEqual([["半折", "percent", "50", "%"]]);
    expect(brief("打对折")).toEqual([["对折", "percent", "50", "%"]]);
    // 一半, 半年, 对折纸 are words.
    expect(recognizeAmounts("完成全年任务的一半，半年考核，对折")).toEqual([]);
  });
  it("三成半 = 35%, 七成 六 = 76%, 十折 is not a discount", () => {
    expect(brief("三成半")).toEqual([["三成半", "percent", "35", "%"]]);
    expect(brief("七成 六")).toEqual([["七成 六", "percent", "76", "%"]]);
    expect(recognizeAmounts("十折")).toEqual([]);
  });
  it("个百分点 after padding", () => {
    expect(brief("一百五十    个百分点")).toEqual([["一百五十    个百分点", "percent", "150", "个百分点"]]);
  });
});

describe("vague figures are ranges", () => {
  it("几十万, 数十亿: one to ten of the unit", () => {
    const [s] = recognizeAmounts("人民币数十亿元");
    expect([s?.text, s?.kind, s?.range]).toEqual([
      "人民币数十亿元",
      "money",
      { min: "1000000000", max: "10000000000", minYuan: "1000000000", maxYuan: "10000000000" },
    ]);
    expect(recognizeAmounts("几十万块")[0]?.range).toMatchObject({ minYuan: "100000", maxYuan: "1000000" });
  });
  it("三五百, 四五千: neighbouring digits", () => {
    expect(recognizeAmounts("三五百块")[0]?.range).toMatchObject({ minYuan: "300", maxYuan: "500" });
    expect(recognizeAmounts("二三十人")[0]?.range).toEqual({ min: "20", max: "30" });
  });
  it("十几 is bounded by the next ten; 余 stays an approximate figure", () => {
    expect(recognizeAmounts("十几万元")[0]?.range).toEqual({ min: "100000", max: "200000", minYuan: "100000", maxYuan: "200000" });
    expect(recognizeAmounts("三千四百五十几万")[0]?.range).toEqual({ min: "34500000", max: "34600000" });
    const [yu] = recognizeAmounts("二百余万元");
    expect([yu?.yuan, yu?.approx, yu?.range]).toEqual(["2000000", "more_than", undefined]);
  });
  it("a dash between two figures is a separator, not a minus sign", () => {
    expect(recognizeAmounts("1万-5万元")[0]?.range).toEqual({ min: "1", max: "5", minYuan: "10000", maxYuan: "50000" });
    expect(recognizeAmounts("5k-20k")[0]?.range).toEqual({ min: "5000", max: "20000" });
  });
});

describe("bounds", () => {
  it("a performance target ceiling from a real budget table cell", () => {
    // 烟台市退役军人事务局2026年部门预算 (corpus), 绩效目标表: 采购服务成本 ≤116.00万元.
    const [s] = recognizeAmounts("≤116.00万元");
    expect([s?.text, s?.kind, s?.yuan, s?.range]).toEqual(["≤116.00万元", "money", "1160000", { max: "116", maxYuan: "1160000", maxInclusive: true }]);
  });
  it("one-sided and two-sided bounds with inclusivity", () => {
    const [a] = recognizeAmounts("这个数字大于二十的同时小于等于三十五");
    expect([a?.text, a?.range]).toEqual(["大于二十的同时小于等于三十五", { min: "20", minInclusive: false, max: "35", maxInclusive: true }]);
    const [b] = recognizeAmounts("这个数字是位于20和30之间的");
    expect([b?.text, b?.range]).toEqual(["位于20和30之间", { min: "20", max: "30", minInclusive: true, maxInclusive: false }]);
    expect(recognizeAmounts("x大于10且y小于20").map((s) => s.range)).toEqual([
      { min: "10", minInclusive: false },
      { max: "20", maxInclusive: false },
    ]);
    // min above max: two bounds, not one range.
    expect(recognizeAmounts("大于50小于12的目标").map((s) => s.text)).toEqual(["大于50", "小于12"]);
  });
  it("budget hedges stay approximate figures", () => {
    const [s] = recognizeAmounts("项目支出不超过500万元");
    expect([s?.text, s?.approx, s?.range]).toEqual(["500万元", "at_most", undefined]);
  });
  it("bound spans validate against the model", () => {
    for (const t of ["大于等于0并小于230.3964", "≥50", "10000与20000间", "三五百块"]) {
      for (const s of recognizeAmounts(t)) expect(AmountSpan.safeParse(s).success).toBe(true);
    }
  });
});

describe("false positives", () => {
  it("陆 in 登陆 and 两两 are words", () => {
    expect(recognizeAmounts("登陆部队已经上岸")).toEqual([]);
    expect(recognizeAmounts("两两")).toEqual([]);
    // The capital still counts before a unit.
    expect(brief("陆佰元")).toEqual([["陆佰元", "money", "600", "元"]]);
  });
  it("点两 is not a decimal; malformed figures are dropped", () => {
    expect(brief("两百点两").map((s) => s[0])).toEqual(["两百"]);
    expect(recognizeAmounts("10..1万")).toEqual([]);
    expect(recognizeAmounts("10.1万零100")).toEqual([]);
  });
  it("5-digit figures before 的/与 are not classification codes", () => {
    expect(brief("20793的信息").map((s) => s[0])).toEqual(["20793"]);
    expect(brief("30101 工资福利支出")).toEqual([]);
  });
});

describe("scanView", () => {
  it("maps a pooled buffer at any offset", () => {
    // Small strings come from Node's buffer pool; many in a row exercise offsets inside it.
    for (let k = 0; k < 50; k++) expect(scanView(`${"a".repeat(k)}１２％`)).toBe(`${"a".repeat(k)}12%`);
  });
});
