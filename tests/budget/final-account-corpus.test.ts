/**
 * The 决算 of the corpus (../shared/docs/domain.md §1.4; /work audit of 2026-12-02): the facts are the 决算数 of their
 * tables, read off the documents by eye (pdftotext -layout for the PDFs, the .doc's table grids) before being asserted.
 */
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { findSoffice } from "../../src/readers/doc/index.js";
import { corpus, hasShared, samples, SKIP_SHARED } from "../helpers.js";

const facts = (doc: ExtractedDocument, key: string, fund = "all") => doc.facts.filter((f) => f.key === key && f.fund === fund);
const yuan = (doc: ExtractedDocument, key: string, fund = "all") => facts(doc, key, fund)[0]?.yuan;
const quotes = (doc: ExtractedDocument, key: string, fund = "all") => facts(doc, key, fund)[0]?.evidence.map((e) => `${e.kind}:${e.quote}`);

// 太原市发展和改革委员会 2016 决算 (.doc): 公开08表 "2016年部门决算公开相关信息统计表" (金额单位：元) stacks 一、政府采购情况
// (采购预算 4,723,299.00 | 采购金额 4,524,155.10 …), 二、机关运行经费 (（一）行政单位 3,999,400.00, （二）参照公务员法管理事业单位
// 0.00) and 三、国有资产占用情况 (（一）车辆数合计（辆） 20); its 说明 rounds them (452.42万元 …, 399.94万元, 20辆).
// The 说明's "2016年收入决算4258.39万元" is the 收入决算表's 本年收入合计 42,583,921.59元: the 财政拨款 年初结转和结余 is
// 544,118.54元, so the 收入总计 is larger.
const soffice = findSoffice();
describe.skipIf(!soffice)("太原发改委 2016 决算 (.doc; needs LibreOffice, skipped when soffice is not installed)", async () => {
  const doc = soffice ? await extractFile(samples("taiyuan-fagai-2016-final.doc")) : null;

  test("公开08表 is the 相关信息统计表: 政府采购 from its 采购金额 column, to the 分", () => {
    expect(doc!.tables.find((t) => t.number === "公开08表")?.kind).toBe("final_statistics");
    expect(yuan(doc!, "procurement.total")).toBe("4524155.1");
    expect(quotes(doc!, "procurement.total")).toEqual(["cell:4,524,155.10", "text:452.42万元"]);
    expect(yuan(doc!, "procurement.goods")).toBe("1179655.1");
    expect(yuan(doc!, "procurement.works")).toBe("0");
    expect(yuan(doc!, "procurement.services")).toBe("3344500");
  });

  test("机关运行经费 is the 行政单位 + 参公 统计数; the 车辆数 is 20 辆", () => {
    expect(yuan(doc!, "operating_cost")).toBe("3999400");
    expect(quotes(doc!, "operating_cost")).toEqual(["cell:3,999,400.00", "cell:0.00", "text:399.94万元"]);
    expect(facts(doc!, "assets.vehicles").map((f) => [f.yuan, f.unit])).toEqual([["20", "辆"]]);
  });

  test("'收入决算4258.39万元' is this year's income, never the 收入总计", () => {
    expect(facts(doc!, "income.total").map((f) => f.yuan)).not.toContain("42583900");
    expect(quotes(doc!, "income.current_year")).toContain("text:4258.39万元");
    expect(yuan(doc!, "income.current_year")).toBe("42583921.59");
    expect(quotes(doc!, "expenditure.current_year")).toContain("text:4267.52万元");
  });

  test("no fact is stated twice with different figures but the document's own 7.32万元 against 73,055.58元", () => {
    const failing = doc!.validations.filter((v) => v.rule.startsWith("consistent:") && v.status === "fail").map((v) => v.rule);
    expect(failing).toEqual(["consistent:three_public.vehicle.operation"]);
  });
}, 120_000);

// 国家信访局 2024 决算 (武汉 archive), 公开09表 p15: 预算数 76.43 | 30.00 | 40.63 | 5.80 beside 决算数 46.21 | 4.69 |
// 40.61 | 0.90 (万元); the 项目支出绩效自评表s (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 得分) print no 决算数.
describe.skipIf(!hasShared)(`国家信访局 2024 决算 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/009_武汉_信访局_国家信访局2024年度部门决算公开.pdf")) : null;

  test("公开04表's 年末财政拨款结转和结余 is the fiscal carryover (6,993.74万元)", () => {
    expect(yuan(doc!, "expenditure.carryover", "fiscal")).toBe("69937400");
  });

  test("the 三公 are the 决算数 columns of 公开09表", () => {
    expect(["three_public.total", "three_public.overseas", "three_public.vehicle", "three_public.reception"].map((k) => yuan(doc!, k))).toEqual(["462100", "46900", "406100", "9000"]);
  });

  test("the nine tables are their catalog kinds; the 绩效自评表s are performance tables, never the 一般公共预算's", () => {
    const kinds = doc!.tables.filter((t) => /^公开0\d表$/.test(t.number ?? "")).map((t) => t.kind);
    expect(kinds).toEqual(["summary", "income", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic", "government_fund", "state_capital", "three_public"]);
    expect(doc!.tables.filter((t) => t.kind === "general_budget").map((t) => t.number)).toEqual(["公开05表"]);
    expect(doc!.tables.filter((t) => t.kind === "performance").length).toBeGreaterThanOrEqual(4);
  });
});

// 佛山市轨道交通局 2019 决算, 表7 p21: 预算数 all 0.00, 决算数 合计 0.16 = 公务接待费 0.16 (万元).
describe.skipIf(!hasShared)(`佛山市轨道交通局 2019 决算 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/022_佛山_交通运输局_2019年佛山市轨道交通局部门决算.pdf")) : null;

  test("the 三公 are 表7's 决算数, not its 预算数 0.00", () => {
    expect(yuan(doc!, "three_public.total")).toBe("1600");
    expect(yuan(doc!, "three_public.reception")).toBe("1600");
    expect(facts(doc!, "three_public.total")[0]!.evidence[0]).toMatchObject({ kind: "cell", quote: "0.16" });
  });
});
