import { describe, expect, test } from "vitest";
import { extractBytes, extractFile } from "../../src/extract.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

const text = (s: string) => extractBytes(Buffer.from(s, "utf8"), { path: "fixture.txt" });
const flagged = (d: { warnings: { code: string }[] }) => d.warnings.some((w) => w.code === "no_disclosure_content");

describe("what is a disclosure", () => {
  test("a statistical report with money and 收入 but no budget fact or standard table is flagged", async () => {
    // 福州 2025年物流业运行情况报告, saved under a 商务局 budget's name: figures and words, no budget.
    const d = await text("2025年福州市物流业运行情况报告\n\n全年物流业业务收入1891.31亿元，同比增长5.2%；物流总额3.2万亿元。\n");
    expect(flagged(d)).toBe(true);
    expect(d.facts).toEqual([]);
  });

  test("a narrative disclosure with budget facts is not", async () => {
    const d = await text("某某局2026年部门预算\n\n一、收支预算总体情况\n2026年收入预算340.77万元，其中一般公共预算拨款收入340.77万元。\n");
    expect(flagged(d)).toBe(false);
    expect(d.facts.find((f) => f.key === "income.general_budget")?.yuan).toBe("3407700");
  });
});

// 普陀区2026单位预算模板.xls: the district's blank form — nine standard tables with codes and no figure, a 说明 of
// placeholders ("XX收入预算x,xxx万元"); the only figures read are the zeros of its instructions.
describe.skipIf(!hasShared)(`a blank template (${hasShared ? "corpus" : SKIP_SHARED})`, () => {
  test("普陀区2026单位预算模板.xls gets no_disclosure_content and no review checks", async () => {
    const doc = await extractFile(corpus("zxj6827111-blip+tianbaoxitong/普陀区2026单位预算模板_budget_template.xls"));
    const warning = doc.warnings.find((w) => w.code === "no_disclosure_content");
    expect(warning?.message).toMatch(/^The 9 standard tables print no figure and the document states no amount other than zero/);
    expect(doc.validations.filter((v) => v.rule.startsWith("completeness:"))).toEqual([]);
  });
});
