import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { findSoffice } from "../../src/readers/doc/index.js";
import { ExtractedDocument, type Section } from "../../src/model/index.js";
import { corpus, hasShared, samples, SKIP_SHARED } from "../helpers.js";

const outline = (ss: Section[]): unknown[] => ss.map((s) => (s.children.length ? [`${s.label}${s.title}`, outline(s.children)] : `${s.label}${s.title}`));
const text = (doc: ExtractedDocument) => doc.blocks.map((b) => (b.type === "paragraph" ? b.text : "")).join("\n");

describe("real HTML pages: section trees without the portal's chrome", () => {
  test("重庆市交通委员会 2018: <br>-broken narrative, full-width １、 list items", async () => {
    const doc = await extractFile(samples("chongqing-jiaotong-2018-budget.html"));
    expect(outline(doc.sections)).toEqual([
      ["一、单位基本情况", ["（一）职能职责", "（二）单位构成"]],
      "二、部门预算情况说明",
      "三、“三公”经费情况说明",
      "四、其他重要事项的情况说明",
      "五、专业性名词解释",
    ]);
    // The twelve duties "１、负责…" are items of （一）, not sections.
    const duties = doc.sections[0]!.children[0]!;
    expect(duties.blockIds.length).toBeGreaterThanOrEqual(13);
    expect(doc.meta).toMatchObject({ fiscalYear: 2018, docKind: "budget", entity: "重庆市交通委员会" });
  });

  test("郑州市国土资源局 2015: the attachment list is not a section", async () => {
    const doc = await extractFile(samples("zhengzhou-guotu-2015-budget.html"));
    expect(outline(doc.sections)).toEqual([
      ["一、部门概况", ["（一）主要职能", "（二）部门机构设置"]],
      "二、收入预算情况说明",
      "三、支出预算情况说明",
      "四、“三公经费”增减变化原因说明",
    ]);
    expect(text(doc)).toContain("923.1961万元");
    expect(doc.facts.find((f) => f.key === "three_public.total")?.yuan).toBe("710000");
  });

  test("昆明市审计局（汇总） 2026: an untitled outline at the top is a table of contents; the list of units is not sections", async () => {
    const doc = await extractFile(samples("kunming-shenji-2026-budget.html"));
    expect(doc.sections.map((s) => `${s.label}${s.title}`)).toEqual([
      "一、基本职能及主要工作",
      "二、预算单位基本情况",
      "三、预算单位收入情况",
      "四、预算单位支出情况",
      "五、省对下专项转移支付情况",
      "六、政府采购预算情况",
      "七、部门“三公”经费增减变化情况及原因说明",
      "八、重点项目预算绩效目标情况",
      "九、其他公开信息",
    ]);
    expect(outline(doc.sections[0]!.children)).toEqual(["（一）部门主要职责", "（二）机构设置情况", "（三）重点工作概述"]);
    expect(doc.blocks.filter((b) => b.type === "paragraph" && b.role === "toc")).toHaveLength(28);
    // The page's navigation chrome is not in the text.
    expect(text(doc)).not.toMatch(/网站地图|首页\s*>|当前位置/);
  });

  test("西南大学 2024 landing page: a warning, not an empty budget", async () => {
    const doc = await extractFile(samples("swu-2024-landing.html"));
    expect(doc.warnings.map((w) => w.code)).toContain("no_disclosure_content");
    expect(doc.facts).toEqual([]);
  });

  test.skipIf(!hasShared).each([
    "calinchow-del+renwu/CATALOG_天津市工业和信息化局2019年部门预算公开目录_cz.tj.gov.cn.html",
    "calinchow-del+renwu/LANDING_无锡市自然资源和规划局2026年度部门预算公开_wuxi.gov.cn.html",
  ])(`catalogue/landing page %s gets no_disclosure_content (${hasShared ? "corpus" : SKIP_SHARED})`, async (rel) => {
    const doc = await extractFile(corpus(rel));
    expect(doc.warnings.map((w) => w.code)).toContain("no_disclosure_content");
  });
});

describe.skipIf(!findSoffice())("太原市发展和改革委员会 2016 决算 (.doc via LibreOffice)", () => {
  test("parts with their titles on the next line, and their numbered sections", async () => {
    const doc = await extractFile(samples("taiyuan-fagai-2016-final.doc"));
    expect(outline(doc.sections)).toEqual([
      ["第一部分太原市发展和改革委员会部门概况", ["一、本部门职责", "二、机构设置情况"]],
      "第二部分太原市发展和改革委员会2016年部门决算表",
      [
        "第三部分太原市发展和改革委员会2016年部门决算情况说明",
        ["一、收入决算总体安排情况", "二、支出决算总体安排情况", "三、一般公共预算财政拨款资金支出决算情况", "四、政府基金预算财政拨款收入支出决算情况", "五、其他部分决算情况", "六、经费收支增加的原因"],
      ],
      "第四部分名词解释（统一采用以下内容）",
    ]);
    expect(doc.meta).toMatchObject({ fiscalYear: 2016, docKind: "final_account", entity: "太原市发展和改革委员会" });
    // 公开01表 is an Excel sheet embedded in the Word body, read where the object stands.
    expect(doc.tables.map((t) => t.number).filter(Boolean)).toEqual(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表"]);
    expect(doc.tables.find((t) => t.number === "公开02表")?.unit?.unit).toBe("元");
  });

  test("its tables' arithmetic holds: 类 = Σ 款 = Σ 项 and 合计 = Σ 类", async () => {
    const doc = await extractFile(samples("taiyuan-fagai-2016-final.doc"));
    const checks = doc.validations.filter((v) => v.rule.startsWith("table:"));
    expect(checks.length).toBeGreaterThan(20);
    expect(checks.filter((v) => v.status === "fail").map((v) => v.rule)).toEqual([]);
    expect(doc.validations.find((v) => v.rule === "income.sources=total")?.status).toBe("pass");
  });
});
