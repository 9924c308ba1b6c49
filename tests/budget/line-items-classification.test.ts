import { describe, expect, test } from "vitest";
import { classifyCode, headersAllow } from "../../src/budget/line-items/classification.js";

describe("a classification code", () => {
  test("is read from its digits: 功能分类 2xx, 部门经济分类 3xx, 政府经济分类 5xx; level by length", () => {
    expect(classifyCode("201")).toEqual({ classification: "function", level: "类" });
    expect(classifyCode("20101")).toEqual({ classification: "function", level: "款" });
    expect(classifyCode("2010101")).toEqual({ classification: "function", level: "项" });
    expect(classifyCode("30101")).toEqual({ classification: "economic_dept", level: "款" });
    expect(classifyCode("50101")).toEqual({ classification: "economic_gov", level: "款" });
    // 重庆 prints sub-items under a 款 (3010201 规范性津补贴 under 30102 津贴补贴).
    expect(classifyCode("3010201")).toEqual({ classification: "economic_dept", level: "项" });
  });

  test("is not a 单位编码 or any other number", () => {
    for (const code of ["114", "114001", "1010101", "401", "2010", "20101010"]) expect(classifyCode(code)).toBeNull();
  });

  test("must agree with what its column header says, where it says anything", () => {
    expect(headersAllow(["功能分类科目编码", "类"], "function")).toBe(true);
    expect(headersAllow(["功能分类科目编码", "类"], "economic_dept")).toBe(false);
    expect(headersAllow(["经济分类科目编码", "部门经济分类科目名称"], "economic_dept")).toBe(true);
    expect(headersAllow(["政府经济科目编码"], "economic_dept")).toBe(false);
    expect(headersAllow(["部门经济科目编码", "政府经济科目编码"], "economic_gov")).toBe(true);
    expect(headersAllow(["经济分类科目"], "economic_gov")).toBe(true);
    expect(headersAllow(["单位编码", "单位名称"], "function")).toBe(false);
    expect(headersAllow(["科目编码", "科目名称"], "economic_gov")).toBe(true);
  });
});
