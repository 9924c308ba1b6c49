/**
 * Real 决算 tables of 太原市发展和改革委员会2016年决算公开 (samples/taiyuan-fagai-2016-final.doc), as
 * LibreOffice reads the .doc (fixtures/make-taiyuan-fixture.mjs): 金额单位：元, thousands separators,
 * codes in a cell merged over 类|款|项, a 栏次 row, two-panel 公开04表, 三公 table with "────".
 */
import { describe, expect, it } from "vitest";
import { buildTables } from "../../src/structure/tables/index.js";
import { Table } from "../../src/model/table.js";
import { sum } from "../../src/util/decimal.js";
import { taiyuan2016Blocks } from "./fixtures/taiyuan-2016.js";

const result = buildTables(taiyuan2016Blocks);
const byNumber = (n: string): Table => {
  const t = result.tables.find((x) => x.number === n);
  if (!t) throw new Error(`no table ${n}`);
  return t;
};
const valueAt = (t: Table, r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c)?.value;

describe("Taiyuan 2016 决算 tables", () => {
  it("finds the eight 公开表 with their numbers, titles and units, none stitched", () => {
    expect(result.tables.map((t) => t.number)).toEqual(["公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表"]);
    expect(result.tables.every((t) => t.blockIds.length === 1)).toBe(true);
    expect(result.tables.every((t) => t.unit?.raw === "金额单位：元" && t.unit.multiplier === "1")).toBe(true);
    expect(byNumber("公开02表").title).toBe("2016年收入决算表");
    for (const t of result.tables) expect(() => Table.parse(t)).not.toThrow();
    // Each table's title, number and unit lines are captions.
    expect(["p17", "p18", "p19"].every((id) => result.captionBlockIds.has(id))).toBe(true);
    expect(result.captionBlockIds.has("p14")).toBe(false);
  });

  it("公开02表 收入决算表: header paths over a 栏次 row, codes over 类|款|项, values in 元", () => {
    const t = byNumber("公开02表");
    expect(t.nCols).toBe(11);
    expect(t.headerRows).toBe(5);
    expect(t.rows.slice(0, 6).map((r) => r.kind)).toEqual(["header", "header", "header", "header", "colno", "total"]);
    expect(t.columns.slice(0, 5).map((c) => [c.header, c.kind])).toEqual([
      ["项目 / 支出功能分类科目编码 / 类", "code"],
      ["项目 / 支出功能分类科目编码 / 款", "code"],
      ["项目 / 支出功能分类科目编码 / 项", "code"],
      ["项目 / 科目名称", "name"],
      ["本年收入合计", "amount"],
    ]);
    expect(t.columns[10]).toMatchObject({ header: "其他收入", kind: "amount", unit: { unit: "元" } });
    expect(t.rows[5]).toMatchObject({ kind: "total", name: "合计" });
    expect(valueAt(t, 5, 4)).toEqual({ kind: "amount", value: "42583921.59", yuan: "42583921.59" });
    expect(t.rows[6]).toMatchObject({ kind: "data", code: "201", name: "一般公共服务支出" });
    expect(t.rows[8]).toMatchObject({ code: "2010401", name: "行政运行" });
    expect(valueAt(t, 8, 4)).toMatchObject({ value: "20865700.42" });
    expect(valueAt(t, 8, 10)).toMatchObject({ value: "3975.4" });
    expect(t.rows[37]).toMatchObject({ code: "2290400", name: "其他政府性基金及对应专项债务收入安排的支出" });
    expect(t.rows[38]?.kind).toBe("note");
    // The 类 code cell spans the three code columns once; covered positions point to it.
    expect(t.grid[6]?.slice(0, 3)).toEqual([{ text: "201" }, { mergedInto: [6, 0] }, { mergedInto: [6, 0] }]);
    // The 类 (7-digit sums) rows add up to the total: 201+203+206+208+210+213+222+229.
    const classRows = t.rows.filter((r) => r.code?.length === 3).map((r) => valueAt(t, r.index, 4)?.value ?? "x");
    expect(classRows).toHaveLength(8);
    expect(sum(classRows)).toBe("42583921.59");
  });

  it("公开04表: two panels, 行次 columns marked colno, totals", () => {
    const t = byNumber("公开04表");
    expect(t.columns.map((c) => c.kind)).toEqual(["name", "colno", "amount", "name", "colno", "amount", "amount", "amount"]);
    expect(t.columns[6]?.header).toBe("支出 / 金额 / 一般公共预算财政拨款");
    expect(t.rows[3]?.kind).toBe("colno");
    expect(valueAt(t, 4, 1)).toBeUndefined(); // 行次 "1" is not data
    expect(t.rows[33]).toMatchObject({ kind: "total", name: "总计" });
    expect(valueAt(t, 33, 2)).toEqual({ kind: "amount", value: "43119176.8", yuan: "43119176.8" });
  });

  it("公开09表 三公: \"────\" is null, count rows are counts, （一）合 计 is the total", () => {
    const t = byNumber("公开09表");
    expect(t.columns.map((c) => c.header)).toEqual(["项目", "2016年度预算数", "2016年度决算数"]);
    expect(t.rows[1]).toMatchObject({ kind: "total" });
    expect(valueAt(t, 1, 2)).toEqual({ kind: "amount", value: "77997.08", yuan: "77997.08" });
    expect(valueAt(t, 8, 1)).toEqual({ kind: "null", nullKind: "dash" });
    expect(t.rows[11]?.name).toBe("4.公务用车保有量（辆）");
    expect(valueAt(t, 11, 2)).toEqual({ kind: "count", value: "16" });
  });

  it("公开06表: economic codes 301/30101 per row from the left panel only", () => {
    const t = byNumber("公开06表");
    expect(t.columns.slice(0, 3).map((c) => c.header)).toEqual(["人员经费 / 经济分类科目编码", "人员经费 / 科目名称", "人员经费 / 金额"]);
    expect(t.rows[3]).toMatchObject({ code: "30101", name: "基本工资" });
    expect(valueAt(t, 3, 2)).toMatchObject({ value: "7823582" });
    expect(t.rows[29]?.code).toBeUndefined();
    expect(t.rows[56]).toMatchObject({ kind: "total", name: "人员经费合计" });
  });
});
