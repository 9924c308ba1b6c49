/**
 * A PNG reader for the tests, written from the PNG specification (not from src/util/png.ts): IHDR, the IDAT
 * stream, all five row filters, 8-bit gray/RGB/RGBA and 4-bit gray. Returns 8-bit samples, `channels` per pixel.
 */
import { inflateSync } from "node:zlib";

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  channels: number;
  /** 8-bit samples, rows top to bottom (4-bit gray scaled ×17). */
  pixels: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

export function decodePng(png: Uint8Array): DecodedPng {
  const buf = Buffer.from(png);
  if (buf.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG signature");
  let at = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString("latin1");
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") header = body;
    if (type === "IDAT") idat.push(body);
    if (type === "IEND") break;
    at += 12 + len;
  }
  if (!header) throw new Error("no IHDR");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8]!;
  const colorType = header[9]!;
  const channels = CHANNELS[colorType];
  if (!channels || (bitDepth !== 8 && !(bitDepth === 4 && colorType === 0))) throw new Error(`unsupported ${bitDepth}-bit type ${colorType}`);
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const bpp = Math.max(1, (channels * bitDepth) / 8);
  const raw = inflateSync(Buffer.concat(idat));
  const rows = unfilter(raw, stride, height, bpp);
  return { width, height, bitDepth, colorType, channels, pixels: bitDepth === 8 ? rows : unpackNibbles(rows, width, height, stride) };
}

function unfilter(raw: Buffer, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`bad filter ${filter} on row ${y}`);
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return out;
}

function unpackNibbles(rows: Uint8Array, width: number, height: number, stride: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = rows[y * stride + (x >> 1)]!;
      out[y * width + x] = (x & 1 ? byte & 0x0f : byte >> 4) * 17;
    }
  }
  return out;
}

/** The sample(s) of pixel (x, y). */
export function pixelAt(img: DecodedPng, x: number, y: number): number[] {
  const at = (y * img.width + x) * img.channels;
  return [...img.pixels.subarray(at, at + img.channels)];
}
