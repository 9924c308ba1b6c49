/**
 * The OLE2 compound file container (MS-CFB) of .xls: just enough to read one named stream. Every sector number and
 * chain is bounds-checked and chains are cut at the sector count, so a hostile file ends as "corrupt", never a hang.
 */
import { ExtractError } from "../../errors.js";

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;

function corrupt(why: string): ExtractError {
  return new ExtractError("corrupt", `The .xls container is damaged (${why}); open it in Excel/WPS and save it again.`);
}

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly fat: number[];
  private readonly entries: { name: string; type: number; start: number; size: number }[];

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512) throw corrupt("shorter than its header");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw corrupt(`sector shift ${shift}`);
    this.sectorSize = 1 << shift;
    this.fat = this.readFat();
    this.entries = this.readDirectory();
  }

  private get sectorCount(): number {
    return Math.floor((this.bytes.length - this.sectorSize) / this.sectorSize) + 1;
  }

  private sector(n: number): Uint8Array {
    const start = (n + 1) * this.sectorSize;
    if (n < 0 || start + this.sectorSize > this.bytes.length + this.sectorSize) throw corrupt(`sector ${n} out of range`);
    return this.bytes.subarray(start, Math.min(start + this.sectorSize, this.bytes.length));
  }

  private u32(buf: Uint8Array, off: number): number {
    return new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(off, true);
  }

  /** FAT sector numbers: 109 in the header, then the DIFAT chain. */
  private readFat(): number[] {
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const s = this.view.getUint32(0x4c + i * 4, true);
      if (s !== FREE_SECT && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    let difat = this.view.getUint32(0x44, true);
    const perSector = this.sectorSize / 4 - 1;
    for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE_SECT; guard++) {
      if (guard > this.sectorCount) throw corrupt("DIFAT chain loops");
      const sec = this.sector(difat);
      for (let i = 0; i < perSector; i++) {
        const s = this.u32(sec, i * 4);
        if (s !== FREE_SECT && s !== END_OF_CHAIN) fatSectors.push(s);
      }
      difat = this.u32(sec, perSector * 4);
    }
    const fat: number[] = [];
    for (const s of fatSectors) {
      const sec = this.sector(s);
      for (let i = 0; i + 4 <= sec.length; i += 4) fat.push(this.u32(sec, i));
    }
    return fat;
  }

  private chain(start: number, table: number[]): number[] {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && s !== FREE_SECT; s = table[s] ?? END_OF_CHAIN) {
      if (out.length > table.length) throw corrupt("sector chain loops");
      out.push(s);
    }
    return out;
  }

  private readChain(start: number, size: number): Uint8Array {
    const parts = this.chain(start, this.fat).map((s) => this.sector(s));
    const all = Buffer.concat(parts);
    return all.subarray(0, Math.min(size, all.length));
  }

  private readDirectory(): { name: string; type: number; start: number; size: number }[] {
    const dir = this.readChain(this.view.getUint32(0x30, true), Number.MAX_SAFE_INTEGER);
    const out = [];
    for (let off = 0; off + 128 <= dir.length; off += 128) {
      const e = new DataView(dir.buffer, dir.byteOffset + off, 128);
      const nameLen = Math.min(e.getUint16(0x40, true), 64);
      const name = Buffer.from(dir.subarray(off, off + Math.max(0, nameLen - 2))).toString("utf16le");
      out.push({ name, type: e.getUint8(0x42), start: e.getUint32(0x74, true), size: e.getUint32(0x78, true) });
    }
    return out;
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.type === 2 && e.name === name);
  }

  /** A stream's bytes; streams under the cutoff live in the mini stream. */
  stream(name: string): Uint8Array | undefined {
    const entry = this.entries.find((e) => e.type === 2 && e.name === name);
    if (!entry) return undefined;
    const cutoff = this.view.getUint32(0x38, true);
    if (entry.size >= cutoff) return this.readChain(entry.start, entry.size);
    const root = this.entries[0];
    if (!root) throw corrupt("no root entry");
    const mini = this.readChain(root.start, root.size);
    const miniFatBytes = this.readChain(this.view.getUint32(0x3c, true), Number.MAX_SAFE_INTEGER);
    const miniFat: number[] = [];
    for (let i = 0; i + 4 <= miniFatBytes.length; i += 4) miniFat.push(this.u32(miniFatBytes, i));
    const miniSize = 1 << this.view.getUint16(0x20, true);
    const parts = this.chain(entry.start, miniFat).map((s) => mini.subarray(s * miniSize, s * miniSize + miniSize));
    return Buffer.concat(parts).subarray(0, entry.size);
  }
}
