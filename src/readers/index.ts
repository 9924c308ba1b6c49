import type { SourceFormat } from "../model/index.js";
import { ExtractError } from "../errors.js";
import { isEncryptedOoxml } from "./detect.js";
import type { Reader } from "./types.js";

export { detectFormat } from "./detect.js";
export { findSoffice } from "./doc/soffice.js";
export type { Reader, ReadContext, ReadResult } from "./types.js";

/**
 * Formats with a reader. Adding a format: write src/readers/<format>/index.ts exporting a Reader, register it here.
 * Readers load on first use: pdf.js and cheerio alone weigh ~70 MB per batch worker that may never see a PDF or page.
 */
const READERS: Partial<Record<SourceFormat, () => Promise<Reader>>> = {
  text: async () => (await import("./text/index.js")).readText,
  html: async () => readHtmlWithLayout,
  docx: async () => (await import("./docx/index.js")).readDocx,
  xlsx: async () => (await import("./xlsx/index.js")).readXlsx,
  doc: async () => (await import("./doc/index.js")).readDoc,
  xls: async () => (await import("./xls/index.js")).readXls,
  rtf: async () => (await import("./doc/index.js")).readRtf,
  pdf: async () => (await import("./pdf/index.js")).readPdf,
};

/**
 * PDF-to-HTML conversions place every text run absolutely; their tables exist only as positions. The HTML reader
 * hands such pages over as positioned fragments, and the same layout engine as for PDF rebuilds lines and tables.
 */
async function readHtmlWithLayout(...args: Parameters<Reader>): ReturnType<Reader> {
  const [{ readHtml }, { layoutPages }, { BlockIds }] = await Promise.all([import("./html/index.js"), import("./layout/index.js"), import("./types.js")]);
  const result = await readHtml(...args);
  if (!result.pages || result.pages.length === 0) return result;
  const { blocks, warnings } = layoutPages(result.pages, new BlockIds(), args[1].layout);
  return { ...result, blocks, warnings: [...result.warnings, ...warnings] };
}

const UNSUPPORTED_HINT: Partial<Record<SourceFormat, string>> = {
  zip: "It is a zip archive but not a Word document or Excel workbook; unpack it and convert the files inside.",
  ole: "It is an OLE container without a Word document or Excel workbook stream; open it in the program that made it and save it as .docx, .xlsx or .pdf.",
  unknown: "The bytes match no supported format (docx, doc, rtf, xlsx, xls, html, pdf, text); check that the file is a document and not an image or a partial download, or convert it to .docx or .pdf.",
};

export function readerFor(format: SourceFormat, bytes: Uint8Array): Reader {
  if (format === "ole" && isEncryptedOoxml(bytes)) {
    throw new ExtractError("encrypted", "The file is a password-protected Office document; remove the password in Word/Excel and try again.", { format });
  }
  if (format === "zip" && !hasZipEndRecord(bytes)) {
    // Without its central directory a zip cannot be opened, and the entry that would make it a .docx/.xlsx may be lost.
    throw new ExtractError(
      "corrupt",
      "The file is a zip package cut off before its end (no central directory); it was probably truncated while downloading. Fetch it again.",
      { format },
    );
  }
  const load = READERS[format];
  if (!load) {
    throw new ExtractError("unsupported_format", `Unsupported format "${format}". ${UNSUPPORTED_HINT[format] ?? ""}`.trim(), { format });
  }
  return async (b, ctx) => (await load())(b, ctx);
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 65,535-byte comment. */
function hasZipEndRecord(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 65_557));
  return tail.indexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;
}
