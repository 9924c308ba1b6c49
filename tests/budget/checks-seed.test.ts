/**
 * The seed (栾城区委网信办 2020 部门预算, samples/) under the review checks, every result explained. It is a Hebei
 * 情况说明: the 说明 in full, and of the tables only the 绩效目标表, 政府采购 and 固定资产占用情况表 — the nine tables
 * of the national set are not in the file (the 说明 names the 收支预算总表 it does not print).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { samples } from "../helpers.js";

const review = (doc: ExtractedDocument) => doc.validations.filter((v) => /^(completeness|cross|change):/.test(v.rule)).map((v) => `${v.status} ${v.rule}`);

describe.each(["luancheng-wangxin-2020-budget.docx", "luancheng-wangxin-2020-budget.txt"])("the seed as %s", (file) => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractFile(samples(file), { path: `samples/${file}` });
  });

  test("fails each of the nine standard tables: they are not printed in it", () => {
    const tables = ["summary", "income", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic", "three_public", "government_fund", "state_capital"];
    expect(review(doc).filter((r) => r.includes(":table:"))).toEqual(tables.map((k) => `fail completeness:table:${k}`));
    expect(doc.validations.find((v) => v.rule === "completeness:table:summary")!.message).toBe("收支总表, required in a 部门预算, is not printed in this document; its 说明 refers to it (\"收支预算总表\")");
  });

  test("passes every required statement, each with the words or figure that state it", () => {
    const stated = doc.validations.filter((v) => v.rule.startsWith("completeness:statement:")).map((v) => [v.rule.slice("completeness:statement:".length), v.status, v.evidence.at(-1)?.quote]);
    expect(stated).toEqual([
      ["overall", "pass", "340.77万元"], // 2020年预算收入340.77万元
      ["three_public", "pass", "0万元"], // 财政拨款“三公”经费预算安排0万元
      ["three_public.reason", "pass", "持平"], // “三公”经费与上年持平，无增减变化
      ["operating_cost", "pass", "13.96万元"],
      ["procurement", "pass", "0万元"], // 安排政府采购预算0万元
      ["assets", "pass", "国有资产"], // 七、国有资产信息
      ["performance", "pass", "绩效信息"], // 五、预算绩效信息
      ["glossary", "pass", "名词解释"], // 八、名词解释
    ]);
  });

  test("has nothing to cross-check and no year-on-year rate: both families say so", () => {
    // No standard table is printed, so no two tables (or a table and the 说明) state one figure; its 比上年 sentence
    // ("较2019年增加191.49231万元") gives no rate.
    expect(review(doc).filter((r) => /^\w+ (cross|change):/.test(r))).toEqual(["skipped cross:none", "skipped change:none"]);
  });
});
