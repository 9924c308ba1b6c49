/**
 * `npm run bench:ocr`: the OCR path's cost, on corpus text PDFs rasterized to image-only scans (tests/fixtures/scan.ts).
 *
 * Per document: its text-layer extraction (extractBytes on the original, the baseline in this same process), then
 * the scan's pages rendered (pdftoppm, 200 dpi gray) and recognized (rules + Tesseract chi_sim + the digit pass),
 * page after page. Reports pages/s, the share of time spent rendering vs recognizing, and how many times slower
 * than the text layer a scanned page is. The machine is shared: compare ratios from one run, never figures from two.
 *
 * Options: --docs=N (first N of the list, default 3), --pages=N (first N pages of each, default 6),
 * --concurrency=N (pages at once, default 1).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractBytes } from "../src/extract.js";
import { ocrPages, pdftoppmRenderer } from "../src/readers/ocr/index.js";
import { imagePdf, rasterize, scanToolsMissing } from "../tests/fixtures/scan.js";
import { pdfPageCount } from "../tests/fixtures/scan-pipeline.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(root, "../shared/corpus");
const arg = (name: string, d: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d);
const DOCS = [
  "ae86jack+open-budget/江苏省委办公厅_江苏省委办公厅2019年度部门预算公开表格.pdf",
  "calinchow-del+renwu/2026-pdf/002_北京_文化广电旅游体育局_附件1：北京市文化和旅游局2026年度部门预算情况说明.pdf",
  "calinchow-del+renwu/2026-pdf/001_上海_政府办公厅_上海市人民政府办公厅文印中心2026年度预算.pdf",
  "ae86jack+open-budget/江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf",
];

async function main(): Promise<void> {
  const missing = scanToolsMissing();
  if (missing) return void console.log(`bench:ocr skipped: ${missing}`);
  if (!existsSync(corpus)) return void console.log("bench:ocr skipped: ../shared/corpus is absent");
  const docs = DOCS.slice(0, arg("docs", 3));
  const pagesEach = arg("pages", 6);
  const concurrency = arg("concurrency", 1);
  let totalPages = 0;
  let renderMs = 0;
  let recognizeMs = 0;
  let wallMs = 0;
  let textMs = 0;
  for (const rel of docs) {
    const file = path.join(corpus, rel);
    const t0 = performance.now();
    await extractBytes(new Uint8Array(readFileSync(file)), { path: file });
    // Per page of the original, so the ratio below compares a page with a page.
    const text = (performance.now() - t0) / pdfPageCount(readFileSync(file));
    const bitmaps = rasterize(file, 200, 1, pagesEach);
    const scan = imagePdf(bitmaps);
    const pages = bitmaps.map((_, i) => i + 1);
    const t1 = performance.now();
    const r = await ocrPages(pages, { render: pdftoppmRenderer(scan), path: file, concurrency });
    const wall = performance.now() - t1;
    console.log(`${path.basename(rel)}: ${pages.length} page(s) in ${(wall / 1000).toFixed(1)} s (${(pages.length / (wall / 1000)).toFixed(2)} pages/s); render ${(r.timing.renderMs / 1000).toFixed(1)} s, recognize ${(r.timing.recognizeMs / 1000).toFixed(1)} s; text-layer extraction ${text.toFixed(0)} ms a page`);
    totalPages += pages.length;
    renderMs += r.timing.renderMs;
    recognizeMs += r.timing.recognizeMs;
    wallMs += wall;
    textMs += text;
  }
  const spent = renderMs + recognizeMs;
  console.log(
    `\nOCR: ${totalPages} pages, ${(totalPages / (wallMs / 1000)).toFixed(2)} pages/s at concurrency ${concurrency}; ` +
      `time share render ${((renderMs / spent) * 100).toFixed(1)}%, recognize ${((recognizeMs / spent) * 100).toFixed(1)}%; ` +
      `a scanned page costs ${(wallMs / totalPages / (textMs / docs.length)).toFixed(0)}× a text-layer page`,
  );
}

await main();
