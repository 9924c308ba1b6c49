/**
 * The amount forms of issue #20, one describe per class. Examples are our own (fee tables, receipts and budget
 * sentences of the kind disclosures print), not the peers' test strings, so each class is tested as a rule.
 */
import { describe, expect, it } from "vitest";
import { recognizeAmounts } from "../../src/amounts/index.js";
import { AmountSpan as AmountSpanSchema } from "../../src/model/amount.js";

/** text, kind, 元 (money) or value, approx. */
const read = (t: string) => recognizeAmounts(t).map((s) => [s.text, s.kind, s.yuan ?? s.value, s.approx ?? null]);
/** text and range ends (in 元 for money). */
const range = (t: string) => recognizeAmounts(t).map((s) => [s.text, s.range?.minYuan ?? s.range?.min, s.range?.maxYuan ?? s.range?.max]);
/** Each input as `view` reads it equals its expected rows. */
function expectAll(view: (t: string) => unknown[], table: ReadonlyArray<readonly [string, unknown[]]>): void {
  for (const [input, expected] of table) expect(view(input), input).toEqual(expected);
}

describe("ranges whose unit comes only at the end", () => {
  it("an Arabic first figure borrows the second's 元", () => {
    expectAll(range, [
      ["每人补助450到900元", [["450到900元", "450", "900"]]],
      ["收费120~260元/次", [["120~260元", "120", "260"]]],
    ]);
  });
  it("a lone Chinese digit before 到 / 至 takes the second figure's units", () => {
    expectAll(range, [
      ["奖励二到八万元", [["二到八万元", "20000", "80000"]]],
      ["三至五千元", [["三至五千元", "3000", "5000"]]],
      ["资助四到六千万元", [["四到六千万元", "40000000", "60000000"]]],
    ]);
  });
  it("colloquial money at both ends", () => {
    expect(range("票价两块五到三块八毛五")).toEqual([["两块五到三块八毛五", "2.5", "3.85"]]);
  });
  it("a number range keeps its measure word as unit", () => {
    const [s] = recognizeAmounts("每组二至四人");
    expect([s?.text, s?.range, s?.unit]).toEqual(["二至四", { min: "2", max: "4" }, "人"]);
  });
  it("percent ranges: the dash is a separator, a bare first figure takes the percent unit", () => {
    expectAll(range, [
      ["控制在2%-4%", [["2%-4%", "2", "4"]]],
      ["提高1至2个百分点", [["1至2个百分点", "1", "2"]]],
      ["下降百分之六到百分之八", [["百分之六到百分之八", "6", "8"]]],
    ]);
    expect(recognizeAmounts("增长6-8%")[0]?.unit).toBe("%");
    expect(range("3%-5万元")).toEqual([["3%", undefined, undefined], ["5万元", undefined, undefined]]);
  });
  it("300到800 is not a classification code", () => {
    expect(range("201到305")).toEqual([["201到305", "201", "305"]]);
  });
});

describe("人民币, 人民幣, RMB, CNY and ¥ as the currency word", () => {
  it("after the figure", () => {
    expectAll(read, [
      ["工本费15.50人民币", [["15.50人民币", "money", "15.5", null]]],
      ["合计800RMB", [["800RMB", "money", "800", null]]],
      ["押金500元人民幣", [["500元人民幣", "money", "500", null]]],
      ["售价99￥", [["99￥", "money", "99", null]]],
    ]);
  });
  it("before the figure", () => {
    expectAll(read, [
      ["拨付人民幣12万元", [["人民幣12万元", "money", "120000", null]]],
      ["RMB 3,600", [["RMB 3,600", "money", "3600", null]]],
      ["CNY1200", [["CNY1200", "money", "1200", null]]],
    ]);
  });
  it("letters that are not a currency code still glue a figure to a word", () => {
    expect(read("型号AB200")).toEqual([]);
  });
});

describe("角 / 毛 alone and the colloquial 块", () => {
  it("角 and 毛 after a figure are money", () => {
    expectAll(read, [
      ["复印费每页3角", [["3角", "money", "0.3", null]]],
      ["每张两毛钱", [["两毛钱", "money", "0.2", null]]],
      ["每斤四毛五", [["四毛五", "money", "0.45", null]]],
    ]);
  });
  it("a lone digit after 块 counts 角, after 角/毛 counts 分", () => {
    expectAll(read, [
      ["门票二十块五", [["二十块五", "money", "20.5", null]]],
      ["共9块3", [["9块3", "money", "9.3", null]]],
      ["找回六块四毛二", [["六块四毛二", "money", "6.42", null]]],
    ]);
  });
  it("words with 角 / 毛 and a numeral stay words; a bare 分 stays a score", () => {
    expectAll(read, [
      ["三角形的面积", []],
      ["他一毛不拔", []],
      ["得了9分", [["9", "number", "9", null]]],
    ]);
  });
  it("a digit that a unit or measure word follows is not the next place", () => {
    expect(read("三块五十")).toEqual([["三块", "money", "3", null], ["五十", "number", "50", null]]);
  });
});

