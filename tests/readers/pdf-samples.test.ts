import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { ParagraphBlock, RawTableBlock, ReaderBlock } from "../../src/model/index.js";
import { readPdf } from "../../src/readers/pdf/index.js";
import type { ReadResult } from "../../src/readers/types.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function read(name: string): Promise<ReadResult> {
  const file = path.join(repoRoot, "samples", name);
  return readPdf(new Uint8Array(readFileSync(file)), { path: file, limits: DEFAULT_LIMITS, ocr: "never" });
}

const paragraphs = (blocks: ReaderBlock[]): ParagraphBlock[] => blocks.filter((b): b is ParagraphBlock => b.type === "paragraph");
const tables = (blocks: ReaderBlock[]): RawTableBlock[] => blocks.filter((b): b is RawTableBlock => b.type === "table");

/** Text of the cell that starts at grid column `col` in row `row`. */
function cell(t: RawTableBlock, row: number, col: number): string | undefined {
  return t.rows[row]?.cells.find((c) => c.col === col)?.text;
}

/** The table that follows the paragraph with this exact text. */
function tableAfter(blocks: ReaderBlock[], title: string): RawTableBlock {
  const i = blocks.findIndex((b) => b.type === "paragraph" && b.text === title);
  expect(i, `title ${title}`).toBeGreaterThanOrEqual(0);
  const t = blocks.slice(i + 1).find((b): b is RawTableBlock => b.type === "table");
  if (!t) throw new Error(`no table after ${title}`);
  return t;
}

describe("readPdf: 江苏省人大常委会办公厅 2019 公开表 (rotated pages, filled-rectangle rules, 万元)", () => {
  let result: ReadResult;
  beforeAll(async () => {
    result = await read("jiangsu-renda-2019-tables.pdf");
  });

  it("finds the 12 tables as tables, with page numbers on every block", () => {
    expect(tables(result.blocks).length).toBe(13); // 公开表十二 runs over two pages (not stitched here)
    for (const b of result.blocks) expect(b.provenance.page).toBeGreaterThan(0);
    expect(tables(result.blocks).at(-1)?.provenance.page).toBe(13);
  });

  it("keeps titles, table numbers and unit lines as paragraphs before each table", () => {
    const texts = paragraphs(result.blocks).map((p) => p.text);
    expect(texts.slice(0, 4)).toEqual(["收支预算总表", "公开表一", "部门：江苏省人大常委会办公厅", "单位：万元"]);
    expect(texts).toContain("“三公”经费、会议费、培训费支出预算表");
    expect(texts.filter((t) => t === "单位：万元").length).toBe(12);
  });

  it("rebuilds the three-panel 收支预算总表 with merged header cells and the totals", () => {
    const t = tableAfter(result.blocks, "单位：万元");
    expect(t.provenance.page).toBe(1);
    expect(t.rows[0]?.cells.map((c) => [c.text, c.colSpan])).toEqual([
      ["收入", 2],
      ["支出", 4],
    ]);
    expect(t.rows[1]?.cells[0]).toMatchObject({ text: "项目名称", rowSpan: 2, col: 0 });
    expect(t.rows[1]?.cells[2]).toMatchObject({ text: "功能分类", colSpan: 2, col: 2 });
    expect(cell(t, 3, 0)).toBe("一、财政拨款");
    expect(cell(t, 3, 1)).toBe("18,330.37");
    expect(cell(t, 3, 2)).toBe("一、一般公共服务支出");
    expect(cell(t, 3, 3)).toBe("13,907.78");
    expect(cell(t, 3, 5)).toBe("9,312.90");
    expect(cell(t, 20, 2)).toBe("十八、住房保障支出");
    expect(cell(t, 20, 3)).toBe("3,301.20");
    const last = t.rows[t.rows.length - 1];
    expect(last?.cells.map((c) => c.text)).toEqual(["收入合计", "18,330.37", "支出合计", "18,330.37"]);
    expect(last?.cells[2]).toMatchObject({ col: 2, colSpan: 3 });
  });

  it("reads the 三公经费 table (公开表九) row by row", () => {
    const t = tableAfter(result.blocks, "“三公”经费、会议费、培训费支出预算表");
    expect(t.provenance.page).toBe(9);
    expect(t.rows[0]?.cells[1]).toMatchObject({ text: "“三公”经费", colSpan: 6 });
    expect(t.rows[2]?.cells.map((c) => c.text)).toEqual(["小计", "公务用车购置费", "公务用车运行维护费"]);
    expect(t.rows[3]?.cells.map((c) => c.text)).toEqual([
      "2,600.71",
      "767.60",
      "199.25",
      "183.60",
      "",
      "183.60",
      "384.75",
      "1,469.73",
      "363.38",
    ]);
  });

  it("keeps row-spanning group cells of 收入预算总表", () => {
    const t = tableAfter(result.blocks, "收入预算总表");
    expect(t.rows[2]?.cells[0]).toMatchObject({ text: "一般公共预算资金", rowSpan: 3 });
    expect(cell(t, 3, 1)).toBe("公共财政拨款(补助)资金");
    expect(cell(t, 3, 2)).toBe("18,330.37");
  });

  it("drops the file-name-like document title", () => {
    expect(result.title).toBeUndefined();
  });
});

