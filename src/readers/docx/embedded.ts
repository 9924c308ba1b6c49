/**
 * Excel sheets embedded in a Word body as OLE objects: Excel.Sheet.12 (an .xlsx part) and Excel.Sheet.8 (a BIFF8
 * .xls/.bin part). 太原发改委 2016 决算 prints its 公开01表 so. The object displays one sheet of its workbook (the active
 * tab), so that sheet alone is read, by the spreadsheet readers, and its blocks stand where the object stands.
 * Read before the body walk (inflating is async, the walk is not), keyed by the OLE object's relationship id.
 * Bounds: the part is inflated with the package's guards; the inner package's declared sizes count against what is
 * left of --max-uncompressed-bytes, shared by every embedding; the spreadsheet readers never open embeddings of their
 * own, so nesting stops at one level.
 */
import type { ReaderBlock, Warning } from "../../model/index.js";
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";
import { OoxmlPackage, XLSX_PACKAGE } from "../ooxml/zip.js";
import { SPREADSHEETML_PREFIXES, child, descendants, parseXml, type XmlElement } from "../ooxml/xml.js";
import { resolveTarget } from "../ooxml/rels.js";
import { DOCUMENT_PART } from "./parts.js";
import { readWorkbook, WORKBOOK_PART, type SheetEntry } from "../xlsx/workbook.js";
import { readSheet } from "../xlsx/sheet.js";
import { WorkbookBlocks } from "../xlsx/workbook-blocks.js";
import { readXlsWith } from "../xls/index.js";

/** The ProgIDs of an Excel worksheet object: Excel.Sheet.8 (BIFF8), Excel.Sheet.12 (.xlsx). */
export const EXCEL_SHEET_PROGID = /^Excel\.Sheet(?:\.\d+)?$/i;
export const EMBEDDED_SHEET_NOT_READ = "docx_embedded_sheet_not_read";

/** The sheet an OLE object displays, read: blocks with the sheet reader's ids (the body renumbers them). */
export interface EmbeddedSheet {
  part: string;
  sheet: string;
  blocks: ReaderBlock[];
  cells: number;
}

export interface EmbeddedSheets {
  /** OLE relationship id → its sheet. */
  byRelId: Map<string, EmbeddedSheet>;
  warnings: Warning[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** The relationship id of an Excel sheet object in a w:object / w:pict, if it is one. */
export function sheetObjectRelId(el: XmlElement): string | undefined {
  const ole = descendants(el, "OLEObject")[0];
  const progId = ole?.attrs["ProgID"] ?? "";
  return EXCEL_SHEET_PROGID.test(progId) ? ole?.attrs["r:id"] : undefined;
}

/** The sheet the workbook shows: bookViews' activeTab when it is a visible worksheet, else the first visible one. */
function displayedSheet(sheets: SheetEntry[], activeTab: number): SheetEntry | undefined {
  const active = sheets[activeTab];
  if (active && active.part && active.state === "visible") return active;
  return sheets.find((s) => s.part && s.state === "visible");
}

async function activeTab(pkg: OoxmlPackage, maxDepth: number): Promise<number> {
  const xml = (await pkg.text(WORKBOOK_PART)) ?? "";
  const wb = parseXml(xml, { part: WORKBOOK_PART, maxDepth, keepTextIn: new Set(), prefixes: SPREADSHEETML_PREFIXES, app: "Excel/WPS" });
  const tab = Number(child(child(wb, "bookViews"), "workbookView")?.attrs["activeTab"] ?? 0);
  return Number.isInteger(tab) && tab >= 0 ? tab : 0;
}

/** An embedded .xlsx: only the displayed sheet's part is inflated. */
async function readXlsxSheet(bytes: Uint8Array, part: string, limits: Limits, path: string): Promise<EmbeddedSheet & { declared: number }> {
  const pkg = await OoxmlPackage.open(bytes, limits, XLSX_PACKAGE);
  if (!pkg.has(WORKBOOK_PART)) throw new ExtractError("corrupt", `${part} has no ${WORKBOOK_PART}`);
  const wb = await readWorkbook(pkg, limits.maxXmlDepth, path);
  const entry = displayedSheet(wb.sheets, await activeTab(pkg, limits.maxXmlDepth));
  if (!entry?.part) throw new ExtractError("corrupt", `${part} has no visible worksheet`);
  const data = await readSheet(pkg, entry.part, wb, limits, 0);
  const book = new WorkbookBlocks(limits.maxCells);
  book.add(entry.name, entry.part, data);
  return { part, sheet: entry.name, blocks: book.finish(path).blocks, cells: data.cells.length, declared: pkg.declaredTotal };
}

/** An embedded BIFF8 workbook (never through LibreOffice): its first visible sheet (BIFF's active tab is not read). */
async function readXlsSheet(bytes: Uint8Array, part: string, limits: Limits, path: string): Promise<EmbeddedSheet & { declared: number }> {
  const read = await readXlsWith(() => null)(bytes, { path, limits });
  const sheet = read.blocks[0]?.provenance.sheet;
  if (sheet === undefined) throw new ExtractError("corrupt", `${part} has no visible worksheet`);
  const blocks = read.blocks.filter((b) => b.provenance.sheet === sheet);
  const cells = blocks.reduce((n, b) => n + (b.type === "table" ? b.rows.reduce((m, r) => m + r.cells.length, 0) : 0), 0);
  return { part, sheet, blocks, cells, declared: bytes.length };
}

/** Provenance says where the block came from: the embedding's part, the sheet and its cells. */
function relocate(sheet: EmbeddedSheet): EmbeddedSheet {
  return { ...sheet, blocks: sheet.blocks.map((b) => ({ ...b, provenance: { ...b.provenance, part: sheet.part } })) };
}

/** Read every Excel sheet object of the body; a damaged or unsupported one is named in a warning (its picture stays). */
export async function readEmbeddedSheets(pkg: OoxmlPackage, body: XmlElement, rels: ReadonlyMap<string, string>, limits: Limits, path: string): Promise<EmbeddedSheets> {
  const out: EmbeddedSheets = { byRelId: new Map(), warnings: [] };
  let budget = limits.maxUncompressedBytes - pkg.declaredTotal;
  for (const el of descendants(body, "OLEObject")) {
    const relId = sheetObjectRelId(el);
    const target = relId ? rels.get(relId) : undefined;
    if (!relId || !target || out.byRelId.has(relId)) continue;
    const part = resolveTarget(DOCUMENT_PART, target);
    const bytes = await pkg.bytes(part);
    if (!bytes) continue;
    const inner = { ...limits, maxUncompressedBytes: Math.max(0, budget) };
    try {
      const read = startsWith(bytes, ZIP_MAGIC) ? readXlsxSheet : startsWith(bytes, CFB_MAGIC) ? readXlsSheet : undefined;
      if (!read) throw new ExtractError("unsupported_format", `${part} is neither an .xlsx nor an .xls workbook`);
      const sheet = await read(bytes, part, inner, `${path} ${part}`);
      budget -= sheet.declared;
      out.byRelId.set(relId, relocate(sheet));
    } catch (e) {
      // Limits hold inside an embedding as everywhere: exceeding one fails the document.
      if (!(e instanceof ExtractError) || e.code === "too_large" || e.code === "timeout") throw e;
      out.warnings.push({ code: EMBEDDED_SHEET_NOT_READ, message: `The embedded Excel sheet ${part} could not be read (${e.message}); its picture is named instead.` });
    }
  }
  return out;
}
