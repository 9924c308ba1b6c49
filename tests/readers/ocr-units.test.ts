import { describe, expect, it } from "vitest";
import type { ReaderBlock } from "../../src/model/index.js";
import { judge, isFigureLike } from "../../src/readers/ocr/digits.js";
import { emBoxes, glyphEdges, inkBox } from "../../src/readers/ocr/page.js";
import { mergedLineRegions } from "../../src/readers/ocr/merged.js";
import { OCR_SETTINGS } from "../../src/readers/ocr/settings.js";
import { cropGray, decodePgm, encodePgm, scaleGray } from "../../src/readers/ocr/pnm.js";
import { compactRanges, markOcrBlocks } from "../../src/readers/ocr/provenance.js";
import { findRulings } from "../../src/readers/ocr/rulings.js";
import { joinRuns, parseTsv } from "../../src/readers/ocr/tsv.js";
import type { GrayBitmap, OcrPageResult } from "../../src/readers/ocr/types.js";
import { layoutPages } from "../../src/readers/layout/index.js";
import { isPageNumber } from "../../src/readers/layout/furniture.js";
import { BlockIds } from "../../src/readers/types.js";

/** A white page at 144 dpi (2 px per point) with black rectangles drawn in points. */
function page(widthPt: number, heightPt: number, boxes: [number, number, number, number][]): GrayBitmap {
  const px = 2;
  const width = widthPt * px;
  const height = heightPt * px;
  const gray = new Uint8Array(width * height).fill(255);
  for (const [x, y, w, h] of boxes) {
    for (let r = y * px; r < (y + h) * px; r++) gray.fill(0, r * width + x * px, r * width + (x + w) * px);
  }
  return { width, height, gray, dpi: 144 };
}

describe("ruling lines found in a page image", () => {
  // A 2×2 table: three horizontal borders at y 100/130/160 and three vertical ones at x 50/200/350, 1 pt thick.
  const table: [number, number, number, number][] = [
    [50, 100, 301, 1], [50, 130, 301, 1], [50, 160, 301, 1],
    [50, 100, 1, 61], [200, 100, 1, 61], [350, 100, 1, 61],
  ];

  it("returns the borders of a printed table in PDF points, which the layout engine turns into a grid", () => {
    const lines = findRulings(page(400, 300, table));
    const h = lines.filter((l) => l.y1 === l.y2).map((l) => [l.y1, l.x1, l.x2]);
    const v = lines.filter((l) => l.x1 === l.x2).map((l) => [l.x1, l.y1, l.y2]);
    expect(h).toEqual([[100.5, 50, 351], [130.5, 50, 351], [160.5, 50, 351]]);
    expect(v).toEqual([[50.5, 100, 161], [200.5, 100, 161], [350.5, 100, 161]]);
    const cell = (text: string, x: number, y: number) => ({ text, x, y, width: 40, height: 10 });
    const fragments = [cell("项目", 60, 110), cell("金额", 210, 110), cell("合计", 60, 140), cell("1,717.85", 210, 140)];
    const laid = layoutPages([{ page: 1, width: 400, height: 300, fragments, lines }], new BlockIds());
    const found = laid.blocks.find((b) => b.type === "table");
    expect(found?.type === "table" ? found.rows.map((r) => r.cells.map((c) => c.text)) : []).toEqual([["项目", "金额"], ["合计", "1,717.85"]]);
  });

  it("ignores glyph strokes shorter than a rule and filled boxes thicker than one", () => {
    const glyphs: [number, number, number, number][] = [[60, 20, 12, 1], [80, 20, 1, 10], [100, 200, 120, 20]];
    expect(findRulings(page(400, 300, glyphs))).toEqual([]);
  });
});

/** Tesseract TSV rows: level, page, block, par, line, word, left, top, width, height, conf, text. */
function tsv(rows: (string | number)[][]): string {
  return ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext", ...rows.map((r) => r.join("\t"))].join("\n");
}

