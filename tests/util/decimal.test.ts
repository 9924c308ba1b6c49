import { describe, expect, test } from "vitest";
import { add, compare, halfUlp, mul, normalizeDecimal, sub, sum } from "../../src/util/decimal.js";

describe("exact decimals", () => {
  test("sums the seed's project items without float error", () => {
    // 栾城区委网信办 2020: nine project items (万元) sum to 183.65
    expect(sum(["33", "10.65", "10", "35", "20", "10", "40", "20", "5"])).toBe("183.65");
    expect(add("0.1", "0.2")).toBe("0.3");
  });
  test("scales 万元 to 元 exactly", () => {
    expect(mul("191.49231", "10000")).toBe("1914923.1");
    expect(mul("340.77", "10000")).toBe("3407700");
  });
  test("subtracts, compares and canonicalizes", () => {
    expect(sub("157.12", "143.16")).toBe("13.96");
    expect(sub("1", "1.5")).toBe("-0.5");
    expect(compare("9.3342", "9.33420")).toBe(0);
    expect(compare("-1", "0")).toBe(-1);
    expect(normalizeDecimal("007.500")).toBe("7.5");
    expect(normalizeDecimal("-0.00")).toBe("0");
  });
  test("half a unit of the last printed digit is the rounding tolerance", () => {
    expect(halfUlp(2)).toBe("0.005");
    expect(halfUlp(2, "10000")).toBe("50");
  });
});
