/**
 * Page images of a PDF for the report, rendered by the reader's PDFium: gray 4-bit PNGs for the HTML (boxes are
 * drawn over them as elements), and RGB PNGs with the boxes drawn into the pixels for `--page-images`.
 */
import path from "node:path";
import type { ExtractedDocument } from "../../model/index.js";
import { openRenderer, type RenderedPage } from "../../readers/pdf/render.js";
import { outputError } from "../../errors.js";
import { encodePng } from "../../util/png.js";
import { writeAtomic } from "../json.js";
import { AnchorIndex } from "./anchors.js";
import { BoxIndex, evidencePages, type DrawnBox } from "./boxes.js";
import { PAGE_SETTINGS, type PagesMode } from "./settings.js";

/** One rendered page as the report embeds it. */
export interface PageImage {
  page: number;
  png: Buffer;
  dpi: number;
  widthPx: number;
  heightPx: number;
  /** The page's size in points: the frame of every bbox on it. */
  widthPt: number;
  heightPt: number;
}

/** The pages a mode shows: every page, the pages holding evidence, or none. */
export function pagesFor(doc: ExtractedDocument, mode: PagesMode, pageCount: number): number[] {
  if (mode === "none") return [];
  if (mode === "all") return Array.from({ length: pageCount }, (_, i) => i + 1);
  return evidencePages(doc).filter((n) => n >= 1 && n <= pageCount);
}

function pageSize(doc: ExtractedDocument, img: RenderedPage): { widthPt: number; heightPt: number } {
  const known = doc.pages?.find((p) => p.number === img.page);
  return known ? { widthPt: known.width, heightPt: known.height } : { widthPt: img.width / img.scale, heightPt: img.height / img.scale };
}

/** Renders the pages `mode` selects for the HTML report (`bytes` are the PDF `doc` was extracted from). */
export async function renderReportPages(bytes: Uint8Array, doc: ExtractedDocument, mode: PagesMode): Promise<PageImage[]> {
  if (mode === "none") return [];
  const session = await openRenderer(bytes, doc.source.path);
  try {
    return pagesFor(doc, mode, session.pageCount).map((n) => {
      const img = session.render(n, { dpi: PAGE_SETTINGS.htmlDpi, gray: true });
      const png = encodePng(img, { bitDepth: PAGE_SETTINGS.htmlBitDepth });
      return { page: n, png, dpi: img.dpi, widthPx: img.width, heightPx: img.height, ...pageSize(doc, img) };
    });
  } finally {
    session.close();
  }
}

/** A box's frame in image pixels: the bbox grown by the margin, scaled, clamped to the image (inclusive ends). */
export function pixelFrame(bbox: readonly number[], scale: number, width: number, height: number): [number, number, number, number] {
  const m = PAGE_SETTINGS.marginPt;
  const clamp = (v: number, max: number) => Math.min(max - 1, Math.max(0, v));
  return [
    clamp(Math.floor(((bbox[0] ?? 0) - m) * scale), width),
    clamp(Math.floor(((bbox[1] ?? 0) - m) * scale), height),
    clamp(Math.ceil(((bbox[2] ?? 0) + m) * scale) - 1, width),
    clamp(Math.ceil(((bbox[3] ?? 0) + m) * scale) - 1, height),
  ];
}

/** Draws a rectangle outline `thickness` pixels wide, inside the frame, into an RGB image. */
function drawOutline(img: RenderedPage, frame: readonly [number, number, number, number], rgb: readonly [number, number, number], thickness: number): void {
  const [x0, y0, x1, y1] = frame;
  const paint = (x: number, y: number) => {
    const at = (y * img.width + x) * 3;
    img.data[at] = rgb[0];
    img.data[at + 1] = rgb[1];
    img.data[at + 2] = rgb[2];
  };
  for (let y = y0; y <= y1; y++) {
    const edgeRow = y < y0 + thickness || y > y1 - thickness;
    for (let x = x0; x <= x1; x++) if (edgeRow || x < x0 + thickness || x > x1 - thickness) paint(x, y);
  }
}

/** One evidence page as RGB pixels with its boxes outlined (failed check terms last, so their red stays on top). */
function annotate(img: RenderedPage, boxes: readonly DrawnBox[]): Buffer {
  const ordered = [...boxes.filter((b) => !b.failed), ...boxes.filter((b) => b.failed)];
  for (const b of ordered) {
    const colour = b.failed ? PAGE_SETTINGS.colours.fail : PAGE_SETTINGS.colours.evidence;
    drawOutline(img, pixelFrame(b.bbox, img.scale, img.width, img.height), colour, PAGE_SETTINGS.outlinePx);
  }
  return encodePng(img);
}

/** The file name of a page's image: page-003.png (three digits, more for documents of 1,000 pages or more). */
export function pageImageName(page: number, pageCount: number): string {
  return `page-${String(page).padStart(Math.max(3, String(pageCount).length), "0")}.png`;
}

/**
 * Writes every evidence page of `doc` to `dir` as an annotated PNG, one at a time (atomically). Returns the files.
 * A failed write is an output_error naming the file; the pages before it stay written.
 */
export async function writePageImages(bytes: Uint8Array, doc: ExtractedDocument, dir: string): Promise<string[]> {
  const session = await openRenderer(bytes, doc.source.path);
  try {
    const pages = pagesFor(doc, "evidence", session.pageCount);
    const boxes = new BoxIndex(doc, new AnchorIndex(doc), new Set(pages));
    const written: string[] = [];
    for (const n of pages) {
      const file = path.join(dir, pageImageName(n, session.pageCount));
      const png = annotate(session.render(n, { dpi: PAGE_SETTINGS.imageDpi }), boxes.onPage(n));
      await writeAtomic(file, png).catch((e: unknown) => Promise.reject(outputError(file, e)));
      written.push(file);
    }
    return written;
  } finally {
    session.close();
  }
}
