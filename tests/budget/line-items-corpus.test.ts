import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument, LineItem } from "../../src/model/index.js";
import { abs, compare, halfUlp, mul, sub, sum } from "../../src/util/decimal.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

interface ColumnCheck {
  where: string;
  classSum: string;
  total: string;
  /** How far apart rounding of the printed figures can put them. */
  tolerance: string;
}

/** For every table, column and classification: Σ of the 类-level line items beside the table's 合计 row figure. */
function classSumsAgainstTotals(doc: ExtractedDocument): ColumnCheck[] {
  const groups = new Map<string, LineItem[]>();
  for (const li of doc.lineItems) {
    if (li.level !== "类") continue;
    const k = `${li.tableId}|${li.evidence.col}|${li.classification}`;
    groups.set(k, [...(groups.get(k) ?? []), li]);
  }
  const checks: ColumnCheck[] = [];
  for (const [k, items] of groups) {
    const t = doc.tables.find((x) => x.id === items[0]!.tableId)!;
    const col = items[0]!.evidence.col;
    const totalRows = t.rows.filter((r) => r.kind === "total" && /^(合计|总计)$/.test(r.name?.replace(/\s/g, "") ?? ""));
    const total = totalRows.map((r) => t.cells.find((c) => c.row === r.index && c.col === col)).find((c) => c?.value?.yuan !== undefined);
    if (!total) continue;
    const decimals = /[.．](\d+)/.exec(total.text)?.[1]?.length ?? 0;
    const ulp = halfUlp(decimals, t.columns[col]?.unit?.multiplier ?? t.unit?.multiplier ?? "1");
    checks.push({ where: `${k} ${items[0]!.measure}`, classSum: sum(items.map((li) => li.yuan)), total: total.value!.yuan!, tolerance: mul(ulp, String(items.length + 1)) });
  }
  return checks;
}

const offBy = (c: ColumnCheck) => abs(sub(c.classSum, c.total));

// 上海市应急管理局执法总队 2026: 收入/支出预算总表 and the 一般公共预算 tables print split 类|款|项 columns, the 基本支出
// table 部门经济分类 类|款, all in 元 — so every column's 类 items add up to its 合计 exactly.
describe.skipIf(!hasShared)(`上海市应急管理局执法总队 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/001_上海_应急管理局_上海市应急管理局执法总队2026年度预算.pdf")) : null;
  const items = (kind: string) => doc!.lineItems.filter((li) => li.tableKind === kind);

  test("支出预算总表: split 类|款|项 codes at every level, per money column, in 元", () => {
    const got = items("expenditure").filter((li) => li.code?.startsWith("224"));
    expect(got.map((li) => [li.code, li.name, li.level, li.measure, li.yuan])).toEqual([
      ["224", "灾害防治及应急管理支出", "类", "支出预算 / 合计", "13371300"],
      ["224", "灾害防治及应急管理支出", "类", "支出预算 / 基本支出", "10048000"],
      ["224", "灾害防治及应急管理支出", "类", "支出预算 / 项目支出", "3323300"],
      ["22401", "应急管理事务", "款", "支出预算 / 合计", "13371300"],
      ["22401", "应急管理事务", "款", "支出预算 / 基本支出", "10048000"],
      ["22401", "应急管理事务", "款", "支出预算 / 项目支出", "3323300"],
      ["2240101", "行政运行", "项", "支出预算 / 合计", "10247000"],
      ["2240101", "行政运行", "项", "支出预算 / 基本支出", "10048000"],
      ["2240101", "行政运行", "项", "支出预算 / 项目支出", "199000"],
      // 一般行政管理事务 and 应急管理 print no 基本支出.
      ["2240102", "一般行政管理事务", "项", "支出预算 / 合计", "65000"],
      ["2240102", "一般行政管理事务", "项", "支出预算 / 项目支出", "65000"],
      ["2240109", "应急管理", "项", "支出预算 / 合计", "3059300"],
      ["2240109", "应急管理", "项", "支出预算 / 项目支出", "3059300"],
    ]);
    expect(new Set(got.map((li) => li.fund))).toEqual(new Set(["all"]));
  });

  test("基本支出 经济分类 table: 部门经济分类 类|款 with the 一般公共预算 fund", () => {
    const basic = items("general_budget_basic");
    expect(basic.find((li) => li.code === "30101" && li.measure.endsWith("人员经费"))).toMatchObject({
      classification: "economic_dept",
      name: "基本工资",
      level: "款",
      fund: "general_budget",
      yuan: "1506000",
      unit: "元",
    });
    expect(new Set(basic.map((li) => li.classification))).toEqual(new Set(["economic_dept"]));
  });

  test("Σ of the 类 items of every column is the table's 合计, exactly", () => {
    const checks = classSumsAgainstTotals(doc!);
    // 收入预算总表 (合计, 财政拨款收入), 支出预算总表 and 一般公共预算支出表 (合计, 基本, 项目), 基本支出表 (合计, 人员, 公用).
    expect(checks.length).toBeGreaterThanOrEqual(11);
    expect(checks.filter((c) => c.classSum !== c.total)).toEqual([]);
  });
});

// Tables printed in 万元 to two places: the 类 figures add up to 合计 within the rounding of the printed figures.
// 烟台 prints 部门 × 政府 经济分类 side by side (a 部门 class on several rows) and a name column headed "…经济分类科目";
// 佛山's 决算 prints 人员经费 | 公用经费 panels side by side, each with its own codes.
const ROUNDED = [
  "calinchow-del+renwu/2026-pdf/025_烟台_宣传部_2026年部门预算.pdf",
  "calinchow-del+renwu/2026-pdf/022_佛山_交通运输局_2019年佛山市轨道交通局部门决算.pdf",
  "calinchow-del+renwu/2026-pdf/079_湖州_交通运输局_2026年部门预算.pdf",
];

describe.skipIf(!hasShared).each(ROUNDED)(`Σ 类 = 合计 (%s) (${hasShared ? "corpus" : SKIP_SHARED})`, async (rel) => {
  const doc = hasShared ? await extractFile(corpus(rel)) : null;

  test("every column with a 合计 row adds up within rounding", () => {
    const checks = classSumsAgainstTotals(doc!);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((c) => compare(offBy(c), c.tolerance) > 0)).toEqual([]);
  });
});

describe.skipIf(!hasShared)(`佛山市轨道交通局 2019 决算 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/022_佛山_交通运输局_2019年佛山市轨道交通局部门决算.pdf")) : null;

  test("the 公用经费 panel's figures carry its own codes, not the 人员经费 panel's", () => {
    const basic = doc!.lineItems.filter((li) => li.tableKind === "general_budget_basic");
    const office = basic.find((li) => li.code === "30201");
    expect(office).toMatchObject({ name: "办公费", measure: "公用经费 / 金额", yuan: "138000" });
    expect(basic.find((li) => li.code === "30101")).toMatchObject({ name: "基本工资", measure: "人员经费 / 金额", yuan: "3017900" });
    expect(office!.evidence.row).toBe(basic.find((li) => li.code === "30101")!.evidence.row);
  });
});
