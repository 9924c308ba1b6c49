/**
 * The review checks (src/budget/checks): completeness, cross and change, each rule passing on a generated 部门预算
 * whose tables and narrative agree, and failing on a variant that breaks exactly that rule.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { recognizeAmounts } from "../../src/amounts/index.js";
import { analyzeBudget } from "../../src/budget/index.js";
import { ruleFamily, ruleName, groupByFamily } from "../../src/budget/checks/index.js";
import { checkCompleteness, tocTableKind } from "../../src/budget/checks/completeness.js";
import { divide } from "../../src/budget/checks/change.js";
import type { ParagraphBlock, Table } from "../../src/model/index.js";
import { NARRATIVE, budgetDoc, check, failedOf, standardTables, withCell } from "./checks-fixtures.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("a complete 部门预算 whose tables and narrative agree", () => {
  test("passes every completeness, cross and change check, each with evidence", async () => {
    const doc = await budgetDoc();
    const review = doc.validations.filter((v) => /^(completeness|cross|change):/.test(v.rule));
    expect(review.filter((v) => v.status === "fail")).toEqual([]);
    const rules = review.map((v) => v.rule);
    for (const k of ["summary", "income", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic", "three_public", "government_fund", "state_capital"]) expect(rules).toContain(`completeness:table:${k}`);
    for (const s of ["overall", "three_public", "three_public.reason", "operating_cost", "procurement", "assets", "performance", "glossary"]) expect(rules).toContain(`completeness:statement:${s}`);
    expect(rules).toEqual(expect.arrayContaining(["cross:summary=income:total", "cross:summary=expenditure:total", "cross:summary=income:income.general_budget", "cross:expenditure=narrative:basic", "cross:expenditure=narrative:project", "cross:fiscal_summary=funds:total", "cross:general_budget=general_budget_basic:basic", "cross:three_public=narrative:total", "cross:empty:government_fund", "change:percent [“三公”经费预算]"]));
    for (const v of review.filter((x) => x.status === "pass")) expect(v.evidence.length, v.rule).toBeGreaterThan(0);
    // An empty fund table passes with its statement as evidence.
    expect(check(doc, "completeness:table:government_fund")!.evidence.map((e) => e.quote)).toContain("本部门无政府性基金预算财政拨款收支，本表为空表");
    expect(check(doc, "cross:fiscal_summary=funds:total")).toMatchObject({ expected: "1000000", actual: "1000000" });
  });
});

describe("completeness", () => {
  test("a required table that is not printed fails, naming it", async () => {
    const doc = await budgetDoc(NARRATIVE, standardTables().filter((t) => !t.caption.includes("三公")));
    expect(check(doc, "completeness:table:three_public")).toMatchObject({ status: "fail", message: "“三公”经费支出表, required in a 部门预算, is not printed in this document" });
  });

  test("an empty table printed without a statement fails; with one it passes", async () => {
    const tables = standardTables().map((t) => (t.caption.includes("政府性基金") ? { ...t, note: undefined } : t));
    const doc = await budgetDoc(NARRATIVE, tables);
    expect(check(doc, "completeness:table:government_fund")).toMatchObject({ status: "fail", message: "政府性基金预算支出表 is printed without figures and without a statement that it is empty" });
  });

  test("an empty table is declared by a note under it in its region's words, or by the 说明's zero for its fund", async () => {
    const noted = standardTables().map((t) => (t.caption.includes("政府性基金") ? { ...t, note: "注：本部门无相关收支项目" } : t));
    expect(check(await budgetDoc(NARRATIVE, noted), "completeness:table:government_fund")).toMatchObject({ status: "pass", message: "政府性基金预算支出表 is printed empty, with the statement \"注：本部门无相关收支项目\"" });
    const bare = standardTables().map((t) => (t.caption.includes("政府性基金") ? { ...t, note: undefined } : t));
    const doc = await budgetDoc([...NARRATIVE, "政府性基金预算拨款支出预算为0。"], bare);
    expect(check(doc, "completeness:table:government_fund")?.status).toBe("pass");
    expect(check(doc, "completeness:table:government_fund")?.message).toMatch(/printed without figures; the 说明 states it as zero/);
  });

  test("the 说明's zero for the fund in a wording the fact reader does not take (江苏高院 2017: 政府性基金支出预算支出0万元)", async () => {
    const bare = standardTables().map((t) => (t.caption.includes("政府性基金") ? { ...t, note: undefined } : t));
    const zero = await budgetDoc([...NARRATIVE, "某某局2026年政府性基金支出预算支出0万元。"], bare);
    expect(check(zero, "completeness:table:government_fund")).toMatchObject({ status: "pass", message: "政府性基金预算支出表 is printed empty, with the statement \"某某局2026年政府性基金支出预算支出0万元\"" });
    // A figure that only ends in 0 is no zero.
    const ten = await budgetDoc([...NARRATIVE, "某某局2026年政府性基金支出预算支出10万元。"], bare);
    expect(check(ten, "completeness:table:government_fund")?.status).toBe("fail");
  });

  test("tables published as an attachment fail with a message that says so", async () => {
    const doc = await budgetDoc([...NARRATIVE, "附件：某某局2026年部门预算报表"], []);
    const v = check(doc, "completeness:table:summary")!;
    expect(v.status).toBe("fail");
    expect(v.message).toBe("收支总表 is not printed in this 部门预算: the document says its tables are published as a separate attachment (\"附件：某某局2026年部门预算报表\")");
    expect(v.evidence.map((e) => e.quote)).toEqual(["附件：某某局2026年部门预算报表"]);
  });

  test("a paragraph that is only an attached file's name (its tables' link) is an attachment note; a numbered heading is not", async () => {
    const linked = check(await budgetDoc([...NARRATIVE, "某某局2026年预算公开目录附表"], []), "completeness:table:summary")!;
    expect(linked.message).toBe("收支总表 is not printed in this 部门预算: the document says its tables are published as a separate attachment (\"某某局2026年预算公开目录附表\")");
    expect(check(await budgetDoc([...NARRATIVE, "某某局2026年部门预算公开表.xlsx"], []), "completeness:table:summary")!.message).toMatch(/separate attachment \("某某局2026年部门预算公开表\.xlsx"\)$/);
    for (const heading of ["五、某某局2026年部门预算附表", "某某局2026年部门预算公开表"]) {
      expect(check(await budgetDoc([...NARRATIVE, heading], []), "completeness:table:summary")!.message, heading).toBe("收支总表, required in a 部门预算, is not printed in this document");
    }
  });

  test("昆明市审计局 2026 (HTML): its tables are the linked 预算公开目录附表 (.xlsx) — each table's failure says so", async () => {
    const doc = await extractFile(path.join(repoRoot, "samples/kunming-shenji-2026-budget.html"));
    const tables = doc.validations.filter((v) => v.rule.startsWith("completeness:table:"));
    expect(tables).toHaveLength(9);
    for (const v of tables) expect(v).toMatchObject({ status: "fail", message: expect.stringMatching(/published as a separate attachment \("昆明市审计局（汇总）2026年预算公开目录附表"\)$/) });
    expect(check(doc, "completeness:toc")!.message).toMatch(/not printed \(the document says its tables are a separate attachment: "昆明市审计局（汇总）2026年预算公开目录附表"\)$/);
  });

  test("a missing statement fails; a 三公 statement without a reason for its change fails its reason rule", async () => {
    const narrative = NARRATIVE.filter((p) => !p.includes("名词解释") && !p.startsWith("基本支出：")).map((p) => p.replace("，主要原因是压减公务接待", ""));
    const doc = await budgetDoc(narrative);
    expect(check(doc, "completeness:statement:glossary")).toMatchObject({ status: "fail", message: "the 说明 does not state 名词解释" });
    expect(check(doc, "completeness:statement:three_public")?.status).toBe("pass");
    expect(check(doc, "completeness:statement:three_public.reason")?.status).toBe("fail");
  });

  test("“与上年预算数相同” explains an unchanged 三公 figure", async () => {
    const narrative = NARRATIVE.map((p) => p.replace("比上年减少1.00万元，下降25%，主要原因是压减公务接待", "与上年预算数相同"));
    expect(check(await budgetDoc(narrative), "completeness:statement:three_public.reason")).toMatchObject({ status: "pass", message: "the change of “三公”经费 is explained: \"相同\"" });
  });

  test("a tables-only edition fails the statements, saying the 说明 is not in it", async () => {
    const doc = await budgetDoc([]);
    expect(check(doc, "completeness:statement:glossary")?.message).toMatch(/^the document prints no 说明 \(tables only\)/);
  });

  test("the table of contents' tables match the tables printed", () => {
    expect(tocTableKind("九、财政拨款“三公”经费支出表……12")).toBe("three_public");
    expect(tocTableKind("表5 一般公共预算支出情况表（按功能分类科目）")).toBe("general_budget");
    expect(tocTableKind("四、财政拨款“三公”经费预算情况及增减变化原因")).toBeUndefined();
    const toc = (texts: string[]): ParagraphBlock[] => texts.map((text, i) => ({ id: `toc${i}`, type: "paragraph", text, role: "toc", provenance: {} }));
    const table = (id: string, kind: string): Table => ({ id, kind, blockIds: [id], title: null, number: null, unit: null, nRows: 1, nCols: 1, cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: "x" }], grid: [[{ text: "x" }]], titleRows: 0, headerRows: 0, columns: [], rows: [], provenance: [{}] });
    const run = (tables: Table[]) => checkCompleteness({ meta: { docKind: "budget", evidence: {} }, tables, paragraphs: [], furniture: toc(["一、收支总表", "二、收入总表"]), spansByBlock: new Map(), mentions: [] }).find((v) => v.rule === "completeness:toc")!;
    expect(run([table("t0", "summary"), table("t1", "income")])).toMatchObject({ status: "pass", message: "the table of contents lists 2 tables, each printed" });
    expect(run([table("t0", "summary")])).toMatchObject({ status: "fail", message: 'the table of contents lists "二、收入总表", not printed' });
  });

  test("a document whose kind is not known is not held to a kind's requirements", () => {
    expect(checkCompleteness({ meta: { evidence: {} }, tables: [], paragraphs: [], spansByBlock: new Map(), mentions: [] })).toEqual([
      { rule: "completeness:kind", status: "skipped", message: "the document's kind (部门预算 / 部门决算) is not known: what it must contain is not checked", evidence: [] },
    ]);
  });
});

describe("cross", () => {
  test("收入总表 合计 ≠ 收支总表 收入 fails with both figures and their cells", async () => {
    const doc = await budgetDoc(NARRATIVE, withCell(standardTables(), "收入总表", 2, 2, "121.00"));
    const v = check(doc, "cross:summary=income:total")!;
    expect(v).toMatchObject({ status: "fail", expected: "1200000", actual: "1210000", difference: "10000", tolerance: "100" });
    expect(v.evidence.map((e) => e.kind)).toEqual(["cell", "cell"]);
  });

  test("支出总表 基本支出 ≠ the narrative's fails", async () => {
    const doc = await budgetDoc(NARRATIVE.map((p) => p.replace("基本支出80.00万元", "基本支出81.00万元").replace("支出预算120.00万元", "支出预算121.00万元")), standardTables());
    expect(check(doc, "cross:expenditure=narrative:basic")).toMatchObject({ status: "fail", expected: "800000", actual: "810000" });
  });

  test("一般公共预算支出表 基本支出 ≠ 基本支出表 合计 fails", async () => {
    const doc = await budgetDoc(NARRATIVE, withCell(standardTables(), "一般公共预算基本支出表", 3, 2, "71.00"));
    expect(check(doc, "cross:general_budget=general_budget_basic:basic")).toMatchObject({ status: "fail", expected: "700000", actual: "710000" });
  });

  test("财政拨款收支总表 支出 ≠ the fund tables' sum fails", async () => {
    const doc = await budgetDoc(NARRATIVE, withCell(withCell(standardTables(), "财政拨款收支总表", 2, 3, "110.00"), "财政拨款收支总表", 1, 3, "110.00"));
    expect(check(doc, "cross:fiscal_summary=funds:total")).toMatchObject({ status: "fail", expected: "1100000", actual: "1000000" });
  });

  test("the 三公 table ≠ the 三公 narrative fails", async () => {
    const doc = await budgetDoc(NARRATIVE, withCell(withCell(standardTables(), "一般公共预算“三公”", 1, 0, "4.00"), "一般公共预算“三公”", 1, 3, "2.00"));
    expect(check(doc, "cross:three_public=narrative:total")).toMatchObject({ status: "fail", expected: "40000", actual: "30000" });
  });

  test("an empty fund table beside a 收支总表 that states that fund's income fails, naming both", async () => {
    const tables = standardTables().map((t) =>
      t.caption === "收支总表" ? { ...t, rows: [...t.rows.slice(0, 2), ["政府性基金预算拨款收入", "5.00", "", ""], ...t.rows.slice(2)] } : t,
    );
    const doc = await budgetDoc(NARRATIVE, tables);
    const v = check(doc, "cross:empty:government_fund")!;
    expect(v.status).toBe("fail");
    expect(v.message).toBe("政府性基金预算支出表 is printed empty (\"本部门无政府性基金预算财政拨款收支，本表为空表\"), but 收支总表 states 5.00万元 for its scope (政府性基金预算拨款收入)");
    expect(v.evidence).toHaveLength(3);
  });
});

const analyze = (...texts: string[]) => {
  const paragraphs: ParagraphBlock[] = texts.map((text, i) => ({ id: `p${i}`, type: "paragraph", text, provenance: { paragraphIndex: i } }));
  return analyzeBudget({ paragraphs, sections: [], spansByBlock: new Map(paragraphs.map((p) => [p.id, recognizeAmounts(p.text)])) }).validations.filter((v) => v.rule.startsWith("change:"));
};

describe("change", () => {
  test("a rate that is the change over last year's figure passes, within its printed rounding", () => {
    // 27.22 − (−3.4) → last year 30.62; 3.4 / 30.62 = 11.1039%.
    expect(analyze("2026年“三公”经费预算共27.22万元，比上年减少3.4万元，下降11.1％。")).toMatchObject([{ rule: "change:percent [“三公”经费预算]", status: "pass" }]);
  });

  test("a rate that is not fails, with the figures it was computed from", () => {
    const [v] = analyze("2017年机关运行经费预算支出6032.55万元，比上年增加3401.59万元，增长129.97%。");
    expect(v).toMatchObject({ status: "fail" });
    expect(v!.message).toBe("3401.59万元 over last year's 26309600 元 (6032.55万元 − 3401.59万元) is 129.2908%, but the document states 129.97% (tolerance ±0.0056%)");
    expect(v!.evidence.map((e) => e.quote)).toEqual(["6032.55万元", "3401.59万元", "129.97%"]);
  });

  test("a truncated rate fails, and the message says it is truncated", () => {
    expect(analyze("支出10,883.36万元，比上年增加2,915.22万元，增长36.58%。")[0]!.message).toMatch(/truncated, not rounded$/);
  });

  test("a rate whose word goes against the change fails", () => {
    expect(analyze("收入预算100万元，比上年增加10万元，下降11.1%。")[0]).toMatchObject({ status: "fail", message: "the change is stated as 增加 10万元 but its rate as 下降 11.1%" });
  });

  test("a rate over a last year of zero fails; no change and a rate of 0% passes", () => {
    expect(analyze("公务用车购置费221.04万元，比上年增加221.04万元，增长100%。")[0]!.message).toMatch(/a rate is not defined \(无可比性\)/);
    expect(analyze("“三公”经费0万元，比上年增加0万元，增长0%。")[0]).toMatchObject({ status: "pass" });
  });

  test("last year's figure printed in the sentence agrees with the change, or fails", () => {
    const rule = (text: string) => analyze(text).find((v) => v.rule.startsWith("change:prior"));
    expect(rule("支出预算120.00万元，比上年预算100.00万元增加20.00万元，增长20%。")).toMatchObject({ status: "pass", expected: "1200000", actual: "1200000" });
    expect(rule("支出预算120.00万元，比上年预算100.00万元增加25.00万元，增长25%。")).toMatchObject({ status: "fail", expected: "1200000", actual: "1250000" });
  });

  test("exact division rounds half away from zero", () => {
    expect(divide("1", "3", 4)).toBe("0.3333");
    expect(divide("2", "3", 4)).toBe("0.6667");
    expect(divide("-2", "3", 2)).toBe("-0.67");
  });
});

describe("families", () => {
  test("a rule's family is its prefix; the sum identities are `sum`", () => {
    expect(ruleFamily("completeness:table:summary")).toBe("completeness");
    expect(ruleFamily("table:t3:code 201 = Σ children [合计]")).toBe("table");
    expect(ruleFamily("expenditure.basic+project=total [fiscal]")).toBe("sum");
  });

  test("a rule's name drops what names one instance of it", () => {
    expect(ruleName("table:t3:code 20101 = Σ children [合计]")).toBe("table:code = Σ children");
    expect(ruleName("consistent:expenditure.project.item:网络宣传")).toBe("consistent:expenditure.project.item");
    expect(ruleName("change:percent [“三公”经费]")).toBe("change:percent");
    expect(ruleName("expenditure.basic+project=total [fiscal]")).toBe("expenditure.basic+project=total");
  });

  test("groups come in family order, each in its given order", () => {
    const g = groupByFamily([{ rule: "table:t1:x" }, { rule: "income.a=b" }, { rule: "cross:a" }, { rule: "completeness:b" }, { rule: "cross:c" }]);
    expect(g.map((x) => [x.family, x.items.map((i) => i.rule)])).toEqual([["completeness", ["completeness:b"]], ["cross", ["cross:a", "cross:c"]], ["sum", ["income.a=b"]], ["table", ["table:t1:x"]]]);
  });
});

test("fixture failures are one rule each: the complete document fails nothing in these families", async () => {
  const doc = await budgetDoc();
  expect([...failedOf(doc, "completeness"), ...failedOf(doc, "cross"), ...failedOf(doc, "change")]).toEqual([]);
});
