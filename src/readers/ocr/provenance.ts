import type { ReaderBlock, Warning } from "../../model/index.js";
import { meanConfidence } from "./page.js";
import type { OcrPageResult, OcrProvenance } from "./types.js";

/**
 * Mark every block laid out from an OCR'd page with `provenance.ocr` (engine, confidence of the characters it holds,
 * figures read unsure), and say which pages were recognized. Unsure figures are kept as read and named in a warning.
 */
export function markOcrBlocks(blocks: readonly ReaderBlock[], results: ReadonlyMap<number, OcrPageResult>, engineLabel: string): { blocks: ReaderBlock[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const marked = blocks.map((b) => {
    const page = b.provenance.page;
    const result = page === undefined ? undefined : results.get(page);
    if (!result) return b;
    const ocr = blockOcr(blockTexts(b), result, engineLabel);
    if (ocr.uncertain) {
      warnings.push({ code: "ocr_uncertain_figure", message: `page ${page}: OCR was unsure of ${ocr.uncertain.map((u) => `"${u}"`).join(", ")}; kept as read, check against the page`, blockId: b.id });
    }
    return { ...b, provenance: Object.assign({}, b.provenance, { ocr }) };
  });
  const pages = [...results.keys()].sort((a, b) => a - b);
  if (pages.length > 0) {
    const confidence = meanConfidence([...results.values()].flatMap((r) => r.fragments));
    warnings.unshift({ code: "ocr_used", message: `page(s) ${compactRanges(pages)} have no text layer and were read by OCR (${engineLabel}, mean confidence ${confidence}); figures may be misread` });
  }
  return { blocks: marked, warnings };
}

function blockTexts(b: ReaderBlock): string[] {
  return b.type === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text));
}

/** The page's fragments that ended up in this block, found by their text (layout keeps no link back to fragments). */
function blockOcr(texts: readonly string[], result: OcrPageResult, engine: string): OcrProvenance {
  const joined = texts.join("\n").replace(/\s+/g, "");
  const inBlock = result.fragments.filter((f) => f.text.trim() !== "" && joined.includes(f.text.replace(/\s+/g, "")));
  const confidence = inBlock.length > 0 ? meanConfidence(inBlock) : result.confidence;
  const uncertain = [...new Set(inBlock.filter((f) => f.uncertain).map((f) => f.text))];
  return uncertain.length > 0 ? { engine, confidence, uncertain } : { engine, confidence };
}

/** 1, 2, 3, 5 → "1–3, 5". */
export function compactRanges(pages: readonly number[]): string {
  const parts: string[] = [];
  let start = pages[0];
  let prev = start;
  for (const p of [...pages.slice(1), NaN]) {
    if (prev !== undefined && p === prev + 1) {
      prev = p;
      continue;
    }
    if (start !== undefined && prev !== undefined) parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = p;
    prev = p;
  }
  return parts.join(", ");
}
