import { createRequire } from "node:module";
import path from "node:path";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentInitParameters } from "pdfjs-dist/types/src/display/api.js";
import { ExtractError } from "../../errors.js";
import { pdfjs } from "./pdfjs-runtime.js";

const require = createRequire(import.meta.url);
const PDFJS_ROOT = path.dirname(require.resolve("pdfjs-dist/package.json"));
/** CJK PDFs reference predefined CMaps (UniGB-UCS2-H …): without them the text layer is empty or garbled. */
const CMAP_URL = `${path.join(PDFJS_ROOT, "cmaps")}${path.sep}`;
const STANDARD_FONT_DATA_URL = `${path.join(PDFJS_ROOT, "standard_fonts")}${path.sep}`;

/**
 * The document pdf.js "loads fonts into". We read text and drawing operators and render nothing, so glyph outlines
 * are waste — but pdf.js builds and posts one for every glyph drawn (getOperatorList) when font faces are disabled,
 * and when they are enabled without a document it fails to load each font and falls back to the same outlines. A
 * document whose style sheet accepts the @font-face rules and does nothing stops both: measured on the PDF samples,
 * the outlines and their copying were ~17% of a PDF extraction's CPU.
 */
const FONT_SINK_DOCUMENT = {
  fonts: undefined,
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/** Open a PDF with pdf.js configured for Node (no eval, no font faces, packed CMaps from node_modules). */
export async function openPdf(bytes: Uint8Array, filePath: string): Promise<PDFDocumentProxy> {
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: FONT_SINK_DOCUMENT as unknown as DocumentInitParameters["ownerDocument"],
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw mapPdfError(e, filePath);
  }
}

export function mapPdfError(e: unknown, filePath: string): ExtractError {
  if (e instanceof ExtractError) return e;
  const name = e instanceof Error ? e.name : "";
  const message = e instanceof Error ? e.message : String(e);
  if (name === "PasswordException") {
    return new ExtractError("encrypted", `${filePath}: the PDF is password-protected; remove the password and retry.`, {
      reason: message,
    });
  }
  return new ExtractError("corrupt", `${filePath}: the PDF cannot be parsed (${message}); check that the file is complete.`, {
    reason: message,
    pdfjsError: name,
  });
}
