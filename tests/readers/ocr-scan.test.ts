import { readFileSync } from "node:fs";
import { writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { extractBytes } from "../../src/extract.js";
import { layoutPages } from "../../src/readers/layout/index.js";
import { ocrPage } from "../../src/readers/ocr/index.js";
import { BlockIds } from "../../src/readers/types.js";
import { pdfWords, rasterize, scanOf, scanToolsMissing } from "../fixtures/scan.js";
import { compareFacts, extractScan, figureOf, SCAN_DOCS, type FactComparison, type ScanExtraction } from "../fixtures/scan-pipeline.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

const missingTool = scanToolsMissing();
const skip = missingTool ?? (hasShared ? undefined : SKIP_SHARED);
if (missingTool) console.warn(`OCR tests skipped: ${missingTool} (apt-get install poppler-utils tesseract-ocr tesseract-ocr-chi-sim)`);
const MINUTES = 60_000;
/** How far an OCR'd box may lie from the same text's box in the text PDF, in points (ink vs font box, rule centres). */
const BOX_TOLERANCE_PT = 3;

const JS_TABLES_2019 = "ae86jack+open-budget/江苏省委办公厅_江苏省委办公厅2019年度部门预算公开表格.pdf";
const near = (a: readonly number[], b: readonly number[]): boolean => a.every((v, i) => Math.abs(v - (b[i] ?? NaN)) <= BOX_TOLERANCE_PT);

describe.skipIf(skip !== undefined)(`one table page read by OCR (${skip ?? "pdftoppm + tesseract"})`, () => {
  let result: Awaited<ReturnType<typeof ocrPage>>;
  beforeAll(async () => {
    // 财政拨款支出预算表（功能科目）of 中共江苏省委办公厅 2019, page 5, at 200 dpi as a scanner would give it.
    const [bitmap] = rasterize(corpus(JS_TABLES_2019), 200, 5, 5);
    result = await ocrPage(bitmap!, {});
  }, 3 * MINUTES);

  it("reads every amount of the table exactly, SimSun's wide separators included", () => {
    const figures = result.fragments.map((f) => f.text);
    for (const amount of ["27,664.22", "22,395.50", "9,370.12", "13,025.38", "275.54", "785.06", "314.03", "3,894.09", "965.87", "2,928.22"]) {
      expect(figures).toContain(amount);
    }
    // 1,374.63 is printed twice; whatever was read, an unsure reading is flagged, never passed off as certain.
    for (const f of result.fragments.filter((f) => f.text.replace(/,/g, "") === "1374.63")) expect(f.text === "1,374.63" || f.uncertain === true).toBe(true);
  });

  it("reads the bold title, printed larger than the model reads well, on its crop scaled down", () => {
    const title = result.fragments.filter((f) => f.y < 130).map((f) => f.text).join("");
    expect(title).toBe("财政拨款支出预算表（功能科目）");
  });

  it("places every figure within 3 pt of where the text PDF prints it (PDF points, top-left origin)", () => {
    const words = pdfWords(corpus(JS_TABLES_2019), 5).filter((w) => /^[\d,]+\.\d\d$/.test(w.text));
    expect(words.length).toBeGreaterThan(10);
    for (const w of words) {
      // The run at the word's place: the same figure, or one flagged unsure (1,374.63, see above).
      const f = result.fragments.find((f) => near([f.x, f.y], [w.xMin, w.yMin]) && (f.text === w.text || f.uncertain === true));
      const box = f ? [f.x, f.y, f.x + f.width, f.y + f.height] : [];
      expect(near(box, [w.xMin, w.yMin, w.xMax, w.yMax]) ? "within 3 pt" : `${w.text} at ${[w.xMin, w.yMin, w.xMax, w.yMax].join(",")}: ${f ? box.join(",") : "none"}`).toBe("within 3 pt");
    }
  });

  it("finds the table's printed borders, so the layout engine builds it as a grid with the amounts in their cells", () => {
    expect(result.lines.length).toBeGreaterThan(20);
    const laid = layoutPages([{ page: 5, width: result.width, height: result.height, fragments: result.fragments, lines: result.lines }], new BlockIds());
    const rows = laid.blocks.flatMap((b) => (b.type === "table" ? b.rows.map((r) => r.cells.map((c) => c.text)) : []));
    expect(rows.find((r) => r.includes("2210201"))).toEqual(["2210201", "住房公积金", "965.87"]);
    expect(rows.find((r) => r.includes("2013101"))).toEqual(["2013101", "行政运行", "9,370.12"]);
  });
});

describe.skipIf(skip !== undefined)(`a three-row table header read cell by cell (${skip ?? "pdftoppm + tesseract"})`, () => {
  let header: string[];
  beforeAll(async () => {
    // “三公”经费、会议费、培训费支出预算表 of the same document, page 9: small header text in narrow ruled cells.
    const [bitmap] = rasterize(corpus(JS_TABLES_2019), 200, 9, 9);
    const result = await ocrPage(bitmap!, {});
    const laid = layoutPages([{ page: 9, width: result.width, height: result.height, fragments: result.fragments, lines: result.lines }], new BlockIds());
    header = laid.blocks.flatMap((b) => (b.type === "table" ? b.rows.slice(0, 3).flatMap((r) => r.cells.map((c) => c.text.replace(/\s+/g, ""))) : []));
  }, 3 * MINUTES);

  it("gives each header cell its own text, not words run across the borders", () => {
    for (const text of ["“三公”经费", "会议费", "培训费", "小计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费", "公务用车运行维护费"]) {
      expect(header).toContain(text);
    }
  });
});

describe.skipIf(skip !== undefined)(`a scanned page's boxes in the text PDF's coordinates (${skip ?? "pdftoppm + tesseract"})`, () => {
  let original: Awaited<ReturnType<typeof extractBytes>>;
  let scan: ScanExtraction;
  beforeAll(async () => {
    // Page 4 alone (财政拨款收支预算总表, a ruled table under a title and captions), as a one-page scan.
    const page = 4;
    original = await extractBytes(readFileSync(corpus(JS_TABLES_2019)), { path: "document.pdf" });
    original = { ...original, tables: original.tables.filter((t) => t.cells.some((c) => c.page === page)), blocks: original.blocks.filter((b) => b.provenance.page === page) };
    scan = await extractScan(scanOf(corpus(JS_TABLES_2019), 200, page, page), "document.pdf");
  }, 3 * MINUTES);

  it("gives each table cell a box within 3 pt of the same cell's in the text PDF", () => {
    const cells = original.tables.flatMap((t) => t.cells).filter((c) => /\d\.\d\d$/.test(c.text) && c.bbox);
    expect(cells.length).toBeGreaterThan(5);
    const scanned = scan.tables.flatMap((t) => t.cells);
    for (const c of cells) {
      const s = scanned.find((s) => s.text === c.text && s.bbox && near(s.bbox, c.bbox!));
      expect(s?.bbox ?? `${c.text} at ${c.bbox!.join(",")}: no cell near it in ${JSON.stringify(scanned.filter((s) => s.text === c.text).map((s) => s.bbox))}`).toEqual(expect.any(Array));
    }
  });

  it("gives the page the text PDF's size, and each caption a box within 3 pt of the text PDF's", () => {
    expect(near([scan.pages![0]!.width, scan.pages![0]!.height], [original.pages![3]!.width, original.pages![3]!.height])).toBe(true);
    const captions = original.blocks.filter((b) => b.type === "paragraph" && b.role === "caption" && b.provenance.bbox);
    expect(captions.length).toBeGreaterThan(1);
    for (const c of captions) {
      const s = scan.blocks.find((b) => b.type === "paragraph" && b.provenance.bbox && near(b.provenance.bbox, c.provenance.bbox!));
      expect(s ? "found" : `${c.type === "paragraph" ? c.text : c.id} at ${c.provenance.bbox!.join(",")}`).toBe("found");
    }
  });
});

/**
 * Documents rasterized to image-only PDFs and read back through extractBytes --ocr auto. `minShare` is the share of the
 * original's facts measured to come back equal (issue #16 wants 90%; measured 97, 100, 97, 100, 95%). Two run in the suite (CI); all five, with
 * per-document figures, in `npm run bench:ocr -- --facts`; OCR_SCAN_DOCS=all runs all five here too.
 */
const ALL = process.env["OCR_SCAN_DOCS"] === "all";
const EXPECT: Record<string, { always: boolean; minShare: number; metaExact: boolean }> = {
  "江苏省委办公厅 2017 部门预算": { always: true, minShare: 0.9, metaExact: true },
  // The cover's 预算单位 line read 办公厅 as 办公打 until the organ word's glyph was read again alone (vocabulary.ts).
  "上海市人民政府办公厅文印中心 2026": { always: true, minShare: 0.9, metaExact: true },
  // 97%: 台 is still read as 合 (车辆72合), so assets.vehicles is lost (README, OCR limits).
  "北京市文化和旅游局 2026 情况说明": { always: false, minShare: 0.9, metaExact: true },
  "江苏省委办公厅 2019 公开表格": { always: false, minShare: 0.9, metaExact: true },
  "江苏省人大常委会办公厅 2019 公开表": { always: false, minShare: 0.9, metaExact: true },
};

for (const doc of SCAN_DOCS.filter((d) => EXPECT[d.name]!.always || ALL)) {
  const want = EXPECT[doc.name]!;
  describe.skipIf(skip !== undefined)(`scan of ${doc.name} (${doc.kind}; ${skip ?? "rasterized at 200 dpi"})`, () => {
    let original: Awaited<ReturnType<typeof extractBytes>>;
    let scan: ScanExtraction;
    let cmp: FactComparison;
    beforeAll(async () => {
      const bytes = readFileSync(corpus(doc.file));
      // The same neutral path for both, so meta comes from the content and not from the file name.
      original = await extractBytes(bytes, { path: "document.pdf" });
      const image = scanOf(corpus(doc.file));
      await expect(extractBytes(image, { path: "document.pdf", ocr: "never" })).rejects.toMatchObject({ code: "no_text_layer" });
      scan = await extractScan(image, "document.pdf");
      cmp = compareFacts(original.facts, scan, new Set(original.amounts.map((a) => figureOf(a.text))));
      // OCR_SCAN_DUMP=dir keeps both extractions for a person to compare.
      const dump = process.env["OCR_SCAN_DUMP"];
      if (dump) writeFileSync(`${dump}/${doc.name}.json`, JSON.stringify({ original, scan }, null, 1));
      console.log(`${doc.name}: ${cmp.equal}/${cmp.total} facts equal; missing ${cmp.missing.join(", ") || "none"}; wrong ${JSON.stringify(cmp.wrong)}; ${scan.seconds.toFixed(1)} s`);
    }, 20 * MINUTES);

    it(`gives back at least ${want.minShare * 100}% of the original's facts with equal values`, () => {
      expect(cmp.total).toBeGreaterThan(10);
      expect(cmp.equal / cmp.total).toBeGreaterThanOrEqual(want.minShare);
    });

    it.skipIf(!want.metaExact)("reads the same year, kind, scope and entity", () => {
      const pick = (m: typeof original.meta) => ({ fiscalYear: m.fiscalYear, docKind: m.docKind, scope: m.scope, entity: m.entity });
      expect(pick(scan.meta)).toEqual(pick(original.meta));
    });

    it("gives no misread figure that OCR did not flag as unsure", () => {
      expect(cmp.wrong.filter((w) => w.misread && !w.flagged)).toEqual([]);
    });

    it("marks every block as OCR'd and names the pages in ocr_used", () => {
      expect(scan.blocks.every((b) => (b.provenance as { ocr?: { engine: string } }).ocr?.engine.startsWith("tesseract"))).toBe(true);
      expect(scan.warnings.find((w) => w.code === "ocr_used")?.message).toMatch(/^page\(s\) 1–\d+ /);
    });
  });
}
