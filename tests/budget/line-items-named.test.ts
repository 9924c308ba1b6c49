import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { LineItem } from "../../src/model/index.js";
import { extractTables } from "./line-items-fixtures.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

const brief = (li: LineItem) => [li.code, li.name, li.level, li.yuan];
const firstColumn = (items: LineItem[]) => items.filter((li) => li.evidence.col === Math.min(...items.map((x) => x.evidence.col)));

// 杭州's 市级部门 tables: names only, the levels shown on the page by indentation alone.
const FUNCTION_BY_NAME = {
  caption: "2026年市级部门一般公共预算支出预算表",
  rows: [
    ["功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "330.00", "300.00", "30.00"],
    ["社会保障和就业支出", "100.00", "100.00", ""],
    ["行政事业单位养老支出", "100.00", "100.00", ""],
    ["机关事业单位基本养老保险缴费支出", "60.00", "60.00", ""],
    ["机关事业单位职业年金缴费支出", "40.00", "40.00", ""],
    ["自然资源海洋气象等支出", "230.00", "200.00", "30.00"],
    ["气象事务", "230.00", "200.00", "30.00"],
    ["行政运行", "200.00", "200.00", ""],
    // Not in the national list we hold: its level comes from the sums, its code stays unknown.
    ["人工影响天气", "30.00", "", "30.00"],
  ],
};

// 深圳's 基本支出总表: each unit's line, then its 经济分类 rows by name.
const ECONOMIC_BY_UNIT = {
  caption: "基本支出总表",
  rows: [
    ["支出项目类别", "总计", "一般公共预算拨款"],
    ["合计", "150.00", "150.00"],
    ["某局（本级）", "100.00", "100.00"],
    ["工资福利支出", "90.00", "90.00"],
    ["基本工资", "50.00", "50.00"],
    ["津贴补贴", "40.00", "40.00"],
    ["商品和服务支出", "10.00", "10.00"],
    ["维修(护)费", "10.00", "10.00"],
    ["某某中心", "50.00", "50.00"],
    ["工资福利支出", "50.00", "50.00"],
    // 基本工资 misprinted: the 类 does not add up, and the check says so.
    ["基本工资", "45.00", "45.00"],
  ],
};

describe("line items of tables that print classification names only", async () => {
  const doc = await extractTables("某气象局2026年部门预算", [FUNCTION_BY_NAME, ECONOMIC_BY_UNIT]);
  const byKind = (kind: string) => doc.lineItems.filter((li) => li.tableKind === kind);

  test("功能分类 by name: levels from the national list and the sums, codes under the parent's code", () => {
    expect(firstColumn(byKind("general_budget")).map(brief)).toEqual([
      ["208", "社会保障和就业支出", "类", "1000000"],
      ["20805", "行政事业单位养老支出", "款", "1000000"],
      ["2080505", "机关事业单位基本养老保险缴费支出", "项", "600000"],
      ["2080506", "机关事业单位职业年金缴费支出", "项", "400000"],
      ["220", "自然资源海洋气象等支出", "类", "2300000"],
      ["22005", "气象事务", "款", "2300000"],
      // 行政运行 is 01 of every 款 that has it.
      ["2200501", "行政运行", "项", "2000000"],
      [null, "人工影响天气", "项", "300000"],
    ]);
    expect(new Set(byKind("general_budget").map((li) => li.classification))).toEqual(new Set(["function"]));
  });

  test("经济分类 by name: a unit's line between the classes gives no item", () => {
    const items = firstColumn(byKind("basic"));
    expect(items.map(brief)).toEqual([
      ["301", "工资福利支出", "类", "900000"],
      ["30101", "基本工资", "款", "500000"],
      ["30102", "津贴补贴", "款", "400000"],
      ["302", "商品和服务支出", "类", "100000"],
      ["30213", "维修(护)费", "款", "100000"],
      ["301", "工资福利支出", "类", "500000"],
      ["30101", "基本工资", "款", "450000"],
    ]);
    expect(new Set(items.map((li) => li.classification))).toEqual(new Set(["economic_dept"]));
  });

  test("levels read from names are checked against the sums; the 合计 row against the 类", () => {
    const checks = doc.validations.filter((v) => /^table:/.test(v.rule));
    const statuses = (rule: string) => checks.filter((v) => v.rule === rule).map((v) => v.status);
    const status = (rule: string) => statuses(rule)[0];
    const basic = doc.tables.find((t) => t.kind === "basic")!.id;
    const fn = doc.tables.find((t) => t.kind === "general_budget")!.id;
    // Each unit's 工资福利支出: the first adds up, the second's 基本工资 is 5.00 short.
    expect(statuses(`table:${basic}:code 301 = Σ children [总计]`)).toEqual(["pass", "fail"]);
    // 商品和服务支出's block ends in the next unit's line, a name the list does not know: placed by the sums, unchecked.
    expect(status(`table:${basic}:code 302 = Σ children [总计]`)).toBeUndefined();
    expect(status(`table:${basic}:total = Σ rows [总计]`)).toBe("pass");
    expect(status(`table:${fn}:code 208 = Σ children [合计]`)).toBe("pass");
    expect(status(`table:${fn}:total = Σ rows [合计]`)).toBe("pass");
    // The 220 block was placed by its sums (人工影响天气 is not in the list): checking it again would prove nothing.
    expect(checks.some((v) => v.rule.startsWith(`table:${fn}:code 220 `))).toBe(false);
  });
});

describe("a names-only table whose rows are not classification names gives no line items", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    { caption: "项目支出预算表", rows: [["项目名称", "合计"], ["合计", "30.00"], ["信息化运维", "20.00"], ["宣传经费", "10.00"]] },
  ]);
  test("project names are not classes", () => expect(doc.lineItems).toEqual([]));
});

