/**
 * A minimal PNG encoder (node:zlib, no dependency): 8-bit grayscale, RGB or RGBA, or 4-bit grayscale; no interlace,
 * filter "Up" on every row (scanned and rendered pages compress well with it, and it costs one subtraction per byte).
 */
import { deflateSync } from "node:zlib";

export interface RasterImage {
  width: number;
  height: number;
  /** 1 = grayscale, 3 = RGB, 4 = RGBA. */
  channels: 1 | 3 | 4;
  /** Rows top to bottom, `width × channels` bytes each, no padding. */
  data: Uint8Array;
}

const COLOR_TYPE = { 1: 0, 3: 2, 4: 6 } as const;

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  for (let i = 0; i < bytes.length; i++) crc = (crcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return crc;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "latin1");
  out.set(body, 8);
  out.writeUInt32BE((crc32(out.subarray(4, 8 + body.length)) ^ 0xffffffff) >>> 0, 8 + body.length);
  return out;
}

export interface PngOptions {
  /**
   * 4 stores a grayscale image with 16 levels (rounded), two pixels a byte: half the size of 8 bits for a rendered
   * text page, and anti-aliased glyphs still read (the report's page images). Ignored for RGB/RGBA.
   */
  bitDepth?: 4 | 8;
}

/** Encode an image as PNG bytes. */
export function encodePng(img: RasterImage, options: PngOptions = {}): Buffer {
  const { width, height, channels } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || img.data.length < width * channels * height) {
    throw new RangeError(`encodePng: ${width}×${height}×${channels} needs ${width * channels * height} bytes, got ${img.data.length}`);
  }
  const nibbles = channels === 1 && options.bitDepth === 4;
  const data = nibbles ? packNibbles(img) : img.data;
  const stride = nibbles ? Math.ceil(width / 2) : width * channels;
  const filtered = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const o = y * (stride + 1);
    filtered[o] = 2; // Up
    for (let x = 0; x < stride; x++) filtered[o + 1 + x] = ((data[row + x] ?? 0) - (y > 0 ? data[row - stride + x] ?? 0 : 0)) & 0xff;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = nibbles ? 4 : 8;
  header[9] = COLOR_TYPE[channels];
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(filtered, { level: 6 })), chunk("IEND", new Uint8Array(0))]);
}

/** 8-bit gray → 4-bit gray, two pixels a byte (high nibble first), each row padded to a whole byte. */
function packNibbles(img: RasterImage): Uint8Array {
  const stride = Math.ceil(img.width / 2);
  const out = new Uint8Array(stride * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      // Rounded to the nearest of 16 levels (0, 17, … 255): white stays white, black stays black.
      const level = Math.round((img.data[y * img.width + x] ?? 255) / 17);
      const at = y * stride + (x >> 1);
      out[at] = (out[at] ?? 0) | (x & 1 ? level : level << 4);
    }
  }
  return out;
}
