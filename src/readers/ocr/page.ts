import { rereadBoxes, rereadCells } from "./cells.js";
import { charConfidence } from "./crops.js";
import { digitPass } from "./digits.js";
import { estimateEdges } from "../layout/fragments.js";
import { encodePgm, rotateGray } from "./pnm.js";
import { rereadFolios } from "./folios.js";
import { mergedLineRegions } from "./merged.js";
import { rereadLines } from "./relines.js";
import { rereadOrganWords } from "./vocabulary.js";
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
    const out = await runTesseract({ image: "stdin", input: encodePgm(bitmap), lang: OCR_SETTINGS.osdLang, psm: OCR_SETTINGS.osdPsm, dpi: bitmap.dpi, timeoutMs, output: "text" });
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
  const pageRead = parseTsv(tsv);
  const unmerged = options.rereadLines === false ? pageRead : await rereadFolios(clean, await rereadBoxes(clean, pageRead, mergedLineRegions(pageRead, ruleXs), left()), left());
  const lineRead = options.rereadLines === false ? unmerged : await rereadLines(clean, unmerged, left());
  const celled = options.rereadLines === false ? lineRead : await rereadCells(inkOnly, lineRead, lines, left());
  const parsed = options.rereadLines === false ? celled : await rereadOrganWords(clean, celled, left());
  const runs = joinRuns(parsed, ruleXs);
  const verdicts = options.digitPass === false ? new Map() : await digitPass(clean, runs, left());
  const fragments = emBoxes(runs.map((r) => toFragment(inkBox(inkOnly, r), px, verdicts.get(r), glyphEdges(inkOnly, r))));
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

/**
 * Left and right edge of each UTF-16 unit of the run's text, in pixels: each word's glyphs spread over that word's
 * ink (Tesseract boxes each word), so an evidence box lands on its figure as a text layer's glyph boxes do. Undefined
 * when the run's text no longer is its words' (a border stripped, a label's colon restored).
 */
export function glyphEdges(bitmap: GrayBitmap, r: OcrRun, settings = OCR_SETTINGS): number[] | undefined {
  if (r.spans.map((s) => s.text).join("") !== r.text) return undefined;
  const inks = r.spans.map((s) => (s.text.trim() === "" ? s : inkBox(bitmap, { left: s.left, top: r.top, width: s.width, height: r.height })));
  // A text layer boxes a glyph by its advance, which runs past the ink by the side bearings: widen each word's ink
  // by a bearing, never past half the gap to the next word.
  const bearing = r.height * settings.sideBearingEms;
  return inks.flatMap((ink, i) => {
    const prev = inks[i - 1];
    const next = inks[i + 1];
    const before = Math.min(bearing, prev ? (ink.left - (prev.left + prev.width)) / 2 : bearing);
    const after = Math.min(bearing, next ? (next.left - (ink.left + ink.width)) / 2 : bearing);
    return estimateEdges(r.spans[i]!.text, ink.left - Math.max(0, before), ink.width + Math.max(0, before) + Math.max(0, after));
  });
}

function toFragment(r: OcrRun, px: number, verdict: { text: string; confidence: number; uncertain: boolean; digitPass: boolean } | undefined, edges?: number[]): OcrFragment {
  const pt = (v: number): number => Math.round((v / px) * 100) / 100;
  const frag: OcrFragment = {
    text: verdict?.text ?? r.text,
    x: pt(r.left),
    y: pt(r.top),
    width: pt(r.width),
    height: pt(r.height),
    confidence: Math.round((verdict?.confidence ?? r.confidence) * 1000) / 1000,
  };
  // The digit pass may replace the text; edges of a text that changed length no longer fit it.
  if (edges && edges.length === frag.text.length * 2) frag.charEdges = edges.map(pt);
  if (verdict?.uncertain) frag.uncertain = true;
  if (verdict?.digitPass) frag.digitPass = true;
  return frag;
}

/**
 * Line boxes as a text layer gives them: an ink box is as tall as its tallest glyph, so a line of figures
 * ("41,332.96万元。") sits lower and shorter than the Chinese lines around it, and the layout engine took the wider gap
 * above it for a paragraph break. A run is given the height of the same-size Chinese text on the page (the median
 * ink height of Chinese runs up to emSizeSlack times taller), bottom-aligned; as a text layer's font box is.
 */
export function emBoxes(fragments: OcrFragment[], settings = OCR_SETTINGS): OcrFragment[] {
  const cjk = fragments.filter((f) => /[\u4e00-\u9fff]/.test(f.text)).map((f) => f.height).sort((a, b) => a - b);
  return fragments.map((f) => {
    const peers = cjk.filter((h) => h > f.height && h <= f.height * settings.emSizeSlack);
    const em = peers[Math.floor(peers.length / 2)];
    if (em === undefined || peers.length < settings.emMinPeers) return f;
    const bottom = f.y + f.height;
    // The em box is also the glyph box: a text layer boxes glyphs by their font's ascent and descent, not their ink.
    return { ...f, y: Math.round((bottom - em) * 100) / 100, height: em };
  });
}

/** Character-weighted mean confidence to two places; a blank page is not an unsure one. */
export function meanConfidence(fragments: readonly { text: string; confidence: number }[]): number {
  return Math.round(charConfidence(fragments, 1) * 100) / 100;
}
