/**
 * The 部门决算 tables (domain.md §1.4, the 九张表 公开01–09表 and the regional tables beside them) on generated HTML
 * documents: which catalog kind each is, and that its facts are the 决算数 — never 年初预算数, 调整预算数 or 采购预算.
 */
import { describe, expect, test } from "vitest";
import { tableFacts } from "../../src/budget/table-facts.js";
import type { ExtractedDocument, Table } from "../../src/model/index.js";
import { REVIEW, disclosureHtml, extractHtml, factMap, factOf, rule, yuanOf, type TableSpec } from "./table-fixtures.js";

const finalDoc = (tables: TableSpec[], paragraphs: string[] = []) => extractHtml(disclosureHtml("某某委2016年度部门决算", tables, paragraphs));
const arithmeticFailures = (doc: ExtractedDocument) => doc.validations.filter((v) => v.status === "fail" && !REVIEW.test(v.rule));

const ONE_COLUMN_ROWS = [
  ["项目", "金额"],
  ["甲", "1.00"],
  ["乙", "2.00"],
];

describe("the 决算 九张表 and their regional wordings are catalog kinds by title", () => {
  const cases: [string, string][] = [
    // 公开01–09表 as the national template names them.
    ["收入支出决算总表", "summary"],
    ["收入决算表", "income"],
    ["支出决算表", "expenditure"],
    ["财政拨款收入支出决算总表", "fiscal_summary"],
    ["一般公共预算财政拨款支出决算表", "general_budget"],
    ["一般公共预算财政拨款基本支出决算表", "general_budget_basic"],
    ["一般公共预算财政拨款“三公”经费支出决算表", "three_public"],
    ["政府性基金预算财政拨款收入支出决算表", "government_fund"],
    ["国有资本经营预算财政拨款支出决算表", "state_capital"],
    // 143号's 情况决算表 wording, and the regions' (domain.md §1.4).
    ["部门收支总体情况决算表", "summary"],
    ["部门收入总体情况决算表", "income"],
    ["部门支出总体情况决算表", "expenditure"],
    ["财政拨款收支总体情况决算表", "fiscal_summary"],
    ["一般公共预算支出情况决算表", "general_budget"],
    ["一般公共预算基本支出情况决算表", "general_budget_basic"],
    ["部门收支决算总表", "summary"],
    ["收入决算总表", "income"],
    ["支出决算总表", "expenditure"],
    ["一般公共预算财政拨款基本支出决算明细表", "general_budget_basic"],
    ["一般公共预算财政拨款安排的“三公”经费支出决算表", "three_public"],
    ["一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表", "three_public"],
    ["一般公共预算财政拨款“三公”经费、行政参公单位机关运行经费情况表", "three_public"],
    ["国有资本经营预算财政拨款收入支出决算表", "state_capital"],
    ["财政拨款支出决算明细表", "fiscal_expenditure"],
    ["国有资产占用情况表", "assets"],
    // 太原 2016 公开01表 (no 总), 公开05表, 公开08表; the national 相关信息统计表; 腾冲 2017's 财政专户 table.
    ["2016年收入支出决算表", "summary"],
    ["2016年一般公共预算财政拨款支出决算表（一）", "general_budget"],
    ["2016年部门决算公开相关信息统计表", "final_statistics"],
    ["部门决算相关信息统计表", "final_statistics"],
    ["财政专户管理资金收入支出决算表", "special_account"],
  ];

  test.each(cases)("'%s' is kind %s, identified by its title", async (title, kind) => {
    const doc = await finalDoc([{ caption: title, rows: ONE_COLUMN_ROWS }]);
    expect(doc.tables.map((t) => [t.kind, t.kindEvidence])).toEqual([[kind, { by: "title", quote: title }]]);
  });
});

