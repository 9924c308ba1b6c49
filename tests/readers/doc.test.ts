import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { findSoffice, readDoc, readDocWith } from "../../src/readers/doc/index.js";
import type { ReadResult } from "../../src/readers/types.js";
import { paragraphs, tablesOf } from "../fixtures/docx/helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sample = path.join(repoRoot, "samples/taiyuan-fagai-2016-final.doc");
const soffice = findSoffice();

describe("findSoffice", () => {
  it("honours SOFFICE_PATH when it names an executable", () => {
    const saved = process.env.SOFFICE_PATH;
    process.env.SOFFICE_PATH = process.execPath;
    try {
      expect(findSoffice()).toBe(process.execPath);
    } finally {
      if (saved === undefined) delete process.env.SOFFICE_PATH;
      else process.env.SOFFICE_PATH = saved;
    }
  });
});

describe.skipIf(!soffice)("readDoc on 太原市发展和改革委员会2016年决算公开.doc (needs LibreOffice; skipped when soffice is not installed)", () => {
  let result: ReadResult;
  let tmpBefore: string[];
  beforeAll(async () => {
    // A private temp root: other test files (batch) convert .doc files at the same time in the shared /tmp.
    process.env.TMPDIR = mkdtempSync(path.join(os.tmpdir(), "doc-test-"));
    tmpBefore = readdirSync(os.tmpdir()).filter((d) => d.startsWith("disclosure-extract-doc-"));
    result = await readDoc(readFileSync(sample), { path: sample, limits: DEFAULT_LIMITS });
  }, 120_000);

  it("reads the narrative with its part and section headings", () => {
    const texts = paragraphs(result.blocks).map((b) => b.text);
    expect(texts[0]).toBe("关于太原市发展和改革委员会2016年部门决算");
    expect(texts).toContain("第一部分");
    expect(texts).toContain("一、本部门职责");
    expect(texts).toContain("二、机构设置情况");
  });

  it("reads its nine Word tables, 公开02表 … 公开09表 under 金额单位：元, with thousands separators kept", () => {
    // 公开01表 is an embedded Excel sheet (t1, after the 部门决算表 heading); the nine others are Word tables.
    const all = tablesOf(result.blocks);
    expect(all.map((t) => t.provenance.part)[1]).toBe("word/embeddings/oleObject1.xlsx");
    const tables = all.filter((t) => t.provenance.part === "word/document.xml");
    expect(tables).toHaveLength(9);
    const ids = result.blocks.map((b) => b.id);
    const texts = result.blocks.map((b) => (b.type === "paragraph" ? b.text : b.id));
    const at02 = texts.indexOf("公开02表");
    expect(texts.slice(at02, at02 + 3)).toEqual(["公开02表", "金额单位：元", "t2"]);
    expect(ids).toContain("t9");

    // 公开02表 收入决算表: the 合计 row (科目名称 column 3, then 本年收入合计, 财政拨款收入 …).
    const income = tables[1]!;
    const total = income.rows.find((r) => r.cells.some((c) => c.text === "合计"))!;
    expect(total.cells.map((c) => [c.text, c.col])).toEqual([
      ["合计", 3],
      ["42,583,921.59", 4],
      ["42,575,058.26", 5],
      ["0.00", 6],
      ["0.00", 7],
      ["0.00", 8],
      ["0.00", 9],
      ["8,863.33", 10],
    ]);
    // The header: 项目 spans four columns, 本年收入合计 spans four rows (vMerge).
    expect(income.rows[0]!.cells[0]).toEqual({ text: "项目", colSpan: 4, rowSpan: 1, col: 0 });
    expect(income.rows[0]!.cells[1]).toEqual({ text: "本年收入合计", colSpan: 1, rowSpan: 4, col: 4 });
    expect(income.rows.some((r) => r.cells[0]?.text === "2010401" && r.cells[2]?.text === "20,865,700.42")).toBe(true);

    // 公开04表 财政拨款收入支出决算总表: 总计 on both sides balances.
    const overall = tables[3]!.rows.find((r) => r.cells[0]?.text === "总计")!;
    expect(overall.cells.map((c) => c.text)).toEqual(["总计", "30", "43,119,176.80", "总计", "83", "43,119,176.80", "41,542,805.26", "1,576,371.54"]);
  });

  it("cleans up its temp dir", () => {
    const after = readdirSync(os.tmpdir()).filter((d) => d.startsWith("disclosure-extract-doc-"));
    expect(after).toEqual(tmpBefore);
  });
});

describe("readDoc without LibreOffice", () => {
  it("throws unsupported_format telling the user to install LibreOffice", async () => {
    const noSoffice = readDocWith(() => null);
    await expect(noSoffice(readFileSync(sample), { path: sample, limits: DEFAULT_LIMITS })).rejects.toMatchObject({
      code: "unsupported_format",
      message: expect.stringContaining("apt-get install libreoffice-writer-nogui"),
    });
  });
});
