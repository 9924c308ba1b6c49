import type { GrayBitmap } from "./types.js";

/** Binary PGM (P5): the simplest image format Tesseract (leptonica) and pdftoppm both speak. */
export function encodePgm(bitmap: Pick<GrayBitmap, "width" | "height" | "gray">): Buffer {
  const header = Buffer.from(`P5\n${bitmap.width} ${bitmap.height}\n255\n`, "latin1");
  return Buffer.concat([header, Buffer.from(bitmap.gray.buffer, bitmap.gray.byteOffset, bitmap.width * bitmap.height)]);
}

/** Parse a binary PGM (P5, maxval 255) as pdftoppm -gray writes it. */
export function decodePgm(bytes: Uint8Array, dpi: number): GrayBitmap {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < bytes.length) {
    const ch = bytes[i] ?? 0;
    if (ch === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++; // comment line
    } else if (ch > 0x20) {
      let token = "";
      while (i < bytes.length && (bytes[i] ?? 0) > 0x20) token += String.fromCharCode(bytes[i++] ?? 0);
      fields.push(token);
      continue;
    }
    i++;
  }
  i++; // the single whitespace byte after maxval
  const [magic, w, h, max] = fields;
  const width = Number(w);
  const height = Number(h);
  if (magic !== "P5" || Number(max) !== 255 || !(width > 0) || !(height > 0) || bytes.length - i < width * height) {
    throw new Error(`not an 8-bit binary PGM (${fields.join(" ")})`);
  }
  return { width, height, gray: bytes.slice(i, i + width * height), dpi };
}

/** A rectangle of the bitmap, copied (for the digit pass). */
export function cropGray(bitmap: GrayBitmap, x: number, y: number, w: number, h: number): GrayBitmap {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(bitmap.width, Math.ceil(x + w));
  const y1 = Math.min(bitmap.height, Math.ceil(y + h));
  const cw = Math.max(1, x1 - x0);
  const ch = Math.max(1, y1 - y0);
  const gray = new Uint8Array(cw * ch).fill(255);
  for (let row = 0; row < ch && y0 + row < bitmap.height; row++) {
    const start = (y0 + row) * bitmap.width + x0;
    gray.set(bitmap.gray.subarray(start, start + Math.min(cw, bitmap.width - x0)), row * cw);
  }
  return { width: cw, height: ch, gray, dpi: bitmap.dpi };
}