// 太原市发展和改革委员会 2016 决算, 公开08表, as the .doc prints it (金额单位：元): three small tables in one grid.
const STATISTICS_ROWS = [
  ["一、政府采购情况|4"],
  ["项目", "行次", "采购预算", "采购金额"],
  ["合计", "1", "4,723,299.00", "4,524,155.10"],
  ["货物", "2", "1,260,799.00", "1,179,655.10"],
  ["工程", "3", "0.00", "0.00"],
  ["服务", "4", "3,462,500.00", "3,344,500.00"],
  ["二、机关运行经费|4"],
  ["项目", "", "统计数|2"],
  ["（一）行政单位", "5", "3,999,400.00|2"],
  ["（二）参照公务员法管理事业单位", "6", "0.00|2"],
  ["三、国有资产占用情况|4"],
  ["（一）车辆数合计（辆）", "7", "20|2"],
  ["1.部级领导干部用车", "8", "0|2"],
  ["2.一般公务用车", "9", "14|2"],
  ["3.一般执法执勤用车", "10", "6|2"],
  ["（二）单价50万元以上通用设备（台、套）", "13", "0|2"],
];
const statistics = (caption: string | undefined, rows = STATISTICS_ROWS): TableSpec => ({ ...(caption ? { caption: ["公开08表", caption] } : {}), unit: "金额单位：元", rows });
const STATISTICS_FACTS = {
  "procurement.total": "4524155.1",
  "procurement.goods": "1179655.1",
  "procurement.works": "0",
  "procurement.services": "3344500",
  operating_cost: "3999400",
  "assets.vehicles": "20",
};

describe("部门决算相关信息统计表 (山西 决算 公开08表): each section read as the table its heading names", () => {
  test("政府采购 from the 采购金额 column, never 采购预算 or 行次; 机关运行经费 from 统计数; the 车辆数 a count", async () => {
    const doc = await finalDoc([statistics("2016年部门决算公开相关信息统计表")]);
    expect(doc.tables[0]).toMatchObject({ kind: "final_statistics", kindEvidence: { by: "title" } });
    // No 三公 figure (2.一般公务用车 14 is a count of cars under 国有资产) and nothing from the 行次 numbers.
    expect(factMap(doc)).toEqual(STATISTICS_FACTS);
    const t = doc.tables[0]!.id;
    expect(factOf(doc, "procurement.total")!.evidence).toEqual([{ kind: "cell", tableId: t, row: 2, col: 3, quote: "4,524,155.10" }]);
    expect(factOf(doc, "assets.vehicles")).toMatchObject({ raw: "20辆", unit: "辆" });
    expect(rule(doc, "procurement.goods+works+services=total")).toMatchObject({ status: "pass", expected: "4524155.1" });
  });

  test("机关运行经费 printed only as its 行政单位 and 参公 lines: their sum, with both cells as evidence", async () => {
    const rows = STATISTICS_ROWS.map((r) => (r[0] === "（二）参照公务员法管理事业单位" ? [r[0], "6", "100.50|2"] : r));
    const doc = await finalDoc([statistics("部门决算相关信息统计表", rows)]);
    const cost = factOf(doc, "operating_cost")!;
    expect(cost).toMatchObject({ yuan: "3999500.5", raw: "3,999,400.00 + 100.50元" });
    expect(cost.evidence.map((e) => e.quote)).toEqual(["3,999,400.00", "100.50"]);
  });

  test("a section that prints its own 合计 states that figure, not a sum of its lines", async () => {
    const rows = STATISTICS_ROWS.flatMap((r) => (r[0] === "（一）行政单位" ? [["合计", "", "4,000,000.00|2"], r] : [r]));
    const doc = await finalDoc([statistics("2016年部门决算公开相关信息统计表", rows)]);
    expect(factOf(doc, "operating_cost")!.evidence.map((e) => e.quote)).toEqual(["4,000,000.00"]);
  });

  test("without a title: identified by its section headings, the same facts", async () => {
    const doc = await finalDoc([statistics(undefined)]);
    expect(doc.tables[0]).toMatchObject({ kind: "final_statistics", kindEvidence: { by: "header_signature", quote: "政府采购情况 | 机关运行经费" } });
    expect(factMap(doc)).toEqual(STATISTICS_FACTS);
  });

  test("the narrative's rounded figures (太原 p51) agree: the table's exact ones are the facts, both as evidence", async () => {
    const doc = await finalDoc([statistics("2016年部门决算公开相关信息统计表")], ["其他重要事项的情况说明", "1、全年政府采购金额452.42万元。其中货物117.97万元、服务334.45万元。机关运行费用399.94万元。国有资产车辆合计20辆。"]);
    expect(factMap(doc)).toEqual(STATISTICS_FACTS);
    expect(factOf(doc, "procurement.goods")!.evidence.map((e) => `${e.kind}:${e.quote}`)).toEqual(["cell:1,179,655.10", "text:117.97万元"]);
    expect(factOf(doc, "operating_cost")!.evidence.map((e) => `${e.kind}:${e.quote}`)).toEqual(["cell:3,999,400.00", "cell:0.00", "text:399.94万元"]);
    expect(arithmeticFailures(doc)).toEqual([]);
  });
});

