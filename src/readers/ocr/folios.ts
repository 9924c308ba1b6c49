import { readCrops } from "./crops.js";
import { cropGray } from "./pnm.js";
import { OCR_SETTINGS } from "./settings.js";
import type { LineBox, ParsedTsv } from "./tsv.js";
import type { GrayBitmap } from "./types.js";

/** A page number as printed: "7", "- 7 -", "—7—". */
const FOLIO_RE = /^[-—–]*\s*(\d{1,4})\s*[-—–]*$/;

/**
 * A page number centred at the page's foot ("- 7 -") is read by the Chinese model as a glyph ("四"), and the layout
 * engine then takes it for a line of text and cuts the paragraph running on to the next page. A short line centred
 * in the foot band that is not already read as a number is read again on its crop with digits and dashes only (the
 * Latin model); where that gives a page number, the line becomes it ("— 7 —"), which the layout engine drops as
 * page furniture. Anything else leaves the line as first read.
 */
export async function rereadFolios(bitmap: GrayBitmap, parsed: ParsedTsv, timeoutMs: number, settings = OCR_SETTINGS): Promise<ParsedTsv> {
  const candidates = [...parsed.lineBoxes].filter(([key, box]) => isFolioPlace(box, bitmap, settings) && !FOLIO_RE.test(lineText(parsed, key)) && lineText(parsed, key) !== "");
  if (candidates.length === 0) return parsed;
  const pad = settings.cropPaddingPx;
  const crops = candidates.map(([, b]) => cropGray(bitmap, b.left - pad, b.top - pad, b.width + 2 * pad, b.height + 2 * pad));
  const config = { tessedit_char_whitelist: settings.folioWhitelist };
  const read = (await readCrops(crops, settings.linePsm, { lang: settings.digitLang, dpi: bitmap.dpi, timeoutMs, config })).words;
  let words = parsed.words;
  candidates.forEach(([key, box], i) => {
    const mine = read.filter((w) => w.image === i);
    const m = FOLIO_RE.exec(mine.map((w) => w.text).join(""));
    if (!m) return;
    const confidence = Math.min(...mine.map((w) => w.confidence));
    words = [...words.filter((w) => w.line !== key), { image: 0, line: key, ...box, confidence, text: `— ${m[1]} —` }];
  });
  return { words, lineBoxes: parsed.lineBoxes };
}

/** Short, centred, and in the band at the page's foot. */
function isFolioPlace(box: LineBox, page: GrayBitmap, settings: typeof OCR_SETTINGS): boolean {
  const centre = box.left + box.width / 2;
  return (
    box.top >= page.height * (1 - settings.folioFootBand) &&
    box.width <= page.width * settings.folioMaxWidth &&
    Math.abs(centre - page.width / 2) <= page.width * settings.folioCentreSlack
  );
}

function lineText(parsed: ParsedTsv, key: string): string {
  return parsed.words.filter((w) => w.line === key).map((w) => w.text).join("").trim();
}
