/**
 * Specification of the standard tables (src/budget/catalog, table-facts.ts, table-columns.ts) on generated HTML
 * documents read end to end by extractBytes: which catalog kind a table is and why, and which facts (key, fund,
 * exact 元) its rows and columns state.
 */
import { describe, expect, test } from "vitest";
import type { ExtractedDocument } from "../../src/model/index.js";
import { REVIEW, cellHtml, disclosureHtml, extractHtml, factMap, factOf, rule, yuanOf, type TableSpec } from "./table-fixtures.js";

const budgetDoc = (tables: TableSpec[], paragraphs: string[] = []) => extractHtml(disclosureHtml("某某局2026年部门预算", tables, paragraphs));

/** A 收入 | 支出 table (收支总表, 财政拨款收支总表): its two header rows, then `rows`. */
const twoSided = (...rows: string[][]): string[][] => [["收入|2", "支出|2"], ["项目", "预算数", "项目", "预算数"], ...rows];

/** The three parts of the 三公 as column headers, in their national order. */
const THREE_PUBLIC_PARTS = ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"];

const ONE_COLUMN_ROWS = [
  ["项目", "金额"],
  ["甲", "1.00"],
  ["乙", "2.00"],
];

describe("catalog kinds by title", () => {
  const cases: [string, string][] = [
    ["收支总表", "summary"],
    ["部门收支总体情况表", "summary"],
    ["2026年预算单位财务收支预算总表", "summary"],
    ["收入支出决算总表", "summary"],
    ["财政拨款收支总体情况表", "fiscal_summary"],
    ["一般公共预算基本支出情况表（按经济分类科目）", "general_budget_basic"],
    ["本年支出总体情况表", "expenditure"],
    ["“三公”经费支出预算表", "three_public"],
  ];

  test.each(cases)("'%s' is kind %s, identified by its title", async (title, kind) => {
    const doc = await budgetDoc([{ caption: title, rows: ONE_COLUMN_ROWS }]);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.kind).toBe(kind);
    expect(doc.tables[0]!.kindEvidence).toEqual({ by: "title", quote: title });
  });

  test("every regional wording in one document: each table its own kind", async () => {
    const doc = await budgetDoc(cases.map(([caption]) => ({ caption, rows: ONE_COLUMN_ROWS })));
    expect(doc.tables.map((t) => [t.title, t.kind, t.kindEvidence?.by])).toEqual(cases.map(([title, kind]) => [title, kind, "title"]));
  });

  test("a table number printed on its own line above the name ('表1' / '收支总表') does not hide the name", async () => {
    const doc = await budgetDoc([{ caption: ["表1", "收支总表"], rows: ONE_COLUMN_ROWS }]);
    expect(doc.tables[0]).toMatchObject({ title: "收支总表", kind: "summary", kindEvidence: { by: "title", quote: "收支总表" } });
  });
});

