/** One BIFF8 worksheet substream → SheetData, the same shape the .xlsx reader produces, so both share the layout. */
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";
import { formatNumber, formatText } from "../xlsx/numfmt.js";
import type { SheetData } from "../xlsx/sheet.js";
import { RecordReader, RT, records } from "./biff.js";

export interface SheetContext {
  sst: string[];
  formatOf: (xf: number) => string;
  date1904: boolean;
}

/** RK: a 30-bit integer or the high 30 bits of a double, optionally ×100 (decimal shift kept exact for integers). */
function rkText(rk: number): string {
  const x100 = (rk & 1) === 1;
  if (rk & 2) {
    const n = rk >> 2;
    if (!x100) return String(n);
    const neg = n < 0;
    const s = String(Math.abs(n)).padStart(3, "0");
    return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
  }
  const buf = new DataView(new ArrayBuffer(8));
  buf.setUint32(4, rk & 0xfffffffc, true);
  const v = buf.getFloat64(0, true);
  return String(x100 ? v / 100 : v);
}

/** The double's shortest round-trip text, as an .xlsx stores it in <v>. */
function numberText(v: number): string {
  return Number.isFinite(v) ? String(v) : "";
}

const ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A" };

/** FORMULA's saved result: a number, or a marker that the string result follows in a STRING record. */
function formulaResult(r: RecordReader): { number?: string; text?: string; stringFollows?: boolean } {
  const b: number[] = [];
  for (let i = 0; i < 8; i++) b.push(r.u8());
  if (b[6] === 0xff && b[7] === 0xff) {
    if (b[0] === 0) return { stringFollows: true };
    if (b[0] === 1) return { text: b[2] ? "TRUE" : "FALSE" };
    if (b[0] === 2) return { text: ERRORS[b[2]!] ?? "#N/A" };
    return { text: "" };
  }
  return { number: numberText(new DataView(Uint8Array.from(b).buffer).getFloat64(0, true)) };
}

export function readSheet(stream: Uint8Array, offset: number, ctx: SheetContext, limits: Limits, counted: number): SheetData {
  const data: SheetData = { cells: [], merges: [], hiddenRows: new Set(), hiddenCols: [], rowsHiddenByDefault: false, shownRows: new Set(), uncachedFormulas: 0 };
  const push = (row: number, col: number, text: string): void => {
    if (text.trim() === "") return;
    if (counted + data.cells.length >= limits.maxCells) {
      throw new ExtractError("too_large", `The .xls workbook holds more than ${limits.maxCells} cells; raise --max-cells if the file is trusted.`, { maxCells: limits.maxCells });
    }
    data.cells.push({ row, col, text });
  };
  const number = (row: number, col: number, xf: number, stored: string) => push(row, col, stored === "" ? "" : formatNumber(stored, ctx.formatOf(xf), ctx.date1904));
  // A FORMULA whose result is text: the text follows in a STRING record.
  const pending: { at: { row: number; col: number; xf: number } | null } = { at: null };
  let first = true;
  for (const rec of records(stream, offset)) {
    const r = new RecordReader(rec);
    if (first) {
      if (rec.type !== RT.BOF) throw new ExtractError("corrupt", "A sheet of the .xls workbook does not start where the workbook says; the file is damaged. Re-save it from Excel/WPS.");
      first = false;
      continue;
    }
    if (rec.type === RT.EOF) break;
    if (rec.type === RT.STRING && pending.at) {
      push(pending.at.row, pending.at.col, formatText(r.richString(), ctx.formatOf(pending.at.xf)));
      pending.at = null;
      continue;
    }
    // Shared and array formulas sit between a FORMULA and the STRING holding its text result.
    if (rec.type === 0x04bc || rec.type === 0x0221 || rec.type === 0x0236) continue;
    pending.at = null;
    if (!readLayoutRecord(rec.type, r, data)) readCellRecord(rec.type, r, ctx, push, number, (p) => (pending.at = p));
  }
  return data;
}

type Push = (row: number, col: number, text: string) => void;
type NumberPush = (row: number, col: number, xf: number, stored: string) => void;

/** A record that holds a cell's value; records without text (BLANK, formatting) are passed over. */
function readCellRecord(type: number, r: RecordReader, ctx: SheetContext, push: Push, number: NumberPush, awaitString: (p: { row: number; col: number; xf: number }) => void): void {
  switch (type) {
    case RT.LABELSST: {
      const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
      push(row, col, formatText(ctx.sst[r.u32()] ?? "", ctx.formatOf(xf)));
      return;
    }
    case RT.LABEL:
    case RT.RSTRING: {
      const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
      push(row, col, formatText(r.richString(), ctx.formatOf(xf)));
      return;
    }
    case RT.NUMBER: {
      const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
      number(row, col, xf, numberText(r.f64()));
      return;
    }
    case RT.RK: {
      const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
      number(row, col, xf, rkText(r.u32()));
      return;
    }
    case RT.MULRK: {
      const [row, firstCol] = [r.u16(), r.u16()];
      const cells: [number, number][] = [];
      // Each entry is 6 bytes; the record ends with the last column (2 bytes).
      while (!r.atEnd) cells.push([r.u16(), r.u32()]);
      cells.pop(); // the trailing colLast was read as a short entry
      cells.forEach(([xf, rk], i) => number(row, firstCol + i, xf, rkText(rk)));
      return;
    }
    case RT.BOOLERR: {
      const [row, col] = [r.u16(), r.u16()];
      r.skip(2);
      const [v, isError] = [r.u8(), r.u8()];
      push(row, col, isError ? (ERRORS[v] ?? "#N/A") : v ? "TRUE" : "FALSE");
      return;
    }
    case RT.FORMULA: {
      const [row, col, xf] = [r.u16(), r.u16(), r.u16()];
      const res = formulaResult(r);
      if (res.stringFollows) awaitString({ row, col, xf });
      else if (res.number !== undefined) number(row, col, xf, res.number);
      else push(row, col, res.text ?? "");
      return;
    }
  }
}

/** Records that shape the sheet rather than hold text: merges, hidden rows and columns. False for any other. */
function readLayoutRecord(type: number, r: RecordReader, data: SheetData): boolean {
  switch (type) {
    case RT.MERGECELLS: {
      const n = r.u16();
      for (let i = 0; i < n; i++) {
        const [r1, r2, c1, c2] = [r.u16(), r.u16(), r.u16(), r.u16()];
        data.merges.push({ from: { row: r1, col: c1 }, to: { row: r2, col: c2 } });
      }
      return true;
    }
    case RT.ROW: {
      const row = r.u16();
      r.skip(10);
      if (r.u16() & 0x20) data.hiddenRows.add(row);
      else data.shownRows.add(row);
      return true;
    }
    case RT.COLINFO: {
      const [c1, c2] = [r.u16(), r.u16()];
      r.skip(4);
      if (r.u16() & 1) data.hiddenCols.push({ min: c1, max: c2 });
      return true;
    }
    case RT.DEFAULTROWHEIGHT:
      if (r.u16() & 0x02) data.rowsHiddenByDefault = true;
      return true;
  }
  return false;
}
