/**
 * A BIFF8 workbook stream → what the sheet layout needs: each sheet's displayed cell texts (numbers through their
 * number formats; formulas by the result Excel saved with them, never evaluated), merges, hidden rows and columns.
 */
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";
import { BUILTIN_FORMATS } from "../xlsx/format-code.js";
import type { SheetData } from "../xlsx/sheet.js";
import { RecordReader, RT, records, type BiffRecord } from "./biff.js";
import { readSheet } from "./sheet.js";

export interface BiffSheet {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  state: number;
  data: SheetData;
}

interface Globals {
  formats: Map<number, string>;
  /** Format id of each XF (cell style) in order. */
  xfFormats: number[];
  sst: string[];
  date1904: boolean;
  sheets: { name: string; state: number; offset: number; kind: number }[];
}

/** Thrown for BIFF2–BIFF7: those older workbooks go through LibreOffice. */
export class NotBiff8 extends Error {}

function readGlobals(stream: Uint8Array): Globals {
  const g: Globals = { formats: new Map(), xfFormats: [], sst: [], date1904: false, sheets: [] };
  let first = true;
  for (const rec of records(stream)) {
    const r = new RecordReader(rec);
    if (first) {
      if (rec.type !== RT.BOF && rec.type !== 0x0409 && rec.type !== 0x0209 && rec.type !== 0x0009) {
        throw new ExtractError("corrupt", "The .xls workbook stream does not start with a BOF record; the file is damaged or not an Excel workbook. Re-save it from Excel/WPS.");
      }
      // BIFF5/BIFF7 (Excel 5/95) share the BOF type with BIFF8 but not its version; BIFF2–4 have BOF types of their own.
      if (rec.type !== RT.BOF || r.u16() !== 0x0600) throw new NotBiff8("not a BIFF8 workbook stream");
      first = false;
      continue;
    }
    switch (rec.type) {
      case RT.FILEPASS:
        throw new ExtractError("encrypted", "The .xls workbook is password-protected; remove the password in Excel/WPS and try again.");
      case RT.DATEMODE:
        g.date1904 = r.u16() === 1;
        break;
      case RT.FORMAT: {
        const id = r.u16();
        g.formats.set(id, r.richString());
        break;
      }
      case RT.XF:
        r.skip(2);
        g.xfFormats.push(r.u16());
        break;
      case RT.BOUNDSHEET: {
        const offset = r.u32();
        const state = r.u8() & 0x03;
        const kind = r.u8();
        g.sheets.push({ offset, state, kind, name: r.richString(1) });
        break;
      }
      case RT.SST:
        g.sst = readSst(rec);
        break;
      case RT.EOF:
        return g;
    }
  }
  return g;
}

function readSst(rec: BiffRecord): string[] {
  const r = new RecordReader(rec);
  r.skip(4);
  const unique = r.u32();
  const out: string[] = [];
  for (let i = 0; i < unique && !r.atEnd; i++) out.push(r.richString());
  return out;
}

export function readBiff(stream: Uint8Array, limits: Limits): { sheets: BiffSheet[]; date1904: boolean } {
  const g = readGlobals(stream);
  const formatOf = (xf: number): string => {
    const id = g.xfFormats[xf] ?? 0;
    return g.formats.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
  };
  let counted = 0;
  const sheets: BiffSheet[] = [];
  for (const s of g.sheets) {
    if (s.kind !== 0) continue; // charts, macro and VB sheets hold no cells to read
    const data = readSheet(stream, s.offset, { sst: g.sst, formatOf, date1904: g.date1904 }, limits, counted);
    counted += data.cells.length;
    sheets.push({ name: s.name, state: s.state, data });
  }
  return { sheets, date1904: g.date1904 };
}