describe("catalog kinds by header signature (tables without a title)", () => {
  /** Tables between narrative paragraphs, with no caption: only their header cells say what they are. */
  const untitled = (tables: string[][][]) => {
    const body = tables
      .map((rows, i) => `<p>${"一二三四五"[i]}、情况说明，本部门的有关情况如下表所示，共计若干项内容。</p>\n<p>单位：万元</p>\n<table border="1">${rows.map((r) => `<tr>${r.map(cellHtml).join("")}</tr>`).join("")}</table>`)
      .join("\n");
    return extractHtml(`<html><head><meta charset="utf-8"><title>x</title></head><body><p>某某局2026年部门预算</p>\n${body}</body></html>`);
  };

  const UNTITLED_THREE_PUBLIC = [["项目", "合计", ...THREE_PUBLIC_PARTS], ["2026年预算", "6.00", "1.00", "3.00", "2.00"]];
  const UNTITLED_EXPENDITURE = [
    ["科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "30.00", "20.00", "10.00"],
    ["一般公共服务支出", "30.00", "20.00", "10.00"],
  ];

  test("因公出国 + 公务接待 headers → three_public; 基本支出 + 项目支出 + 合计 → expenditure; a list of people → other", async () => {
    const doc = await untitled([
      UNTITLED_THREE_PUBLIC,
      UNTITLED_EXPENDITURE,
      [
        ["序号", "姓名", "职务"],
        ["1", "张三", "科长"],
        ["2", "李四", "科员"],
      ],
    ]);
    expect(doc.tables.map((t) => [t.title ?? null, t.kind, t.kindEvidence])).toEqual([
      [null, "three_public", { by: "header_signature", quote: "因公出国（境）费 | 公务接待费" }],
      [null, "expenditure", { by: "header_signature", quote: "合计 | 基本支出 | 项目支出" }],
      [null, "other", null],
    ]);
  });

  test("a table identified by its signature states its facts like a titled one", async () => {
    const doc = await untitled([
      UNTITLED_THREE_PUBLIC,
      UNTITLED_EXPENDITURE,
    ]);
    expect(factMap(doc)).toEqual({
      "three_public.total": "60000",
      "three_public.overseas": "10000",
      "three_public.vehicle": "30000",
      "three_public.reception": "20000",
      "expenditure.current_year": "300000",
      "expenditure.basic": "200000",
      "expenditure.project": "100000",
    });
  });

  test("收入 | 支出 headers with 收入总计 and 支出总计 rows → summary", async () => {
    const doc = await untitled([
      [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一般公共预算拨款", "10.00", "一般公共服务支出", "12.00"],
        ["事业收入", "2.00", "", ""],
        ["收入总计", "12.00", "支出总计", "12.00"],
      ],
    ]);
    expect(doc.tables[0]).toMatchObject({ kind: "summary", kindEvidence: { by: "header_signature", quote: "收入总计 | 支出总计" } });
  });

  test("收入 | 支出 with only 一般公共预算 sources (no 事业收入) → fiscal_summary, its totals fund fiscal", async () => {
    const doc = await untitled([
      [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一般公共预算拨款", "10.00", "一般公共服务支出", "10.00"],
        ["收入总计", "10.00", "支出总计", "10.00"],
      ],
    ]);
    expect(doc.tables[0]).toMatchObject({ kind: "fiscal_summary", kindEvidence: { by: "header_signature", quote: "收入 | 支出 | 一般公共预算拨款" } });
    expect(factMap(doc)).toEqual({ "income.general_budget": "100000", "income.total@fiscal": "100000", "expenditure.total@fiscal": "100000" });
  });

  test("合计 | 财政拨款 | 事业收入 | 上年结转 → income; 人员经费 | 公用经费 → basic", async () => {
    const income = await untitled([
      [
        ["单位名称", "合计", "财政拨款", "事业收入", "上年结转"],
        ["合计", "30.00", "20.00", "5.00", "5.00"],
      ],
    ]);
    expect(income.tables[0]).toMatchObject({ kind: "income", kindEvidence: { by: "header_signature", quote: "合计 | 财政拨款 | 事业收入" } });
    expect(yuanOf(income, "income.total")).toBe("300000");
    expect(yuanOf(income, "income.business")).toBe("50000");
    expect(yuanOf(income, "income.carryover")).toBe("50000");
    const basic = await untitled([
      [
        ["单位名称", "合计", "人员经费", "公用经费"],
        ["合计", "30.00", "20.00", "10.00"],
      ],
    ]);
    expect(basic.tables[0]).toMatchObject({ kind: "basic", kindEvidence: { by: "header_signature", quote: "人员经费 | 公用经费" } });
    expect(factMap(basic)).toEqual({ "expenditure.basic": "300000", "expenditure.basic.personnel": "200000", "expenditure.basic.public": "100000" });
  });
});

describe("an 经济分类 table is not a 三公 table (太原 2016 决算 公开06表)", () => {
  // 人员经费 | 公用经费 panels of 经济分类 lines; 30212 因公出国（境）费用 and 30217 公务接待费 are lines, not the 三公 table's items.
  const economic = (caption: string | undefined) => ({
    ...(caption ? { caption: ["公开06表", caption] } : {}),
    unit: "金额单位：元",
    rows: [
      ["人员经费|3", "公用经费|3"],
      ["经济分类科目编码", "科目名称", "金额", "经济分类科目编码", "科目名称", "金额"],
      ["301", "工资福利支出", "600.00", "302", "商品和服务支出", "300.00"],
      ["30101", "基本工资", "600.00", "30212", "因公出国（境）费用", "100.00"],
      ["", "", "", "30217", "公务接待费", "200.00"],
      ["人员经费合计", "", "600.00", "公用经费合计", "", "300.00"],
    ],
  });

  test("a title naming only the fund ('一般公共预算财政拨款决算表（二）'): general_budget_basic by its 人员经费 | 公用经费 headers", async () => {
    const doc = await extractHtml(disclosureHtml("某某委2016年度部门决算", [economic("2016年一般公共预算财政拨款决算表（二）")]));
    expect(doc.tables[0]).toMatchObject({ kind: "general_budget_basic", kindEvidence: { by: "header_signature", quote: "人员经费 | 公用经费" } });
    expect(yuanOf(doc, "expenditure.basic.personnel", "general_budget")).toBe("600");
    expect(doc.facts.filter((f) => f.key.startsWith("three_public."))).toEqual([]);
  });

  test("without a title: the department-wide basic table, still never three_public", async () => {
    const doc = await budgetDoc([economic(undefined)]);
    expect(doc.tables[0]).toMatchObject({ kind: "basic", kindEvidence: { by: "header_signature" } });
  });
});

describe("人员经费 | 公用经费 of a table not titled 基本支出 are basic parts only where they add up to its 基本支出", () => {
  // 太原 2016 决算: 公开05表 splits the fund into 基本 | 项目; 公开06表 "决算表（二）" splits the same whole by 人员 | 公用.
  const byFunction = (basic: string, project: string): TableSpec => ({
    caption: ["公开05表", "2016年一般公共预算财政拨款支出决算表（一）"],
    unit: "金额单位：元",
    rows: [
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["", "合计", "900.00", basic, project],
      ["201", "一般公共服务支出", "900.00", basic, project],
    ],
  });
  const byEconomicGroup: TableSpec = {
    caption: ["公开06表", "2016年一般公共预算财政拨款决算表（二）"],
    unit: "金额单位：元",
    rows: [
      ["人员经费|3", "公用经费|3"],
      ["经济分类科目编码", "科目名称", "金额", "经济分类科目编码", "科目名称", "金额"],
      ["301", "工资福利支出", "600.00", "302", "商品和服务支出", "300.00"],
      ["人员经费合计", "", "600.00", "公用经费合计", "", "300.00"],
    ],
  };
  const finalDoc = (tables: TableSpec[]) => extractHtml(disclosureHtml("某某委2016年度部门决算", tables));

  test("adding up to 基本 + 项目 (the whole fund): no basic part, and no false 人员 + 公用 = 基本 failure", async () => {
    const doc = await finalDoc([byFunction("700.00", "200.00"), byEconomicGroup]);
    expect(doc.tables[1]?.kind).toBe("general_budget_basic");
    expect(yuanOf(doc, "expenditure.basic", "general_budget")).toBe("700");
    expect(factOf(doc, "expenditure.basic.personnel", "general_budget")).toBeUndefined();
    expect(factOf(doc, "expenditure.basic.public", "general_budget")).toBeUndefined();
    expect(doc.validations.filter((v) => v.rule.startsWith("expenditure.basic.personnel+public") && v.status === "fail")).toEqual([]);
  });

  test("adding up to the 基本支出 stated for the fund: the basic parts, and the sum check passes", async () => {
    const doc = await finalDoc([byFunction("900.00", "0.00"), byEconomicGroup]);
    expect(yuanOf(doc, "expenditure.basic.personnel", "general_budget")).toBe("600");
    expect(yuanOf(doc, "expenditure.basic.public", "general_budget")).toBe("300");
    expect(rule(doc, "expenditure.basic.personnel+public=basic [general_budget]")?.status).toBe("pass");
  });

  test("a table titled 基本支出 keeps its parts even where they disagree: the failure is the document's", async () => {
    const titled = { ...byEconomicGroup, caption: ["公开06表", "2016年一般公共预算财政拨款基本支出决算表"] };
    const doc = await finalDoc([byFunction("700.00", "200.00"), titled]);
    expect(yuanOf(doc, "expenditure.basic.personnel", "general_budget")).toBe("600");
    expect(rule(doc, "expenditure.basic.personnel+public=basic [general_budget]")?.status).toBe("fail");
  });
});

describe("a fund table whose columns sit under 本年政府性基金预算支出 (苏州, 无锡 公开10表)", () => {
  test("its 合计 is expenditure.total of government_fund, 基本支出 and 项目支出 its parts", async () => {
    const doc = await budgetDoc([
      {
        caption: ["公开10表", "政府性基金预算支出表"],
        rows: [
          ["科目编码||2", "科目名称||2", "本年政府性基金预算支出|3"],
          ["合计", "基本支出", "项目支出"],
          ["", "合计", "44,003.26", "", "44,003.26"],
          ["212", "城乡社区支出", "44,003.26", "", "44,003.26"],
        ],
      },
    ]);
    expect(factMap(doc)).toEqual({ "expenditure.total@government_fund": "440032600", "expenditure.project@government_fund": "440032600" });
    expect(factOf(doc, "expenditure.total", "government_fund")!.evidence).toEqual([{ kind: "cell", tableId: doc.tables[0]!.id, row: 2, col: 2, quote: "44,003.26" }]);
  });
});

describe("the fund of a standard table's facts", async () => {
  const doc = await budgetDoc([
    {
      caption: "收支总表",
      rows: twoSided(
        ["一、一般公共预算拨款收入", "100.00", "一、基本支出", "80.00"],
        ["二、事业收入", "20.00", "二、项目支出", "40.00"],
        ["收入总计", "120.00", "支出总计", "120.00"],
      ),
    },
    {
      caption: "财政拨款收支总表",
      rows: twoSided(
        ["一、本年收入", "100.00", "一、本年支出", "110.00"],
        ["（一）一般公共预算拨款", "100.00", "（一）一般公共预算", "110.00"],
        ["二、上年结转", "10.00", "", ""],
        ["（一）一般公共预算拨款", "10.00", "", ""],
        ["收入总计", "110.00", "支出总计", "110.00"],
      ),
    },
    {
      caption: "一般公共预算基本支出表",
      rows: [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["301", "工资福利支出", "60.00", "60.00", ""],
        ["302", "商品和服务支出", "20.00", "", "20.00"],
        ["合计", "", "80.00", "60.00", "20.00"],
      ],
    },
  ]);

  test("a 财政拨款收支总表's 收入总计 is income.total with fund fiscal, not the department's", () => {
    expect(yuanOf(doc, "income.total", "fiscal")).toBe("1100000");
    expect(yuanOf(doc, "income.total")).toBe("1200000");
    expect(factOf(doc, "income.total", "fiscal")!.evidence).toEqual([{ kind: "cell", tableId: doc.tables[1]!.id, row: 6, col: 1, quote: "110.00" }]);
  });

  test("its 上年结转 is income.carryover with fund fiscal", () => {
    expect(yuanOf(doc, "income.carryover", "fiscal")).toBe("100000");
    expect(factOf(doc, "income.carryover")).toBeUndefined();
  });

  test("its expenditure side: 支出总计 fiscal, the 一般公共预算 line that fund's expenditure", () => {
    expect(yuanOf(doc, "expenditure.total", "fiscal")).toBe("1100000");
    expect(yuanOf(doc, "expenditure.total", "general_budget")).toBe("1100000");
    expect(yuanOf(doc, "expenditure.total")).toBe("1200000");
  });

  test("a 一般公共预算基本支出表's 合计 row: 人员经费 / 公用经费 are expenditure.basic.personnel / .public of general_budget", () => {
    expect(yuanOf(doc, "expenditure.basic.personnel", "general_budget")).toBe("600000");
    expect(yuanOf(doc, "expenditure.basic.public", "general_budget")).toBe("200000");
    expect(yuanOf(doc, "expenditure.basic", "general_budget")).toBe("800000");
    expect(factOf(doc, "expenditure.basic.personnel")).toBeUndefined();
    expect(rule(doc, "expenditure.basic.personnel+public=basic [general_budget]")).toMatchObject({ status: "pass", expected: "800000", actual: "800000" });
  });

  test("income.general_budget names its fund itself: fund 'all', one fact for both tables' statements", () => {
    const gb = doc.facts.filter((f) => f.key === "income.general_budget");
    expect(gb.map((f) => [f.fund, f.yuan])).toEqual([["all", "1000000"]]);
    expect(gb[0]!.evidence.map((e) => e.kind === "cell" && e.tableId)).toEqual([doc.tables[0]!.id, doc.tables[1]!.id]);
    expect(rule(doc, "consistent:income.general_budget")).toMatchObject({ status: "pass" });
  });

  test("the fiscal identities hold within the fiscal scope", () => {
    expect(rule(doc, "income.fiscal_sources=total")).toMatchObject({ status: "pass", expected: "1100000", actual: "1100000" });
    expect(rule(doc, "income.current_year+carryover=total [fiscal]")).toMatchObject({ status: "pass", expected: "1100000", actual: "1100000" });
    expect(yuanOf(doc, "income.current_year", "fiscal")).toBe("1000000");
  });
});

describe("本年收入合计 is not 收入总计; what is carried into next year", () => {
  test("收入 side: income.current_year and income.total apart; 年末结转和结余 → expenditure.carryover; both identities pass", async () => {
    const doc = await budgetDoc([
      {
        caption: "部门收支总体情况表",
        rows: twoSided(
          ["一、一般公共预算拨款收入", "100.00", "一、基本支出", "60.00"],
          ["", "", "二、项目支出", "30.00"],
          ["本年收入合计", "100.00", "本年支出合计", "90.00"],
          ["上年结转", "20.00", "年末结转和结余", "30.00"],
          ["收入总计", "120.00", "支出总计", "120.00"],
        ),
      },
    ]);
    expect(factMap(doc)).toEqual({
      "income.general_budget": "1000000",
      "expenditure.basic": "600000",
      "expenditure.project": "300000",
      "income.current_year": "1000000",
      "expenditure.current_year": "900000",
      "income.carryover": "200000",
      "expenditure.carryover": "300000",
      "income.total": "1200000",
      "expenditure.total": "1200000",
    });
    // 支出总计 = 基本 + 项目 + 年终结转结余; 本年支出合计 = 基本 + 项目.
    expect(rule(doc, "expenditure.basic+project=total")).toMatchObject({ status: "pass", expected: "1200000", actual: "1200000" });
    expect(rule(doc, "expenditure.basic+project=current_year")).toMatchObject({ status: "pass", expected: "900000", actual: "900000" });
    expect(rule(doc, "income.current_year+carryover=total")).toMatchObject({ status: "pass", expected: "1200000", actual: "1200000" });
  });

  test("结转下年 is expenditure.carryover too, and counts in 支出总计", async () => {
    const doc = await budgetDoc([
      {
        caption: "收支总表",
        rows: twoSided(
          ["一、一般公共预算拨款", "90.00", "一、基本支出", "55.00"],
          ["本年收入合计", "90.00", "二、项目支出", "40.00"],
          ["上年结转", "10.00", "结转下年", "5.00"],
          ["收入总计", "100.00", "支出总计", "100.00"],
        ),
      },
    ]);
    expect(yuanOf(doc, "expenditure.carryover")).toBe("50000");
    expect(yuanOf(doc, "income.current_year")).toBe("900000");
    expect(yuanOf(doc, "income.total")).toBe("1000000");
    expect(rule(doc, "expenditure.basic+project=total")).toMatchObject({ status: "pass", expected: "1000000", actual: "1000000" });
    expect(rule(doc, "income.current_year+carryover=total")).toMatchObject({ status: "pass" });
  });

  test("a 支出总计 that 基本 + 项目 + 结转 do not reach fails", async () => {
    const doc = await budgetDoc([
      {
        caption: "收支总表",
        rows: twoSided(
          ["一、一般公共预算拨款", "100.00", "一、基本支出", "55.00"],
          ["", "", "二、项目支出", "40.00"],
          ["", "", "结转下年", "3.00"],
          ["收入总计", "100.00", "支出总计", "100.00"],
        ),
      },
    ]);
    expect(rule(doc, "expenditure.basic+project=total")).toMatchObject({ status: "fail", expected: "1000000", actual: "980000", difference: "-20000" });
  });
});

describe("决算 tables", async () => {
  const doc = await extractHtml(
    disclosureHtml("某某局2024年度部门决算", [
      {
        caption: "收入支出决算总表",
        rows: [
          ["收入|3", "支出|3"],
          ["项目", "行次", "金额", "项目", "行次", "金额"],
          ["一、一般公共预算财政拨款收入", "1", "100.00", "一、基本支出", "28", "70.00"],
          ["", "", "", "二、项目支出", "29", "20.00"],
          ["本年收入合计", "6", "100.00", "本年支出合计", "57", "90.00"],
          ["年初结转和结余", "7", "5.00", "年末结转和结余", "59", "15.00"],
          ["总计", "8", "105.00", "总计", "60", "105.00"],
        ],
      },
      {
        caption: "“三公”经费支出决算表",
        rows: [
          ["预算数|6", "决算数|6"],
          ["合计||2", "因公出国（境）费||2", "公务用车购置及运行费|3", "公务接待费||2", "合计||2", "因公出国（境）费||2", "公务用车购置及运行费|3", "公务接待费||2"],
          ["小计", "公务用车购置费", "公务用车运行费", "小计", "公务用车购置费", "公务用车运行费"],
          ["10.00", "2.00", "6.00", "4.00", "2.00", "2.00", "8.00", "1.00", "5.00", "3.00", "2.00", "2.00"],
        ],
      },
    ]),
  );

  test("the document is a final account: its facts have basis final", () => {
    expect(doc.meta.docKind).toBe("final_account");
    expect(new Set(doc.facts.map((f) => f.basis))).toEqual(new Set(["final"]));
  });

  test("a 三公 table with 预算数 | 决算数 groups states the 决算数, not the 预算数", () => {
    expect(doc.tables[1]!.kind).toBe("three_public");
    const threePublic = doc.facts.filter((f) => f.key.startsWith("three_public.")).map((f) => [f.key, f.yuan]);
    expect(threePublic).toEqual([
      ["three_public.total", "80000"],
      ["three_public.overseas", "10000"],
      ["three_public.vehicle", "50000"],
      ["three_public.vehicle.purchase", "30000"],
      ["three_public.vehicle.operation", "20000"],
      ["three_public.reception", "20000"],
    ]);
    expect(factOf(doc, "three_public.total")!.evidence).toEqual([{ kind: "cell", tableId: doc.tables[1]!.id, row: 3, col: 6, quote: "8.00" }]);
    expect(rule(doc, "three_public.parts=total")).toMatchObject({ status: "pass" });
  });

  test("a 收入支出决算总表 with 行次 between label and figure: the figure, never the 行次 number", () => {
    const t = doc.tables[0]!;
    expect(t.kind).toBe("summary");
    expect(t.columns.filter((c) => c.kind === "colno").map((c) => c.index)).toEqual([1, 4]);
    expect(yuanOf(doc, "income.general_budget")).toBe("1000000");
    expect(yuanOf(doc, "income.current_year")).toBe("1000000");
    expect(yuanOf(doc, "income.carryover")).toBe("50000");
    expect(yuanOf(doc, "income.total")).toBe("1050000");
    expect(yuanOf(doc, "expenditure.basic")).toBe("700000");
    expect(yuanOf(doc, "expenditure.project")).toBe("200000");
    expect(yuanOf(doc, "expenditure.current_year")).toBe("900000");
    expect(yuanOf(doc, "expenditure.carryover")).toBe("150000");
    // A lone 总计 states its side's total.
    expect(yuanOf(doc, "expenditure.total")).toBe("1050000");
    expect(factOf(doc, "income.total")!.evidence).toEqual([{ kind: "cell", tableId: t.id, row: 6, col: 2, quote: "105.00" }]);
    expect(rule(doc, "expenditure.basic+project=total")).toMatchObject({ status: "pass", expected: "1050000", actual: "1050000" });
  });
});

describe("a 决算 三公 table read down its labels (太原 2016 公开09表: 项目 | 2016年度预算数 | 2016年度决算数)", () => {
  test("each line's 决算数 is its fact; the 相关统计数 counts (（辆）, （个）) are no money", async () => {
    const doc = await extractHtml(
      disclosureHtml("某某委2016年度部门决算", [
        {
          caption: ["公开09表", "2016年一般公共预算财政拨款“三公”经费支出表"],
          unit: "金额单位：元",
          rows: [
            ["项目", "2016年度预算数", "2016年度决算数"],
            ["（一）合计", "660,100.00", "77,997.08"],
            ["因公出国（境）费用", "0.00", "0.00"],
            ["公务接待费", "48,100.00", "4,941.50"],
            ["公务用车购置及运行维护费", "612,000.00", "73,055.58"],
            ["其中：公务用车运行维护费", "612,000.00", "73,055.58"],
            ["公务用车购置", "0.00", "0.00"],
            ["（二）相关统计数", "────", "────"],
            ["3.公务用车购置数（辆）", "────", "2"],
            ["5.国内公务接待批次（个）", "────", "8"],
          ],
        },
      ]),
    );
    expect(factMap(doc)).toEqual({
      "three_public.total": "77997.08",
      "three_public.overseas": "0",
      "three_public.reception": "4941.5",
      "three_public.vehicle": "73055.58",
      "three_public.vehicle.operation": "73055.58",
      "three_public.vehicle.purchase": "0",
    });
    expect(rule(doc, "three_public.parts=total")).toMatchObject({ status: "pass", expected: "77997.08" });
    // The 相关统计数 rows are counts (2 辆 is no second 公务用车购置费 of 2元).
    expect(doc.validations.filter((v) => v.status === "fail" && !REVIEW.test(v.rule))).toEqual([]);
  });
});

describe("this year's column or row", () => {
  const threePublicByYear = {
    caption: "“三公”经费支出预算表",
    rows: [
      ["上年|4", "当年|4"],
      ["合计", ...THREE_PUBLIC_PARTS, "合计", ...THREE_PUBLIC_PARTS],
      ["9.00", "3.00", "4.00", "2.00", "6.00", "1.00", "3.00", "2.00"],
    ],
  };

  test("上年 | 当年 column groups: the 当年 figures", async () => {
    const doc = await budgetDoc([threePublicByYear]);
    expect(yuanOf(doc, "three_public.overseas")).toBe("10000");
    expect(yuanOf(doc, "three_public.vehicle")).toBe("30000");
    expect(yuanOf(doc, "three_public.reception")).toBe("20000");
    // No last-year figure is a fact: each fact is stated once.
    expect(doc.facts.every((f) => f.evidence.length === 1)).toBe(true);
    expect(doc.facts.map((f) => f.yuan)).not.toContain("90000");
  });

  test("上年 | 当年 column groups: 当年 / 合计 is three_public.total", async () => {
    const doc = await budgetDoc([threePublicByYear]);
    expect(yuanOf(doc, "three_public.total")).toBe("60000");
  });

  test("2025年 | 2026年 column groups: the 2026年 figures, 合计 included", async () => {
    const doc = await budgetDoc([
      {
        caption: "“三公”经费支出预算表",
        rows: [
          ["2025年|4", "2026年|4"],
          ["合计", ...THREE_PUBLIC_PARTS, "合计", ...THREE_PUBLIC_PARTS],
          ["9.00", "3.00", "4.00", "2.00", "6.00", "1.00", "3.00", "2.00"],
        ],
      },
    ]);
    expect(factMap(doc)).toEqual({ "three_public.total": "60000", "three_public.overseas": "10000", "three_public.vehicle": "30000", "three_public.reception": "20000" });
  });

  test("a row table with 2025年预算数 | 2026年预算数 columns: each label's 2026 figure", async () => {
    const doc = await budgetDoc([
      {
        caption: "收支总表",
        rows: [
          ["收入|3", "支出|3"],
          ["项目", "2025年预算数", "2026年预算数", "项目", "2025年预算数", "2026年预算数"],
          ["一、一般公共预算拨款", "80.00", "90.00", "一、基本支出", "50.00", "60.00"],
          ["", "", "", "二、项目支出", "30.00", "30.00"],
          ["收入总计", "80.00", "90.00", "支出总计", "80.00", "90.00"],
        ],
      },
    ]);
    expect(factMap(doc)).toEqual({
      "income.general_budget": "900000",
      "expenditure.basic": "600000",
      "expenditure.project": "300000",
      "income.total": "900000",
      "expenditure.total": "900000",
    });
  });

  test("a column table with 2025年预算数 | 2026年预算数: the 2026 column of the 合计 row", async () => {
    const doc = await budgetDoc([
      {
        caption: "一般公共预算基本支出表",
        rows: [
          ["项目", "2025年预算数", "2026年预算数"],
          ["人员经费", "50.00", "60.00"],
          ["公用经费", "15.00", "20.00"],
          ["合计", "65.00", "80.00"],
        ],
      },
    ]);
    expect(yuanOf(doc, "expenditure.basic", "general_budget")).toBe("800000");
    expect(doc.facts.map((f) => f.yuan)).not.toContain("650000");
  });

  test("a year-labelled row table (年度: 2025年 | 2026年 | 增减变化金额): the 2026年 row", async () => {
    const doc = await budgetDoc([
      {
        caption: "“三公”经费支出预算表",
        rows: [
          ["年度", "合计", ...THREE_PUBLIC_PARTS],
          ["2025年", "9.00", "3.00", "4.00", "2.00"],
          ["2026年", "6.00", "1.00", "3.00", "2.00"],
          ["增减变化金额", "-3.00", "-2.00", "-1.00", "0.00"],
        ],
      },
    ]);
    expect(factMap(doc)).toEqual({ "three_public.total": "60000", "three_public.overseas": "10000", "three_public.vehicle": "30000", "three_public.reception": "20000" });
    expect(factOf(doc, "three_public.total")!.evidence).toEqual([{ kind: "cell", tableId: doc.tables[0]!.id, row: 2, col: 1, quote: "6.00" }]);
    expect(rule(doc, "three_public.parts=total")).toMatchObject({ status: "pass" });
  });
});

describe("the most precise statement of a fact wins", () => {
  const summaryInYuan = {
    caption: "收支总表",
    unit: "单位：元",
    rows: twoSided(
      ["一、一般公共预算拨款收入", "17,312,300.00", "一、基本支出", "17,312,300.00"],
      ["收入总计", "17,312,300.00", "支出总计", "17,312,300.00"],
    ),
  };

  test("narrative 1,731万元 and table 17,312,300元: the table's figure, both as evidence, the consistency check passes", async () => {
    const doc = await budgetDoc([summaryInYuan], ["一、收支预算总体情况。2026年收入总计1,731万元。"]);
    const f = factOf(doc, "income.total")!;
    expect(f).toMatchObject({ yuan: "17312300", raw: "17,312,300.00元", unit: "元", fund: "all" });
    expect(f.evidence.map((e) => [e.kind, e.quote])).toEqual([
      ["cell", "17,312,300.00"],
      ["text", "1,731万元"],
    ]);
    expect(rule(doc, "consistent:income.total")).toMatchObject({ status: "pass", expected: "17312300", actual: "17312300" });
  });

  test("the more precise narrative figure wins over a rounder table cell", async () => {
    const doc = await budgetDoc(
      [
        {
          caption: "收支总表",
          rows: twoSided(
            ["一、一般公共预算拨款收入", "1,731", "一、基本支出", "1,731"],
            ["收入总计", "1,731", "支出总计", "1,731"],
          ),
        },
      ],
      ["一、收支预算总体情况。2026年收入总计17,312,345.67元。"],
    );
    const f = factOf(doc, "income.total")!;
    expect(f).toMatchObject({ yuan: "17312345.67", raw: "17,312,345.67元" });
    expect(f.evidence.map((e) => e.kind)).toEqual(["text", "cell"]);
  });

  test("a lone disagreeing statement: the table's figure stands, a consistency failure with both pieces of evidence", async () => {
    const doc = await budgetDoc([summaryInYuan], ["一、收支预算总体情况。2026年收入总计1,800万元。"]);
    const f = factOf(doc, "income.total")!;
    expect(f.yuan).toBe("17312300");
    expect(f.evidence.map((e) => e.kind)).toEqual(["cell"]);
    const v = rule(doc, "consistent:income.total")!;
    expect(v).toMatchObject({ status: "fail", expected: "17312300", actual: "18000000", difference: "687700" });
    expect(v.evidence.map((e) => [e.kind, e.quote])).toEqual([
      ["cell", "17,312,300.00"],
      ["text", "1,800万元"],
    ]);
  });
});

describe("names that are not facts in a summary", async () => {
  const doc = await budgetDoc([
    {
      caption: "收支总表",
      rows: twoSided(
        ["一、一般公共预算拨款收入", "100.00", "一、一般公共服务支出", "50.00"],
        ["", "", "二、社会保障和就业支出", "20.00"],
        ["", "", "三、卫生健康支出", "15.00"],
        ["", "", "二十一、国有资本经营预算支出", "5.00"],
        ["", "", "二十二、其他支出", "10.00"],
        ["本年收入合计", "100.00", "本年支出合计", "100.00"],
        ["收入总计", "100.00", "支出总计", "100.00"],
      ),
    },
    {
      caption: "财政拨款收支总表",
      rows: twoSided(
        ["一、本年收入", "100.00", "一、本年支出", "108.00"],
        ["（一）一般公共预算拨款", "100.00", "（一）一般公共预算", "108.00"],
        ["二、上年结转", "8.00", "", ""],
        ["（一）一般公共预算拨款", "8.00", "", ""],
        ["收入总计", "108.00", "支出总计", "108.00"],
      ),
    },
  ]);

  test("功能分类 classes listed on the expenditure side ('国有资本经营预算支出', '其他支出') give no fact", () => {
    expect(factOf(doc, "expenditure.other")).toBeUndefined();
    expect(factOf(doc, "expenditure.total", "state_capital")).toBeUndefined();
    expect(factOf(doc, "income.state_capital")).toBeUndefined();
    expect(doc.facts.map((f) => f.yuan)).not.toContain("50000");
    expect(doc.facts.map((f) => f.yuan)).not.toContain("100000");
  });

  test("the funds listed under a fiscal summary's 上年结转 are parts of the carryover, not income.general_budget", () => {
    const gb = factOf(doc, "income.general_budget")!;
    expect(gb.yuan).toBe("1000000");
    // The summary's and the fiscal summary's 本年收入 lines, not the 8.00 under 上年结转.
    expect(gb.evidence.map((e) => e.quote)).toEqual(["100.00", "100.00"]);
    expect(rule(doc, "consistent:income.general_budget")).toMatchObject({ status: "pass" });
    expect(yuanOf(doc, "income.carryover", "fiscal")).toBe("80000");
    expect(rule(doc, "income.fiscal_sources=total")).toMatchObject({ status: "pass", expected: "1080000", actual: "1080000" });
  });
});

describe("a 政府采购表 states procurement only", async () => {
  const doc = await budgetDoc([
    {
      caption: "政府采购预算表",
      rows: [
        ["项目名称", "采购品目", "资金来源|2", "合计"],
        ["", "", "一般公共预算资金", "其他资金", ""],
        ["公务用车运行维护费", "车辆维修和保养服务", "3.00", "", "3.00"],
        ["办公设备购置", "台式计算机", "5.00", "2.00", "7.00"],
        ["合计", "", "8.00", "2.00", "10.00"],
      ],
    },
  ]);

  test("its 合计 is procurement.total", () => {
    expect(doc.tables[0]!.kind).toBe("procurement");
    expect(yuanOf(doc, "procurement.total")).toBe("100000");
  });

  test("a row naming 公务用车运行维护费 is not three_public.vehicle.operation; a 一般公共预算资金 column is not income.general_budget", () => {
    expect(doc.facts.map((f) => f.key)).toEqual(["procurement.total"]);
  });

  test("in a one-column 政府采购表 the rows name the parts, still never the 三公 or a source", async () => {
    const one = await budgetDoc([
      {
        caption: "政府采购预算表",
        rows: [
          ["项目", "金额"],
          ["公务用车运行维护费", "3.00"],
          ["一般公共预算资金", "8.00"],
          ["货物", "7.00"],
          ["服务", "3.00"],
          ["合计", "10.00"],
        ],
      },
    ]);
    expect(factMap(one)).toEqual({ "procurement.total": "100000", "procurement.goods": "70000", "procurement.services": "30000" });
    expect(rule(one, "procurement.goods+works+services=total")).toMatchObject({ status: "pass" });
  });
});

describe("a 三公 table's sub-headers", () => {
  test("公务用车购置及运行费 / 小计 | 购置费 | 运行费 → vehicle, vehicle.purchase, vehicle.operation", async () => {
    const doc = await budgetDoc([
      {
        caption: "“三公”经费支出预算表",
        rows: [
          ["合计||2", "因公出国（境）费||2", "公务用车购置及运行费|3", "公务接待费||2"],
          ["小计", "购置费", "运行费"],
          ["6.00", "1.00", "3.00", "1.00", "2.00", "2.00"],
        ],
      },
    ]);
    expect(factMap(doc)).toEqual({
      "three_public.total": "60000",
      "three_public.overseas": "10000",
      "three_public.vehicle": "30000",
      "three_public.vehicle.purchase": "10000",
      "three_public.vehicle.operation": "20000",
      "three_public.reception": "20000",
    });
    expect(rule(doc, "three_public.vehicle.purchase+operation=vehicle")).toMatchObject({ status: "pass", expected: "30000", actual: "30000" });
    expect(rule(doc, "three_public.parts=total")).toMatchObject({ status: "pass", expected: "60000", actual: "60000" });
  });
});

describe("a 支出总表 whose first data row is the unit's line (深圳 表3)", () => {
  test("the unit's line with no code, above coded class rows and no 合计 row, states the table's facts", async () => {
    const doc = await budgetDoc([
      {
        caption: "部门支出总表",
        rows: [
          ["单位名称", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
          ["深圳市某某局（本级）", "", "", "204,397.58", "150,000.00", "54,397.58"],
          ["", "201", "一般公共服务支出", "200,000.00", "150,000.00", "50,000.00"],
          ["", "20101", "人大事务", "200,000.00", "150,000.00", "50,000.00"],
          ["", "208", "社会保障和就业支出", "4,397.58", "", "4,397.58"],
        ],
      },
    ]);
    expect(doc.tables[0]!.kind).toBe("expenditure");
    expect(factMap(doc)).toEqual({ "expenditure.current_year": "2043975800", "expenditure.basic": "1500000000", "expenditure.project": "543975800" });
    expect(factOf(doc, "expenditure.current_year")!.evidence).toEqual([{ kind: "cell", tableId: doc.tables[0]!.id, row: 1, col: 3, quote: "204,397.58" }]);
    expect(rule(doc, "expenditure.basic+project=current_year")).toMatchObject({ status: "pass", expected: "2043975800", actual: "2043975800" });
  });
});

describe("a department's bundle with a unit's own tables", () => {
  // 深圳-style bundles print the department's tables, then each unit's under its own 部门名称 line.
  const summary = (total: string) => twoSided(["一般公共预算拨款收入", total, "一般公共服务支出", total], ["收入总计", total, "支出总计", total]);
  const doc = budgetDoc([
    { caption: ["表1", "收支总表", "部门名称：某某局"], rows: summary("100.00") },
    { caption: ["表1", "收支总表", "部门名称：某某局直属中心"], rows: summary("30.00") },
  ]);

  test("meta names the department and lists the unit", async () => {
    const d = await doc;
    expect(d.meta.entity).toBe("某某局");
    expect(d.meta.units).toEqual(["某某局直属中心"]);
  });

  test("the unit's table states the unit's facts, filed under it — never the department's", async () => {
    const d = await doc;
    const totals = d.facts.filter((f) => f.key === "income.total").map((f) => [f.entity ?? "(document)", f.yuan]);
    expect(totals).toEqual([["(document)", "1000000"], ["某某局直属中心", "300000"]]);
    expect(d.validations.filter((v) => v.status === "fail" && !REVIEW.test(v.rule))).toEqual([]);
  });
});

describe("a 决算 财政拨款收入支出决算总表 lists its funds as 一、一般公共预算财政拨款 / 二、政府性基金预算财政拨款", () => {
  // 太原 2016 决算 公开04表: the second fund line was not a source, so 收入 fell short by exactly its 1,032,253.00元.
  test("each line is its fund's income, and the sources add up to 总计", async () => {
    const d = await extractHtml(
      disclosureHtml("某某委2016年度部门决算", [
        {
          caption: ["公开04表", "2016年财政拨款收入支出决算总表"],
          unit: "金额单位：元",
          rows: [
            ["收入|3", "支出|3"],
            ["项目", "行次", "金额", "项目", "行次", "金额"],
            ["一、一般公共预算财政拨款", "1", "41,542,805.26", "一、一般公共服务支出", "31", "42,575,058.26"],
            ["二、政府性基金预算财政拨款", "2", "1,032,253.00", "二、外交支出", "32", "0.00"],
            ["总计", "3", "42,575,058.26", "总计", "33", "42,575,058.26"],
          ],
        },
      ]),
    );
    expect(yuanOf(d, "income.government_fund")).toBe("1032253");
    expect(yuanOf(d, "income.total", "fiscal")).toBe("42575058.26");
    expect(rule(d, "income.fiscal_sources=total")).toMatchObject({ status: "pass", actual: "42575058.26" });
  });
});
