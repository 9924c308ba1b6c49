import { rename, unlink, writeFile } from "node:fs/promises";
import type { ExtractedDocument } from "../../model/index.js";
import { renderReportHtml } from "./html.js";

/** Temp file then rename, so a browser or reader never sees half a report. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export async function writeReport(doc: ExtractedDocument, file: string): Promise<void> {
  await writeFileAtomic(file, renderReportHtml(doc));
}
