import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

// 北京市交通委员会 2026 情况说明 p3: "（二）项目支出。项目支出预算1303674.00万元，占本年支出预算89.98%。其中：" then
// "1.事业单位经营支出900.00万元。" "2.上缴上级支出0.00万元。" "3.对附属单位补助支出0.00万元。"; 支出预算 1448787.35 =
// 基本 145113.35 + 项目 1303674.00. The numbered paragraphs are parts of 项目支出, not uses beside it.
describe.skipIf(!hasShared)(`北京市交通委员会 2026 情况说明 (${hasShared ? "corpus" : SKIP_SHARED})`, async () => {
  const doc = hasShared ? await extractFile(corpus("calinchow-del+renwu/2026-pdf/002_北京_交通运输局_附件1：北京市交通委员会2026年度部门预算情况说明.pdf")) : null;

  test("基本 + 项目 = 支出总计 passes: 900.00 经营支出 is listed under 项目支出", () => {
    expect(doc!.facts.find((f) => f.key === "expenditure.operating")?.yuan).toBe("9000000");
    expect(doc!.validations.find((v) => v.rule === "expenditure.basic+project=total")).toMatchObject({ status: "pass", expected: "14487873500", actual: "14487873500" });
  });

  // p71: "…“三公”经费预算1328.22万元，比…增加419.84万元，…。其中：" lists the three parts of 1328.22, not of the change.
  test("the 三公 parts listed after '其中：' add up to the 三公 total, not to its change", () => {
    expect(doc!.validations.find((v) => v.rule === "three_public.parts=total")).toMatchObject({ status: "pass", expected: "13282200" });
  });
});
