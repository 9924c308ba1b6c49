/**
 * A minimal PNG encoder (node:zlib, no dependency): 8-bit grayscale, RGB or RGBA, no interlace, filter "Up" on
 * every row (scanned and rendered pages compress well with it, and it costs one subtraction per byte).
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

/** Encode an image as PNG bytes. */
export function encodePng(img: RasterImage): Buffer {
  const { width, height, channels, data } = img;
  const stride = width * channels;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || data.length < stride * height) {
    throw new RangeError(`encodePng: ${width}×${height}×${channels} needs ${stride * height} bytes, got ${data.length}`);
  }
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
  header[8] = 8;
  header[9] = COLOR_TYPE[channels];
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(filtered, { level: 6 })), chunk("IEND", new Uint8Array(0))]);
}