describe("recognized words joined into runs", () => {
  it("glues a figure that Tesseract split at its separators back into one run", () => {
    const runs = joinRuns(parseTsv(tsv([
      [4, 1, 1, 1, 1, 0, 2505, 611, 135, 24, -1, ""],
      [5, 1, 1, 1, 1, 1, 2505, 611, 35, 24, 91.8, "27,"],
      [5, 1, 1, 1, 1, 2, 2551, 611, 50, 21, 91.7, "664."],
      [5, 1, 1, 1, 1, 3, 2613, 611, 27, 21, 90.7, "22"],
    ])));
    expect(runs.map((r) => r.text)).toEqual(["27,664.22"]);
    expect(runs[0]?.confidence).toBeCloseTo(0.914, 2);
  });

  it("keeps words apart across a wide gap or a vertical rule, and drops borders read as '|'", () => {
    const parsed = parseTsv(tsv([
      [4, 1, 1, 1, 1, 0, 100, 50, 400, 24, -1, ""],
      [5, 1, 1, 1, 1, 1, 100, 50, 60, 24, 95, "合计"],
      [5, 1, 1, 1, 1, 2, 300, 50, 80, 24, 93, "1,200,000|"],
      [5, 1, 1, 1, 1, 3, 385, 50, 40, 24, 93, "2.5"],
    ]));
    expect(joinRuns(parsed, [382]).map((r) => r.text)).toEqual(["合计", "1,200,000", "2.5"]);
  });
});

describe("the digit pass on a figure's crop", () => {
  it("takes the digits-only reading when the first one had a letter among the digits", () => {
    expect(isFigureLike("1,7l7.85")).toBe(true);
    expect(judge({ text: "1,7l7.85", confidence: 0.71 }, { text: "1,717.85", confidence: 0.93 })).toEqual({ text: "1,717.85", confidence: 0.93, uncertain: false, digitPass: true });
  });

  it("flags a figure when the two readings are both well formed but disagree", () => {
    const v = judge({ text: "1,374.63", confidence: 0.9 }, { text: "1,874.63", confidence: 0.95 });
    expect(v).toMatchObject({ text: "1,874.63", uncertain: true });
  });

  it("keeps a misread figure as read, flagged, when the re-read gives nothing usable", () => {
    expect(judge({ text: "1,7l7.85", confidence: 0.9 }, undefined)).toEqual({ text: "1,7l7.85", confidence: 0.9, uncertain: true, digitPass: false });
  });

  it("leaves text that is not a figure to the first reading", () => {
    expect(isFigureLike("一般公共服务支出")).toBe(false);
    expect(isFigureLike("2025年")).toBe(false);
  });
});

describe("OCR provenance on laid-out blocks", () => {
  const result = (page: number, uncertain: boolean): OcrPageResult => ({
    fragments: [
      { text: "一般公共服务支出", x: 10, y: 10, width: 80, height: 10, confidence: 0.9 },
      { text: "1,7l7.85", x: 100, y: 10, width: 40, height: 10, confidence: 0.5, ...(uncertain ? { uncertain: true } : {}) },
    ],
    lines: [],
    width: 595,
    height: 842,
    confidence: 0.8,
    engine: "tesseract",
    timing: { recognizeMs: 1, rulesMs: 1 },
  });
  const blocks: ReaderBlock[] = [
    { id: "p0", type: "paragraph", text: "说明", provenance: { page: 1, paragraphIndex: 0 } },
    { id: "t0", type: "table", rows: [{ cells: [{ text: "一般公共服务支出", colSpan: 1, rowSpan: 1 }, { text: "1,7l7.85", colSpan: 1, rowSpan: 1 }] }], provenance: { page: 2, tableIndex: 0 } },
  ];

  it("marks only blocks of recognized pages, with the confidence of their own characters and the unsure figures", () => {
    const out = markOcrBlocks(blocks, new Map([[2, result(2, true)]]), "tesseract 5.3.0");
    expect(out.blocks[0]?.provenance).toEqual({ page: 1, paragraphIndex: 0 });
    expect((out.blocks[1]?.provenance as { ocr?: unknown }).ocr).toEqual({ engine: "tesseract 5.3.0", confidence: 0.7, uncertain: ["1,7l7.85"] });
    expect(out.warnings.map((w) => w.code)).toEqual(["ocr_used", "ocr_uncertain_figure"]);
    expect(out.warnings[0]?.message).toContain("page(s) 2 ");
    expect(out.warnings[1]).toMatchObject({ blockId: "t0" });
  });

  it("names recognized pages as ranges", () => {
    expect(compactRanges([1, 2, 3, 5, 7, 8])).toBe("1–3, 5, 7–8");
  });
});

