import { describe, expect, it } from "vitest";
import { recognizeAmounts } from "../../src/amounts/index.js";
import { canonical, negate, scaleBy, shift10 } from "../../src/amounts/fastdecimal.js";
import { scanView } from "../../src/amounts/normalize.js";
import { WordIndex } from "../../src/amounts/wordindex.js";
import { mul, normalizeDecimal } from "../../src/util/decimal.js";

describe("string decimal helpers agree with util/decimal", () => {
  it("canonicalizes and shifts exactly", () => {
    expect(canonical("007.50")).toBe("7.5");
    expect(canonical("-0.0")).toBe("0");
    expect(canonical("100")).toBe("100");
    expect(shift10("191.49231", 4)).toBe("1914923.1");
    expect(shift10("0.5", -2)).toBe("0.005");
    expect(shift10("-12.3", 1)).toBe("-123");
    expect(scaleBy("340.77", "10000")).toBe("3407700");
    expect(scaleBy("1.5", "3")).toBe("4.5");
    expect(negate("0")).toBe("0");
    expect(negate("-4")).toBe("4");
  });
  it("matches BigInt arithmetic on many values", () => {
    for (const v of ["0", "1", "0.001", "12345.6789", "-9.99", "100.10", "000.0100"]) {
      for (const k of [0, 1, 2, 4, 8, 12]) expect(shift10(v, k)).toBe(mul(v, `1${"0".repeat(k)}`));
      expect(canonical(v)).toBe(normalizeDecimal(v));
    }
  });
});

describe("scan helpers", () => {
  it("scanView maps full-width forms one for one", () => {
    const text = "收入３４０．７７万元，\u3000增长１２％";
    const v = scanView(text);
    expect(v).toBe("收入340.77万元, 增长12%");
    expect(v.length).toBe(text.length);
    expect(scanView("纯文本")).toBe("纯文本");
  });
  it("WordIndex keeps list order within a bucket", () => {
    const ix = new WordIndex([["人次", 1], ["人", 2], ["以上", 3]] as const);
    expect(ix.at("5人次", 1)).toEqual(["人次", 1]);
    expect(ix.at("5人", 1)).toEqual(["人", 2]);
    expect(ix.endingAt("100以上", 5, 0)).toEqual(["以上", 3]);
    expect(ix.endingAt("100以上", 5, 4)).toBeUndefined();
  });
});

describe("second pass forms", () => {
  it("full-width figures keep offsets into the original text", () => {
    const text = "一般公共预算收入３４０．７７万元";
    const [s] = recognizeAmounts(text);
    expect([s?.text, s?.start, s?.yuan, s?.label?.text]).toEqual(["３４０．７７万元", 8, "3407700", "一般公共预算收入"]);
  });
  it("成 and 折 are percentages", () => {
    const b = (t: string) => recognizeAmounts(t).map((s) => [s.text, s.kind, s.value, s.unit]);
    expect(b("九成,五成,八点五成")).toEqual([
      ["九成", "percent", "90", "%"],
      ["五成", "percent", "50", "%"],
      ["八点五成", "percent", "85", "%"],
    ]);
    expect(b("9.5成")).toEqual([["9.5成", "percent", "95", "%"]]);
    expect(b("2折,75折")).toEqual([
      ["2折", "percent", "20", "%"],
      ["75折", "percent", "75", "%"],
    ]);
    // 折合 / 折旧 are verbs, not discounts.
    expect(recognizeAmounts("3折合").map((s) => s.kind)).toEqual(["number"]);
  });
  it("a Chinese 千 figure borrows the second figure's 万 in a range", () => {
    const [s] = recognizeAmounts("一千到两千万元人民币");
    expect(s?.range).toEqual({ min: "1000", max: "2000", minYuan: "10000000", maxYuan: "20000000" });
    expect(s?.unit).toBe("万元");
  });
  it("plain number ranges", () => {
    const spans = recognizeAmounts("数字的范围是一千到一千五百");
    expect(spans.map((s) => [s.text, s.kind, s.range])).toEqual([["一千到一千五百", "number", { min: "1000", max: "1500" }]]);
    expect(recognizeAmounts("这些苹果大概有20~100个")[0]?.range).toEqual({ min: "20", max: "100" });
  });
  it("a lone 一 inside a word is not a number", () => {
    expect(recognizeAmounts("进一步加强统一管理，一般公共预算")).toEqual([]);
  });
});
