/**
 * Real tables that page breaks cut, and real captions that wrapped (found auditing the review checks, #19): each
 * reads as one table with its caption. 江苏高院 2018 p10–11 (a header alone at the foot of a page), 江苏人大 2017
 * p7–9 (cells cut in two, the last page's columns split otherwise), 苏州水务 2026 p15–16 (a page that starts with
 * numbered items), 江苏高院 2019 p12/p14 (publisher and unit lines wrapped). Plus 太原 2016 公开06表's kind.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readPdf } from "../../src/readers/pdf/index.js";
import { buildTables } from "../../src/structure/tables/index.js";
import { classifyTables } from "../../src/budget/catalog/index.js";
import type { Table } from "../../src/model/table.js";
import { SKIP_SHARED, corpus, hasShared } from "../helpers.js";
import { taiyuan2016Blocks } from "./fixtures/taiyuan-2016.js";

async function tablesOf(rel: string): Promise<Table[]> {
  const file = corpus(rel);
  const read = await readPdf(new Uint8Array(readFileSync(file)), { path: file, limits: DEFAULT_LIMITS, ocr: "never" });
  const tables = buildTables(read.blocks).tables;
  classifyTables(tables);
  return tables;
}
const JS = "ae86jack+open-budget/";
const text = (t: Table, r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c)?.text;

describe.skipIf(!hasShared)(`tables across page breaks in real documents (${hasShared ? "corpus" : SKIP_SHARED})`, () => {
  it("江苏高院 2018: the 财政拨款收支预算总表 whose 收入 | 支出 row ends page 10 is one table with its body on page 11", async () => {
    const tables = await tablesOf(`${JS}江苏省高级人民法院_省法院2018年度部门预算公开.pdf`);
    const t = tables.find((x) => x.kind === "fiscal_summary")!;
    expect(t.provenance.map((p) => p.page)).toEqual([10, 11]);
    expect(t.columns.map((c) => c.path[0])).toEqual(["收入", "收入", "支出", "支出"]);
    expect(text(t, t.nRows - 1, 1)).toBe("33,172.15");
    expect(tables.filter((x) => x.kind === "summary")).toHaveLength(1);
  }, 60_000);

  it("江苏人大 2017: the 收支预算总表 over pages 7–9 is one table of 6 columns, its cut labels whole", async () => {
    const tables = await tablesOf(`${JS}江苏省人大办公厅_江苏省人大办公厅2017年度预算公开.pdf`);
    const t = tables[0]!;
    expect(t).toMatchObject({ kind: "summary", nCols: 6, blockIds: ["t0", "t1", "t2"] });
    const labels = t.cells.map((c) => c.text);
    expect(labels).toContain("八、社会保障和就业支出");
    expect(labels).toContain("当年收入小计");
    expect(t.rows.at(-1)).toMatchObject({ kind: "total", name: "收入合计" });
    expect(tables.filter((x) => x.kind === "summary")).toHaveLength(1);
  }, 60_000);

  it("苏州水务 2026: 公开04表 财政拨款收支总表 continues on page 16, whose first row is （十九）…", async () => {
    const tables = await tablesOf("calinchow-del+renwu/2026-pdf/006_苏州_水务局_2026年部门预算.pdf");
    const t = tables.find((x) => x.number === "公开04表")!;
    expect(t.provenance.map((p) => p.page)).toEqual([15, 16]);
    expect(t.rows.at(-1)).toMatchObject({ kind: "total", name: "收入总计" });
    expect(tables.filter((x) => x.kind === "summary").map((x) => x.number)).toEqual(["公开01表"]);
  }, 60_000);

  it("江苏高院 2019: 公开07表 and 公开09表 keep number, title, publisher and unit printed over two lines", async () => {
    const tables = await tablesOf(`${JS}江苏省高级人民法院_江苏省高级人民法院2019年度部门预算公开.pdf`);
    const got = tables.filter((t) => t.number === "公开07表" || t.number === "公开09表").map((t) => [t.number, t.kind, t.entity, t.unit?.unit]);
    expect(got).toEqual([
      ["公开07表", "general_budget", "江苏省高级人民法院", "万元"],
      ["公开09表", "three_public", "江苏省高级人民法院", "万元"],
    ]);
  }, 60_000);
});

describe("太原 2016 决算 公开06表 (一般公共预算财政拨款决算表（二）)", () => {
  it("is the 一般公共预算基本支出表 by its 人员经费 | 公用经费 headers, not the 三公 table its 经济分类 lines name", () => {
    const tables = buildTables(taiyuan2016Blocks).tables;
    classifyTables(tables);
    const t = tables.find((x) => x.number === "公开06表")!;
    expect(t).toMatchObject({ kind: "general_budget_basic", kindEvidence: { by: "header_signature", quote: "人员经费 | 公用经费" } });
    expect(tables.find((x) => x.number === "公开09表")?.kind).toBe("three_public");
  });
});