describe("readPdf: 上海市普陀区社会福利院 2024 单位预算 (WPS export, 元)", () => {
  let result: ReadResult;
  beforeAll(async () => {
    result = await read("putuo-fuliyuan-2024-unit-budget.pdf");
  });

  it("marks the 目录 page as toc and leaves body headings as body", () => {
    const toc = paragraphs(result.blocks).filter((p) => p.role === "toc");
    expect(toc[0]?.text).toBe("目录");
    expect(toc.map((p) => p.text)).toContain("五、单位预算表");
    expect(toc.every((p) => p.provenance.page === 2)).toBe(true);
    const body = paragraphs(result.blocks).filter((p) => p.role !== "toc");
    expect(body.find((p) => p.text === "其他相关情况说明")?.provenance.page).toBe(16);
    expect(body.find((p) => p.text === "一、2024年“三公”经费预算情况说明")?.provenance.page).toBe(16);
  });

  it("joins wrapped lines into paragraphs without spurious spaces, numbers intact", () => {
    const p = paragraphs(result.blocks).find((b) => b.text.startsWith("2024年，上海市普陀区社会福利院收入预算"));
    expect(p?.text).toBe(
      "2024年，上海市普陀区社会福利院收入预算1,212.12万元，其中：财政拨款收入950.12万元，比2023年预算增加0.46万元；事业收入262.00万元；事业单位经营收入0.00万元；其他收入0.00万元。",
    );
    expect(p?.provenance.page).toBe(6);
    // The final "。" wrapped onto a line of its own is glued back.
    expect(paragraphs(result.blocks).some((b) => b.text.endsWith("文化娱乐等综合服务工作。"))).toBe(true);
  });

  it("reads the 财务收支预算总表 in 元 with its totals", () => {
    const t = tableAfter(result.blocks, "2024年预算单位财务收支预算总表");
    const before = result.blocks.slice(result.blocks.indexOf(t) - 2, result.blocks.indexOf(t));
    expect(before.map((b) => (b.type === "paragraph" ? b.text : b.id))).toEqual(["编制单位：上海市普陀区社会福利院", "单位：元"]);
    expect(t.rows[0]?.cells.map((c) => [c.text, c.colSpan])).toEqual([
      ["本年收入", 2],
      ["本年支出", 5],
    ]);
    expect(cell(t, 5, 2)).toBe("二、社会保障和就业支出");
    expect(cell(t, 5, 3)).toBe("11,281,624");
    const totals = t.rows[t.rows.length - 1]?.cells.map((c) => c.text);
    expect(totals).toEqual(["收入总计", "12,121,164", "支出总计", "12,121,164", "7,380,214", "2,120,950", "2,620,000"]);
  });

  it("reads the classification codes 类/款/项 in separate columns", () => {
    const t = tableAfter(result.blocks, "2024年预算单位收入预算总表");
    expect(t.rows[5]?.cells.map((c) => c.text)).toEqual(["208", "05", "02", "事业单位离退休", "538,440", "538,440", "", "", ""]);
    expect(t.rows[17]?.cells[0]).toMatchObject({ text: "合计", colSpan: 4 });
    expect(cell(t, 17, 4)).toBe("12,121,164");
  });

  it("reads the 三公经费 table (单位:万元) with its data row", () => {
    const t = tableAfter(result.blocks, "单位“三公”经费和机关运行经费预算表");
    const i = result.blocks.indexOf(t);
    expect((result.blocks[i - 1] as ParagraphBlock).text).toBe("单位:万元");
    expect(t.provenance.page).toBe(15);
    expect(t.rows[0]?.cells[1]).toMatchObject({ text: "2024年机关运行经费预算数", rowSpan: 3, col: 6 });
    expect(t.rows[3]?.cells.map((c) => c.text)).toEqual(["6.4", "0", "0", "6.4", "", "6.4", "0"]);
  });

  it("removes page furniture: no block is a bare page number", () => {
    expect(paragraphs(result.blocks).filter((p) => /^[-—\s]*\d{1,3}[-—\s]*$/.test(p.text))).toEqual([]);
  });
});
