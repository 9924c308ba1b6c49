/**
 * Word 97-2003 (.doc) and RTF: no JavaScript library reads them well, so LibreOffice converts them to .docx in a
 * private temp dir and the .docx reader does the rest.
 */
import type { ReadContext, Reader, ReadResult } from "../types.js";
import { readDocx } from "../docx/index.js";
import { findSoffice, sofficeMissingError } from "./soffice.js";
import { convertBytes, type Conversion } from "./convert.js";

export { findSoffice } from "./soffice.js";

const DOC: Conversion = {
  from: "doc",
  to: ["docx", "docx:MS Word 2007 XML"],
  noOutput: "the .doc is damaged, password-protected or not a Word document. Open it in Word/WPS, remove any password and save it as .docx.",
};
const RTF: Conversion = {
  from: "rtf",
  to: ["docx", "docx:MS Word 2007 XML"],
  noOutput: "the RTF file is damaged. Open it in Word/WPS and save it as .docx.",
};

async function convertAndRead(soffice: string | null, bytes: Uint8Array, ctx: ReadContext, spec: Conversion, what: string): Promise<ReadResult> {
  if (!soffice) throw sofficeMissingError(what);
  const docx = await convertBytes(soffice, bytes, ctx, spec);
  return readDocx(docx, { ...ctx, path: `${ctx.path} (converted by LibreOffice)` });
}

/** readDoc with the LibreOffice lookup injected (tests simulate a machine without it). */
export function readDocWith(locate: () => string | null): Reader {
  return (bytes, ctx) => convertAndRead(locate(), bytes, ctx, DOC, "Word 97-2003 (.doc) files");
}

export const readDoc: Reader = readDocWith(findSoffice);

/** readRtf with the LibreOffice lookup injected. */
export function readRtfWith(locate: () => string | null): Reader {
  return (bytes, ctx) => convertAndRead(locate(), bytes, ctx, RTF, "RTF documents");
}

export const readRtf: Reader = readRtfWith(findSoffice);
