/**
 * The .xlsx reader: every visible sheet, in tab order, becomes tables (and the text lines around them); each cell's
 * text is its value printed through its number format, formulas by their cached result (never evaluated), with the
 * sheet and A1 reference of every table cell (TableCell.ref) and of every block (provenance sheet/range).
 */
import type { Reader, ReadResult } from "../types.js";
import { ExtractError } from "../../errors.js";
import { OoxmlPackage, XLSX_PACKAGE } from "../ooxml/zip.js";
import { SPREADSHEETML_PREFIXES, child, parseXml, textOf } from "../ooxml/xml.js";
import { readWorkbook, WORKBOOK_PART } from "./workbook.js";
import { readSheet } from "./sheet.js";
import { WorkbookBlocks } from "./workbook-blocks.js";

export { SHEET_LAYOUT } from "./layout.js";
export { formatNumber } from "./numfmt.js";

async function coreTitle(pkg: OoxmlPackage, maxDepth: number): Promise<string | undefined> {
  const xml = await pkg.text("docProps/core.xml");
  if (xml === undefined) return undefined;
  const core = parseXml(xml, { part: "docProps/core.xml", maxDepth, keepTextIn: new Set(["dc:title"]), prefixes: SPREADSHEETML_PREFIXES, app: "Excel/WPS" });
  const el = child(core, "dc:title");
  const title = el ? textOf(el).trim() : "";
  return title === "" ? undefined : title;
}

export const readXlsx: Reader = async (bytes, ctx): Promise<ReadResult> => {
  const pkg = await OoxmlPackage.open(bytes, ctx.limits, XLSX_PACKAGE);
  if (!pkg.has(WORKBOOK_PART)) {
    throw new ExtractError("corrupt", `${ctx.path} is a zip file but has no ${WORKBOOK_PART}, so it is not an Excel workbook (or it is damaged). Open it in Excel/WPS and save it as .xlsx again.`);
  }
  const wb = await readWorkbook(pkg, ctx.limits.maxXmlDepth, ctx.path);
  const book = new WorkbookBlocks(ctx.limits.maxCells);
  let cellsRead = 0;
  for (const entry of wb.sheets) {
    if (!entry.part || !book.wants(entry.name, entry.state !== "visible")) continue; // no part: a chart or dialog sheet
    const data = await readSheet(pkg, entry.part, wb, ctx.limits, cellsRead);
    cellsRead += data.cells.length;
    book.add(entry.name, entry.part, data);
  }
  const { blocks, warnings } = book.finish(ctx.path);
  const title = await coreTitle(pkg, ctx.limits.maxXmlDepth);
  return { blocks, warnings, ...(title ? { title } : {}) };
};
