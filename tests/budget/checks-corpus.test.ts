/**
 * The review checks on real documents (../shared/corpus): a real problem stays a failure, with what it compared; the
 * documents' agreeing parts pass. Each case was read against the document.
 */
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

const load = (p: string): Promise<ExtractedDocument | null> => (hasShared ? extractFile(corpus(p)) : Promise.resolve(null));
const failed = (doc: ExtractedDocument, prefix: string) => doc.validations.filter((v) => v.status === "fail" && v.rule.startsWith(prefix));

// 北京市交通委员会 2026: 附件1 is the 情况说明; its last page says "附件：北京市交通委员会2026年度部门预算报表" — the tables are
// the other attachment. The table of contents lists them all.
describe.skipIf(!hasShared)(`北京市交通委员会 2026 附件1 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = await load("calinchow-del+renwu/2026-pdf/002_北京_交通运输局_附件1：北京市交通委员会2026年度部门预算情况说明.pdf");

  test("each standard table fails, saying the tables are published as a separate attachment", () => {
    const tables = failed(doc!, "completeness:table:");
    expect(tables).toHaveLength(9);
    for (const v of tables) expect(v.message).toMatch(/is not printed in this 部门预算: the document says its tables are published as a separate attachment \("附件：北京市交通委员会2026年度部门预算报表"\)$/);
    expect(failed(doc!, "completeness:toc")[0]!.message).toMatch(/^the table of contents lists "一、收支总表", "二、收入总表", .* not printed \(the document says its tables are a separate attachment/);
  });

  test("its statements are all made but 绩效, which only its table of contents names (十二、项目支出绩效目标表)", () => {
    // The 绩效目标表 are in the other attachment; no sentence of the 说明 states 绩效目标 (a TOC entry is no statement).
    expect(failed(doc!, "completeness:statement").map((v) => v.rule)).toEqual(["completeness:statement:performance"]);
  });
});

// 江苏省人民检察院 2018: "一般行政管理事务（项）支出3,666万元，与上年相比增加21.8万元，增长0.06 %" — 21.8 / 3,644.2 is 0.60%.
describe.skipIf(!hasShared)(`江苏省人民检察院 2018 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = await load("ae86jack+open-budget/江苏省人民检察院_2018年省检察院部门预算公开.pdf");

  test("a stated rate ten times too small fails, with the three figures it was computed from", () => {
    const v = failed(doc!, "change:percent").find((x) => x.message?.includes("0.06 %"))!;
    expect(v.message).toBe("21.8万元 over last year's 36442000 元 (3,666万元 − 21.8万元) is 0.5982%, but the document states 0.06 % (tolerance ±0.0064%)");
    expect(v.evidence.map((e) => e.quote)).toEqual(["3,666万元", "21.8万元", "0.06 %"]);
  });
});

// 国家信访局 2026 (filed as 哈尔滨 信访局): its 财政拨款收支总表 spends 18,728.94万元 — this year's 16,474.82 and last year's
// carryover 2,254.12; the 一般公共预算支出表 prints the 16,474.82, the two fund tables are empty.
describe.skipIf(!hasShared)(`国家信访局 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = await load("calinchow-del+renwu/2026-pdf/050_哈尔滨_信访局_2026年部门预算.pdf");

  test("the 财政拨款收支总表 = the fund tables + its 上年结转, each term a cell", () => {
    const v = doc!.validations.find((x) => x.rule === "cross:fiscal_summary=funds:total")!;
    expect(v).toMatchObject({ status: "pass", expected: "187289400", actual: "187289400" });
    expect(v.evidence.map((e) => e.quote)).toEqual(["18,728.94", "16,474.82", expect.any(String), expect.any(String), "2,254.12"]);
  });

  test("every review family ran, and the tables agree with each other", () => {
    const families = new Set(doc!.validations.map((v) => v.rule.split(":")[0]));
    for (const f of ["completeness", "cross", "change"]) expect(families).toContain(f);
    expect(failed(doc!, "cross:")).toEqual([]);
  });
});
