/** Generated inputs, one per feature: explicit columns, merges, headers, stitching, units, codes, CSV. */
import { describe, expect, it } from "vitest";
import { buildTables } from "../../src/structure/tables/index.js";
import { Table } from "../../src/model/table.js";
import { tableCsvFileName, tableToCsv } from "../../src/writers/tables-csv.js";
import { para, table } from "./helpers.js";

const valueAt = (t: Table, r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c)?.value;
const only = (blocks: Parameters<typeof buildTables>[0]): Table => {
  const res = buildTables(blocks);
  expect(res.tables).toHaveLength(1);
  return Table.parse(res.tables[0]);
};

describe("grid", () => {
  it("places gridBefore cells at their explicit column and leaves skipped positions null (gridAfter: short row)", () => {
    const t = only([
      table("t0", [
        ["项目", "上年", "本年"],
        [["一般公共服务支出", 1, 1, 0], ["10.00", 1, 1, 2]],
        [["5.00", 1, 1, 1]],
      ]),
    ]);
    expect(t.grid[1]).toEqual([{ text: "一般公共服务支出" }, null, { text: "10.00" }]);
    expect(t.grid[2]).toEqual([null, { text: "5.00" }, null]);
    expect(t.cells.filter((c) => c.row === 1).map((c) => c.col)).toEqual([0, 2]);
  });

  it("expands a vertical merge over 4 rows once, with covered positions pointing back", () => {
    const t = only([
      table("t0", [
        ["一级指标", "二级指标", "指标值"],
        [["产出指标", 1, 4], "数量指标", "≥10"],
        ["质量指标", "合格"],
        ["时效指标", "及时"],
        ["成本指标", "≤5"],
      ]),
    ]);
    expect(t.cells.filter((c) => c.text === "产出指标")).toEqual([{ row: 1, col: 0, rowSpan: 4, colSpan: 1, text: "产出指标" }]);
    expect([2, 3, 4].map((r) => t.grid[r]?.[0])).toEqual([{ mergedInto: [1, 0] }, { mergedInto: [1, 0] }, { mergedInto: [1, 0] }]);
    expect(t.grid[4]?.[2]).toEqual({ text: "≤5" });
  });

  it("clips a rowSpan past the last row with a warning", () => {
    const res = buildTables([table("t0", [["项目", ["金额", 1, 3]], ["合计", "1"]])]);
    expect(res.tables[0]?.cells[1]?.rowSpan).toBe(2);
    expect(res.warnings.map((w) => w.code)).toContain("table_rowspan_overflow");
  });
});

describe("header and columns", () => {
  it("detects a three-level header with group cells and a 栏次 row, without tblHeader", () => {
    const t = only([
      para("p0", "一般公共预算\"三公\"经费支出表"),
      para("p1", "单位：万元"),
      table("t1", [
        [["项目", 1, 3], ["合计", 1, 3], ["因公出国（境）费", 1, 3], ["公务用车购置及运行费", 3, 1], ["公务接待费", 1, 3]],
        [["小计", 1, 2], ["公务用车购置费", 1, 2], ["公务用车运行费", 1, 2]],
        [],
        ["栏次", "1", "2", "3", "4", "5", "6"],
        ["2020年预算", "37.91", "0", "30.00", "0", "30.00", "7.91"],
      ]),
    ]);
    expect(t.title).toBe("一般公共预算\"三公\"经费支出表");
    expect(t.headerRows).toBe(4);
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "header", "header", "colno", "data"]);
    expect(t.columns.map((c) => c.header)).toEqual([
      "项目",
      "合计",
      "因公出国（境）费",
      "公务用车购置及运行费 / 小计",
      "公务用车购置及运行费 / 公务用车购置费",
      "公务用车购置及运行费 / 公务用车运行费",
      "公务接待费",
    ]);
    expect(valueAt(t, 4, 1)).toEqual({ kind: "amount", value: "37.91", yuan: "379100" });
    expect(valueAt(t, 4, 6)).toEqual({ kind: "amount", value: "7.91", yuan: "79100" });
  });

  it("types percent columns, parentheses negatives, and marks 小计 rows", () => {
    const t = only([
      para("p0", "单位：元"),
      table("t0", [
        ["项目", "本年", "增减", "增长率"],
        ["基本支出", "1,000.00", "(200.00)", "-16.67%"],
        ["小计", "1,000.00", "(200.00)", "-16.67%"],
      ]),
    ]);
    expect(t.columns.map((c) => c.kind)).toEqual(["name", "amount", "amount", "percent"]);
    expect(valueAt(t, 1, 2)).toEqual({ kind: "amount", value: "-200", yuan: "-200" });
    expect(valueAt(t, 1, 3)).toEqual({ kind: "percent", value: "-16.67" });
    expect(t.rows[2]?.kind).toBe("subtotal");
  });
});