describe("PGM images", () => {
  it("round-trips a bitmap and crops a rectangle, padding outside the page with white", () => {
    const bmp: GrayBitmap = { width: 3, height: 2, gray: Uint8Array.from([0, 10, 20, 30, 40, 50]), dpi: 72 };
    const back = decodePgm(encodePgm(bmp), 72);
    expect([...back.gray]).toEqual([0, 10, 20, 30, 40, 50]);
    expect([...cropGray(bmp, 1, 1, 2, 1).gray]).toEqual([40, 50]);
    expect(() => decodePgm(Buffer.from("P6\n1 1\n255\nabc"), 72)).toThrow(/PGM/);
  });
});

describe("a figure cut after its separator", () => {
  it("joins across SimSun's wide decimal point, so 增长5.2% is not read as 5. 2%", () => {
    const runs = joinRuns(parseTsv(tsv([
      [4, 1, 1, 1, 1, 0, 100, 50, 300, 30, -1, ""],
      [5, 1, 1, 1, 1, 1, 100, 50, 90, 30, 95, "增长5."],
      [5, 1, 1, 1, 1, 2, 220, 50, 40, 30, 93, "2%"],
    ])));
    expect(runs.map((r) => r.text)).toEqual(["增长5.2%"]);
  });
});

describe("a figure printed up against a cell's border", () => {
  it("takes back its last digit from the next cell's word that straddles the rule", () => {
    const runs = joinRuns(parseTsv(tsv([
      [4, 1, 1, 1, 1, 0, 100, 50, 700, 24, -1, ""],
      [5, 1, 1, 1, 1, 1, 100, 50, 150, 24, 92, "27,664.2"],
      [5, 1, 1, 1, 1, 2, 252, 50, 300, 24, 90, "2一、一般公共服务支出"],
    ])), [262]);
    expect(runs.map((r) => r.text)).toEqual(["27,664.22", "一、一般公共服务支出"]);
  });
});

describe("a page number between dashes", () => {
  it("reads 一8一 and 一1]一 as dashed page numbers, which the layout engine drops as page furniture", () => {
    const runs = joinRuns(parseTsv(tsv([
      [4, 1, 1, 1, 1, 0, 100, 50, 60, 24, -1, ""],
      [5, 1, 1, 1, 1, 1, 100, 50, 60, 24, 88, "一8一"],
      [4, 1, 1, 1, 2, 0, 100, 150, 60, 24, -1, ""],
      [5, 1, 1, 1, 2, 1, 100, 150, 60, 24, 88, "一1]一"],
      [4, 1, 1, 1, 3, 0, 100, 250, 60, 24, -1, ""],
      [5, 1, 1, 1, 3, 1, 100, 250, 60, 24, 88, "一、"],
    ])));
    expect(runs.map((r) => r.text)).toEqual(["— 8 —", "— 1 —", "一、"]);
    expect(isPageNumber("— 8 —")).toBe(true);
  });
});

describe("parentheses and boxes of recognized runs", () => {
  it("reads a look-alike opened parenthesis closed by ')' as full-width parentheses, also across runs", () => {
    const runs = joinRuns(parseTsv(tsv([
      [4, 1, 1, 1, 1, 0, 100, 50, 900, 60, -1, ""],
      [5, 1, 1, 1, 1, 1, 100, 50, 300, 60, 90, "支出预算表〈功能"],
      [5, 1, 1, 1, 1, 2, 600, 50, 120, 60, 90, "科目)"],
      [4, 1, 1, 1, 2, 0, 100, 150, 900, 60, -1, ""],
      [5, 1, 1, 1, 2, 1, 100, 150, 400, 60, 90, "基本支出预算表【〈经济科目)"],
      [4, 1, 1, 1, 3, 0, 100, 250, 900, 60, -1, ""],
      [5, 1, 1, 1, 3, 1, 100, 250, 400, 60, 90, "《预算法》(2018)"],
    ])));
    expect(runs.map((r) => r.text)).toEqual(["支出预算表（功能", "科目）", "基本支出预算表（经济科目）", "《预算法》(2018)"]);
  });

  it("shrinks a run's box to the ink inside it, so a box lands on the glyphs and not on Tesseract's looser box", () => {
    // A glyph of 10×6 px at (30, 22) inside a word box of 60×40 px at (20, 10).
    const bmp: GrayBitmap = { width: 100, height: 60, gray: new Uint8Array(100 * 60).fill(255), dpi: 72 };
    for (let y = 22; y < 28; y++) bmp.gray.fill(0, y * 100 + 30, y * 100 + 40);
    expect(inkBox(bmp, { left: 20, top: 10, width: 60, height: 40, text: "5" })).toEqual({ left: 30, top: 22, width: 10, height: 6, text: "5" });
  });

  it("scales a bitmap down by averaging the pixels each output pixel covers", () => {
    const bmp: GrayBitmap = { width: 4, height: 2, gray: Uint8Array.from([0, 100, 200, 200, 0, 100, 0, 0]), dpi: 200 };
    expect(scaleGray(bmp, 0.5)).toEqual({ width: 2, height: 1, gray: Uint8Array.from([50, 100]), dpi: 100 });
  });
});

