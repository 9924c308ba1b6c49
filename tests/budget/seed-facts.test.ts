import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { convertWithSoffice, findSoffice } from "../../src/readers/doc/soffice.js";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument, Fact } from "../../src/model/index.js";
import { samples } from "../helpers.js";

/** The review families (src/budget/checks) judge what a document prints; these specs are about its own arithmetic. */
const REVIEW = /^(?:completeness|cross|change):/;

const fact = (doc: ExtractedDocument, key: string): Fact | undefined => doc.facts.find((f) => f.key === key);
const yuan = (doc: ExtractedDocument, key: string) => fact(doc, key)?.yuan;

/** The seed as LibreOffice renders the .docx to HTML: a third, independent rendering of the same document. */
async function seedAsHtml(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "seed-html-"));
  await convertWithSoffice(findSoffice()!, samples("luancheng-wangxin-2020-budget.docx"), dir, path.join(dir, "profile"), "html", 120_000);
  return path.join(dir, "luancheng-wangxin-2020-budget.html");
}

const renderings: [string, () => Promise<string>][] = [
  ["text", async () => samples("luancheng-wangxin-2020-budget.txt")],
  ["docx", async () => samples("luancheng-wangxin-2020-budget.docx")],
  ...(findSoffice() ? [["html (LibreOffice rendering of the .docx)", seedAsHtml] as [string, () => Promise<string>]] : []),
];

describe.each(renderings)("seed facts: 栾城区委网信办2020年部门预算 (%s)", async (_name, file) => {
  const doc = await extractFile(await file());

  test("meta: year, kind, scope, entity with evidence", () => {
    expect(doc.meta).toMatchObject({ fiscalYear: 2020, docKind: "budget", scope: "department", entity: "栾城区委网信办", region: "栾城区" });
    expect(doc.meta.evidence.fiscalYear).toMatchObject({ kind: "text", quote: "2020年" });
    expect(doc.meta.evidence.entity).toMatchObject({ kind: "text", quote: "栾城区委网信办" });
  });

  test("income, expenditure, 机关运行经费, assets in exact 元", () => {
    expect(yuan(doc, "income.total")).toBe("3407700");
    expect(yuan(doc, "income.general_budget")).toBe("3407700");
    expect(yuan(doc, "income.government_fund")).toBe("0");
    expect(yuan(doc, "income.special_account")).toBe("0");
    expect(yuan(doc, "expenditure.total")).toBe("3407700");
    expect(yuan(doc, "expenditure.basic")).toBe("1571200");
    expect(yuan(doc, "expenditure.basic.personnel")).toBe("1431600");
    expect(yuan(doc, "expenditure.basic.public")).toBe("139600");
    expect(yuan(doc, "expenditure.project")).toBe("1836500");
    expect(yuan(doc, "operating_cost")).toBe("139600");
    expect(yuan(doc, "assets.total")).toBe("93342");
    expect(yuan(doc, "assets.fixed")).toBe("93342");
    // 资产总额 comes from the 固定资产占用情况表 cell; 固定资产金额 from the narrative.
    expect(fact(doc, "assets.total")!.evidence[0]).toMatchObject({ kind: "cell", quote: "9.3342" });
    expect(yuan(doc, "procurement.total")).toBe("0");
  });

  test("nine named projects summing to the project total", () => {
    const items = doc.facts.filter((f) => f.key === "expenditure.project.item");
    expect(items.map((f) => [f.name, f.yuan])).toEqual([
      ["网络宣传管理", "330000"],
      ["劳动聘用人员工资", "106500"],
      ["网络专业培训", "100000"],
      ["网站和新媒体业务", "350000"],
      ["互联网精品生产扶持", "200000"],
      ["网络平台链接费", "100000"],
      ["网络安全监测预警体系建设和工作经费", "400000"],
      ["网络设备维护", "200000"],
      ["网络执法", "50000"],
    ]);
  });

  test("change against the prior year is signed", () => {
    expect(yuan(doc, "change.total")).toBe("1914923.1");
    expect(yuan(doc, "change.basic")).toBe("778001.6");
    expect(yuan(doc, "change.project")).toBe("1136921.5");
  });

  test("三公 stated as zero are present with yuan 0", () => {
    for (const k of ["three_public.total", "three_public.overseas", "three_public.vehicle", "three_public.vehicle.purchase", "three_public.vehicle.operation", "three_public.reception"]) {
      expect(yuan(doc, k), k).toBe("0");
    }
  });

  test("every fact's evidence quotes its source text exactly", () => {
    const text = new Map(doc.blocks.map((b) => [b.id, b.type === "paragraph" ? b.text : ""]));
    for (const f of doc.facts) {
      for (const e of f.evidence) {
        if (e.kind !== "text") continue;
        expect(text.get(e.blockId)!.slice(e.start, e.end)).toBe(e.quote);
      }
      // raw is the figure as printed; a table cell prints the number, its unit stands in the header.
      expect(f.raw.startsWith(f.evidence[0]!.quote)).toBe(true);
      expect(f.basis).toBe("budget");
    }
    expect(fact(doc, "income.total")!.raw).toBe("340.77万元");
  });

  test("every identity passes", () => {
    const rules = Object.fromEntries(doc.validations.map((v) => [v.rule, v.status]));
    expect(rules).toMatchObject({
      "expenditure.basic+project=total": "pass",
      "expenditure.basic.personnel+public=basic": "pass",
      "income.sources=total": "pass",
      "three_public.parts=total": "pass",
      "three_public.vehicle.purchase+operation=vehicle": "pass",
      "change.basic+project=total": "pass",
      "expenditure.project.items=project": "pass",
    });
    expect(doc.validations.filter((v) => v.status === "fail" && !REVIEW.test(v.rule))).toEqual([]);
  });
});
