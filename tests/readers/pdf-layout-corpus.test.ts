import { describe, expect, it } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ParagraphBlock } from "../../src/model/index.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

/** Reading-layer behaviour on corpus PDFs the answer key does not cover (the audit in /work/helpers/layout-audit.md). */
const paragraphsOf = async (rel: string): Promise<{ paras: ParagraphBlock[]; doc: Awaited<ReturnType<typeof extractFile>> }> => {
  const doc = await extractFile(corpus(rel), { ocr: "never" });
  return { doc, paras: doc.blocks.filter((b): b is ParagraphBlock => b.type === "paragraph") };
};

describe.skipIf(!hasShared)(`layout of corpus PDFs${hasShared ? "" : ` (${SKIP_SHARED})`}`, () => {
  const jsrd2017 = "ae86jack+open-budget/江苏省人大办公厅_江苏省人大办公厅2017年度预算公开.pdf";

  it("江苏人大 2017: the 目录 entry cut by the page break is one entry and the 目录 ends where the body starts", async () => {
    const { doc, paras } = await paragraphsOf(jsrd2017);
    const toc = paras.filter((p) => p.role === "toc");
    expect(toc.map((p) => p.text)).toContain("十一、一般公共预算“三公”经费、会议费、培训费支出预算表");
    expect(toc.slice(-3).map((p) => [p.text, p.provenance.page])).toEqual([
      ["十二、政府采购支出预算表", 2],
      ["第三部分省人大办公厅2017年度部门预算情况说明", 2],
      ["第四部分名称解释", 2],
    ]);
    const body = paras.filter((p) => p.role === undefined && p.provenance.page === 2);
    expect(body[0]?.text).toBe("第一部分部门概况");
    expect(doc.validations.find((v) => v.rule === "completeness:toc")).toMatchObject({ status: "pass", message: "the table of contents lists 12 tables, each printed" });
  }, 60_000);

  it("江苏人大 2017: an indented item under a full line ending in 。 starts its own paragraph (not a centred title's wrap)", async () => {
    const { paras } = await paragraphsOf(jsrd2017);
    const six = paras.find((p) => p.text.startsWith("（六）"));
    expect(six?.text).toBe("（六）根据本省行政区域的具体情况和实际需要，在不同宪法、法律、行政法规相抵触的前提下，制定地方性法规。");
    expect(paras.find((p) => p.text.startsWith("（七）"))?.text).toBe(
      "（七）监督本级人民政府、人民法院和人民检察院的工作，联系本级人民代表大会代表，受理人民群众对上述机关和国家工作人员的申诉和意见；",
    );
  }, 60_000);

  it("北京交通委 2026: a 目录 without page numbers goes on at the top of page 2 where its numbering goes on (十一、 → 十二、)", async () => {
    const { paras } = await paragraphsOf("calinchow-del+renwu/2026-pdf/002_北京_交通运输局_附件1：北京市交通委员会2026年度部门预算情况说明.pdf");
    const page2 = paras.filter((p) => p.provenance.page === 2).map((p) => [p.text, p.role ?? "body"]);
    expect(page2).toEqual([
      ["十二、项目支出绩效目标表", "toc"],
      ["十三、部门整体支出绩效目标表", "toc"],
    ]);
    expect(paras.find((p) => p.provenance.page === 3)).toMatchObject({ text: "第一部分2026年度部门预算情况说明" });
    expect(paras.find((p) => p.provenance.page === 3)?.role).toBeUndefined();
  }, 60_000);

  it("江苏高院 2019: the pie chart on page 19 is no table (its flattened outline draws no grid)", async () => {
    const { doc, paras } = await paragraphsOf("ae86jack+open-budget/江苏省高级人民法院_江苏省高级人民法院2019年度部门预算公开.pdf");
    expect(doc.blocks.filter((b) => b.type === "table" && b.provenance.page === 19)).toEqual([]);
    expect(paras.filter((p) => p.provenance.page === 19).map((p) => p.text)).toEqual(expect.arrayContaining(["项目支出, 27.45%", "基本支出, 59.07%"]));
    // The budget tables of pages 8–17 keep their grids.
    expect(doc.tables.filter((t) => t.kind !== "other").length).toBe(12);
  }, 60_000);

  it("普陀区财政局 2025: a 目录 entry ending in dot leaders is complete, so the body page after it is not read as 目录", async () => {
    const { paras } = await paragraphsOf("zxj6827111-blip+tianbaoxitong/上海市普陀区财政局部门25年预算.pdf");
    const page3 = paras.filter((p) => p.provenance.page === 3);
    expect(page3[0]?.text).toBe("上海市普陀区财政局主要职能");
    expect(page3.filter((p) => p.role === "toc")).toEqual([]);
  }, 60_000);
});