describe("a 栏次 row whose label columns print ** (湖州 2026 表05, 表09)", () => {
  it("is a 栏次 row, not data: its numbers are no figures, an empty table stays without money", () => {
    const t = only([para("p0", "国有资本经营预算支出表"), para("p1", "单位：万元"), table("t0", [["科目编码", "科目名称", "项目支出"], ["**", "**", "1"], ["", "合计", ""]])]);
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "colno", "total"]);
    expect(t.cells.filter((c) => c.value?.kind === "amount")).toEqual([]);
    const wide = only([table("t0", [["科目编码", "科目名称", "合计", "基本支出"], ["**", "**", "1", "2"], ["", "合计", "5.00", "5.00"]])]);
    expect(wide.rows.map((r) => r.kind)).toEqual(["header", "colno", "total"]);
    // Without the marks a lone 1 under a header is a figure.
    expect(only([table("t0", [["科目编码", "科目名称", "项目支出"], ["", "", "1"], ["", "合计", "1"]])]).rows[1]?.kind).toBe("data");
  });
});

describe("units in every position", () => {
  const body = [
    ["项目", "预算数"],
    ["合计", "340.77"],
  ];
  it("a caption line above", () => {
    const t = only([para("p0", "收支总体情况表"), para("p1", "单位：万元"), table("t0", body)]);
    expect(t.unit).toEqual({ raw: "单位：万元", unit: "万元", multiplier: "10000", source: "caption" });
    expect(valueAt(t, 1, 1)).toEqual({ kind: "amount", value: "340.77", yuan: "3407700" });
  });
  it("a line below the table", () => {
    const res = buildTables([para("p0", "收支总体情况表"), table("t0", body), para("p1", "单位:元"), para("p2", "下一段说明文字。")]);
    expect(res.tables[0]?.unit).toMatchObject({ unit: "元", multiplier: "1", source: "caption" });
    expect(res.captionBlockIds.has("p1")).toBe(true);
  });
  it("in the title row, together with the number", () => {
    const t = only([table("t0", [[["公开01表", 1, 1], ["单位：亿元", 1, 1]], ...body])]);
    expect(t.number).toBe("公开01表");
    expect(t.title).toBe("公开01表");
    expect(t.unit).toMatchObject({ unit: "亿元", multiplier: "100000000", source: "title_row" });
    expect(t.titleRows).toBe(1);
    expect(valueAt(t, 2, 1)).toMatchObject({ yuan: "34077000000" });
  });
  it("in a header cell (预算数（万元）)", () => {
    const t = only([table("t0", [["项目", "预算数（万元）"], ["合计", "340.77"]])]);
    expect(t.unit).toMatchObject({ raw: "预算数（万元）", unit: "万元", source: "header_cell" });
    expect(t.columns[1]?.unit?.unit).toBe("万元");
  });
  it("per column when columns differ, and none at table level", () => {
    const t = only([table("t0", [["项目", "金额（元）", "金额（万元）"], ["合计", "3,407,700.00", "340.77"]])]);
    expect(t.unit).toBeNull();
    expect(valueAt(t, 1, 1)).toEqual({ kind: "amount", value: "3407700", yuan: "3407700" });
    expect(valueAt(t, 1, 2)).toEqual({ kind: "amount", value: "340.77", yuan: "3407700" });
  });
  it("in a caption line wrapped in two, its tail alone on the next line (江苏高院 2019 公开07表, 公开09表)", () => {
    // A narrow caption cell wraps "部门名称：江苏省高级人民法院" after 法; two fields side by side wrap "单位：万元" around the other.
    const wrappedPublisher = only([para("p0", "公开07表"), para("p1", "一般公共预算支出预算表（功能科目）"), para("p2", "部门名称：江苏省高级人民法"), para("p3", "院"), para("p4", "单位：万元"), table("t0", body)]);
    expect(wrappedPublisher).toMatchObject({ number: "公开07表", title: "一般公共预算支出预算表（功能科目）", entity: "江苏省高级人民法院" });
    const res = buildTables([para("p0", "公开09表"), para("p1", "“三公”经费、会议费、培训费支出预算表"), para("p2", "单位：万"), para("p3", "部门名称：江苏省高级人民法院"), para("p4", "元"), table("t0", body)]);
    expect(res.tables[0]).toMatchObject({ number: "公开09表", title: "“三公”经费、会议费、培训费支出预算表", entity: "江苏省高级人民法院" });
    expect(res.tables[0]?.unit).toMatchObject({ raw: "单位：万元", unit: "万元" });
    for (const id of ["p0", "p1", "p2", "p3", "p4"]) expect(res.captionBlockIds.has(id)).toBe(true);
    // Cut after an ending that is a name's on its own (办 of 办公厅), the unit line printed between (江苏省委办公厅 2017 p2).
    const office = only([para("p0", "收入预算总表"), para("p1", "部门：中国共产党江苏省委员会办"), para("p2", "单位：万元"), para("p3", "公厅"), table("t0", body)]);
    expect(office).toMatchObject({ title: "收入预算总表", entity: "中国共产党江苏省委员会办公厅" });
  });
  it("in a caption line that is only the unit, printed bare (湖州 表11 \"万元\"): the walk goes on to publisher, title, number", () => {
    const res = buildTables([para("p0", "表11"), para("p1", "2026年市级部门项目支出绩效表"), para("p2", "606-湖州市交通运输局"), para("p3", "万元"), table("t0", body)]);
    expect(res.tables[0]).toMatchObject({ number: "表11", title: "2026年市级部门项目支出绩效表", entity: "湖州市交通运输局" });
    expect(res.tables[0]?.unit).toMatchObject({ raw: "万元", unit: "万元", multiplier: "10000" });
    expect(only([para("p0", "收支总体情况表"), para("p1", "（万元）"), table("t0", body)]).unit).toMatchObject({ unit: "万元" });
    // "万元" inside a sentence states no unit; the line is no caption and the walk stops there.
    expect(only([para("p0", "收支总体情况表"), para("p1", "合计万元"), table("t0", body)])).toMatchObject({ title: null, unit: null });
  });
  it("not from a short line that completes nothing (a heading's last word stays running text)", () => {
    const res = buildTables([para("p0", "收支总体情况表"), para("p1", "单位：万元"), para("p2", "附注"), table("t0", body)]);
    expect(res.tables[0]).toMatchObject({ title: null, unit: null });
  });
  it("absent: null, and amounts carry no yuan", () => {
    const t = only([table("t0", body)]);
    expect(t.unit).toBeNull();
    expect(valueAt(t, 1, 1)).toEqual({ kind: "amount", value: "340.77" });
  });
});

