/**
 * The two 深圳 2026 部门预算 PDFs print every table page by page, each page under the same 表N, title, 部门名称 and
 * unit, with the header repeated. Values below were read off the rendered pages (pdftoppm, pages 30–31 of 公安局).
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument, Table } from "../../src/model/index.js";
import { SKIP_SHARED, corpus, hasShared } from "../helpers.js";

const GONGAN = corpus("calinchow-del+renwu/2026-pdf/003_深圳_公安局_2026年部门预算.pdf");
const CHENGGUAN = corpus("calinchow-del+renwu/2026-pdf/003_深圳_城市管理和综合执法局_2026年部门预算.pdf");
const present = hasShared && existsSync(GONGAN) && existsSync(CHENGGUAN);
if (!present) console.warn(`深圳 stitching tests: ${SKIP_SHARED}`);

const byNumber = (doc: ExtractedDocument, n: string): Table => {
  const t = doc.tables.find((x) => x.number === n);
  if (!t) throw new Error(`no table ${n}`);
  return t;
};
const textAt = (t: Table, r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c)?.text;
const tableFailures = (doc: ExtractedDocument) => doc.validations.filter((v) => v.rule.startsWith("table:") && v.status === "fail").map((v) => v.rule);

describe.skipIf(!present)("深圳 公安局 2026: tables continued over pages are one table each", async () => {
  const doc = present ? await extractFile(GONGAN) : (undefined as never);

  it("表7 一般公共预算支出表（按功能分类）: pages 30 and 31 joined, the repeated header kept out of the data", () => {
    const t = byNumber(doc, "表7");
    expect(t.title).toBe("一般公共预算支出表（按功能分类）");
    expect(t.blockIds).toHaveLength(2);
    expect(t.provenance.map((p) => p.page)).toEqual([30, 31]);
    expect(t.nRows).toBe(27);
    expect(t.parts?.[1]).toMatchObject({ firstRow: 14, nRows: 13, joinedBy: "repeated_header" });
    expect(t.rows[14]?.kind).toBe("header");
    // Page 30: the unit's row; page 31: the first and the last row.
    expect([textAt(t, 1, 0), textAt(t, 1, 3)]).toEqual(["深圳市公安局（本级）", "202,989.21"]);
    expect(t.rows[15]).toMatchObject({ kind: "data", code: "2080505", name: "机关事业单位基本养老保险缴费支出" });
    expect(textAt(t, 15, 3)).toBe("7,390.76");
    expect(t.rows[26]).toMatchObject({ kind: "data", code: "2210203", name: "购房补贴" });
    expect(textAt(t, 26, 3)).toBe("22,620.85");
    expect(t.rows.filter((r) => r.kind === "data")).toHaveLength(25);
  });

  it("208 = Σ 款 and 20805 = Σ 项 across the page break now pass; no table check fails in the document", () => {
    const t = byNumber(doc, "表7");
    const status = (rule: string) => doc.validations.find((v) => v.rule === rule)?.status;
    expect(status(`table:${t.id}:code 208 = Σ children [支出总计]`)).toBe("pass");
    expect(status(`table:${t.id}:code 20805 = Σ children [基本支出]`)).toBe("pass");
    expect(tableFailures(doc)).toEqual([]);
  });

  it("each numbered table appears once: 表1 … 表11, the 5-page 表8 included", () => {
    const numbers = doc.tables.map((t) => t.number).filter((n): n is string => n !== null);
    expect(numbers).toEqual(["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9", "表10", "表11"]);
    expect(byNumber(doc, "表8").provenance.map((p) => p.page)).toEqual([32, 33, 34, 35, 36]);
  });
});

describe.skipIf(!present)("深圳 城市管理和综合执法局 2026", async () => {
  const doc = present ? await extractFile(CHENGGUAN) : (undefined as never);

  it("表3 支出总表 is one table over pages 21–23 and every table check passes", () => {
    const t = byNumber(doc, "表3");
    expect(t.provenance.map((p) => p.page)).toEqual([21, 22, 23]);
    expect(t.rows.filter((r) => r.code === "212")).toHaveLength(1);
    expect(tableFailures(doc)).toEqual([]);
  });
});
