/** The workbook part: its sheets in tab order (name, visibility, part), the date system, styles and shared strings. */
import { ExtractError } from "../../errors.js";
import type { OoxmlPackage } from "../ooxml/zip.js";
import { SPREADSHEETML_PREFIXES, child, elements, parseXml, scanXml, type XmlElement } from "../ooxml/xml.js";
import { relationshipTargets, relsPartOf, resolveTarget } from "../ooxml/rels.js";
import { BUILTIN_FORMATS } from "./format-code.js";

export const WORKBOOK_PART = "xl/workbook.xml";
const APP = "Excel/WPS";
const NO_TEXT = new Set<string>();

export interface SheetEntry {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Package part of the worksheet, e.g. "xl/worksheets/sheet1.xml"; null for chart sheets and missing parts. */
  part: string | null;
}

export interface Workbook {
  sheets: SheetEntry[];
  date1904: boolean;
  /** Number format code of each cell style (cellXfs index). */
  styleFormats: string[];
  sharedStrings: string[];
}

async function readTree(pkg: OoxmlPackage, part: string, maxDepth: number, keepTextIn: ReadonlySet<string> = NO_TEXT): Promise<XmlElement | undefined> {
  const xml = await pkg.text(part);
  return xml === undefined ? undefined : parseXml(xml, { part, maxDepth, keepTextIn, prefixes: SPREADSHEETML_PREFIXES, app: APP });
}

/** Relationship id → part name, from the part's .rels. */
async function relationships(pkg: OoxmlPackage, part: string, maxDepth: number): Promise<Map<string, string>> {
  const rels = await readTree(pkg, relsPartOf(part), maxDepth);
  const out = new Map<string, string>();
  for (const [id, target] of relationshipTargets(rels, { internalOnly: true })) out.set(id, resolveTarget(part, target));
  return out;
}

/** cellXfs → each style's format code (a custom numFmt, else the built-in one, else General). */
function styleFormats(styles: XmlElement | undefined): string[] {
  const custom = new Map<number, string>();
  for (const f of elements(child(styles, "numFmts") ?? { name: "", attrs: {}, children: [] }, "numFmt")) {
    const id = Number(f.attrs.numFmtId);
    if (Number.isInteger(id) && f.attrs.formatCode !== undefined) custom.set(id, f.attrs.formatCode);
  }
  const xfs = child(styles, "cellXfs");
  return (xfs ? elements(xfs, "xf") : []).map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
  });
}

/** Shared strings, streamed: a workbook may hold hundreds of thousands. Phonetic runs (rPh) are not text. */
async function sharedStrings(pkg: OoxmlPackage, part: string, maxDepth: number): Promise<string[]> {
  const xml = await pkg.text(part);
  const out: string[] = [];
  if (xml === undefined) return out;
  let cur: string | null = null;
  let inT = 0;
  let inPhonetic = 0;
  scanXml(xml, { part, maxDepth, prefixes: SPREADSHEETML_PREFIXES, app: APP }, {
    open(name) {
      if (name === "si") cur = "";
      else if (name === "rPh") inPhonetic++;
      else if (name === "t") inT++;
    },
    close(name) {
      if (name === "si") {
        out.push(cur ?? "");
        cur = null;
      } else if (name === "rPh") inPhonetic--;
      else if (name === "t") inT--;
    },
    text(text) {
      if (cur !== null && inT > 0 && inPhonetic === 0) cur += text;
    },
  });
  return out;
}

export async function readWorkbook(pkg: OoxmlPackage, maxDepth: number, path: string): Promise<Workbook> {
  const wb = await readTree(pkg, WORKBOOK_PART, maxDepth);
  const sheetsEl = child(wb, "sheets");
  if (!wb || !sheetsEl) {
    throw new ExtractError("corrupt", `${path}: ${WORKBOOK_PART} lists no sheets; the workbook is damaged. Re-save it from ${APP}.`);
  }
  const rels = await relationships(pkg, WORKBOOK_PART, maxDepth);
  const sheets: SheetEntry[] = elements(sheetsEl, "sheet").map((s) => {
    const part = rels.get(s.attrs["r:id"] ?? "") ?? null;
    return { name: s.attrs.name ?? "", state: s.attrs.state ?? "visible", part: part && /worksheets\//.test(part) && pkg.has(part) ? part : null };
  });
  const pr = child(wb, "workbookPr");
  const date1904 = pr?.attrs.date1904 === "1" || pr?.attrs.date1904 === "true";
  const relTargets = [...rels.values()];
  const stylesPart = relTargets.find((p) => /styles\.xml$/.test(p)) ?? "xl/styles.xml";
  const stringsPart = relTargets.find((p) => /sharedStrings\.xml$/i.test(p)) ?? "xl/sharedStrings.xml";
  const [styles, strings] = await Promise.all([readTree(pkg, stylesPart, maxDepth), sharedStrings(pkg, stringsPart, maxDepth)]);
  return { sheets, date1904, styleFormats: styleFormats(styles), sharedStrings: strings };
}
