import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import type { TextFragment } from "../layout/types.js";
import { pdfjs } from "./pdfjs-runtime.js";

const { Util } = pdfjs;

/**
 * The page's text runs in viewport coordinates (rotation applied, y downwards), so rotated landscape
 * table pages read like the rendered page.
 */
export async function pageFragments(page: PDFPageProxy, viewportTransform: number[]): Promise<TextFragment[]> {
  const content = await page.getTextContent();
  const out: TextFragment[] = [];
  for (const raw of content.items) {
    if (!("str" in raw)) continue;
    const item = raw as TextItem;
    if (!item.str || !/\S/.test(item.str)) continue;
    const m = Util.transform(viewportTransform, item.transform) as number[];
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
    // Vertical writing or text rotated against the page: not part of the horizontal flow.
    if (Math.abs(b) > Math.abs(a) + 0.01) continue;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    const scaleX = Math.hypot(a, b) / (Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0) || 1);
    const width = item.width * (Number.isFinite(scaleX) && scaleX > 0 ? scaleX : 1);
    // Mirrored text (a < 0) runs leftwards from its origin.
    const x = a < 0 ? e - width : e;
    out.push({ text: item.str, x, y: f - size * 0.88, width, height: size });
  }
  return out;
}
