import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { ExtractedDocument, type Fact } from "../../src/model/index.js";
import { samples } from "../helpers.js";

// Values below were read off the PDFs by eye (pdftotext -layout and the rendered pages) before being asserted.
const facts = (doc: ExtractedDocument, key: string): Fact[] => doc.facts.filter((f) => f.key === key);
const yuan = (doc: ExtractedDocument, key: string) => facts(doc, key)[0]?.yuan;
const status = (doc: ExtractedDocument, rule: string) => doc.validations.find((v) => v.rule === rule)?.status;

describe("上海 普陀区社会福利院 2024 单位预算 (PDF, tables in 元, 三公 in 万元)", async () => {
  const doc = await extractFile(samples("putuo-fuliyuan-2024-unit-budget.pdf"));

  test("meta and table titles with their own units", () => {
    expect(() => ExtractedDocument.parse(doc)).not.toThrow();
    expect(doc.meta).toMatchObject({ fiscalYear: 2024, docKind: "budget", scope: "unit", entity: "上海市普陀区社会福利院" });
    const byTitle = new Map(doc.tables.map((t) => [t.title, t]));
    expect(byTitle.get("2024年预算单位财务收支预算总表")?.unit?.unit).toBe("元");
    expect(byTitle.get("单位“三公”经费和机关运行经费预算表")?.unit?.unit).toBe("万元");
    expect(doc.tables).toHaveLength(9);
  });

  test("narrative and 收支总表 state the same totals (万元 two decimals vs 元): the exact table figure is the fact's", () => {
    const income = facts(doc, "income.total").find((f) => f.fund === "all")!;
    expect(income.yuan).toBe("12121164");
    // The 收支总表's 收入总计 first, then the 收入总表's 合计 and the narrative's rounded figure, which agree with it.
    expect(income.evidence[0]).toMatchObject({ kind: "cell", quote: "12,121,164" });
    expect(income.evidence.map((e) => `${e.kind}:${e.quote}`).sort()).toEqual(["cell:12,121,164", "cell:12,121,164", "text:1,212.12万元"]);
    expect(status(doc, "consistent:income.total")).toBe("pass");
    expect(facts(doc, "income.total").find((f) => f.fund === "fiscal")?.yuan).toBe("9501164");
    expect(yuan(doc, "income.business")).toBe("2620000");
    // "财政拨款支出预算950.12万元" and the 财政拨款收支总表's 9,501,164 元: one fact, two pieces of evidence.
    const fiscalOut = facts(doc, "expenditure.total").find((f) => f.fund === "fiscal")!;
    expect(fiscalOut.yuan).toBe("9501164");
    expect(fiscalOut.evidence.map((e) => e.quote).sort()).toEqual(["9,501,164", "950.12万元"]);
    expect(status(doc, "consistent:expenditure.total@fiscal")).toBe("pass");
  });

  test("三公 from the narrative and the 万元 table agree", () => {
    expect(yuan(doc, "three_public.total")).toBe("64000");
    expect(facts(doc, "three_public.total")[0]!.evidence.map((e) => e.kind)).toEqual(["text", "cell"]);
    expect(yuan(doc, "three_public.vehicle.operation")).toBe("64000");
    expect(yuan(doc, "procurement.services")).toBe("1206000");
    expect(status(doc, "three_public.parts=total")).toBe("pass");
    expect(status(doc, "procurement.goods+works+services=total")).toBe("pass");
  });

  test("the 经济分类 table's 类 rows add up from their 款 rows, and 合计 from the 类 rows", () => {
    const tableChecks = doc.validations.filter((v) => v.rule.startsWith("table:"));
    expect(tableChecks.length).toBeGreaterThan(5);
    expect(tableChecks.filter((v) => v.status === "fail")).toEqual([]);
    expect(tableChecks.some((v) => v.rule.includes("code 301 = Σ children") && v.expected === "6958414")).toBe(true);
  });
});

describe("江苏省人大常委会办公厅 2019 公开表 (PDF, 万元, three-panel 收支预算总表)", async () => {
  const doc = await extractFile(samples("jiangsu-renda-2019-tables.pdf"));

  test("12 numbered tables with titles and 万元", () => {
    expect(doc.tables.map((t) => t.number)).toEqual(["公开表一", "公开表二", "公开表三", "公开表四", "公开表五", "公开表六", "公开表七", "公开表八", "公开表九", "公开表十", "公开表十一", "公开表十二"]);
    expect(doc.tables[0]!.title).toBe("收支预算总表");
    // A table-only edition: the year from "2019年政府采购预算表", the entity from the "部门：" line.
    expect(doc.meta).toMatchObject({ fiscalYear: 2019, docKind: "budget", entity: "江苏省人大常委会办公厅" });
    expect(doc.tables.every((t) => t.unit?.unit === "万元")).toBe(true);
  });

  test("收支预算总表: totals and the uses panel, with a third use beside 基本 and 项目", () => {
    expect(yuan(doc, "income.total")).toBe("183303700");
    expect(yuan(doc, "expenditure.basic")).toBe("93129000");
    expect(yuan(doc, "expenditure.project")).toBe("64595800");
    expect(yuan(doc, "expenditure.reserve")).toBe("25578900");
    expect(status(doc, "expenditure.basic+project=total")).toBe("pass");
  });

  test("公开表九: 三公 subtotal, not the 合计 that adds 会议费 and 培训费", () => {
    expect(yuan(doc, "three_public.total")).toBe("7676000");
    expect(yuan(doc, "three_public.overseas")).toBe("1992500");
    expect(yuan(doc, "three_public.vehicle")).toBe("1836000");
    expect(yuan(doc, "three_public.reception")).toBe("3847500");
    expect(status(doc, "three_public.parts=total")).toBe("pass");
  });
});
