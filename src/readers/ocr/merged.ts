import type { CellBox } from "./cells.js";
import { OCR_SETTINGS } from "./settings.js";
import type { LineBox, ParsedTsv } from "./tsv.js";

const CJK_RE = /[\u4e00-\u9fff]/;

/**
 * Tesseract's layout analysis now and then merges two or three lines of narrative into one (a heading between two
 * paragraphs): their words come back as boxes several lines tall, read with a confidence near 0 ("站" for a whole
 * line, "02年下村<"经费第589" for 2026年财政拨款“三公”经费预算589.19). The region of those lines, and of every line
 * overlapping it, is a block of plain lines: read again as such (psm 6), where the same model reads it right.
 * Regions crossed by a vertical rule are tables, left to the cell re-read.
 */
export function mergedLineRegions(parsed: ParsedTsv, ruleXs: readonly number[], settings = OCR_SETTINGS): CellBox[] {
  const sure = parsed.words.filter((w) => w.confidence >= settings.lineRereadBelow && CJK_RE.test(w.text)).map((w) => w.height).sort((a, b) => a - b);
  const lineHeight = sure[Math.floor(sure.length / 2)];
  if (lineHeight === undefined) return [];
  const merged = new Set(parsed.words.filter((w) => w.height > lineHeight * settings.mergedLineHeights && w.confidence < settings.mergedLineBelow).map((w) => w.line));
  const regions: CellBox[] = [];
  for (const key of merged) {
    const box = parsed.lineBoxes.get(key);
    if (!box || regions.some((r) => overlaps(r, box))) continue;
    const region = grow({ left: box.left, top: box.top, right: box.left + box.width, bottom: box.top + box.height }, [...parsed.lineBoxes.values()]);
    const ruled = ruleXs.some((x) => x > region.left && x < region.right);
    if (!ruled && region.bottom - region.top <= lineHeight * settings.mergedRegionMaxLines) regions.push(region);
  }
  return regions;
}

/** The region grown by every line box it overlaps, until none is left that overlaps it. */
function grow(region: CellBox, boxes: readonly LineBox[]): CellBox {
  let r = region;
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of boxes) {
      if (!overlaps(r, b)) continue;
      const next = { left: Math.min(r.left, b.left), top: Math.min(r.top, b.top), right: Math.max(r.right, b.left + b.width), bottom: Math.max(r.bottom, b.top + b.height) };
      if (next.left !== r.left || next.top !== r.top || next.right !== r.right || next.bottom !== r.bottom) changed = true;
      r = next;
    }
  }
  return r;
}

/** Overlap of more than a pixel both ways. */
function overlaps(r: CellBox, b: LineBox): boolean {
  return b.left < r.right - 1 && b.left + b.width > r.left + 1 && b.top < r.bottom - 1 && b.top + b.height > r.top + 1;
}
