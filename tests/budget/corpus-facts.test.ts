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
