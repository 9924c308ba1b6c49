import { describe, expect, test } from "vitest";
import type { LineItem } from "../../src/model/index.js";
import { extractTables } from "./line-items-fixtures.js";


/** The fields an analyst reads, without evidence. */
const brief = (li: LineItem) => [li.code, li.name, li.level, li.measure, li.fund, li.yuan];

const EXPENDITURE = {
  caption: "支出预算总表",
  unit: "单位：万元",
  rows: [
    ["功能分类科目编码|3", "功能分类科目名称||2", "合计||2", "基本支出||2", "项目支出||2"],
    ["类", "款", "项"],
    ["211", "", "", "节能环保支出", "120.50", "100.00", "20.50"],
    ["211", "01", "", "环境保护管理事务", "120.50", "100.00", "20.50"],
    ["211", "01", "01", "行政运行", "100.00", "100.00", "0"],
    ["", "", "08", "环境保护宣传", "20.50", "—", "20.50"],
    ["合计|4", "120.50", "100.00", "20.50"],
  ],
};

describe("line items of a 功能分类 table with split 类|款|项 columns", async () => {
  const doc = await extractTables("某局2026年部门预算", [EXPENDITURE]);
  const items = doc.lineItems;

  test("every data row at every level, one per money column, in exact 元; the 合计 row gives none", () => {
    expect(items.map(brief)).toEqual([
      ["211", "节能环保支出", "类", "合计", "all", "1205000"],
      ["211", "节能环保支出", "类", "基本支出", "all", "1000000"],
      ["211", "节能环保支出", "类", "项目支出", "all", "205000"],
      ["21101", "环境保护管理事务", "款", "合计", "all", "1205000"],
      ["21101", "环境保护管理事务", "款", "基本支出", "all", "1000000"],
      ["21101", "环境保护管理事务", "款", "项目支出", "all", "205000"],
      ["2110101", "行政运行", "项", "合计", "all", "1000000"],
      ["2110101", "行政运行", "项", "基本支出", "all", "1000000"],
      // A printed 0 is a value.
      ["2110101", "行政运行", "项", "项目支出", "all", "0"],
      // 类 and 款 carried down from the rows above; the dash under 基本支出 is no value.
      ["2110108", "环境保护宣传", "项", "合计", "all", "205000"],
      ["2110108", "环境保护宣传", "项", "项目支出", "all", "205000"],
    ]);
  });

  test("each item names its table, kind, classification and unit, with the cell as evidence", () => {
    const first = items[0]!;
    const table = doc.tables.find((t) => t.id === first.tableId)!;
    expect(first).toMatchObject({ tableKind: "expenditure", classification: "function", unit: "万元" });
    expect(table.kind).toBe("expenditure");
    expect(first.evidence).toEqual({ kind: "cell", tableId: table.id, row: 2, col: 4, quote: "120.50" });
  });
});

describe("line items of an 经济分类 table with codes glued to names", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    {
      caption: "一般公共预算基本支出表",
      unit: "单位：元",
      rows: [
        ["部门经济分类科目名称", "合计", "人员经费", "公用经费"],
        ["301-工资福利支出", "1,500.00", "1,500.00", ""],
        ["30101-基本工资", "1,000.00", "1,000.00", ""],
        ["30102-津贴补贴", "500.00", "500.00", "-"],
        ["302-商品和服务支出", "80.00", "", "80.00"],
        ["合计", "1,580.00", "1,500.00", "80.00"],
      ],
    },
  ]);

  test("the code is split from the name (30101 from 30101-基本工资), 类 and 款 by length, blanks and dashes skipped", () => {
    expect(doc.lineItems.map(brief)).toEqual([
      ["301", "工资福利支出", "类", "合计", "general_budget", "1500"],
      ["301", "工资福利支出", "类", "人员经费", "general_budget", "1500"],
      ["30101", "基本工资", "款", "合计", "general_budget", "1000"],
      ["30101", "基本工资", "款", "人员经费", "general_budget", "1000"],
      ["30102", "津贴补贴", "款", "合计", "general_budget", "500"],
      ["30102", "津贴补贴", "款", "人员经费", "general_budget", "500"],
      ["302", "商品和服务支出", "类", "合计", "general_budget", "80"],
      ["302", "商品和服务支出", "类", "公用经费", "general_budget", "80"],
    ]);
    expect(new Set(doc.lineItems.map((li) => li.classification))).toEqual(new Set(["economic_dept"]));
  });
});

describe("the fund of a line item", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    {
      caption: "财政拨款支出预算表",
      unit: "单位：万元",
      rows: [
        ["科目编码", "科目名称", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        ["208", "社会保障和就业支出", "30.00", "10.00", "15.00", "5.00"],
        ["合计", "", "30.00", "10.00", "15.00", "5.00"],
      ],
    },
  ]);

  test("is the table's (财政拨款), narrowed when the column header names a fund", () => {
    expect(doc.lineItems.map((li) => [li.measure, li.fund, li.yuan])).toEqual([
      ["合计", "fiscal", "300000"],
      ["一般公共预算", "general_budget", "100000"],
      ["政府性基金预算", "government_fund", "150000"],
      ["国有资本经营预算", "state_capital", "50000"],
    ]);
  });
});

