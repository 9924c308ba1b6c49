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
