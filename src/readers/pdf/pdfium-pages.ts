/**
 * A PDF's pages as positioned text and ruling lines, read with PDFium: what the layout engine reads
 * (PageFragments: PDF points, origin top-left of the visible page, y downwards, /Rotate applied).
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { ExtractError } from "../../errors.js";
import type { Warning } from "../../model/index.js";
import type { PageFragments } from "../layout/types.js";
import { FPDF_ERR, metaText, openDocument, pdfium, resetPdfium, type Pdfium, type PdfiumDocument } from "./pdfium.js";
import { readPageObjects } from "./pdfium-objects.js";
import { readPageText, scratch } from "./pdfium-text.js";
import { viewportOf, type Viewport } from "./viewport.js";
import { KEEP_ALL, pageJudge, VisibilityStats } from "./visibility.js";

export interface PdfiumRead {
  pages: PageFragments[];
  warnings: Warning[];
  title: string;
}

export interface PdfiumReadOptions {
  /** Apply the visibility policy (visibility.ts); off gives everything the text layer holds, as pdf.js does. */
  visibility?: boolean;
}

/** Open `bytes` with this thread's PDFium, run `use`, close; PDFium's refusals become typed errors. */
export async function withPdfiumDocument<T>(bytes: Uint8Array, filePath: string, use: (d: PdfiumDocument) => T | Promise<T>): Promise<T> {
  const lib = await pdfium();
  let opened: ReturnType<typeof openDocument>;
  try {
    opened = openDocument(lib, bytes);
  } catch (e) {
    throw trapped(e, filePath);
  }
  if ("error" in opened) throw refusal(opened.error, filePath);
  try {
    return await use(opened);
  } catch (e) {
    throw trapped(e, filePath);
  } finally {
    try {
      opened.close();
    } catch {
      resetPdfium();
    }
  }
}

/** The typed error for a document PDFium refuses to open (FPDF_GetLastError code). */
export function refusal(code: number, filePath: string): ExtractError {
  if (code === FPDF_ERR.PASSWORD || code === FPDF_ERR.SECURITY) {
    return new ExtractError("encrypted", `${filePath}: the PDF is password-protected; remove the password and retry.`, {
      reason: code === FPDF_ERR.PASSWORD ? "password required" : "unsupported security handler",
    });
  }
  const reason = code === FPDF_ERR.FORMAT ? "not a PDF or corrupted" : code === FPDF_ERR.FILE ? "file not found or could not be opened" : `PDFium error ${code}`;
  return new ExtractError("corrupt", `${filePath}: the PDF cannot be parsed (${reason}); check that the file is complete.`, {
    reason,
    pdfiumError: code,
  });
}

const WasmRuntimeError = (globalThis as { WebAssembly?: { RuntimeError?: new () => Error } }).WebAssembly?.RuntimeError;

/**
 * A wasm trap (abort, out of bounds, stack exhausted) leaves PDFium unusable: start a fresh one next time and
 * report the file as corrupt. Errors of our own (a page number out of range) pass through.
 */
function trapped(e: unknown, filePath: string): unknown {
  if (e instanceof ExtractError) return e;
  const isTrap = (WasmRuntimeError !== undefined && e instanceof WasmRuntimeError) || (e instanceof Error && /^(Aborted|RuntimeError)/.test(e.message));
  if (!isTrap && !(e instanceof Error && e.name === "RuntimeError")) return e;
  resetPdfium();
  const message = e instanceof Error ? e.message : String(e);
  return new ExtractError("corrupt", `${filePath}: the PDF cannot be parsed (${message}); check that the file is complete.`, {
    reason: message,
    pdfiumError: "trap",
  });
}

/** Pages read between two turns of the event loop: PDFium calls are synchronous, a long PDF must not stall the thread. */
const PAGES_PER_TURN = 8;

/** Pages, warnings and Info title of an open document. */
export async function readDocumentPages(d: PdfiumDocument, options: PdfiumReadOptions = {}): Promise<PdfiumRead> {
  const { lib, doc } = d;
  const stats = new VisibilityStats();
  const pages: PageFragments[] = [];
  for (let i = 0; i < d.pageCount; i++) {
    if (i > 0 && i % PAGES_PER_TURN === 0) await yieldToEventLoop();
    pages.push(readPage(lib, doc, i, options.visibility !== false, stats));
  }
  const warnings: Warning[] = [];
  const dropped = stats.warning();
  if (dropped) warnings.push(dropped);
  return { pages, warnings, title: metaText(lib, doc, "Title") };
}

/** The page's visible box (crop box ∩ media box) and rotation. */
export function pageViewport(lib: Pdfium, page: number): Viewport {
  const p = scratch(lib) + 128;
  let box: [number, number, number, number] = [0, 0, lib.FPDF_GetPageWidthF(page), lib.FPDF_GetPageHeightF(page)];
  if (lib.FPDF_GetPageBoundingBox(page, p)) {
    // FS_RECTF: left, top, right, bottom.
    const f = lib.heap().f32;
    const b = p >> 2;
    const [l, t, r, btm] = [f[b] ?? 0, f[b + 1] ?? 0, f[b + 2] ?? 0, f[b + 3] ?? 0];
    box = [Math.min(l, r), Math.min(t, btm), Math.max(l, r), Math.max(t, btm)];
  }
  return viewportOf(box, (lib.FPDFPage_GetRotation(page) & 3) * 90);
}

function readPage(lib: Pdfium, doc: number, index: number, visibility: boolean, stats: VisibilityStats): PageFragments {
  const n = index + 1;
  const page = lib.FPDF_LoadPage(doc, index);
  if (!page) return { page: n, fragments: [], lines: [] };
  try {
    const view = pageViewport(lib, page);
    const objects = readPageObjects(lib, page, view, scratch(lib) + 160);
    const judge = visibility ? pageJudge(lib, view, n, objects.backgrounds, objects.topLevelText, stats, scratch(lib) + 208) : KEEP_ALL;
    const textPage = lib.FPDFText_LoadPage(page);
    let fragments: PageFragments["fragments"] = [];
    if (textPage) {
      try {
        fragments = readPageText(lib, textPage, view, judge);
      } finally {
        lib.FPDFText_ClosePage(textPage);
      }
    }
    return { page: n, width: view.width, height: view.height, fragments, lines: objects.lines };
  } finally {
    lib.FPDF_ClosePage(page);
  }
}
