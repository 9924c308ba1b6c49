import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ExtractError } from "../../errors.js";
import type { Warning } from "../../model/index.js";
import { layoutPages } from "../layout/index.js";
import type { PageFragments } from "../layout/types.js";
import { BlockIds, type Reader, type ReadResult } from "../types.js";
import { mapPdfError, openPdf } from "./pdfjs.js";
import { pageFragments } from "./text.js";
import { pageRules } from "./rules.js";

/** Pages and their positioned text and rules, read with pdf.js; layout is left to the layout engine. */
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

export const readPdf: Reader = async (bytes, ctx): Promise<ReadResult> => {
  const doc = await openPdf(bytes, ctx.path);
  try {
    let read: Awaited<ReturnType<typeof readPdfPages>>;
    try {
      read = await readPdfPages(doc);
    } catch (e) {
      throw mapPdfError(e, ctx.path);
    }
    const { pages, warnings } = read;
    const emptyPages = pages.filter((p) => p.fragments.length === 0).map((p) => p.page);
    if (emptyPages.length === pages.length) {
      throw new ExtractError(
        "no_text_layer",
        `${ctx.path}: the PDF has no text layer (${pages.length} page(s), scanned images?); it needs OCR: run an OCR tool such as ocrmypdf on it and extract the result.`,
        { pages: pages.length },
      );
    }
    if (emptyPages.length > 0) {
      warnings.push({
        code: "pdf_pages_without_text",
        message: `pages ${emptyPages.join(", ")} have no text layer (scanned?); their content needs OCR and is missing`,
      });
    }
    const laid = layoutPages(pages, new BlockIds());
    const blocks = laid.blocks;
    if (blocks.length > ctx.limits.maxBlocks) {
      throw new ExtractError("too_large", `${ctx.path}: ${blocks.length} blocks exceed the limit of ${ctx.limits.maxBlocks}; raise --max-blocks if the file is trusted.`);
    }
    let cells = 0;
    for (const b of blocks) if (b.type === "table") for (const r of b.rows) cells += r.cells.length;
    if (cells > ctx.limits.maxCells) {
      throw new ExtractError("too_large", `${ctx.path}: ${cells} table cells exceed the limit of ${ctx.limits.maxCells}; raise --max-cells if the file is trusted.`);
    }
    const result: ReadResult = { blocks, warnings: [...warnings, ...laid.warnings] };
    const title = await documentTitle(doc);
    if (title) result.title = title;
    return result;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
};

/** The Info dictionary's Title, when it is a real title and not a producer's placeholder. */
async function documentTitle(doc: PDFDocumentProxy): Promise<string | undefined> {
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as Record<string, unknown> | undefined;
    const title = typeof info?.["Title"] === "string" ? (info["Title"] as string).trim() : "";
    if (!title || /^<[0-9a-f\s]*>$/i.test(title) || /^(untitled|microsoft word|无标题)/i.test(title) || /模板|模版/.test(title) || /\.(docx?|xlsx?|wps)$/i.test(title)) return undefined;
    return title;
  } catch {
    return undefined;
  }
}
