import { estimateEdges } from "../layout/fragments.js";
import { readCrops } from "./crops.js";
import { cropGray } from "./pnm.js";
import { OCR_SETTINGS } from "./settings.js";
import type { OcrWord, ParsedTsv } from "./tsv.js";
import type { GrayBitmap } from "./types.js";

/**
 * Words of the national names of organs, which every disclosure's entity ends with. The recognizer reads them inside
 * a line with the line's context, and the fast chi_sim model reads 厅 there as 打 even at 300 dpi ("中共江苏省委办公打",
 * 0.85), while the same glyph read alone comes back 厅.
 */
export const ORGAN_WORDS = ["办公厅", "办公室", "委员会", "人民政府", "人民代表大会", "常务委员会", "政治协商会议", "人民法院", "人民检察院"] as const;

/** One character of a line that would complete an organ word, where it sits, and what it would have to be. */
interface Suspect {
  word: OcrWord;
  /** Index of the character (code point) inside its word. */
  at: number;
  want: string;
}

/**
 * Where a line reads an organ word with one character different ("办公打"), and that character was read with less
 * confidence than vocabularyRereadBelow, the glyph is read again alone on its crop (psm 10). Only the glyph's own
 * reading can change it, and only into the organ word's character: the vocabulary says where to look, the image
 * what is printed. Figures are never touched (digits are no Chinese characters).
 */
export async function rereadOrganWords(bitmap: GrayBitmap, parsed: ParsedTsv, timeoutMs: number, settings = OCR_SETTINGS): Promise<ParsedTsv> {
  const suspects = findSuspects(parsed.words, settings);
  if (suspects.length === 0) return parsed;
  const pad = settings.cropPaddingPx;
  const crops = suspects.map((s) => {
    const edges = estimateEdges(s.word.text, s.word.left, s.word.width);
    const x0 = edges[s.at * 2]!;
    const x1 = edges[s.at * 2 + 1]!;
    return cropGray(bitmap, x0 - pad, s.word.top - pad, x1 - x0 + 2 * pad, s.word.height + 2 * pad);
  });
  const read = (await readCrops(crops, settings.glyphPsm, { lang: settings.lang, dpi: bitmap.dpi, timeoutMs })).words;
  const fixed = new Map<OcrWord, OcrWord>();
  suspects.forEach((s, i) => {
    const glyph = read.filter((w) => w.image === i).map((w) => w.text).join("");
    if (glyph !== s.want) return;
    const word = fixed.get(s.word) ?? s.word;
    const chars = Array.from(word.text);
    chars[s.at] = glyph;
    fixed.set(s.word, { ...word, text: chars.join("") });
  });
  return { words: parsed.words.map((w) => fixed.get(w) ?? w), lineBoxes: parsed.lineBoxes };
}

/** Characters that are the one difference between a line's text and an organ word, read unsure. */
function findSuspects(words: readonly OcrWord[], settings: typeof OCR_SETTINGS): Suspect[] {
  const byLine = new Map<string, OcrWord[]>();
  for (const w of words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const suspects: Suspect[] = [];
  for (const line of byLine.values()) {
    const chars = [...line].sort((a, b) => a.left - b.left).flatMap((word) => Array.from(word.text).map((ch, at) => ({ ch, at, word })));
    for (const organ of ORGAN_WORDS) {
      const want = Array.from(organ);
      for (let i = 0; i + want.length <= chars.length; i++) {
        const off = want.map((ch, k) => (chars[i + k]!.ch === ch ? -1 : k)).filter((k) => k >= 0);
        if (off.length !== 1) continue;
        const c = chars[i + off[0]!]!;
        if (c.word.confidence < settings.vocabularyRereadBelow && /[\u4e00-\u9fff]/.test(c.ch)) suspects.push({ word: c.word, at: c.at, want: want[off[0]!]! });
      }
    }
  }
  return suspects;
}
