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
 *
 * `--facts`: instead, the share of each document's facts a scan of it gives back (issue #16's bar: ≥ 90%, meta
 * right, no unflagged misread figure), whole documents through extractBytes --ocr auto, for the five of
 * SCAN_DOCS (or --only=i,j: their indexes). --dump=DIR keeps both extractions per document as JSON.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractBytes } from "../src/extract.js";
import { ocrPages } from "../src/readers/ocr/index.js";
import { pdftoppmRenderer } from "../tests/fixtures/rasterize.js";
import { imagePdf, rasterize, scanOf, scanToolsMissing } from "../tests/fixtures/scan.js";
import { compareFacts, extractScan, figureOf, pdfPageCount, SCAN_DOCS } from "../tests/fixtures/scan-pipeline.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(root, "../shared/corpus");
const arg = (name: string, d: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d);
const DOCS = [3, 2, 1, 0].map((i) => SCAN_DOCS[i]!.file);
const option = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Facts of the original that its scan gives back equal, per document; meta compared field by field. */
async function factShares(): Promise<void> {
  const only = option("only")?.split(",").map(Number);
  const dump = option("dump");
  const pick = (m: { fiscalYear?: unknown; docKind?: unknown; scope?: unknown; entity?: unknown }) => ({ fiscalYear: m.fiscalYear, docKind: m.docKind, scope: m.scope, entity: m.entity });
  for (const [i, doc] of SCAN_DOCS.entries()) {
    if (only && !only.includes(i)) continue;
    const file = path.join(corpus, doc.file);
    const original = await extractBytes(new Uint8Array(readFileSync(file)), { path: "document.pdf" });
    const scan = await extractScan(scanOf(file), "document.pdf");
    const cmp = compareFacts(original.facts, scan, new Set(original.amounts.map((a) => figureOf(a.text))));
    const metaWrong = Object.entries(pick(original.meta)).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((pick(scan.meta) as Record<string, unknown>)[k]));
    const share = cmp.total === 0 ? 1 : cmp.equal / cmp.total;
    console.log(`${doc.name} (${doc.kind}): ${cmp.equal}/${cmp.total} facts equal (${(share * 100).toFixed(0)}%) in ${scan.seconds.toFixed(0)} s; meta ${metaWrong.length === 0 ? "right" : `wrong: ${metaWrong.map(([k, v]) => `${k} ${JSON.stringify((pick(scan.meta) as Record<string, unknown>)[k])} for ${JSON.stringify(v)}`).join(", ")}`}`);
    if (cmp.missing.length > 0) console.log(`  missing: ${cmp.missing.join(", ")}`);
    for (const w of cmp.wrong) console.log(`  wrong: ${w.key} ${w.got} for ${w.want} (quote "${w.quote}"${w.misread ? ", misread" : ""}${w.flagged ? ", flagged" : ""})`);
    if (dump) writeFileSync(path.join(dump, `${i}.json`), JSON.stringify({ original, scan }, null, 1));
  }
}

async function main(): Promise<void> {
  const missing = scanToolsMissing();
  if (missing) return void console.log(`bench:ocr skipped: ${missing}`);
  if (!existsSync(corpus)) return void console.log("bench:ocr skipped: ../shared/corpus is absent");
  if (process.argv.includes("--facts")) return factShares();
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
