import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { convertWithSoffice, findSoffice } from "../../src/readers/doc/soffice.js";
import type { ExtractedDocument, Table } from "../../src/model/index.js";
import { samples } from "../helpers.js";
import { seedProcurementHeaders } from "../fixtures/seed-tables.js";

const byTitle = (doc: ExtractedDocument, title: string): Table => doc.tables.find((t) => t.title === title)!;
const shape = (t: Table) => t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text.replace(/\s+/g, "")]);

// The seed's tables as a real Word document (samples/luancheng-wangxin-2020-budget.docx, made by
// scripts/make-seed-docx.ts from the seed text): merged cells come from gridSpan/vMerge, not from a transcription.
describe("the seed's tables from its .docx rendering", async () => {
  const doc = await extractFile(samples("luancheng-wangxin-2020-budget.docx"));

  test("绩效目标表: the goal cell spans the five columns after 绩效目标", () => {
    const goals = doc.tables.filter((t) => t.title?.endsWith("绩效目标表"));
    expect(goals).toHaveLength(9);
    for (const t of goals) {
      const goal = t.cells.find((c) => c.row === 0 && c.col === 1)!;
      expect(goal.colSpan).toBe(5);
      expect(t.grid[0]![3]).toEqual({ mergedInto: [0, 1] });
      expect(t.columns.map((c) => c.header)).toEqual(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]);
    }
  });

  test("政府采购: 13 columns under a two-row header with group cells", () => {
    const t = byTitle(doc, "单位政府采购预算");
    expect(t.nCols).toBe(13);
    expect(t.headerRows).toBe(2);
    expect(t.columns.map((c) => c.header)).toEqual(seedProcurementHeaders);
    // No unit is printed for this table: absence is explicit, not a guessed default.
    expect(t.unit).toBeNull();
    expect(t.rows[2]!.kind).toBe("empty");
  });

  test("固定资产占用情况表: title rows, the unit from the header cell, dashes distinct from zero", () => {
    const t = byTitle(doc, "固定资产占用情况表");
    expect(t.titleRows).toBe(2);
    expect(t.columns[2]).toMatchObject({ header: "价值（金额单位：万元）", kind: "amount", unit: { unit: "万元", multiplier: "10000" } });
    const total = t.cells.find((c) => c.row === 3 && c.col === 2)!;
    expect(total.value).toEqual({ kind: "amount", value: "9.3342", yuan: "93342" });
    expect(t.cells.find((c) => c.row === 3 && c.col === 1)!.value).toEqual({ kind: "null", nullKind: "dash" });
    expect(t.cells.find((c) => c.row === 4 && c.col === 2)!.value).toMatchObject({ kind: "amount", value: "0" });
  });

  test.skipIf(!findSoffice())("the same tables rendered to HTML by LibreOffice give the same grid", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "seed-grid-"));
    await convertWithSoffice(findSoffice()!, samples("luancheng-wangxin-2020-budget.docx"), dir, path.join(dir, "profile"), "html", 120_000);
    const html = await extractFile(path.join(dir, "luancheng-wangxin-2020-budget.html"));
    expect(html.source.format).toBe("html");
    for (const title of ["单位政府采购预算", "固定资产占用情况表", "互联网专业培训绩效目标表"]) {
      expect(shape(byTitle(html, title)), title).toEqual(shape(byTitle(doc, title)));
    }
  });
});
