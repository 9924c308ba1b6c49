/**
 * Byte-level builders for hostile inputs. Everything is generated at test time (nothing big is committed):
 * a zip writer that can lie in its headers or point several entries at the same data, a minimal Compound File
 * (OLE/CFB) writer, a minimal PDF writer with an optional /Encrypt dictionary, and a bare .docx package.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { seededBytes } from "../fixtures/seeded-bytes.js";
import { buildPdf, type PdfOptions } from "../fixtures/pdf.js";

// ---------------------------------------------------------------- zip

export interface ZipEntry {
  name: string;
  /** Bytes as stored in the archive (already deflated when method is 8). */
  stored: Uint8Array;
  /** 0 = stored, 8 = deflate. */
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare (a bomb may lie here). */
  declaredSize: number;
}

/** A deflated entry whose headers tell the truth. */
export function deflatedEntry(name: string, data: Uint8Array | string): ZipEntry {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return { name, stored: deflateRawSync(bytes), method: 8, crc: crc32(bytes), declaredSize: bytes.length };
}

export interface ZipOptions {
  /**
   * Extra central-directory records that point at the local header of an existing entry (by index) under another
   * name: the "overlapping files" construction of non-recursive zip bombs, where one compressed kernel is counted
   * many times.
   */
  aliases?: { of: number; name: string }[];
}

/** Writes a zip (local headers, data, central directory, end record) exactly as told, lies included. */
export function writeZip(entries: ZipEntry[], options: ZipOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    chunks.push(local, name, Buffer.from(e.stored));
    offset += local.length + name.length + e.stored.length;
  }
  const central: Buffer[] = [];
  const record = (e: ZipEntry, name: Buffer, at: number): void => {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(0x0800, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt32LE(e.crc >>> 0, 16);
    h.writeUInt32LE(e.stored.length, 20);
    h.writeUInt32LE(e.declaredSize >>> 0, 24);
    h.writeUInt16LE(name.length, 28);
    h.writeUInt32LE(at, 42);
    central.push(h, name);
  };
  entries.forEach((e, i) => record(e, Buffer.from(e.name, "utf8"), offsets[i]!));
  for (const a of options.aliases ?? []) record(entries[a.of]!, Buffer.from(a.name, "utf8"), offsets[a.of]!);
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const count = entries.length + (options.aliases?.length ?? 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/**
 * Deflates `totalBytes` zeros without ever holding them: the same zero block is fed to one raw-deflate stream.
 * 1 GiB of zeros compresses to about 1 MB.
 */
export async function deflateZeros(totalBytes: number): Promise<{ stored: Buffer; crc: number }> {
  const { createDeflateRaw } = await import("node:zlib");
  const block = Buffer.alloc(Math.min(totalBytes, 4 * 1024 * 1024));
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  for (let left = totalBytes; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { stored: Buffer.concat(out), crc };
}

// ---------------------------------------------------------------- docx

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
export const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** word/document.xml around a body (optionally after a prolog such as a DOCTYPE). */
export function documentXml(body: string, prolog = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;
}

export function para(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A minimal Word package: content types, relationships, the document part, plus any extra entries. */
export function docxPackage(document: string, extra: ZipEntry[] = [], options: ZipOptions = {}): Buffer {
  return writeZip(
    [deflatedEntry("[Content_Types].xml", CONTENT_TYPES), deflatedEntry("_rels/.rels", ROOT_RELS), deflatedEntry("word/document.xml", document), ...extra],
    options,
  );
}

/** A table nested `depth` deep: every cell holds the next table (Word itself stops at 64 levels). */
export function nestedTables(depth: number, innermost: string): string {
  return "<w:tbl><w:tr><w:tc>".repeat(depth) + para(innermost) + "</w:tc></w:tr></w:tbl>".repeat(depth);
}

// ---------------------------------------------------------------- OLE / Compound File Binary

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * A version-3 compound file holding the given streams in the root storage. Streams are padded to 4096 bytes so
 * they live in regular sectors (no mini stream needed). Enough for any CFB reader to list the directory.
 */
export function writeCfb(streams: { name: string; data: Uint8Array }[]): Buffer {
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const buf = Buffer.alloc(size);
    buf.set(s.data);
    return { name: s.name, data: buf, size: Math.max(4096, s.data.length) };
  });
  const entries = 1 + padded.length;
  const dirSectors = Math.ceil((entries * 128) / SECTOR);
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  // One FAT sector maps 128 sectors; grow until the FAT covers itself too.
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dirSectors + dataSectors) fatSectors++;
  const total = fatSectors + dirSectors + dataSectors;
  const fat = new Uint32Array(fatSectors * 128).fill(FREESECT);
  for (let i = 0; i < fatSectors; i++) fat[i] = FATSECT;
  const chain = (start: number, count: number): void => {
    for (let i = 0; i < count; i++) fat[start + i] = i === count - 1 ? ENDOFCHAIN : start + i + 1;
  };
  const dirStart = fatSectors;
  chain(dirStart, dirSectors);
  let next = dirStart + dirSectors;
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(next);
    chain(next, s.data.length / SECTOR);
    next += s.data.length / SECTOR;
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREESECT, 76 + i * 4);

  const dir = Buffer.alloc(dirSectors * SECTOR);
  const writeEntry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number): void => {
    const at = i * 128;
    const n = Buffer.from(`${name}\0`, "utf16le");
    n.copy(dir, at);
    dir.writeUInt16LE(n.length, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67); // black
    dir.writeUInt32LE(NOSTREAM, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  // Siblings as a right-leaning chain: a valid (if unbalanced) red-black tree when all nodes are black.
  writeEntry(0, "Root Entry", 5, padded.length > 0 ? 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  padded.forEach((s, i) => writeEntry(i + 1, s.name, 2, NOSTREAM, i + 2 <= padded.length ? i + 2 : NOSTREAM, starts[i]!, s.size));
  for (let i = entries; i < dirSectors * 4; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  const fatBytes = Buffer.from(fat.buffer);
  const out = Buffer.concat([header, fatBytes, dir, ...padded.map((s) => s.data)]);
  if (out.length !== SECTOR * (1 + total)) throw new Error("CFB layout mismatch");
  return out;
}

/** A password-protected .docx as Word writes it: an OLE container with EncryptionInfo and EncryptedPackage. */
export function encryptedOoxml(): Buffer {
  // Agile encryption header: version 4.4, flags 0x40, then an XML descriptor (content irrelevant here).
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0"?><encryption/>', "utf8")]);
  const pkg = Buffer.alloc(8 + 2048);
  pkg.writeUInt32LE(2048, 0);
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 131) & 0xff; // ciphertext stand-in
  return writeCfb([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: pkg },
  ]);
}

// ---------------------------------------------------------------- PDF

export type { PdfOptions } from "../fixtures/pdf.js";

/** A well-formed one-page PDF (correct xref offsets) that draws `text`. */
export function writePdf(text: string, options: PdfOptions = {}): Buffer {
  return buildPdf([`BT /F1 12 Tf 72 700 Td (${text}) Tj ET`], options);
}

// ---------------------------------------------------------------- misc

/** Deterministic pseudo-random bytes, so a failure reproduces. */
export function randomBytes(length: number, seed = 0x9e3779b9): Buffer {
  return seededBytes(length, seed);
}
