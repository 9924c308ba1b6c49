import { availableParallelism } from "node:os";
import type { Warning } from "../../model/index.js";
import type { PageFragments } from "../layout/types.js";
import { ocrPage } from "./page.js";
import { OCR_SETTINGS } from "./settings.js";
import { OcrTimeout, requireTesseract } from "./tesseract.js";
import type { OcrPageResult, PageRenderer } from "./types.js";

export { ocrPage } from "./page.js";
export { findRulings, eraseRulings } from "./rulings.js";
export { tesseractInfo, requireTesseract, ENGINE as OCR_ENGINE } from "./tesseract.js";
export { markOcrBlocks } from "./provenance.js";
export { OCR_SETTINGS } from "./settings.js";
export type { GrayBitmap, OcrFragment, OcrPageResult, OcrPageOptions, OcrProvenance, PageRenderer } from "./types.js";

/** When pages are recognized: only pages without a text layer (auto), every page (always), or none (never). */
export type OcrMode = "auto" | "always" | "never";
export const OCR_MODES: readonly OcrMode[] = ["auto", "always", "never"];

export interface OcrPagesOptions {
  render: PageRenderer;
  /** The document's path, for messages. */
  path: string;
  /** Wall-clock budget of the whole document; each page gets its own share, never more than pageTimeoutMs. */
  documentDeadline?: number;
  pageTimeoutMs?: number;
  /** Pages recognized at once (each is its own Tesseract process). */
  concurrency?: number;
  dpi?: number;
}

export interface OcrPagesResult {
  pages: PageFragments[];
  results: Map<number, OcrPageResult>;
  warnings: Warning[];
  /** Milliseconds spent rendering and recognizing, summed over pages (for bench:ocr). */
  timing: { renderMs: number; recognizeMs: number };
}

/**
 * Render and recognize the given pages, a few at a time. A page that fails or runs out of time is left empty with a
 * warning; the others still count. Throws (typed) only when Tesseract or its Chinese model is missing.
 */
export async function ocrPages(pageNumbers: readonly number[], options: OcrPagesOptions): Promise<OcrPagesResult> {
  requireTesseract([OCR_SETTINGS.lang, OCR_SETTINGS.digitLang], options.path);
  const dpi = options.dpi ?? OCR_SETTINGS.dpi;
  const concurrency = Math.max(1, options.concurrency ?? Math.min(2, availableParallelism()));
  const out: OcrPagesResult = { pages: [], results: new Map(), warnings: [], timing: { renderMs: 0, recognizeMs: 0 } };
  const failed: string[] = [];
  const queue = [...pageNumbers];
  const worker = async (): Promise<void> => {
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
      const timeoutMs = pageBudget(options);
      if (timeoutMs < MIN_PAGE_MS) {
        failed.push(`page ${page}: not read, the document's time limit was reached`);
        continue;
      }
      try {
        const t0 = performance.now();
        const bitmap = await options.render(page, dpi, timeoutMs);
        out.timing.renderMs += performance.now() - t0;
        const result = await ocrPage(bitmap, { timeoutMs: Math.max(1, timeoutMs - (performance.now() - t0)) });
        out.timing.recognizeMs += result.timing.recognizeMs + result.timing.rulesMs;
        out.results.set(page, result);
        out.pages.push({ page, width: result.width, height: result.height, fragments: result.fragments, lines: result.lines });
      } catch (e) {
        failed.push(`page ${page}: ${e instanceof OcrTimeout ? `timed out after ${Math.round(e.ms)} ms` : String(e instanceof Error ? e.message : e)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pageNumbers.length) }, worker));
  out.pages.sort((a, b) => a.page - b.page);
  if (failed.length > 0) {
    out.warnings.push({ code: "ocr_page_failed", message: `OCR gave no text for ${failed.length} page(s), whose content is missing: ${failed.join("; ")}` });
  }
  return out;
}

/** Less time than this left for a page is not worth starting a recognizer for. */
const MIN_PAGE_MS = 1_000;

/** A page's time limit: its own ceiling, cut to what is left of the document's. */
function pageBudget(options: OcrPagesOptions): number {
  const own = options.pageTimeoutMs ?? OCR_SETTINGS.pageTimeoutMs;
  if (options.documentDeadline === undefined) return own;
  return Math.min(own, options.documentDeadline - Date.now());
}
