import type { TextLine } from "./lines.js";
import type { LayoutSettings } from "./settings.js";
import { asciiDigits } from "../../text/numbering.js";

/** Page furniture: lines that repeat on every page or number the page, not content. */
const PAGE_NUMBER_RES = [
  /^[\p{Pd}─━—－~·•\s]*\d{1,4}[\p{Pd}─━—－~·•\s]*$/u,
  /^第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d+(\s*of\s*\d+)?$/i,
  /^[\p{Pd}─━\s]*[ivxlc]{1,6}[\p{Pd}─━\s]*$/iu,
];
/** Table captions and units repeat on every table page but belong to the tables. */
const KEEP_RE = /(单位[：:]|公开\s*\d+\s*表|公开表|续表|表\s*\d|编制单位|部门[：:])/;

export function isPageNumber(text: string): boolean {
  // Full-width digits ("—３—") number pages as often as ASCII ones.
  const t = asciiDigits(text.trim());
  return PAGE_NUMBER_RES.some((re) => re.test(t));
}

export interface PageLines {
  page: number;
  height?: number;
  width?: number;
  lines: TextLine[];
}

function inBand(p: PageLines, line: TextLine, top: number, bottom: number, band: number): "top" | "bottom" | null {
  const h = p.height ?? bottom - top;
  if (h <= 0) return null;
  const base = p.height ? 0 : top;
  if (line.bottom <= base + h * band) return "top";
  if (line.top >= base + h * (1 - band)) return "bottom";
  return null;
}

function key(text: string): string {
  return text.replace(/\s+/g, "").replace(/[\d０-９]+/g, "#");
}

/** Remove running headers/footers and page numbers in place; returns how many lines were removed. */
export function removeFurniture(pages: PageLines[], s: LayoutSettings): number {
  const bandKeys = new Map<string, Set<number>>();
  const bandOf = new Map<TextLine, "top" | "bottom" | null>();
  for (const p of pages) {
    if (p.lines.length === 0) continue;
    const top = Math.min(...p.lines.map((l) => l.top));
    const bottom = Math.max(...p.lines.map((l) => l.bottom));
    for (const line of p.lines) {
      const band = inBand(p, line, top, bottom, s.furnitureBand);
      bandOf.set(line, band);
      if (band) {
        const k = `${band}:${key(line.text)}`;
        const set = bandKeys.get(k) ?? new Set<number>();
        set.add(p.page);
        bandKeys.set(k, set);
      }
    }
  }
  const minRepeats = Math.max(s.furnitureMinRepeats, Math.ceil(pages.length * s.furnitureRepeatShare));
  let removed = 0;
  for (const p of pages) {
    const last = p.lines[p.lines.length - 1];
    const first = p.lines[0];
    p.lines = p.lines.filter((line) => {
      const band = bandOf.get(line) ?? null;
      const pageNo = isPageNumber(line.text) && (band !== null || line === last || line === first);
      const repeated =
        band !== null && !KEEP_RE.test(line.text) && (bandKeys.get(`${band}:${key(line.text)}`)?.size ?? 0) >= minRepeats;
      if (pageNo || repeated) removed++;
      return !(pageNo || repeated);
    });
  }
  return removed;
}