describe("classification codes", () => {
  it("split 类|款|项 columns with parents left blank on child rows", () => {
    const t = only([
      para("p0", "表3-1 一般公共预算支出表"),
      para("p1", "金额单位：万元"),
      table("t0", [
        [["科目编码", 3, 1], ["科目名称", 1, 2], ["合计", 1, 2]],
        ["类", "款", "项"],
        ["201", "", "", "一般公共服务支出", "150.00"],
        ["", "01", "", "人大事务", "100.00"],
        ["", "", "01", "行政运行", "60.00"],
        ["", "", "02", "一般行政管理事务", "40.00"],
        ["", "04", "", "发展与改革事务", "50.00"],
        ["", "", "50", "事业运行", "50.00"],
      ]),
    ]);
    expect(t.number).toBe("表3-1");
    expect(t.title).toBe("一般公共预算支出表");
    expect(t.rows.slice(2).map((r) => r.code)).toEqual(["201", "20101", "2010101", "2010102", "20104", "2010450"]);
    expect(t.columns[4]?.header).toBe("合计");
  });
  it("glued to the name, with or without a space", () => {
    const t = only([
      table("t0", [
        ["科目", "金额"],
        ["201 一般公共服务支出", "10"],
        ["2010101行政运行", "10"],
        ["210 07 17 计划生育服务", "0"],
        ["2019年结转", "1"],
      ]),
    ]);
    expect(t.rows.slice(1).map((r) => [r.code, r.name])).toEqual([
      ["201", "一般公共服务支出"],
      ["2010101", "行政运行"],
      ["2100717", "计划生育服务"],
      [undefined, "2019年结转"],
    ]);
  });
  it("in brackets before the name (广州, 珠海: \"[2011105]派驻派出机构\"); a bracketed year or figure is no code", () => {
    const t = only([
      table("t0", [
        ["科目名称", "金额"],
        ["[201]一般公共服务支出", "10"],
        ["[20111]纪检监察事务", "10"],
        ["［2011105］派驻派出机构", "10"],
        ["【30101】 基本工资", "5"],
        ["[2019]年结转", "1"],
        ["[201]年度结余", "1"],
      ]),
    ]);
    expect(t.rows.slice(1).map((r) => [r.code, r.name])).toEqual([
      ["201", "一般公共服务支出"],
      ["20111", "纪检监察事务"],
      ["2011105", "派驻派出机构"],
      ["30101", "基本工资"],
      [undefined, "[2019]年结转"],
      [undefined, "[201]年度结余"],
    ]);
  });
});