describe("部门决算相关信息统计表 printed as 项目 | 统计数 | 项目 | 统计数 panels", () => {
  test("each panel's lines, read in the words of the outline line above them (其中：货物 under 三、政府采购支出)", async () => {
    const doc = await finalDoc([
      {
        caption: "部门决算相关信息统计表",
        rows: [
          ["项目", "统计数", "项目", "统计数"],
          ["一、“三公”经费支出", "15.00", "三、政府采购支出", "120.00"],
          ["1.因公出国（境）费", "3.00", "其中：货物", "20.00"],
          ["2.公务用车购置及运行费", "9.00", "工程", "0.00"],
          ["3.公务接待费", "3.00", "服务", "100.00"],
          ["二、机关运行经费支出", "55.50", "四、车辆数（辆）", "12"],
        ],
      },
    ]);
    expect(factMap(doc)).toEqual({
      "three_public.total": "150000",
      "three_public.overseas": "30000",
      "three_public.vehicle": "90000",
      "three_public.reception": "30000",
      operating_cost: "555000",
      "procurement.total": "1200000",
      "procurement.goods": "200000",
      "procurement.works": "0",
      "procurement.services": "1000000",
      "assets.vehicles": "12",
    });
    expect(arithmeticFailures(doc)).toEqual([]);
  });
});

describe("a 决算 compares the 一般公共预算 with its budget: 年初预算数 | 调整预算数 | 决算数", () => {
  const byBudget = (caption?: string): TableSpec => ({
    ...(caption ? { caption } : {}),
    rows: [
      ["科目编码||2", "科目名称||2", "年初预算数||2", "调整预算数||2", "决算数|3"],
      ["合计", "基本支出", "项目支出"],
      ["", "合计", "80.00", "85.00", "84.00", "60.00", "24.00"],
      ["201", "一般公共服务支出", "80.00", "85.00", "84.00", "60.00", "24.00"],
    ],
  });
  const GENERAL_BUDGET = { "expenditure.total@general_budget": "840000", "expenditure.basic@general_budget": "600000", "expenditure.project@general_budget": "240000" };

  test("titled: the 决算数 group states the fund's expenditure, its 基本 and 项目 parts", async () => {
    const doc = await finalDoc([byBudget("一般公共预算财政拨款支出决算表")]);
    expect(doc.tables[0]!.kind).toBe("general_budget");
    expect(factMap(doc)).toEqual(GENERAL_BUDGET);
  });

  test("without a title: 年初预算数 beside 决算数 identifies it (no other table of the set prints a 年初 budget)", async () => {
    const doc = await finalDoc([byBudget()]);
    expect(doc.tables[0]).toMatchObject({ kind: "general_budget", kindEvidence: { by: "header_signature", quote: "年初预算数 | 决算数" } });
    expect(factMap(doc)).toEqual(GENERAL_BUDGET);
  });

  test("one 决算数 column beside the two budgets: its 合计, once", async () => {
    const doc = await finalDoc([{ rows: [["科目编码", "科目名称", "年初预算数", "调整预算数", "决算数"], ["", "合计", "80.00", "85.00", "84.00"], ["201", "一般公共服务支出", "80.00", "85.00", "84.00"]] }]);
    expect(factMap(doc)).toEqual({ "expenditure.total@general_budget": "840000" });
    expect(factOf(doc, "expenditure.total", "general_budget")!.evidence.map((e) => e.quote)).toEqual(["84.00"]);
  });
});