describe("OCR boxes as a text layer gives them", () => {
  it("places each glyph on its own word's ink, widened by a side bearing, so an evidence box lands on its figure", () => {
    // Two words 20 px apart on a 144 dpi page: "12" inked at x 10–29 pt, "万" at 40–49 pt.
    const bitmap = page(100, 40, [[10, 10, 20, 10], [40, 10, 10, 10]]);
    const [run] = joinRuns(parseTsv(tsv([
      [4, 1, 1, 1, 1, 0, 16, 16, 108, 28, -1, ""],
      [5, 1, 1, 1, 1, 1, 16, 16, 48, 28, 95, "12"],
      [5, 1, 1, 1, 1, 2, 76, 16, 28, 28, 95, "万"],
    ])));
    const edges = glyphEdges(bitmap, run!)!.map((v) => v / 2);
    expect(edges).toHaveLength(6);
    // "万" spans its own ink (40–50 pt) plus a side bearing of the 14 pt line each side, not where the charWeight
    // estimate over the whole run would put it (≈ 36–54 pt).
    const bearing = 14 * OCR_SETTINGS.sideBearingEms;
    expect(edges[4]).toBeCloseTo(40 - bearing, 1);
    expect(edges[5]).toBeCloseTo(50 + bearing, 1);
    expect(edges[0]).toBeCloseTo(10 - bearing, 1);
  });

  it("gives a line of figures the height of the page's same-size Chinese runs, bottom-aligned", () => {
    const cjk = (y: number) => ({ text: "预算说明", x: 0, y, width: 60, height: 15, confidence: 0.95 });
    const [figures] = emBoxes([{ text: "41,332.96", x: 0, y: 272, width: 70, height: 13, confidence: 0.95 }, cjk(100), cjk(120), cjk(140)]);
    expect(figures).toMatchObject({ y: 270, height: 15 });
  });

  it("finds the region of lines Tesseract merged (a word several lines tall read with confidence 0) for a block re-read", () => {
    const parsed = parseTsv(tsv([
      ...[0, 1, 2, 3].map((i) => [5, 1, 1, 1, 10 + i, 1, 100, 100 * i, 40, 40, 95, "预算"] as (string | number)[]),
      [4, 1, 2, 1, 1, 0, 340, 1037, 790, 116, -1, ""],
      [5, 1, 2, 1, 1, 1, 340, 1037, 790, 116, 0, "站"],
      [4, 1, 2, 1, 2, 0, 340, 1112, 1060, 132, -1, ""],
      [5, 1, 2, 1, 2, 1, 340, 1112, 70, 132, 0, "02"],
    ]));
    expect(mergedLineRegions(parsed, [])).toEqual([{ left: 340, top: 1037, right: 1400, bottom: 1244 }]);
    expect(mergedLineRegions(parsed, [700])).toEqual([]);
  });
});

describe("a machine without Tesseract", () => {
  it("refuses a scan with a typed no_text_layer error that says how to install the recognizer", async () => {
    const saved = process.env["TESSERACT_BIN"];
    process.env["TESSERACT_BIN"] = "/nonexistent/tesseract";
    try {
      const { requireTesseract } = await import("../../src/readers/ocr/tesseract.js");
      expect(() => requireTesseract(["chi_sim"], "scan.pdf")).toThrow(expect.objectContaining({ code: "no_text_layer", message: expect.stringContaining("apt-get install tesseract-ocr tesseract-ocr-chi-sim") }));
    } finally {
      if (saved === undefined) delete process.env["TESSERACT_BIN"];
      else process.env["TESSERACT_BIN"] = saved;
    }
  });
});
