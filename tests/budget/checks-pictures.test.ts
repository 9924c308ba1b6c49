/**
 * completeness when a table is printed as a picture: the readers name body pictures in image_not_read warnings,
 * and a required table missing from the text is "not printed as text … may be printed as a picture" — still a
 * failure (it was not read), with a message that tells the truth.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { checkCompleteness } from "../../src/budget/checks/completeness.js";
import type { CheckInput } from "../../src/budget/checks/index.js";
import type { ExtractedDocument, ParagraphBlock } from "../../src/model/index.js";
import { NARRATIVE, disclosureHtml, extractHtml, standardTables } from "./checks-fixtures.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The review's input as analyzeBudget builds it, with the reader's picture warnings (mentions are not needed here). */
function reviewInput(doc: ExtractedDocument, withPictures = true): CheckInput {
  const ps = doc.blocks.filter((b): b is ParagraphBlock => b.type === "paragraph");
  return {
    meta: doc.meta,
    tables: doc.tables,
    paragraphs: ps.filter((p) => p.role === undefined || p.role === "body"),
    captions: ps.filter((p) => p.role === "caption"),
    furniture: ps.filter((p) => p.role !== undefined && p.role !== "body" && p.role !== "caption"),
    spansByBlock: new Map(),
    mentions: [],
    ...(withPictures ? { imagesNotRead: doc.warnings.filter((w) => w.code === "image_not_read") } : {}),
  };
}

const rule = (vs: ReturnType<typeof checkCompleteness>, id: string) => vs.find((v) => v.rule === id);

describe("completeness: a required table printed as a picture", () => {
  test("fails as not printed as text, naming the pictures' place; without pictures it is simply not printed", async () => {
    const tables = standardTables().filter((t) => !t.caption.includes("三公"));
    const html = disclosureHtml("某某局2026年部门预算", NARRATIVE, tables).replace("</body>", '<p>附：“三公”经费支出表</p><p><img src="/upload/sangong.gif" width="750" height="420"></p></body>');
    const doc = await extractHtml(html);
    const warning = doc.warnings.find((w) => w.code === "image_not_read")!;
    expect(warning.message).toContain("/upload/sangong.gif");
    const at = doc.blocks.find((b) => b.id === warning.blockId) as ParagraphBlock;
    expect(at.text).toBe("附：“三公”经费支出表");
    const v = rule(checkCompleteness(reviewInput(doc)), "completeness:table:three_public")!;
    expect(v.status).toBe("fail");
    expect(v.message).toBe(`“三公”经费支出表, required in a 部门预算, is not printed as text in this document; it may be printed as a picture, which was not read (warning image_not_read: pictures in the body at ${at.id})`);
    expect(v.evidence.map((e) => e.quote)).toEqual(["附：“三公”经费支出表"]);
    // The tables printed as text still pass.
    expect(rule(checkCompleteness(reviewInput(doc)), "completeness:table:summary")?.status).toBe("pass");
    expect(rule(checkCompleteness(reviewInput(doc, false)), "completeness:table:three_public")?.message).toBe("“三公”经费支出表, required in a 部门预算, is not printed in this document");
  });

  test("the table of contents' missing entries may be pictures too", async () => {
    const tables = standardTables().filter((t) => !t.caption.includes("三公"));
    const toc = '<p>目录</p><p>一、收支总表……1</p><p>七、“三公”经费支出表……7</p>';
    const html = disclosureHtml("某某局2026年部门预算", NARRATIVE, tables).replace("<p>某某局2026年部门预算</p>", `<p>某某局2026年部门预算</p>${toc}`).replace("</body>", '<p>附：三公经费表</p><p><img src="/upload/sangong.gif" width="750" height="420"></p></body>');
    const doc = await extractHtml(html);
    const v = rule(checkCompleteness(reviewInput(doc)), "completeness:toc");
    expect(v?.status).toBe("fail");
    expect(v?.message).toMatch(/^the table of contents lists "七、“三公”经费支出表", not printed; does not list 收入总表, .* printed \(some may be printed as pictures, which were not read: warning image_not_read: pictures in the body at p\d+\)$/);
  });

  test("a document whose tables are an attachment keeps the attachment message, pictures or not", async () => {
    const html = disclosureHtml("某某局2026年部门预算", [...NARRATIVE, "附件：某某局2026年部门预算报表"], []).replace("</body>", '<p><img src="/logo-big.png" width="600" height="300"></p></body>');
    const v = rule(checkCompleteness(reviewInput(await extractHtml(html))), "completeness:table:summary")!;
    expect(v.message).toMatch(/published as a separate attachment/);
  });

  test("重庆交通委 2018 (HTML): its 8 required tables are GIFs after the 三公 definitions — each says so", async () => {
    const doc = await extractFile(path.join(repoRoot, "samples/chongqing-jiaotong-2018-budget.html"));
    const vs = checkCompleteness(reviewInput(doc)).filter((v) => v.rule.startsWith("completeness:table:"));
    expect(vs.map((v) => [v.rule.slice("completeness:table:".length), v.status])).toEqual(
      ["summary", "income", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic", "three_public", "government_fund"].map((k) => [k, "fail"]),
    );
    for (const v of vs) expect(v.message).toMatch(/is not printed as text in this document; it may be printed as a picture, which was not read \(warning image_not_read: pictures in the body at p\d+\)$/);
    expect(vs[0]!.evidence[0]!.quote).toMatch(/^（五）“三公”经费：指用一般公共预算财政拨款安排的因公出国/);
  });

  test("end to end: the extracted document of 重庆交通委 2018 carries the picture message in its validations", async () => {
    const doc = await extractFile(path.join(repoRoot, "samples/chongqing-jiaotong-2018-budget.html"));
    const v = doc.validations.find((x) => x.rule === "completeness:table:summary")!;
    expect(v.status).toBe("fail");
    expect(v.message).toMatch(/is not printed as text in this document; it may be printed as a picture/);
  });
});