describe("untitled 收入决算表 and 支出决算表: their 本年收入合计 / 本年支出合计 headers", () => {
  test("收入决算表: this year's income and its sources", async () => {
    const doc = await finalDoc([{ rows: [["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], ["", "合计", "105.00", "100.00", "0.00", "5.00", "0.00", "0.00", "0.00"], ["201", "一般公共服务支出", "105.00", "100.00", "0.00", "5.00", "0.00", "0.00", "0.00"]] }]);
    expect(doc.tables[0]!.kind).toBe("income");
    expect(factMap(doc)).toEqual({ "income.current_year": "1050000", "income.current_year@fiscal": "1000000", "income.superior": "0", "income.business": "50000", "income.operating": "0", "income.subsidiary": "0", "income.other": "0" });
  });

  test("支出决算表: this year's expenditure and its uses", async () => {
    const doc = await finalDoc([{ rows: [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], ["", "合计", "90.00", "70.00", "20.00", "0.00", "0.00", "0.00"], ["201", "一般公共服务支出", "90.00", "70.00", "20.00", "0.00", "0.00", "0.00"]] }]);
    expect(doc.tables[0]!.kind).toBe("expenditure");
    expect(factMap(doc)).toEqual({ "expenditure.current_year": "900000", "expenditure.basic": "700000", "expenditure.project": "200000", "expenditure.superior": "0", "expenditure.operating": "0", "expenditure.subsidiary": "0" });
  });
});

describe("regional 决算 tables beside the nine", () => {
  test("云南's 三公 with 行政参公单位机关运行经费 (项目 | 预算数 | 决算数): each line's 决算数", async () => {
    const doc = await finalDoc([
      {
        caption: "一般公共预算财政拨款“三公”经费、行政参公单位机关运行经费情况表",
        rows: [
          ["项目", "预算数", "决算数"],
          ["合计", "20.00", "15.00"],
          ["1.因公出国（境）费", "5.00", "3.00"],
          ["2.公务用车购置及运行费", "10.00", "9.00"],
          ["其中：公务用车购置费", "4.00", "4.00"],
          ["公务用车运行费", "6.00", "5.00"],
          ["3.公务接待费", "5.00", "3.00"],
          ["行政参公单位机关运行经费", "60.00", "55.50"],
        ],
      },
    ]);
    expect(factMap(doc)).toEqual({
      "three_public.total": "150000",
      "three_public.overseas": "30000",
      "three_public.vehicle": "90000",
      "three_public.vehicle.purchase": "40000",
      "three_public.vehicle.operation": "50000",
      "three_public.reception": "30000",
      operating_cost: "555000",
    });
  });

  test("腾冲's 财政专户管理资金收入支出决算表 states none of the department's facts", async () => {
    const doc = await finalDoc([{ caption: "财政专户管理资金收入支出决算表", rows: [["科目名称", "合计", "基本支出", "项目支出"], ["合计", "30.00", "20.00", "10.00"]] }]);
    expect(doc.tables[0]!.kind).toBe("special_account");
    expect(doc.facts).toEqual([]);
  });
});

// 太原 2016 公开01表 "2016年收入支出决算表": 一、财政拨款收入 above 本年收入合计 and 年初结转和结余 lines.
describe("a 收入支出决算表's source lines above 本年收入合计 are this year's income", () => {
  test("一、财政拨款收入 is this year's fiscal income; 总计 the department's income.total", async () => {
    const doc = await finalDoc([
      {
        caption: ["公开01表", "2016年收入支出决算表"],
        unit: "金额单位：元",
        rows: [
          ["收入|3", "支出|3"],
          ["项目", "行次", "金额", "项目", "行次", "金额"],
          ["一、财政拨款收入", "1", "42,575,058.26", "一、基本支出", "37", "33,997,037.22"],
          ["其中：政府性基金预算财政拨款", "2", "1,032,253.00", "二、项目支出", "38", "8,678,163.48"],
          ["二、其他收入", "7", "8,863.33", "", "", ""],
          ["本年收入合计", "24", "42,583,921.59", "本年支出合计", "60", "42,675,200.70"],
          ["年初结转和结余", "26", "776,303.47", "年末结转和结余", "66", "685,024.36"],
          ["总计", "36", "43,360,225.06", "总计", "70", "43,360,225.06"],
        ],
      },
    ]);
    expect(doc.tables[0]!.kind).toBe("summary");
    expect(factMap(doc)).toMatchObject({
      "income.current_year@fiscal": "42575058.26",
      "income.government_fund": "1032253",
      "income.current_year": "42583921.59",
      "income.carryover": "776303.47",
      "income.total": "43360225.06",
      "expenditure.total": "43360225.06",
    });
    expect(factOf(doc, "income.total", "fiscal")).toBeUndefined();
    expect(arithmeticFailures(doc)).toEqual([]);
  });
});

// 太原 2016 决算 without its 公开01表: "2016年收入决算4258.39万元" is the 收入决算表's 本年收入合计 42,583,921.59元; the
// 财政拨款收入支出决算总表 prints 年初财政拨款结转和结余 544,118.54元, so the 收入总计 is larger than that.
describe("a 决算's 收入决算 / 支出决算 where no 收支总表 is printed", () => {
  // The carryovers: 公开04表's 年初财政拨款结转和结余, 公开07表's 年末结转和结余 of the 政府性基金.
  const tablesWith = (carriedIn: string, carriedOut: string): TableSpec[] => [
    {
      caption: ["公开02表", "2016年收入决算表"],
      unit: "金额单位：元",
      rows: [["科目名称", "本年收入合计", "财政拨款收入", "其他收入"], ["合计", "42,583,921.59", "42,575,058.26", "8,863.33"]],
    },
    {
      caption: ["公开03表", "2016年支出决算表"],
      unit: "金额单位：元",
      rows: [["科目名称", "本年支出合计", "基本支出", "项目支出"], ["合计", "42,675,200.70", "33,997,037.22", "8,678,163.48"]],
    },
    {
      caption: ["公开04表", "2016年财政拨款收入支出决算总表"],
      unit: "金额单位：元",
      rows: [
        ["收入|2", "支出|2"],
        ["项目", "金额", "项目", "金额"],
        ["一、一般公共预算财政拨款", "41,542,805.26", "一、一般公共预算财政拨款", "41,542,805.26"],
        ["二、政府性基金预算财政拨款", "1,032,253.00", "二、政府性基金预算财政拨款", "1,127,761.41"],
        ["本年收入合计", "42,575,058.26", "本年支出合计", "42,670,566.67"],
        ["年初财政拨款结转和结余", carriedIn, "", ""],
      ],
    },
    {
      caption: ["公开07表", "2016年政府性基金预算财政拨款收入支出决算表"],
      unit: "金额单位：元",
      rows: [
        ["项目||2", "年初结转和结余||2", "本年收入||2", "本年支出|3", "年末结转和结余||2"],
        ["小计", "基本支出", "项目支出"],
        ["合计", "0.00", "1,032,253.00", "1,127,761.41", "95,508.41", "1,032,253.00", carriedOut],
      ],
    },
  ];
  const narrative = ["一、收入决算总体安排情况", "2016年收入决算4258.39万元。", "二、支出决算总体安排情况", "2016年支出决算4267.52万元。"];

  test("with a carryover stated: the figures equal to 本年收入合计 / 本年支出合计 are this year's, not the 总计", async () => {
    const doc = await finalDoc(tablesWith("544,118.54", "448,610.13"), narrative);
    expect(factOf(doc, "income.total")).toBeUndefined();
    expect(factOf(doc, "expenditure.total")).toBeUndefined();
    expect(factOf(doc, "income.current_year")!.evidence.map((e) => `${e.kind}:${e.quote}`)).toEqual(["cell:42,583,921.59", "text:4258.39万元"]);
    expect(factOf(doc, "expenditure.current_year")!.evidence.map((e) => `${e.kind}:${e.quote}`)).toEqual(["cell:42,675,200.70", "text:4267.52万元"]);
  });

  test("with nothing carried over, 总计 and 本年 are one figure: the sentence keeps its income.total", async () => {
    const doc = await finalDoc(tablesWith("0.00", "0.00"), narrative);
    expect(yuanOf(doc, "income.total")).toBe("42583900");
    expect(yuanOf(doc, "expenditure.total")).toBe("42675200");
  });
});

// A PDF reader may take the first section's heading and header row as the table's header block: the columns' paths
// then read "一、政府采购情况 / 采购预算" and the first data row is 合计.
describe("a 相关信息统计表 whose first section heading is in the header block", () => {
  const unit = { raw: "金额单位：元", unit: "元" as const, multiplier: "1", source: "caption" as const };
  const grid = [
    ["合计", "1", "4,723,299.00", "4,524,155.10"],
    ["货物", "2", "1,260,799.00", "1,179,655.10"],
    ["二、机关运行经费", "", "", ""],
    ["（一）行政单位", "5", "3,999,400.00", ""],
  ];
  // Typed as the structure stage types a 元 cell: "4,524,155.10" is 4524155.1.
  const money = (text: string) => {
    const plain = text.replace(/,/g, "").replace(/\.?0+$/, "");
    return /^[\d,]+\.\d\d$/.test(text) ? { value: { kind: "amount" as const, value: plain, yuan: plain } } : {};
  };
  const table: Table = {
    id: "t0",
    blockIds: ["t0"],
    title: "2016年部门决算公开相关信息统计表",
    number: null,
    unit,
    nRows: grid.length,
    nCols: 4,
    titleRows: 0,
    headerRows: 0,
    grid: [],
    provenance: [],
    kind: "final_statistics",
    columns: ["项目", "行次", "采购预算", "采购金额"].map((h, index) => ({ index, path: ["一、政府采购情况", h], header: h, kind: index === 0 ? "name" : index === 1 ? "colno" : "amount", unit })),
    rows: grid.map((r, index) => ({ index, kind: r[0] === "合计" ? "total" : r[0]!.startsWith("二、") ? "note" : "data" })),
    cells: grid.flatMap((r, row) => r.flatMap((text, col) => (text ? [{ row, col, rowSpan: 1, colSpan: r[0]!.startsWith("二、") ? 4 : 1, text, ...money(text) }] : []))),
  };

  test("the header block's heading names the first section: 合计 and 货物 are procurement, from 采购金额", () => {
    const found = tableFacts([table], { basis: "final" });
    expect(found.map((m) => [m.key, m.yuan])).toEqual([
      ["procurement.total", "4524155.1"],
      ["procurement.goods", "1179655.1"],
      ["operating_cost", "3999400"],
    ]);
  });
});
