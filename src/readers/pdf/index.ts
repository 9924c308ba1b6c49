import { ExtractError } from "../../errors.js";
import type { Warning } from "../../model/index.js";
import { layoutPages, type LayoutSettings } from "../layout/index.js";
import type { PageFragments } from "../layout/types.js";
import { BlockIds, type Reader, type ReadResult } from "../types.js";
import { readDocumentPages, withPdfiumDocument } from "./pdfium-pages.js";
import { renderPage } from "./render.js";
import { markOcrBlocks, ocrPages, tesseractInfo, type OcrPagesResult, type PageRenderer } from "../ocr/index.js";

export interface PdfPages {
  pages: PageFragments[];
  warnings: Warning[];
  /** The Info dictionary's Title as stored ("" when absent). */
  title: string;
}

/** Pages of positioned text and ruling lines, read with PDFium (visibility policy applied); layout is left to the layout engine. */
export async function readPdfPages(bytes: Uint8Array, filePath: string): Promise<PdfPages> {
  return withPdfiumDocument(bytes, filePath, (d) => readDocumentPages(d));
}

export type PdfBackend = "pdfium" | "pdfjs";

/**
 * pdf.js is kept only to compare the two backends on one build (bench/pdf.ts, DISCLOSURE_EXTRACT_PDF_BACKEND=pdfjs
 * for a whole batch); it is loaded only when chosen. Not a supported mode.
 */
let backend: PdfBackend = process.env.DISCLOSURE_EXTRACT_PDF_BACKEND === "pdfjs" ? "pdfjs" : "pdfium";

/** Choose the backend of later readPdf calls in this thread (benchmarks, comparisons). */
export function setPdfBackend(b: PdfBackend): void {
  backend = b;
}

export const readPdf: Reader = async (bytes, ctx): Promise<ReadResult> => {
  const read = backend === "pdfjs" ? await (await import("./pdfjs-pages.js")).readPdfjs(bytes, ctx.path) : await readPdfPages(bytes, ctx.path);
  // The text layer's page sizes (visible box, /Rotate applied), taken before OCR swaps in its own pages.
  // PDFium gives sizes as float32 (595.2999877929688): rounded to 0.01 pt.
  const size = (v: number | undefined): number => Math.round((v ?? 0) * 100) / 100;
  const pageSizes = read.pages.map((p) => ({ number: p.page, width: size(p.width), height: size(p.height) })).filter((p) => p.width > 0 && p.height > 0);
  const ocr = await recognizeScannedPages(read.pages, bytes, ctx);
  const result: ReadResult = { ...layoutRead(read, ctx.path, ctx.limits, ctx.layout), pageSizes };
  if (!ocr.result) return { ...result, warnings: [...ocr.warnings, ...result.warnings] };
  const marked = markOcrBlocks(result.blocks, ocr.result.results, ocr.engine);
  return { ...result, blocks: marked.blocks, warnings: [...marked.warnings, ...ocr.warnings, ...result.warnings] };
};

/** Gray page images from PDFium for the recognizer (the same library that read the text layer). */
function pdfiumRenderer(bytes: Uint8Array): PageRenderer {
  return async (page, dpi) => {
    const img = await renderPage(bytes, page, { dpi, gray: true });
    return { width: img.width, height: img.height, gray: img.data, dpi: img.dpi };
  };
}

/**
 * Pages without a text layer (every page with --ocr always) are rendered and recognized; the OCR text and the rules
 * found in the image replace the page's fragments and lines in place, so layout treats them like any text page.
 * With OCR off, or Tesseract missing, a document without any text is still `no_text_layer` (from layoutRead or here).
 */
async function recognizeScannedPages(pages: PageFragments[], bytes: Uint8Array, ctx: Parameters<Reader>[1]): Promise<{ result?: OcrPagesResult; engine: string; warnings: Warning[] }> {
  const mode = ctx.ocr ?? "auto";
  const empty = pages.filter((p) => p.fragments.length === 0).map((p) => p.page);
  const targets = mode === "always" ? pages.map((p) => p.page) : mode === "auto" ? empty : [];
  if (targets.length === 0) return { engine: "", warnings: [] };
  let result: OcrPagesResult;
  try {
    // The document's own time limit holds: pages left when 85% of it is spent are skipped with a warning.
    result = await ocrPages(targets, { render: pdfiumRenderer(bytes), path: ctx.path, documentDeadline: Date.now() + ctx.limits.timeoutMs * 0.85 });
  } catch (e) {
    // Tesseract missing: a scan cannot be read at all (typed error that says how to install it); a document
    // with some text keeps its text pages, and layoutRead names the pages left empty.
    if (empty.length === pages.length) throw e;
    return { engine: "", warnings: [{ code: "ocr_unavailable", message: e instanceof Error ? e.message : String(e) }] };
  }
  for (const p of result.pages) {
    const page = pages.find((q) => q.page === p.page);
    if (page) Object.assign(page, { fragments: p.fragments, lines: p.lines, width: p.width, height: p.height });
  }
  const info = tesseractInfo();
  return { result, engine: info instanceof Error ? "tesseract" : info.version, warnings: result.warnings };
}

/** Layout, limits and the no-text-layer checks over pages read by either backend. */
export function layoutRead(
  read: PdfPages,
  filePath: string,
  limits: { maxBlocks: number; maxCells: number },
  layout: Partial<LayoutSettings> = {},
): ReadResult {
  const { pages } = read;
  const warnings = [...read.warnings];
  const emptyPages = pages.filter((p) => p.fragments.length === 0).map((p) => p.page);
  if (emptyPages.length === pages.length) {
    throw new ExtractError(
      "no_text_layer",
      `${filePath}: the PDF has no text layer (${pages.length} page(s), scanned images?); OCR is off (--ocr never) or found no text: run with --ocr auto, or OCR it with a tool such as ocrmypdf and extract the result.`,
      { pages: pages.length },
    );
  }
  if (emptyPages.length > 0) {
    warnings.push({
      code: "pdf_pages_without_text",
      message: `pages ${emptyPages.join(", ")} have no text layer (scanned?); their content needs OCR and is missing`,
    });
  }
  const laid = layoutPages(pages, new BlockIds(), layout, { boxes: true });
  const blocks = laid.blocks;
  if (blocks.length > limits.maxBlocks) {
    throw new ExtractError("too_large", `${filePath}: ${blocks.length} blocks exceed the limit of ${limits.maxBlocks}; raise --max-blocks if the file is trusted.`);
  }
  let cells = 0;
  for (const b of blocks) if (b.type === "table") for (const r of b.rows) cells += r.cells.length;
  if (cells > limits.maxCells) {
    throw new ExtractError("too_large", `${filePath}: ${cells} table cells exceed the limit of ${limits.maxCells}; raise --max-cells if the file is trusted.`);
  }
  const result: ReadResult = { blocks, warnings: [...warnings, ...laid.warnings] };
  if (laid.geometry) result.geometry = laid.geometry;
  const title = usableTitle(read.title);
  if (title) result.title = title;
  return result;
}

/** The Info Title, when it is a real title and not a producer's placeholder. */
export function usableTitle(raw: string): string | undefined {
  const title = raw.trim();
  if (!title || /^<[0-9a-f\s]*>$/i.test(title) || /^(untitled|microsoft word|无标题)/i.test(title) || /模板|模版/.test(title) || /\.(docx?|xlsx?|wps)$/i.test(title)) return undefined;
  return title;
}
