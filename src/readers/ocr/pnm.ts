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

/** The bitmap scaled by `factor` (< 1 shrinks), each output pixel the mean of the input pixels it covers. */
export function scaleGray(bitmap: GrayBitmap, factor: number): GrayBitmap {
  const width = Math.max(1, Math.round(bitmap.width * factor));
  const height = Math.max(1, Math.round(bitmap.height * factor));
  const gray = new Uint8Array(width * height);
  const sx = bitmap.width / width;
  const sy = bitmap.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(bitmap.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(bitmap.width, Math.floor((x + 1) * sx)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += bitmap.gray[yy * bitmap.width + xx] ?? 255;
      gray[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { width, height, gray, dpi: bitmap.dpi * factor };
}

/** The bitmap turned clockwise by 90, 180 or 270 degrees. */
export function rotateGray(bitmap: GrayBitmap, degrees: number): GrayBitmap {
  const { width: w, height: h, gray } = bitmap;
  const turns = ((Math.round(degrees / 90) % 4) + 4) % 4;
  if (turns === 0) return bitmap;
  const width = turns === 2 ? w : h;
  const height = turns === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = turns === 1 ? [h - 1 - y, x] : turns === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      out[ny * width + nx] = gray[y * w + x] ?? 255;
    }
  }
  return { width, height, gray: out, dpi: bitmap.dpi };
}
