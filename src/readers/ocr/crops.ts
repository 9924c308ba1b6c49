import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodePgm } from "./pnm.js";
import { runTesseract } from "./tesseract.js";
import { parseTsv, type ParsedTsv } from "./tsv.js";
import type { GrayBitmap } from "./types.js";

/** How the crops are read: the recognizer's language, resolution, limit and optional config (a whitelist). */
export interface CropRead {
  lang: string;
  dpi: number;
  timeoutMs: number;
  config?: Record<string, string>;
}

/**
 * Read several crops in one Tesseract run (one process start instead of one per crop): each crop is written to a
 * temporary folder and listed in a list file. A word's `image` is the index of its crop in `images`.
 */
export async function readCrops(images: readonly GrayBitmap[], psm: number, read: CropRead): Promise<ParsedTsv> {
  const dir = await mkdtemp(join(tmpdir(), "ocr-crops-"));
  try {
    const paths = await Promise.all(images.map(async (image, i) => {
      const path = join(dir, `${i}.pgm`);
      await writeFile(path, encodePgm(image));
      return path;
    }));
    const list = join(dir, "list.txt");
    await writeFile(list, `${paths.join("\n")}\n`);
    return parseTsv(await runTesseract({ image: list, lang: read.lang, psm, dpi: read.dpi, timeoutMs: read.timeoutMs, ...(read.config ? { config: read.config } : {}) }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Mean confidence of a reading weighted by characters: a long sure word outweighs a short unsure one; none: `empty`. */
export function charConfidence(words: readonly { text: string; confidence: number }[], empty = 0): number {
  let chars = 0;
  let sum = 0;
  for (const w of words) {
    const n = Array.from(w.text).length;
    chars += n;
    sum += w.confidence * n;
  }
  return chars === 0 ? empty : sum / chars;
}
