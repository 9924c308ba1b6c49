import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

// 江苏省政协办公厅 2017 公开表: the 收支预算总表 lists its sources as 一、财政拨款 9,066.79 / 二、财政专户管理资金 (blank) /
// 三、其他资金 80.00, and 收入总计 9,146.79 (万元). "其他资金" is the other-income line; without it the sources fell 80万元 short.
describe.skipIf(!hasShared)(`江苏省政协办公厅 2017 公开表 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("ae86jack+open-budget/江苏省政协办公厅_2017年度部门预算公开表.pdf")) : null;

  test("三、其他资金 80.00 is income.other, read from its table cell", () => {
    const other = doc!.facts.find((f) => f.key === "income.other");
    expect(other?.yuan).toBe("800000");
    expect(other?.evidence.some((e) => e.kind === "cell" && e.quote === "80.00")).toBe(true);
  });

  test("the sources add up to 收入总计 9,146.79万元", () => {
    expect(doc!.facts.find((f) => f.key === "income.total")?.yuan).toBe("91467900");
    expect(doc!.validations.find((v) => v.rule === "income.sources=total")).toMatchObject({ status: "pass", expected: "91467900", actual: "91467900" });
  });
});

// 深圳市公安局 2026 部门预算: the 收支总表 prints "上年结余、结转 2,616.24" (of which 财政拨款 2,347.87, 非财政拨款 268.37) between
// 本年收入合计 201,781.34 and 收入总计 204,397.58 (万元); the 财政拨款收支总表 prints only the fiscal 2,347.87.
describe.skipIf(!hasShared)(`深圳市公安局 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/003_深圳_公安局_2026年部门预算.pdf")) : null;
  const yuan = (key: string, fund = "all") => doc!.facts.find((f) => f.key === key && f.fund === fund)?.yuan;

  test("上年结余、结转 is the department's carryover; the 财政拨款 table's is its fiscal part, with fund fiscal", () => {
    expect(yuan("income.carryover")).toBe("26162400");
    expect(yuan("income.carryover", "fiscal")).toBe("23478700");
    expect(doc!.validations.filter((v) => v.status === "fail" && v.rule.includes("carryover"))).toEqual([]);
  });

  test("the sources with the carryover add up to 收入总计 204,397.58万元", () => {
    expect(doc!.validations.find((v) => v.rule === "income.sources=total")).toMatchObject({ status: "pass", expected: "2043975800", actual: "2043975800" });
  });
});

// 国家信访局 2024 部门决算 (武汉 archive): 收入支出决算总表 年初结转和结余 1,615.24 (万元); its 附件 reviews one project
// ("项目概况 > 项目资金投入": 其中…上年结转资金120.55万元) and lists each 功能分类 item's 年初预算 and 支出决算 in words;
// the narrative's "财政拨款支出13733.8万元" is the 财政拨款收入支出决算总表's 本年支出合计 13,733.80, not its 总计 20,727.53.
describe.skipIf(!hasShared)(`国家信访局 2024 决算 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/009_武汉_信访局_国家信访局2024年度部门决算公开.pdf")) : null;
  const facts = (key: string, fund = "all") => doc!.facts.filter((f) => f.key === key && f.fund === fund);

  test("the department's carryover is the table's 1,615.24万元 alone: a project's carryover is not a statement of it", () => {
    expect(facts("income.carryover").map((f) => f.yuan)).toEqual(["16152400"]);
    const consistent = doc!.validations.find((v) => v.rule === "consistent:income.carryover");
    expect(consistent?.evidence.map((e) => e.quote)).not.toContain("120.55万元");
  });

  test("'财政拨款支出13733.8万元' is this year's fiscal expenditure; the 总计 stays the table's 20,727.53万元", () => {
    const current = facts("expenditure.current_year", "fiscal");
    expect(current.map((f) => f.yuan)).toEqual(["137338000"]);
    expect(current[0]!.evidence.some((e) => e.kind === "text" && e.quote === "13733.8万元")).toBe(true);
    expect(facts("expenditure.total", "fiscal").map((f) => f.yuan)).toEqual(["207275300"]);
  });

  test("no fact is stated twice with different figures", () => {
    expect(doc!.validations.filter((v) => v.rule.startsWith("consistent:") && v.status === "fail")).toEqual([]);
  });
});

// 重庆市科学技术局 2026: 表一 has no 上年结转 line, so its "一般公共预算资金 154,304.22" folds in the carryover; 表四 prints
// 本年收入 (一)一般公共预算资金 154,023.82 and 上年结转 280.40 (万元). This year's appropriation is 154,023.82.
describe.skipIf(!hasShared)(`重庆市科学技术局 2026 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/004_重庆_科技创新局_重庆市科学技术局2026年部门预算情况说明.pdf.pdf")) : null;

  test("income.general_budget is 表四's this-year 154,023.82万元, and the 财政拨款 sources add up", () => {
    expect(doc!.facts.filter((f) => f.key === "income.general_budget").map((f) => f.yuan)).toEqual(["1540238200"]);
    expect(doc!.validations.find((v) => v.rule === "income.fiscal_sources=total")).toMatchObject({ status: "pass" });
    expect(doc!.validations.filter((v) => v.rule === "consistent:income.general_budget" && v.status === "fail")).toEqual([]);
  });
});
