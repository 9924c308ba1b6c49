/**
 * BIFF8 records (MS-XLS §2.1.4): a type, a length, the data; a record longer than 8,224 bytes goes on in CONTINUE
 * records. Strings are UTF-16LE or "compressed" (one byte per character, the low byte of its UTF-16 code unit), and a
 * string split across a CONTINUE restates its compression in the continuation's first byte.
 */
import { ExtractError } from "../../errors.js";

export const RT = {
  FORMULA: 0x0006, EOF: 0x000a, FILEPASS: 0x002f, DATEMODE: 0x0022, CONTINUE: 0x003c, COLINFO: 0x007d,
  BOUNDSHEET: 0x0085, MULRK: 0x00bd, RSTRING: 0x00d6, XF: 0x00e0, MERGECELLS: 0x00e5, SST: 0x00fc, LABELSST: 0x00fd,
  NUMBER: 0x0203, LABEL: 0x0204, BOOLERR: 0x0205, STRING: 0x0207, ROW: 0x0208, DEFAULTROWHEIGHT: 0x0225, RK: 0x027e,
  FORMAT: 0x041e, BOF: 0x0809,
} as const;

export interface BiffRecord {
  type: number;
  /** The record's data, then the data of each CONTINUE after it (kept apart: strings restate their flags there). */
  parts: Uint8Array[];
  /** Offset of the record in the stream (BOUNDSHEET points at a sheet's BOF). */
  offset: number;
}

/** Records of a stream from `start`, CONTINUEs folded into the record they continue. */
export function* records(stream: Uint8Array, start = 0): Generator<BiffRecord> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let pos = start;
  let pending: BiffRecord | null = null;
  while (pos + 4 <= stream.length) {
    const type = view.getUint16(pos, true);
    const len = view.getUint16(pos + 2, true);
    if (pos + 4 + len > stream.length) throw new ExtractError("corrupt", "The .xls workbook stream ends inside a record; the file is truncated. Download it again.");
    const data = stream.subarray(pos + 4, pos + 4 + len);
    if (type === RT.CONTINUE && pending) pending.parts.push(data);
    else {
      if (pending) yield pending;
      pending = { type, parts: [data], offset: pos };
    }
    pos += 4 + len;
  }
  if (pending) yield pending;
}

/** A cursor over a record and its continuations. */
export class RecordReader {
  private part = 0;
  private pos = 0;
  constructor(private readonly rec: BiffRecord) {}

  private get cur(): Uint8Array {
    return this.rec.parts[this.part] ?? new Uint8Array(0);
  }

  /** Moves to the next continuation when the current one is used up; false at the very end. */
  private ensure(): boolean {
    while (this.pos >= this.cur.length) {
      if (this.part >= this.rec.parts.length - 1) return false;
      this.part++;
      this.pos = 0;
    }
    return true;
  }

  get atEnd(): boolean {
    return !this.ensure();
  }

  u8(): number {
    if (!this.ensure()) return 0;
    return this.cur[this.pos++]!;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  f64(): number {
    const b = new Uint8Array(8);
    for (let i = 0; i < 8; i++) b[i] = this.u8();
    return new DataView(b.buffer).getFloat64(0, true);
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      if (!this.ensure()) return;
      const step = Math.min(left, this.cur.length - this.pos);
      this.pos += step;
      left -= step;
    }
  }

  /** `cch` characters; at a continuation boundary a new flags byte says whether the rest is UTF-16. */
  chars(cch: number, highByte: boolean): string {
    let out = "";
    let wide = highByte;
    for (let i = 0; i < cch; i++) {
      if (this.pos >= this.cur.length) {
        if (!this.ensure()) break;
        wide = (this.u8() & 1) === 1;
      }
      out += String.fromCharCode(wide ? this.u16() : this.u8());
    }
    return out;
  }

  /** XLUnicodeRichExtendedString (SST entries, LABEL): cch, flags, [runs], [ext], chars, then skipped runs/ext. */
  richString(cchBytes: 1 | 2 = 2): string {
    const cch = cchBytes === 2 ? this.u16() : this.u8();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(cch, (flags & 1) === 1);
    this.skip(runs * 4 + ext);
    return text;
  }
}
