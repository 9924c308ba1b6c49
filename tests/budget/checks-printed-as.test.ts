/**
 * completeness:table:general_budget_basic met by a table of another kind that prints its content as columns: an
 * 一般公共预算支出表 by 经济分类 with a 基本支出 column (深圳 2026 表8). By 功能分类, or without that column, it is not.
 */
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";
import { NARRATIVE, budgetDoc, check, standardTables, type TableSpec } from "./checks-fixtures.js";

const RULE = "completeness:table:general_budget_basic";

/** The set with the 基本支出表 replaced by an 一般公共预算支出表 of these rows. */
function withoutBasicTable(caption: string, rows: string[][]): TableSpec[] {
  return standardTables().map((t) => (t.caption === "一般公共预算基本支出表" ? { caption, rows } : t));
}

const ECONOMIC = [
  ["科目编码", "科目名称", "支出总计", "基本支出", "项目支出"],
  ["301", "工资福利支出", "60.00", "60.00", ""],
  ["30101", "基本工资", "60.00", "60.00", ""],
  ["302", "商品和服务支出", "40.00", "10.00", "30.00"],
  ["30201", "办公费", "40.00", "10.00", "30.00"],
  ["", "合计", "100.00", "70.00", "30.00"],
];

describe("a 基本支出表 printed as the 基本支出 column of an 一般公共预算支出表 by 经济分类", () => {
  test("passes, naming the table and the column, with the column's header as evidence", async () => {
    const doc = await budgetDoc(NARRATIVE, withoutBasicTable("一般公共预算支出表（按经济分类）", ECONOMIC));
    const v = check(doc, RULE)!;
    expect(v).toMatchObject({ status: "pass", message: "printed as the 基本支出 column of 一般公共预算支出表（按经济分类） (its rows are the 经济分类 classes)" });
    expect(v.evidence).toEqual([expect.objectContaining({ kind: "cell", row: 0, col: 3, quote: "基本支出" })]);
  });

  test("人员经费 and 公用经费 columns over 经济分类 rows stand for it too", async () => {
    const rows = ECONOMIC.map((r, i) => (i === 0 ? ["科目编码", "科目名称", "合计", "人员经费", "公用经费"] : r));
    expect(check(await budgetDoc(NARRATIVE, withoutBasicTable("一般公共预算支出表（按经济分类）", rows)), RULE)?.message).toBe(
      "printed as the 人员经费 and 公用经费 columns of 一般公共预算支出表（按经济分类） (its rows are the 经济分类 classes)",
    );
  });

  test("a 基本支出 column over 功能分类 rows says what for, not on what: still not printed", async () => {
    const rows = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["201", "一般公共服务支出", "100.00", "70.00", "30.00"], ["20101", "人大事务", "100.00", "70.00", "30.00"], ["", "合计", "100.00", "70.00", "30.00"]];
    const v = check(await budgetDoc(NARRATIVE, withoutBasicTable("一般公共预算支出表（按功能分类）", rows)), RULE)!;
    expect(v).toMatchObject({ status: "fail", message: "一般公共预算基本支出表, required in a 部门预算, is not printed in this document" });
  });

  test("经济分类 rows without a 基本支出 column do not print it", async () => {
    const rows = ECONOMIC.map((r) => [r[0]!, r[1]!, r[2]!]);
    expect(check(await budgetDoc(NARRATIVE, withoutBasicTable("一般公共预算支出表（按经济分类）", rows)), RULE)?.status).toBe("fail");
  });
});

// 深圳市公安局 2026: 表4 基本支出总表 (all funds), 表7 一般公共预算支出表（按功能分类）, 表8 …（按经济分类） p.32–36 with
// 支出总计 | 基本支出 | 项目支出 over 301 工资福利支出 … — no 一般公共预算基本支出表 of its own.
describe.skipIf(!hasShared)(`深圳 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const load = (p: string): Promise<ExtractedDocument | null> => (hasShared ? extractFile(corpus(p), { ocr: "never" }) : Promise.resolve(null));
  const police = await load("calinchow-del+renwu/2026-pdf/003_深圳_公安局_2026年部门预算.pdf");
  const urban = await load("calinchow-del+renwu/2026-pdf/003_深圳_城市管理和综合执法局_2026年部门预算.pdf");

  test("公安局 and 城市管理和综合执法局: the 基本支出 column of 表8 stands for the 一般公共预算基本支出表", () => {
    for (const doc of [police!, urban!]) {
      const v = check(doc, RULE)!;
      expect(v).toMatchObject({ status: "pass", message: "printed as the 基本支出 column of 表8 一般公共预算支出表（按经济分类） (its rows are the 经济分类 classes)" });
      const t = doc.tables.find((x) => x.id === (v.evidence[0] as { tableId: string }).tableId)!;
      expect(t.rows.find((r) => r.code === "301")?.name).toBe("工资福利支出");
      expect(t.rows.some((r) => r.code?.startsWith("2"))).toBe(false);
    }
    expect(police!.validations.find((x) => x.rule === RULE)!.evidence[0]).toMatchObject({ page: 32, quote: "基本支出" });
  });
});
