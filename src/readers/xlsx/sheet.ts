/**
 * One worksheet part, streamed: every cell's displayed text (its value printed through its number format; formulas
 * by their cached result, never evaluated), the merged ranges, and which rows and columns are hidden.
 */
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";
import type { OoxmlPackage } from "../ooxml/zip.js";
import { SPREADSHEETML_PREFIXES, scanXml } from "../ooxml/xml.js";
import { formatNumber, formatText } from "./numfmt.js";
import { parseRange, parseRef, type CellPos } from "./refs.js";
import type { Workbook } from "./workbook.js";

export interface SheetCell extends CellPos {
  text: string;
}

export interface SheetData {
  /** Cells with displayed text, in document order. */
  cells: SheetCell[];
  merges: { from: CellPos; to: CellPos }[];
  hiddenRows: Set<number>;
  /** Hidden column ranges, 0-based inclusive. */
  hiddenCols: { min: number; max: number }[];
  /** Rows are hidden unless listed (sheetFormatPr zeroHeight): only rows present and not hidden show. */
  rowsHiddenByDefault: boolean;
  shownRows: Set<number>;
  /** Formula cells without a cached result (the file was never recalculated): shown empty. */
  uncachedFormulas: number;
}

interface CellState {
  pos: CellPos;
  style: number;
  type: string;
  value: string;
  inline: string;
  hasFormula: boolean;
}

function displayText(c: CellState, wb: Workbook): string {
  const code = wb.styleFormats[c.style] ?? "General";
  switch (c.type) {
    case "s": {
      const s = wb.sharedStrings[Number(c.value)];
      return s === undefined ? "" : formatText(s, code);
    }
    case "inlineStr":
      return formatText(c.inline, code);
    case "str":
      return formatText(c.value, code);
    case "b":
      return c.value.trim() === "1" ? "TRUE" : c.value.trim() === "" ? "" : "FALSE";
    case "e":
      return c.value.trim();
    case "d":
      return c.value.trim().replace(/T00:00:00(?:\.0+)?Z?$/, "");
    default:
      return c.value.trim() === "" ? "" : formatNumber(c.value, code, wb.date1904);
  }
}

function tooManyCells(limits: Limits, part: string): ExtractError {
  return new ExtractError("too_large", `${part} holds more than ${limits.maxCells} cells; raise --max-cells if the file is trusted.`, { part, maxCells: limits.maxCells });
}

/** Streams the worksheet; `counted` is the number of cells already read from earlier sheets (for --max-cells). */
export async function readSheet(pkg: OoxmlPackage, part: string, wb: Workbook, limits: Limits, counted: number): Promise<SheetData> {
  const xml = (await pkg.text(part)) ?? "";
  const data: SheetData = { cells: [], merges: [], hiddenRows: new Set(), hiddenCols: [], rowsHiddenByDefault: false, shownRows: new Set(), uncachedFormulas: 0 };
  let row = -1;
  let col = -1;
  let cell: CellState | null = null;
  let capture: "v" | "t" | null = null;
  let phonetic = 0;
  scanXml(xml, { part, maxDepth: limits.maxXmlDepth, prefixes: SPREADSHEETML_PREFIXES, app: "Excel/WPS" }, {
    open(name, a) {
      if (name === "c") {
        const pos = (a.r ? parseRef(a.r) : null) ?? { row: Math.max(row, 0), col: col + 1 };
        col = pos.col;
        cell = { pos, style: Number(a.s ?? 0) || 0, type: a.t ?? "n", value: "", inline: "", hasFormula: false };
      } else if (name === "row") {
        row = a.r ? Number(a.r) - 1 : row + 1;
        col = -1;
        if (a.hidden === "1" || a.hidden === "true") data.hiddenRows.add(row);
        else data.shownRows.add(row);
      } else if (cell && name === "v") capture = "v";
      else if (cell && name === "t" && phonetic === 0) capture = "t";
      else if (cell && name === "f") cell.hasFormula = true;
      else if (name === "rPh") phonetic++;
      else if (name === "mergeCell" && a.ref) {
        const range = parseRange(a.ref);
        if (range) data.merges.push(range);
      } else if (name === "col" && (a.hidden === "1" || a.hidden === "true")) {
        data.hiddenCols.push({ min: Number(a.min) - 1, max: Number(a.max ?? a.min) - 1 });
      } else if (name === "sheetFormatPr" && (a.zeroHeight === "1" || a.zeroHeight === "true")) data.rowsHiddenByDefault = true;
    },
    close(name) {
      if (name === "v" || name === "t") capture = null;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell) {
        const c: CellState = cell;
        cell = null;
        if (c.hasFormula && c.value === "" && c.type !== "inlineStr") data.uncachedFormulas++;
        const text = displayText(c, wb);
        if (text.trim() === "") return;
        if (counted + data.cells.length >= limits.maxCells) throw tooManyCells(limits, part);
        data.cells.push({ row: c.pos.row, col: c.pos.col, text });
      }
    },
    text(text) {
      if (!cell || capture === null) return;
      if (capture === "v") cell.value += text;
      else cell.inline += text;
    },
  });
  return data;
}
