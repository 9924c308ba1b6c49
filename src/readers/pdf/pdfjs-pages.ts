/**
 * The pdf.js reading of a PDF's pages (text items + operator-list rules), kept beside the PDFium backend to compare
 * the two page by page (bench/pdf.ts, tests/readers/pdf-backends.test.ts). The reader itself uses PDFium.
 */
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Warning } from "../../model/index.js";
import type { PageFragments } from "../layout/types.js";
import { mapPdfError, openPdf } from "./pdfjs.js";
import { pageRules } from "./rules.js";
import { pageFragments } from "./text.js";

/** Pages and their positioned text and rules, read with pdf.js. */
export async function readPdfPages(doc: PDFDocumentProxy): Promise<{ pages: PageFragments[]; warnings: Warning[] }> {
  const pages: PageFragments[] = [];
  const warnings: Warning[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    try {
      const viewport = page.getViewport({ scale: 1 });
      const transform = viewport.transform as number[];
      const fragments = await pageFragments(page, transform);
      let lines: PageFragments["lines"] = [];
      try {
        lines = await pageRules(page, transform);
      } catch (e) {
        // Broken drawing operators lose the table borders, not the text.
        warnings.push({ code: "pdf_rules_unreadable", message: `page ${n}: ruling lines unreadable (${String(e)}); tables use text alignment` });
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, fragments, lines });
    } finally {
      page.cleanup();
    }
  }
  return { pages, warnings };
}

/** Open, read every page and the Info title, close: the pdf.js counterpart of pdfium-pages.ts. */
export async function readPdfjs(bytes: Uint8Array, filePath: string): Promise<{ pages: PageFragments[]; warnings: Warning[]; title: string }> {
  const doc = await openPdf(bytes, filePath);
  try {
    const read = await readPdfPages(doc).catch((e: unknown) => {
      throw mapPdfError(e, filePath);
    });
    return { ...read, title: await rawTitle(doc) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function rawTitle(doc: PDFDocumentProxy): Promise<string> {
  try {
    const info = (await doc.getMetadata()).info as Record<string, unknown> | undefined;
    return typeof info?.["Title"] === "string" ? (info["Title"] as string) : "";
  } catch {
    return "";
  }
}