describe("a sign separated by a space", () => {
  it("负 and a dash before a space", () => {
    expectAll(read, [
      ["净收益负 1,280,000", [["负 1,280,000", "number", "-1280000", null]]],
      ["差额 - 45.6万元", [["- 45.6万元", "money", "-456000", null]]],
    ]);
  });
  it("a dash after a figure is still a separator", () => {
    expect(read("收入10 - 5")).toEqual([["10 - 5", "number", "10", null]]);
    expect(recognizeAmounts("收入10 - 5")[0]?.range).toEqual({ min: "10", max: "5" });
  });
});

describe("adjacent-digit approximations", () => {
  it("two consecutive digits after a unit are an approximate range", () => {
    expectAll(range, [
      ["约有三十六七人", [["三十六七", "36", "37"]]],
      ["补贴十五六万元", [["十五六万元", "150000", "160000"]]],
      ["一千二三百户", [["一千二三百", "1200", "1300"]]],
    ]);
    expect(recognizeAmounts("十五六万元")[0]?.approx).toBe("about");
  });
  it("the five-year plans are names, not ranges", () => {
    expectAll(read, [
      ["“十四五”规划", []],
      ["十三五期间", []],
    ]);
  });
  it("a digit sequence is still one number", () => {
    expect(read("一二三四")).toEqual([["一二三四", "number", "1234", null]]);
  });
});

describe("vague quantities as approximate ranges", () => {
  it("几 / 数 before a unit: one to ten of it", () => {
    expectAll(range, [
      ["投入几千元", [["几千元", "1000", "10000"]]],
      ["惠及数万人", [["数万", "10000", "100000"]]],
      ["数亿元", [["数亿元", "100000000", "1000000000"]]],
    ]);
    expect(recognizeAmounts("几千元")[0]?.approx).toBe("about");
  });
});

describe("Chinese decimals with a multiplier", () => {
  it("the multiplier after the decimal digits scales the decimal", () => {
    expectAll(read, [
      ["四点二五万元", [["四点二五万元", "money", "42500", null]]],
      ["十二点五亿", [["十二点五亿", "number", "1250000000", null]]],
    ]);
    expect(recognizeAmounts("四点二五万元")[0]?.unit).toBe("万元");
  });
});

describe("fractions", () => {
  it("a terminating fraction is its exact decimal", () => {
    expectAll(read, [
      ["占八分之三", [["八分之三", "number", "0.375", null]]],
      ["二又四分之一", [["二又四分之一", "number", "2.25", null]]],
    ]);
  });
  it("a non-terminating fraction stays a fraction", () => {
    const [s] = recognizeAmounts("约占七分之二");
    expect([s?.fraction, s?.approx]).toEqual([{ numerator: "2", denominator: "7" }, "about"]);
    expect(AmountSpanSchema.safeParse(s).success).toBe(true);
  });
  it("Arabic fractions of small integers, and dates are not fractions", () => {
    expectAll(read, [
      ["完成3/4", [["3/4", "number", "0.75", null]]],
      ["2 1/2", [["2 1/2", "number", "2.5", null]]],
    ]);
    expect(recognizeAmounts("2 1/3")[0]?.fraction).toEqual({ numerator: "7", denominator: "3" });
    expect(read("2020/9/14")).toEqual([]);
  });
});

describe("negative percentages and permilles", () => {
  it("负 before the prefix or inside it", () => {
    expectAll(read, [
      ["负百分之三点五", [["负百分之三点五", "percent", "-3.5", null]]],
      ["负千分之2", [["负千分之2", "percent", "-2", null]]],
      ["百分之负七", [["百分之负七", "percent", "-7", null]]],
    ]);
    expect(recognizeAmounts("负千分之2")[0]?.unit).toBe("‰");
  });
});

describe("figures that stand alone", () => {
  it("a quoted digit and the complement of 是 that the clause closes", () => {
    expectAll(read, [
      ["选“二”还是“三”", [["二", "number", "2", null], ["三", "number", "3", null]]],
      ["结果是六，不是七", [["六", "number", "6", null], ["七", "number", "7", null]]],
    ]);
  });
  it("一是 / 二是 lists and words stay words", () => {
    expectAll(read, [
      ["一是加强管理；二是规范支出", []],
      ["主要是一般公共预算", []],
    ]);
  });
  it("十 before a measure word, and dozens", () => {
    expectAll(read, [
      ["十台电脑", [["十", "number", "10", null]]],
      ["两打鸡蛋", [["两打", "number", "24", null]]],
      ["统一打造平台", []],
    ]);
  });
});
