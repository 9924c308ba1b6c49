import { digitPass } from "./digits.js";
import { encodePgm } from "./pnm.js";
import { eraseRulings, findRulings } from "./rulings.js";
import { OCR_SETTINGS } from "./settings.js";
import { ENGINE, OcrTimeout, runTesseract } from "./tesseract.js";
import { joinRuns, parseTsv, type OcrRun } from "./tsv.js";
import type { GrayBitmap, OcrFragment, OcrPageOptions, OcrPageResult } from "./types.js";

/**
 * Recognize one page image: find its table rules, erase them, read the text, re-read its figures with digits only.
 * Everything comes back in PDF points with a top-left origin, ready for the layout engine.
 */
export async function ocrPage(bitmap: GrayBitmap, options: OcrPageOptions = {}): Promise<OcrPageResult> {
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
  const runs = joinRuns(parseTsv(tsv), ruleXs);
  const verdicts = options.digitPass === false ? new Map() : await digitPass(clean, runs, left());
  const fragments = runs.map((r) => toFragment(r, px, verdicts.get(r)));
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
