import { charConfidence, readCrops } from "./crops.js";
import { cropGray, scaleGray } from "./pnm.js";
import { OCR_SETTINGS } from "./settings.js";
import type { LineBox, OcrWord, ParsedTsv } from "./tsv.js";
import type { GrayBitmap } from "./types.js";

/** A line to read again: its crop, and how a word of the crop's reading maps back onto the page. */
interface Reread {
  key: string;
  image: GrayBitmap;
  toPage: (w: OcrWord, all: readonly OcrWord[]) => OcrWord;
}

/**
 * Two kinds of line come back with wrong characters from the page pass, and are read again on their own crop, all
 * crops in one Tesseract run (psm 7, one line each):
 * - lines printed much larger than the model reads best (bold table titles, 16 pt narrative at 200 dpi:
 *   "收文预算总表" for 收支预算总表), scaled down to the model's preferred line height;
 * - letter-spaced headings ("目　　录", "说　明"), whose isolated glyphs the model reads without context ("日 对"):
 *   the glyphs are set side by side on the crop, and the reading spans the line;
 * - lines with an unsure Chinese word, on their crop as printed: alone on a line the model reads
 *   "部门：中共江苏省委办公厅" where the page pass gave 办公打 (0.63).
 * The new reading is kept unless it is empty or clearly less sure: the model's confidences barely tell the two
 * apart (0.88 for the wrong title, 0.88 for the right one). It is for the wording: where its figures differ from the
 * first reading's ("9"964.07" for 9964.07 on a scaled 16 pt line), the first stands, as the digit pass re-reads those.
 */
export async function rereadLines(bitmap: GrayBitmap, parsed: ParsedTsv, timeoutMs: number, settings = OCR_SETTINGS): Promise<ParsedTsv> {
  const byLine = new Map<string, OcrWord[]>();
  for (const w of parsed.words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const rereads: Reread[] = [];
  for (const [key, words] of byLine) {
    const box = parsed.lineBoxes.get(key);
    if (!box) continue;
    const spaced = letterSpaced(words, box, settings);
    if (spaced) rereads.push(closedUp(bitmap, key, spaced, box, settings));
    else if (medianHeight(words) < box.height * settings.minWordShareOfLine) continue;
    else if (box.height > settings.lineTargetPx * settings.rereadLinesAbove) rereads.push(scaledLine(bitmap, key, box, settings, settings.lineTargetPx / box.height));
    else if (words.some((w) => w.confidence < settings.lineRereadBelow && /[\u4e00-\u9fff]/.test(w.text))) rereads.push(scaledLine(bitmap, key, box, settings, 1));
  }
  if (rereads.length === 0) return parsed;
  const images = rereads.map((r) => r.image);
  const dpi = Math.round(images[0]?.dpi ?? settings.dpi);
  const reread = (await readCrops(images, settings.linePsm, { lang: settings.lang, dpi, timeoutMs })).words;
  let words = parsed.words;
  rereads.forEach((r, i) => {
    const read = reread.filter((w) => w.image === i);
    const mine = read.map((w) => r.toPage(w, read)).filter((w) => w.text !== "");
    const before = words.filter((w) => w.line === r.key);
    if (mine.length > 0 && charConfidence(mine) >= charConfidence(before) - settings.rereadConfidenceSlack && figuresOf(mine) === figuresOf(before)) {
      words = [...words.filter((w) => w.line !== r.key), ...mine];
    }
  });
  return { words, lineBoxes: parsed.lineBoxes };
}

/** A line's crop, scaled (a large line to lineTargetPx high, others as printed); its words map back through the scale. */
function scaledLine(bitmap: GrayBitmap, key: string, box: LineBox, settings: typeof OCR_SETTINGS, scale: number): Reread {
  const pad = Math.round(box.height * settings.lineCropPadding);
  const x = Math.max(0, box.left - pad);
  const y = Math.max(0, box.top - pad);
  const image = scaleGray(cropGray(bitmap, x, y, box.width + 2 * pad, box.height + 2 * pad), scale);
  const toPage = (w: OcrWord): OcrWord => ({
    ...w,
    image: 0,
    line: key,
    left: Math.round(x + w.left / scale),
    top: Math.round(y + w.top / scale),
    width: Math.round(w.width / scale),
    height: Math.round(w.height / scale),
  });
  return { key, image, toPage };
}

/** Words of one glyph each, at least letterSpacedGapEms apart: a heading set letter-spaced. */
function letterSpaced(words: readonly OcrWord[], box: LineBox, settings: typeof OCR_SETTINGS): OcrWord[] | undefined {
  if (words.length < 2 || words.length > settings.letterSpacedMaxGlyphs) return undefined;
  const sorted = [...words].sort((a, b) => a.left - b.left);
  if (!sorted.every((w) => Array.from(w.text).length === 1)) return undefined;
  const spaced = sorted.every((w, i) => i === 0 || w.left - (sorted[i - 1]!.left + sorted[i - 1]!.width) >= box.height * settings.letterSpacedGapEms);
  return spaced ? sorted : undefined;
}

/** The glyphs of a letter-spaced line pasted side by side; the reading becomes one word spanning the line. */
function closedUp(bitmap: GrayBitmap, key: string, glyphs: readonly OcrWord[], box: LineBox, settings: typeof OCR_SETTINGS): Reread {
  const pad = Math.round(box.height * settings.lineCropPadding);
  const gap = Math.round(box.height * settings.closedUpGapEms);
  const height = box.height + 2 * pad;
  const width = glyphs.reduce((sum, g) => sum + g.width, 0) + gap * (glyphs.length - 1) + 2 * pad;
  const gray = new Uint8Array(width * height).fill(255);
  let at = pad;
  for (const g of glyphs) {
    const crop = cropGray(bitmap, g.left, box.top - pad, g.width, height);
    for (let row = 0; row < crop.height; row++) gray.set(crop.gray.subarray(row * crop.width, (row + 1) * crop.width), row * width + at);
    at += g.width + gap;
  }
  const scale = Math.min(1, settings.lineTargetPx / box.height);
  const image = scaleGray({ width, height, gray, dpi: bitmap.dpi }, scale);
  const first = glyphs[0]!;
  const last = glyphs[glyphs.length - 1]!;
  const toPage = (w: OcrWord, all: readonly OcrWord[]): OcrWord => ({
    ...w,
    image: 0,
    line: key,
    // The whole reading on the line's span, once: its words are glued ("目" + "录").
    text: w === all[0] ? all.map((a) => a.text).join("") : "",
    left: first.left,
    top: box.top,
    width: last.left + last.width - first.left,
    height: box.height,
  });
  return { key, image, toPage };
}

/** The figures of a reading, with whatever the recognizer put between their digits. */
function figuresOf(words: readonly OcrWord[]): string {
  const text = [...words].sort((a, b) => a.left - b.left).map((w) => w.text).join("");
  return (text.match(/\d(?:[^\u4e00-\u9fff\s]*\d)?/g) ?? []).join(" ");
}

function medianHeight(words: readonly OcrWord[]): number {
  const hs = words.map((w) => w.height).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 0;
}
