import type { ExtractedDocument } from "../../model/index.js";
import { writeAtomic } from "../json.js";
import { renderReportHtml, type ReportOptions } from "./html.js";

/** Temp file then rename (writers/json.ts), so a browser or reader never sees half a report. */
export async function writeReport(doc: ExtractedDocument, file: string, options: ReportOptions = {}): Promise<void> {
  await writeAtomic(file, renderReportHtml(doc, options));
}
