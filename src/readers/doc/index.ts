/**
 * Word 97-2003 (.doc): no JavaScript library reads the binary format well, so LibreOffice converts it
 * to .docx in a private temp dir and the .docx reader does the rest.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ReadContext, Reader, ReadResult } from "../types.js";
import { ExtractError } from "../../errors.js";
import { readDocx } from "../docx/index.js";
import { convertWithSoffice, findSoffice, sofficeMissingError } from "./soffice.js";

export { findSoffice } from "./soffice.js";

/** Upper bound for one conversion, whatever the document timeout (LibreOffice starts in ~2–10 s). */
const MAX_CONVERSION_MS = 110_000;

/** readDoc with the LibreOffice lookup injected (tests simulate a machine without it). */
export function readDocWith(locate: () => string | null): Reader {
  return (bytes, ctx) => convertAndRead(locate(), bytes, ctx);
}

export const readDoc: Reader = (bytes, ctx) => convertAndRead(findSoffice(), bytes, ctx);

async function convertAndRead(soffice: string | null, bytes: Uint8Array, ctx: ReadContext): Promise<ReadResult> {
  if (!soffice) throw sofficeMissingError();
  const dir = await mkdtemp(path.join(os.tmpdir(), "disclosure-extract-doc-"));
  try {
    const input = path.join(dir, "input.doc");
    await writeFile(input, bytes);
    await convertWithSoffice(soffice, input, dir, path.join(dir, "profile"), "docx:MS Word 2007 XML", Math.min(ctx.limits.timeoutMs, MAX_CONVERSION_MS));
    let docx: Uint8Array;
    try {
      docx = await readFile(path.join(dir, "input.docx"));
    } catch {
      throw new ExtractError(
        "corrupt",
        `LibreOffice produced no .docx for ${ctx.path}; the .doc is damaged, password-protected or not a Word document. Open it in Word/WPS, remove any password and save it as .docx.`,
      );
    }
    return await readDocx(docx, { ...ctx, path: `${ctx.path} (converted by LibreOffice)` });
  } finally {
    // LibreOffice may still be flushing its profile when the conversion returns: retry until the folder is gone.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
