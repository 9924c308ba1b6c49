/**
 * One LibreOffice conversion in a private temp dir: the input's bytes in, the converted file's bytes out, the dir
 * removed whatever happens. The .doc, .rtf and .xls readers convert to OOXML and hand the result to the OOXML readers.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ExtractError } from "../../errors.js";
import type { ReadContext } from "../types.js";
import { convertWithSoffice } from "./soffice.js";

/** Upper bound for one conversion, whatever the document timeout (LibreOffice starts in ~2–10 s). */
export const MAX_CONVERSION_MS = 110_000;

export interface Conversion {
  /** Input file extension LibreOffice picks its import filter by: "doc", "rtf", "xls". */
  from: string;
  /** Output extension and export filter: ["docx", "docx:MS Word 2007 XML"]. */
  to: [string, string];
  /** Said when LibreOffice writes nothing: what the file may be and how to fix it. */
  noOutput: string;
}

export async function convertBytes(soffice: string, bytes: Uint8Array, ctx: ReadContext, spec: Conversion): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `disclosure-extract-${spec.from}-`));
  try {
    const input = path.join(dir, `input.${spec.from}`);
    await writeFile(input, bytes);
    await convertWithSoffice(soffice, input, dir, path.join(dir, "profile"), spec.to[1], Math.min(ctx.limits.timeoutMs, MAX_CONVERSION_MS));
    try {
      return await readFile(path.join(dir, `input.${spec.to[0]}`));
    } catch {
      throw new ExtractError("corrupt", `LibreOffice produced no .${spec.to[0]} for ${ctx.path}; ${spec.noOutput}`);
    }
  } finally {
    // LibreOffice may still be flushing its profile when the conversion returns: retry until the folder is gone.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
