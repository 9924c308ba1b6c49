import type { RulingLine } from "../layout/types.js";
import { charConfidence, readCrops } from "./crops.js";
import { cropGray } from "./pnm.js";
import { OCR_SETTINGS } from "./settings.js";
import type { LineBox, OcrWord, ParsedTsv } from "./tsv.js";
import type { GrayBitmap } from "./types.js";

/** A ruled cell's inside, in page pixels. */
export interface CellBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The page pass reads a ruled table as one column of text, so small header text in narrow cells comes back garbled
 * ("和合计", "公务用车购置|公务用车运行": words run across borders, a wrapped cell's lines mixed with its neighbour's).
 * Cells holding an unsure word are read again alone, inside their printed borders (rules erased, psm 6: a block of
 * lines), all in one Tesseract run; the cell's reading replaces the page pass's words inside it unless clearly less sure.
 */
export async function rereadCells(erased: GrayBitmap, parsed: ParsedTsv, lines: readonly RulingLine[], timeoutMs: number, settings = OCR_SETTINGS): Promise<ParsedTsv> {
  return rereadBoxes(erased, parsed, unsureCells(parsed.words, lines, erased.dpi / 72, settings), timeoutMs, settings);
}

/**
 * Read each box of the page again as a block of lines (psm 6), all boxes in one Tesseract run; a box's reading
 * replaces the words whose centre lies inside it unless it is clearly less sure (or empty).
 */
export async function rereadBoxes(bitmap: GrayBitmap, parsed: ParsedTsv, cells: readonly CellBox[], timeoutMs: number, settings = OCR_SETTINGS): Promise<ParsedTsv> {
  if (cells.length === 0) return parsed;
  const margin = settings.cellCropMarginPx;
  const crops = cells.map((c) => cropGray(bitmap, c.left - margin, c.top - margin, c.right - c.left + 2 * margin, c.bottom - c.top + 2 * margin));
  const reread = await readCrops(crops, settings.blockPsm, { lang: settings.lang, dpi: bitmap.dpi, timeoutMs });
  let words = parsed.words;
  const lineBoxes = new Map(parsed.lineBoxes);
  cells.forEach((c, i) => {
    const shift = (b: { left: number; top: number }) => ({ left: b.left + Math.max(0, Math.floor(c.left - margin)), top: b.top + Math.max(0, Math.floor(c.top - margin)) });
    const tag = `box${Math.round(c.left)},${Math.round(c.top)}:`;
    const mine = reread.words.filter((w) => w.image === i).map((w) => ({ ...w, ...shift(w), image: 0, line: tag + w.line }));
    const before = words.filter((w) => inside(w, c));
    if (mine.length === 0 || charConfidence(mine) < charConfidence(before) - settings.rereadConfidenceSlack) return;
    words = [...words.filter((w) => !inside(w, c)), ...mine];
    for (const [key, box] of reread.lineBoxes) if (key.startsWith(`${i + 1}:`)) lineBoxes.set(tag + key, { ...box, ...shift(box) } as LineBox);
  });
  return { words, lineBoxes };
}

/** The ruled cells around the page pass's unsure Chinese words: the nearest rules left, right, above and below. */
function unsureCells(words: readonly OcrWord[], lines: readonly RulingLine[], px: number, settings: typeof OCR_SETTINGS): CellBox[] {
  const tol = settings.ruleJoinTolerance * px;
  const vs = lines.filter((l) => l.x1 === l.x2).map((l) => ({ at: l.x1 * px, from: l.y1 * px, to: l.y2 * px }));
  const hs = lines.filter((l) => l.y1 === l.y2).map((l) => ({ at: l.y1 * px, from: l.x1 * px, to: l.x2 * px }));
  const inset = Math.ceil(settings.maxRuleThickness * px / 2);
  const cells = new Map<string, CellBox>();
  for (const w of words) {
    if (w.confidence >= settings.cellRereadBelow || !/[\u4e00-\u9fff]/.test(w.text)) continue;
    const cx = w.left + w.width / 2;
    const cy = w.top + w.height / 2;
    const across = (rules: typeof vs, along: number) => rules.filter((r) => along >= r.from - tol && along <= r.to + tol).map((r) => r.at);
    const xs = across(vs, cy);
    const ys = across(hs, cx);
    const left = Math.max(...xs.filter((x) => x < cx));
    const right = Math.min(...xs.filter((x) => x > cx));
    const top = Math.max(...ys.filter((y) => y < cy));
    const bottom = Math.min(...ys.filter((y) => y > cy));
    if (![left, right, top, bottom].every(Number.isFinite) || bottom - top > settings.maxCellRereadHeight * px) continue;
    const cell = { left: left + inset, top: top + inset, right: right - inset, bottom: bottom - inset };
    cells.set(`${Math.round(left)},${Math.round(top)},${Math.round(right)},${Math.round(bottom)}`, cell);
  }
  return [...cells.values()];
}

function inside(w: OcrWord, c: CellBox): boolean {
  const cx = w.left + w.width / 2;
  const cy = w.top + w.height / 2;
  return cx > c.left && cx < c.right && cy > c.top && cy < c.bottom;
}