// Values read from the pages (pdftotext -layout).
describe.skipIf(!hasShared)(`杭州市气象局 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/008_杭州_气象局_2026年杭州市气象局部门预算公开.pdf.pdf")) : null;
  const table = (title: RegExp) => doc!.tables.find((t) => title.test(t.title ?? ""))!;
  const items = (title: RegExp, measure: string) => doc!.lineItems.filter((li) => li.tableId === table(title).id && li.measure === measure);

  test("表5 一般公共预算支出预算表 (p.18): every row, 类/款/项 by name, 合计 column", () => {
    const got = items(/一般公共预算支出预算表/, "合计").map(brief);
    expect(got).toHaveLength(17);
    expect(got.slice(0, 3)).toEqual([
      ["206", "科学技术支出", "类", "280000"],
      ["20604", "技术研究与开发", "款", "280000"],
      ["2060404", "科技成果转化与扩散", "项", "280000"],
    ]);
    expect(got.slice(-5)).toEqual([
      ["220", "自然资源海洋气象等支出", "类", "52478700"],
      ["22005", "气象事务", "款", "52478700"],
      ["2200501", "行政运行", "项", "26171900"],
      ["2200504", "气象事业机构", "项", "6506800"],
      [null, "气象服务", "项", "19800000"],
    ]);
  });

  test("表6 一般公共预算基本支出预算表 (p.19): 经济分类 by name, 人员经费 column", () => {
    const got = items(/基本支出预算表/, "本年一般公共预算基本支出 / 人员经费").map(brief);
    expect(got.slice(0, 2)).toEqual([
      ["301", "工资福利支出", "类", "27099000"],
      ["30101", "基本工资", "款", "980000"],
    ]);
    expect(got.find((li) => li[1] === "其他对个人和家庭的补助")).toEqual(["30399", "其他对个人和家庭的补助", "款", "44600"]);
  });
});

describe.skipIf(!hasShared)(`深圳市公安局 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/003_深圳_公安局_2026年部门预算.pdf")) : null;

  test("基本支出总表: 经济分类 by name under the unit's line, which gives none", () => {
    const basic = doc!.tables.find((t) => t.title === "基本支出总表")!;
    const got = doc!.lineItems.filter((li) => li.tableId === basic.id && li.measure === "总计");
    expect(got.slice(0, 2).map(brief)).toEqual([
      ["301", "工资福利支出", "类", "1018299300"],
      ["30101", "基本工资", "款", "177893100"],
    ]);
    expect(got.find((li) => li.code === "309")).toMatchObject({ name: "资本性支出（基本建设）", level: "类", yuan: "400000" });
    expect(got.some((li) => li.name.includes("深圳市公安局"))).toBe(false);
  });
});

describe.skipIf(!hasShared)(`广州市科学技术局 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/005_广州_科技创新局_2026年部门预算.pdf")) : null;

  test("codes printed in brackets before the name: [2011105]派驻派出机构", () => {
    const got = doc!.lineItems.filter((li) => li.measure === "一般公共预算支出 / 小计" && li.code?.startsWith("201"));
    expect(got.map(brief)).toEqual([
      ["201", "一般公共服务支出", "类", "200000"],
      ["20111", "纪检监察事务", "款", "200000"],
      ["2011105", "派驻派出机构", "项", "200000"],
    ]);
    expect(doc!.lineItems.find((li) => li.code === "30101" && li.tableKind === "general_budget_basic")).toMatchObject({ name: "基本工资", yuan: "10778500" });
  });
});

describe("codes printed in brackets before the name (广州's tables)", async () => {
  const doc = await extractTables("某局2026年部门预算", [
    {
      caption: "一般公共预算基本支出情况表（按经济分类科目）",
      rows: [["部门预算支出经济科目", "预算"], ["合计", "80.00"], ["[301]工资福利支出", "80.00"], ["[30101]基本工资", "50.00"], ["［30102］津贴补贴", "30.00"]],
    },
  ]);
  test("'[30101]基本工资' is code 30101, name 基本工资", () => {
    expect(doc.lineItems.map(brief)).toEqual([
      ["301", "工资福利支出", "类", "800000"],
      ["30101", "基本工资", "款", "500000"],
      ["30102", "津贴补贴", "款", "300000"],
    ]);
  });
});