describe("side-by-side 人员经费 | 公用经费 panels", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    {
      caption: "一般公共预算基本支出表",
      unit: "单位：万元",
      rows: [
        ["人员经费|3", "公用经费|3"],
        ["科目编码", "科目名称", "金额", "科目编码", "科目名称", "金额"],
        ["301", "工资福利支出", "90.00", "302", "商品和服务支出", "12.00"],
        ["30101", "基本工资", "60.00", "30201", "办公费", "2.00"],
        ["30102", "津贴补贴", "30.00", "30205", "水费", "10.00"],
      ],
    },
  ]);

  test("each panel's figures belong to its own code and name", () => {
    expect(doc.lineItems.map((li) => [li.code, li.name, li.measure, li.yuan])).toEqual([
      ["301", "工资福利支出", "人员经费 / 金额", "900000"],
      ["30101", "基本工资", "人员经费 / 金额", "600000"],
      ["30102", "津贴补贴", "人员经费 / 金额", "300000"],
      ["302", "商品和服务支出", "公用经费 / 金额", "120000"],
      ["30201", "办公费", "公用经费 / 金额", "20000"],
      ["30205", "水费", "公用经费 / 金额", "100000"],
    ]);
  });
});

describe("side-by-side panels that print 广州's bracketed codes", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    {
      caption: "一般公共预算基本支出表",
      unit: "单位：万元",
      rows: [
        ["人员经费|2", "公用经费|2"],
        ["科目名称", "金额", "科目名称", "金额"],
        ["[30101]基本工资", "60.00", "[30201]办公费", "2.00"],
        // A bracketed year ("[2016]年结转") is no code: the row's second panel gives nothing.
        ["[30102]津贴补贴", "30.00", "[2016]年结转", "10.00"],
      ],
    },
  ]);

  test("each panel's code is read from its brackets, a bracketed year is not one", () => {
    expect(doc.lineItems.map((li) => [li.code, li.name, li.measure, li.yuan])).toEqual([
      ["30101", "基本工资", "人员经费 / 金额", "600000"],
      ["30102", "津贴补贴", "人员经费 / 金额", "300000"],
      ["30201", "办公费", "公用经费 / 金额", "20000"],
    ]);
  });
});

describe("tables that are not classification tables", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    {
      caption: "收支预算总表",
      unit: "单位：万元",
      rows: [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款", "120.50", "一、节能环保支出", "120.50"],
        ["收入总计", "120.50", "支出总计", "120.50"],
      ],
    },
    {
      caption: "部门收入总表",
      unit: "单位：万元",
      rows: [
        ["单位编码", "单位名称", "合计", "一般公共预算拨款"],
        ["114", "某局", "120.50", "120.50"],
        ["114001", "某局本级", "120.50", "120.50"],
      ],
    },
  ]);

  test("rows without a classification code (labels, 单位编码) give no line items", () => {
    expect(doc.tables.length).toBe(2);
    expect(doc.lineItems).toEqual([]);
  });
});

describe("a 决算 table with 年初预算数 | 调整预算数 | 决算数 columns", async () => {
  const doc = await extractTables("某局2024年度部门决算", [
    {
      caption: "一般公共预算财政拨款支出决算表",
      unit: "单位：万元",
      rows: [
        ["项目|2", "年初预算数", "调整预算数", "决算数"],
        ["科目编码", "科目名称", "", "", ""],
        ["201", "一般公共服务支出", "50.00", "55.00", "54.30"],
        ["合计", "", "50.00", "55.00", "54.30"],
      ],
    },
  ]);

  test("every column is a line item, told apart by its measure", () => {
    expect(doc.lineItems.map((li) => [li.code, li.measure.split(" / ").at(-1), li.yuan])).toEqual([
      ["201", "年初预算数", "500000"],
      ["201", "调整预算数", "550000"],
      ["201", "决算数", "543000"],
    ]);
  });
});

describe("部门 × 政府 经济分类 side by side, split 类|款, the name column headed without 名称 (烟台)", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    {
      caption: "基本支出预算情况表",
      unit: "单位：万元",
      rows: [
        ["科目编码|2", "部门预算支出经济分类科目||2", "科目编码|2", "政府预算支出经济分类科目||2", "合计||2"],
        ["类", "款", "类", "款"],
        ["合计|5", "", "9.00"],
        ["301", "", "工资福利支出", "501", "", "机关工资福利支出", "6.00"],
        ["301", "01", "基本工资", "501", "01", "工资奖金津补贴", "6.00"],
        ["301", "", "工资福利支出", "505", "", "对事业单位经常性补助", "3.00"],
        ["301", "01", "基本工资", "505", "01", "工资福利支出", "3.00"],
      ],
    },
  ]);

  test("the row's class is the 部门 one, its name the 部门 name; a 类 printed twice is two line items", () => {
    expect(doc.lineItems.map((li) => [li.classification, li.code, li.name, li.level, li.yuan])).toEqual([
      ["economic_dept", "301", "工资福利支出", "类", "60000"],
      ["economic_dept", "30101", "基本工资", "款", "60000"],
      ["economic_dept", "301", "工资福利支出", "类", "30000"],
      ["economic_dept", "30101", "基本工资", "款", "30000"],
    ]);
  });
});
