/**
 * Review-check failures that were the tool's misreadings, on the real documents where they were found (issue 19):
 * each now reads as printed and its check passes or runs.
 */
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { findSoffice } from "../../src/readers/doc/index.js";
import { corpus, hasShared, samples, SKIP_SHARED } from "../helpers.js";

const load = (p: string): Promise<ExtractedDocument | null> => (hasShared ? extractFile(corpus(p)) : Promise.resolve(null));
const rules = (doc: ExtractedDocument, re: RegExp, status: string) => doc.validations.filter((v) => re.test(v.rule) && v.status === status);

// 湖州 交通运输局 2026 pp. 39–40: 表11's unit line is printed bare ("万元"), the other tables' "单位：万元".
describe.skipIf(!hasShared)(`湖州 交通运输局 2026 表11 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = await load("calinchow-del+renwu/2026-pdf/079_湖州_交通运输局_2026年部门预算.pdf");

  test("the table under a bare 万元 line keeps its number and title, so the 目录's （十一） is printed", () => {
    const t = doc!.tables.find((x) => x.number === "表11");
    expect(t).toMatchObject({ title: "2026年市级部门项目支出绩效表", entity: "湖州市交通运输局", unit: { raw: "万元", unit: "万元" } });
    expect(doc!.validations.find((v) => v.rule === "completeness:toc")).toMatchObject({ status: "pass", message: "the table of contents lists 11 tables, each printed" });
  });
});

// 广州 科技创新局 2026 and 珠海 财政局 2026 print "[2011105]派驻派出机构": the bracketed code is the row's code.
describe.skipIf(!hasShared)(`bracketed row codes, 广州 and 珠海 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  test("广州 科技创新局: rows carry their codes and each 类 and 款 is checked against its children", async () => {
    const doc = (await load("calinchow-del+renwu/2026-pdf/005_广州_科技创新局_2026年部门预算.pdf"))!;
    const t3 = doc.tables.find((t) => t.id === "t3")!;
    expect(t3.rows.filter((r) => r.code).slice(0, 3).map((r) => [r.code, r.name])).toEqual([["201", "一般公共服务支出"], ["20111", "纪检监察事务"], ["2011105", "派驻派出机构"]]);
    expect(rules(doc, /^table:t3:code 20111 = Σ children/, "pass").length).toBeGreaterThan(0);
    expect(rules(doc, /^table:.*code .* = Σ children/, "fail")).toEqual([]);
  }, 60_000);

  test("珠海 财政局: 212 城乡社区支出 = Σ 款, each 款 = Σ 项", async () => {
    const doc = (await load("calinchow-del+renwu/2026-pdf/077_珠海_财政局_2026年部门预算.pdf"))!;
    expect(rules(doc, /^table:t3:code 212 = Σ children \[合计\]$/, "pass")).toHaveLength(1);
    expect(rules(doc, /^table:.*code .* = Σ children/, "fail")).toEqual([]);
  }, 60_000);
});

// 太原发改委 2016 决算 公开06表 "一般公共预算财政拨款决算表（二）": 人员经费 31,115,468.54 + 公用经费 10,427,336.72 =
// 41,542,805.26元, 公开05表's 基本 33,896,894.78 + 项目 7,645,910.48: economic groups of the whole fund, not of 基本支出.
const soffice = findSoffice();
describe.skipIf(!soffice)("太原发改委 2016 决算 (.doc; needs LibreOffice, skipped when soffice is not installed)", async () => {
  const doc = soffice ? await extractFile(samples("taiyuan-fagai-2016-final.doc")) : null;

  test("公开06表 states no 基本支出 part, and 人员 + 公用 = 基本 no longer fails", () => {
    expect(doc!.tables.find((t) => t.number === "公开06表")?.kind).toBe("general_budget_basic");
    expect(doc!.facts.find((f) => f.key === "expenditure.basic" && f.fund === "general_budget")?.yuan).toBe("33896894.78");
    expect(doc!.facts.filter((f) => f.key.startsWith("expenditure.basic.") && f.fund === "general_budget")).toEqual([]);
    expect(rules(doc!, /^expenditure\.basic\.personnel\+public=basic/, "fail")).toEqual([]);
  });
}, 120_000);

// 烟台市退役军人事务局 2026 (HTML of positioned divs, one div per printed cell): under 20828 退役军人管理事务 (3,204.95万元
// in the 一般公共预算支出情况表) the page prints only 01, 02, 50, 99 (501.24 + 15.00 + 688.42 + 340.70), and no 项 under
// 20809 退役安置; no text of the file names another 项 (no 2080901…, no 军队转业…). A real gap of the document: it stays a failure.
describe.skipIf(!hasShared)(`烟台市退役军人事务局 2026 HTML (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = await load("calinchow-del+renwu/烟台市退役军人事务局2026年部门预算_yantai.gov.cn.html");

  test("every printed 项 row of 20828 is read, and 20828 = Σ 项 fails with the figures as printed", () => {
    const t = doc!.tables.find((x) => x.title === "一般公共预算支出情况表")!;
    expect(t.rows.filter((r) => r.code?.startsWith("20828")).map((r) => r.code)).toEqual(["20828", "2082801", "2082802", "2082850", "2082899"]);
    expect(t.rows.filter((r) => r.code?.startsWith("20809")).map((r) => r.code)).toEqual(["20809"]);
    const v = doc!.validations.find((x) => x.rule === `table:${t.id}:code 20828 = Σ children [合计]`);
    expect(v).toMatchObject({ status: "fail", message: "3,204.95万元 stated, the parts add up to 15453600 元 (501.24万元 + 15.00万元 + 688.42万元 + 340.70万元)" });
    // The 款 of 208 add up (the 类 row is whole); only the 项 are missing.
    expect(doc!.validations.find((x) => x.rule === `table:${t.id}:code 208 = Σ children [合计]`)?.status).toBe("pass");
  });
});
