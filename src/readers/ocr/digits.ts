import { readCrops } from "./crops.js";
import { cropGray } from "./pnm.js";
import { OCR_SETTINGS } from "./settings.js";
import type { OcrRun, OcrWord } from "./tsv.js";
import type { GrayBitmap } from "./types.js";

/** Characters a recognizer confuses with digits ("1,7l7.85", "2O24"): their presence in a figure calls for a re-read. */
const CONFUSABLE = "lIiOoSsBZz|!";
/** A run that is a figure, possibly misread: digits, separators and confusable letters only, at least one digit. */
const FIGURE_LIKE_RE = new RegExp(`^[-+(（]?[\\d,，.．${CONFUSABLE}]*\\d[\\d,，.．${CONFUSABLE}]*[)）%]?$`);
/** A well-formed figure as printed in a budget: 1,717.85 · 1717.85 · -3.2 · 12% */
const FIGURE_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

export function isFigureLike(text: string): boolean {
  return FIGURE_LIKE_RE.test(text.replace(/\s+/g, ""));
}

export function isWellFormedFigure(text: string): boolean {
  return FIGURE_RE.test(text);
}

/** What the digit pass decided for one run. */
export interface DigitVerdict {
  text: string;
  confidence: number;
  uncertain: boolean;
  digitPass: boolean;
}

/**
 * Re-read every figure on its own crop with a digit whitelist, all crops in one Tesseract run. The reading kept is
 * the constrained one when the first had letters among the digits or was less sure; disagreement leaves it flagged.
 */
export async function digitPass(bitmap: GrayBitmap, runs: readonly OcrRun[], timeoutMs: number): Promise<Map<OcrRun, DigitVerdict>> {
  const figures = runs.filter((r) => isFigureLike(r.text));
  const verdicts = new Map<OcrRun, DigitVerdict>();
  if (figures.length === 0) return verdicts;
  const pad = OCR_SETTINGS.cropPaddingPx;
  const crops = figures.map((r) => cropGray(bitmap, r.left - pad, r.top - pad, r.width + 2 * pad, r.height + 2 * pad));
  const read = { lang: OCR_SETTINGS.digitLang, dpi: bitmap.dpi, timeoutMs, config: { tessedit_char_whitelist: OCR_SETTINGS.digitWhitelist } };
  const reread = rereadByImage((await readCrops(crops, OCR_SETTINGS.linePsm, read)).words);
  figures.forEach((r, i) => verdicts.set(r, judge(r, reread.get(i))));
  return verdicts;
}

/** Each crop's reading: its words joined (a figure is one line), with their mean confidence. */
function rereadByImage(words: readonly OcrWord[]): Map<number, { text: string; confidence: number }> {
  const out = new Map<number, { text: string; confidence: number; n: number }>();
  for (const w of words) {
    const prev = out.get(w.image);
    if (prev) out.set(w.image, { text: prev.text + w.text, confidence: (prev.confidence * prev.n + w.confidence) / (prev.n + 1), n: prev.n + 1 });
    else out.set(w.image, { text: w.text, confidence: w.confidence, n: 1 });
  }
  return out;
}

export function judge(first: Pick<OcrRun, "text" | "confidence">, second: { text: string; confidence: number } | undefined): DigitVerdict {
  const firstText = normalizeFigure(first.text);
  const firstClean = isWellFormedFigure(firstText);
  const secondText = second ? normalizeFigure(second.text) : "";
  const secondClean = second !== undefined && isWellFormedFigure(secondText);
  const unsure = (c: number): boolean => c < OCR_SETTINGS.uncertainBelow;
  if (secondClean && firstClean && secondText === firstText) {
    return { text: firstText, confidence: Math.max(first.confidence, second.confidence), uncertain: false, digitPass: true };
  }
  if (secondClean && (!firstClean || second.confidence > first.confidence)) {
    // The two readings differ: the constrained one is kept, and flagged unless the first was plainly not a figure.
    const disagree = firstClean && secondText !== firstText;
    return { text: secondText, confidence: second.confidence, uncertain: disagree || unsure(second.confidence), digitPass: true };
  }
  return { text: firstText, confidence: first.confidence, uncertain: !firstClean || secondClean || unsure(first.confidence), digitPass: false };
}

/** Full-width separators and stray spaces inside a figure, as recognizers emit them. */
function normalizeFigure(text: string): string {
  return text.replace(/\s+/g, "").replace(/，/g, ",").replace(/．/g, ".");
}