describe("records", () => {
  it("a two-column label/value table", () => {
    const t = only([table("t0", [["项目名称", "网络执法"], ["主管部门", "栾城区委网信办"], ["资金总额", "5万元"]])]);
    expect(t.records).toEqual([{ 项目名称: "网络执法", 主管部门: "栾城区委网信办", 资金总额: "5万元" }]);
  });
});

describe("stitching continuations", () => {
  const header = ["科目编码", "科目名称", "合计"];
  it("a 续表 marker joins the next part, keeping both parts' provenance", () => {
    const res = buildTables([
      para("p0", "支出决算表"),
      para("p1", "单位：元"),
      table("t0", [header, ["201", "一般公共服务支出", "1,000.00"]]),
      para("p2", "续表"),
      table("t1", [header, ["208", "社会保障和就业支出", "2,000.00"]]),
    ]);
    expect(res.tables).toHaveLength(1);
    const t = Table.parse(res.tables[0]);
    expect(t.blockIds).toEqual(["t0", "t1"]);
    expect(t.provenance).toEqual([{ tableIndex: 0 }, { tableIndex: 1 }]);
    expect(t.parts).toEqual([
      { blockId: "t0", firstRow: 0, nRows: 2 },
      { blockId: "t1", firstRow: 2, nRows: 2, joinedBy: "continuation_marker" },
    ]);
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "data", "header", "data"]);
    expect(t.rows[3]).toMatchObject({ code: "208", name: "社会保障和就业支出" });
    expect(valueAt(t, 3, 2)).toEqual({ kind: "amount", value: "2000", yuan: "2000" });
    expect(res.tableIdByBlock.get("t1")).toBe("t0");
    expect(res.captionBlockIds.has("p2")).toBe(true);
  });
  it("a repeated header row after a page break joins without a marker", () => {
    const res = buildTables([table("t0", [header, ["201", "一般公共服务支出", "1"]]), table("t1", [header, ["208", "社会保障和就业支出", "2"]])]);
    expect(res.tables).toHaveLength(1);
    expect(res.tables[0]?.parts?.[1]?.joinedBy).toBe("repeated_header");
  });
  it("the same columns right after, starting with data, join; a captioned table does not", () => {
    const res = buildTables([
      table("t0", [header, ["201", "一般公共服务支出", "1"]]),
      table("t1", [["208", "社会保障和就业支出", "2"], ["合计", "", "3"]]),
      para("p0", "公开03表 支出决算表"),
      table("t2", [header, ["201", "一般公共服务支出", "1"]]),
    ]);
    expect(res.tables.map((t) => t.blockIds)).toEqual([["t0", "t1"], ["t2"]]);
    expect(res.tables[0]?.parts?.[1]?.joinedBy).toBe("same_columns");
    expect(res.tables[0]?.rows.map((r) => r.kind)).toEqual(["header", "data", "data", "total"]);
    expect(res.tables[1]).toMatchObject({ number: "公开03表", title: "支出决算表" });
  });
});

describe("CSV writer", () => {
  it("writes header paths and data rows, leaving merged amounts empty", () => {
    const t = only([
      para("p0", "公开01表 收支总体情况表"),
      table("t0", [
        [["项目", 1, 2], ["本年支出", 2, 1]],
        ["基本支出", "项目支出"],
        [["一般公共服务支出", 1, 2], "1,000.00", "2,000.00"],
        ["30.00", "40.00"],
        ["合计", ["3,070.00", 2, 1]],
      ]),
    ]);
    const csv = tableToCsv(t);
    expect(csv.split("\r\n")).toEqual([
      "\uFEFF项目,本年支出 / 基本支出,本年支出 / 项目支出",
      "一般公共服务支出,1000,2000",
      "一般公共服务支出,30,40",
      "合计,3070,",
      "",
    ]);
    expect(tableCsvFileName(t, 3)).toBe("t0-公开01表-收支总体情况表.csv");
    expect(tableCsvFileName({ ...t, id: "a/b", number: null, title: '收支:总体 "表"' }, 3)).toBe("t3-收支总体_表.csv");
  });
});
