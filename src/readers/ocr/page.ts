import { rereadCells } from "./cells.js";
import { digitPass } from "./digits.js";
import { encodePgm, rotateGray } from "./pnm.js";
import { rereadLines } from "./relines.js";
import { eraseRulings, findRulings } from "./rulings.js";
import { OCR_SETTINGS } from "./settings.js";
import { ENGINE, OcrTimeout, runTesseract } from "./tesseract.js";
import { joinRuns, parseTsv, type OcrRun } from "./tsv.js";
import type { GrayBitmap, OcrFragment, OcrPageOptions, OcrPageResult } from "./types.js";

/**
 * Recognize one page image. A page read with little confidence is checked for its orientation (Tesseract's OSD): a
 * table printed sideways on a portrait page is turned upright and read again, and the surer reading is kept (its
 * coordinates are then those of the upright page, `rotated` says by how much).
 */
export async function ocrPage(bitmap: GrayBitmap, options: OcrPageOptions = {}): Promise<OcrPageResult> {
  const started = Date.now();
  const limit = options.timeoutMs ?? OCR_SETTINGS.pageTimeoutMs;
  const first = await readUpright(bitmap, options);
  if (options.orientation === false || first.fragments.length === 0 || first.confidence >= OCR_SETTINGS.orientationCheckBelow) return first;
  const left = limit - (Date.now() - started);
  const rotate = left > 0 ? await detectRotation(bitmap, left) : 0;
  if (rotate === 0) return first;
  const upright = await readUpright(rotateGray(bitmap, rotate), { ...options, timeoutMs: Math.max(1, limit - (Date.now() - started)) });
  return upright.confidence > first.confidence ? { ...upright, rotated: rotate } : first;
}

/** Degrees (90, 180, 270) to turn the page clockwise so its text stands upright; 0 when upright or unsure. */
async function detectRotation(bitmap: GrayBitmap, timeoutMs: number): Promise<number> {
  try {
    const out = await runTesseract({ image: "stdin", input: encodePgm(bitmap), lang: "osd", psm: 0, dpi: bitmap.dpi, timeoutMs, output: "text" });
    const rotate = Number(/^Rotate:\s*(\d+)/m.exec(out)?.[1] ?? 0);
    const confidence = Number(/^Orientation confidence:\s*([\d.]+)/m.exec(out)?.[1] ?? 0);
    return confidence >= OCR_SETTINGS.minOrientationConfidence ? rotate : 0;
  } catch (e) {
    if (e instanceof OcrTimeout) throw e;
    return 0; // no osd model, or too little text to tell: the page is read as it stands
  }
}

/**
 * One upright page: find its table rules, read the text, re-read large and letter-spaced lines and the figures.
 * Everything comes back in PDF points with a top-left origin, ready for the layout engine.
 */
async function readUpright(bitmap: GrayBitmap, options: OcrPageOptions): Promise<OcrPageResult> {
  const deadline = Date.now() + (options.timeoutMs ?? OCR_SETTINGS.pageTimeoutMs);
  const left = (): number => {
    const ms = deadline - Date.now();
    if (ms <= 0) throw new OcrTimeout(options.timeoutMs ?? OCR_SETTINGS.pageTimeoutMs);
    return ms;
  };
  const t0 = performance.now();
  const lines = findRulings(bitmap);
  const clean = OCR_SETTINGS.eraseRules ? eraseRulings(bitmap, lines) : bitmap;
  const rulesMs = performance.now() - t0;
  const t1 = performance.now();
  const tsv = await runTesseract({
    image: "stdin",
    input: encodePgm(clean),
    lang: options.lang ?? OCR_SETTINGS.lang,
    psm: OCR_SETTINGS.psm,
    dpi: bitmap.dpi,
    config: { preserve_interword_spaces: "1" },
    timeoutMs: left(),
  });
  const px = bitmap.dpi / 72;
  const ruleXs = lines.filter((l) => l.x1 === l.x2).map((l) => l.x1 * px);
  const inkOnly = OCR_SETTINGS.eraseRules ? clean : eraseRulings(bitmap, lines);
  const lineRead = options.rereadLines === false ? parseTsv(tsv) : await rereadLines(clean, parseTsv(tsv), left());
  const parsed = options.rereadLines === false ? lineRead : await rereadCells(inkOnly, lineRead, lines, left());
  const runs = joinRuns(parsed, ruleXs);
  const verdicts = options.digitPass === false ? new Map() : await digitPass(clean, runs, left());
  const fragments = runs.map((r) => toFragment(inkBox(inkOnly, r), px, verdicts.get(r)));
  return {
    fragments,
    lines,
    width: bitmap.width / px,
    height: bitmap.height / px,
    confidence: meanConfidence(fragments),
    engine: ENGINE,
    timing: { recognizeMs: performance.now() - t1, rulesMs },
  };
}

/**
 * The run's box shrunk to the ink inside it (rules erased): Tesseract's word and line boxes run up to 4 pt past the
 * glyphs (a border or a mark touching them), and evidence boxes must land on the text as the text PDF's do.
 */
export function inkBox<T extends { left: number; top: number; width: number; height: number }>(bitmap: GrayBitmap, r: T): T {
  const x0 = Math.max(0, Math.floor(r.left));
  const x1 = Math.min(bitmap.width, Math.ceil(r.left + r.width));
  const y0 = Math.max(0, Math.floor(r.top));
  const y1 = Math.min(bitmap.height, Math.ceil(r.top + r.height));
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if ((bitmap.gray[y * bitmap.width + x] ?? 255) >= OCR_SETTINGS.inkThreshold) continue;
      if (y < top) top = y;
      bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  if (top === Infinity) return r;
  return { ...r, left, top, width: right - left + 1, height: bottom - top + 1 };
}

function toFragment(r: OcrRun, px: number, verdict: { text: string; confidence: number; uncertain: boolean; digitPass: boolean } | undefined): OcrFragment {
  const pt = (v: number): number => Math.round((v / px) * 100) / 100;
  const frag: OcrFragment = {
    text: verdict?.text ?? r.text,
    x: pt(r.left),
    y: pt(r.top),
    width: pt(r.width),
    height: pt(r.height),
    confidence: Math.round((verdict?.confidence ?? r.confidence) * 1000) / 1000,
  };
  if (verdict?.uncertain) frag.uncertain = true;
  if (verdict?.digitPass) frag.digitPass = true;
  return frag;
}

/** Character-weighted mean confidence; a blank page is not an unsure one. */
export function meanConfidence(fragments: readonly { text: string; confidence: number }[]): number {
  let chars = 0;
  let sum = 0;
  for (const f of fragments) {
    const n = Array.from(f.text).length;
    chars += n;
    sum += f.confidence * n;
  }
  return chars === 0 ? 1 : Math.round((sum / chars) * 100) / 100;
}
