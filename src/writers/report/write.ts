import type { ExtractedDocument } from "../../model/index.js";
import { writeAtomic } from "../json.js";
import { renderReportHtml } from "./html.js";

/** Temp file then rename (writers/json.ts), so a browser or reader never sees half a report. */
export async function writeReport(doc: ExtractedDocument, file: string): Promise<void> {
  await writeAtomic(file, renderReportHtml(doc));
}
