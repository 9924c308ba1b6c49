import { describe, expect, it } from "vitest";
import { parseCellValue } from "../../src/structure/tables/cell-value.js";

describe("parseCellValue: the cell grammar", () => {
  it("reads thousands separators exactly (Taiyuan 公开02表 合计)", () => {
    expect(parseCellValue("42,583,921.59")).toEqual({ kind: "number", value: "42583921.59", decimals: 2 });
    expect(parseCellValue("１，２３４．５０")).toEqual({ kind: "number", value: "1234.5", decimals: 2 });
  });
  it("keeps zero distinct from the null markers", () => {
    expect(parseCellValue("0.00")).toEqual({ kind: "number", value: "0", decimals: 2 });
    for (const dash of ["—", "－", "-", "——", "────", "— —", "–"]) expect(parseCellValue(dash)).toEqual({ kind: "null", nullKind: "dash" });
    expect(parseCellValue("/")).toEqual({ kind: "null", nullKind: "slash" });
    expect(parseCellValue("  ")).toEqual({ kind: "null", nullKind: "blank" });
  });
  it("reads negatives in parentheses and with a sign, and percents", () => {
    expect(parseCellValue("(1,914,923.10)")).toMatchObject({ kind: "number", value: "-1914923.1" });
    expect(parseCellValue("（12.5）")).toMatchObject({ kind: "number", value: "-12.5" });
    expect(parseCellValue("-3.58")).toMatchObject({ kind: "number", value: "-3.58" });
    expect(parseCellValue("15.46%")).toEqual({ kind: "percent", value: "15.46", decimals: 2 });
  });
  it("refuses text that only contains figures", () => {
    for (const t of ["≥10", "2019年", "1,23", "12,3456", "无可比性", "≥0100%", "1.2.3", "(-5)"]) expect(parseCellValue(t)).toEqual({ kind: "text" });
  });
});
