/**
 * Page images from the same PDFium the reader uses: for OCR of scanned pages and for the page images of the
 * spot-check report. No second PDF library.
 *
 * API (for OCR and report engineers):
 *
 *   import { renderPage, renderPagePng } from "./readers/pdf/render.js";
 *   const img = await renderPage(bytes, 3, { dpi: 300, gray: true });   // page 3, 1-based
 *   // img: { width, height, channels: 1, data: Uint8Array (rows top to bottom, no padding), dpi, page,
 *   //        scale: pixels per PDF point (dpi / 72) }
 *   const png = await renderPagePng(bytes, 3, { dpi: 150 });            // Buffer, RGB PNG
 *   const all = await renderPages(bytes, [1, 2, 3], { dpi: 200, gray: true });  // one open, several pages
 *   const session = await openRenderer(bytes);          // OCR: keep the document open across pages
 *   try { for (let n = 1; n <= session.pageCount; n++) ocr(session.render(n, { dpi: 200, gray: true })); }
 *   finally { session.close(); }
 *
 * Pixel (px, py) shows PDF point (px / scale, py / scale) in the layout engine's coordinates (top-left origin,
 * /Rotate applied): a fragment's box times `scale` is its box on the image. Pages are drawn on white as printed
 * (annotations with appearances, such as stamps, included).
 * Options: dpi (default 150, at most 600), gray (default false: RGB), maxPixels (default 60 million: a
 * bigger page is an ExtractError too_large instead of a huge allocation). Errors are the reader's: encrypted,
 * corrupt; a page number outside the document is a RangeError.
 */
import { ExtractError } from "../../errors.js";
import { encodePng, type RasterImage } from "../../util/png.js";
import type { Pdfium } from "./pdfium.js";
import { openDocument, pdfium } from "./pdfium.js";
import { refusal, withPdfiumDocument } from "./pdfium-pages.js";

export interface RenderOptions {
  dpi?: number;
  gray?: boolean;
  maxPixels?: number;
}

export interface RenderedPage extends RasterImage {
  page: number;
  dpi: number;
  /** Pixels per PDF point. */
  scale: number;
}

/** FPDF_ANNOT | FPDF_PRINTING (fpdfview.h): what a printed page shows. */
const RENDER_FLAGS = 0x01 | 0x800;
/** FPDFBitmap_BGRA. */
const BITMAP_BGRA = 4;

/** Render one page (1-based) to a bitmap. */
export async function renderPage(bytes: Uint8Array, page: number, options: RenderOptions = {}): Promise<RenderedPage> {
  const [one] = await renderPages(bytes, [page], options);
  if (!one) throw new RangeError(`page ${page} was not rendered`);
  return one;
}

/** Render one page to PNG bytes. */
export async function renderPagePng(bytes: Uint8Array, page: number, options: RenderOptions = {}): Promise<Buffer> {
  return encodePng(await renderPage(bytes, page, options));
}

/** Render several pages (1-based) of one document, opening it once. */
export async function renderPages(bytes: Uint8Array, pages: readonly number[], options: RenderOptions = {}): Promise<RenderedPage[]> {
  const dpi = Math.min(600, Math.max(10, options.dpi ?? 150));
  return withPdfiumDocument(bytes, "render", (d) =>
    pages.map((n) => {
      if (!Number.isInteger(n) || n < 1 || n > d.pageCount) throw new RangeError(`page ${n} is outside 1–${d.pageCount}`);
      return renderOne(d.lib, d.doc, n, dpi, options);
    }),
  );
}

/** An open document to render page after page (rendering is synchronous; close() frees the wasm copy). */
export interface RenderSession {
  pageCount: number;
  render(page: number, options?: RenderOptions): RenderedPage;
  close(): void;
}

/** Open `bytes` for rendering; a document PDFium refuses is an ExtractError (encrypted / corrupt). */
export async function openRenderer(bytes: Uint8Array, filePath = "render"): Promise<RenderSession> {
  const lib = await pdfium();
  const d = openDocument(lib, bytes);
  if ("error" in d) throw refusal(d.error, filePath);
  return {
    pageCount: d.pageCount,
    render(n, options = {}) {
      if (!Number.isInteger(n) || n < 1 || n > d.pageCount) throw new RangeError(`page ${n} is outside 1–${d.pageCount}`);
      return renderOne(lib, d.doc, n, Math.min(600, Math.max(10, options.dpi ?? 150)), options);
    },
    close: () => d.close(),
  };
}

function renderOne(lib: Pdfium, doc: number, n: number, dpi: number, options: RenderOptions): RenderedPage {
  const page = lib.FPDF_LoadPage(doc, n - 1);
  if (!page) throw new ExtractError("corrupt", `page ${n} cannot be loaded`, { page: n });
  try {
    const scale = dpi / 72;
    // FPDF_GetPageWidthF/HeightF already account for /Rotate, as FPDF_RenderPageBitmap with rotate 0 does.
    const width = Math.max(1, Math.round(lib.FPDF_GetPageWidthF(page) * scale));
    const height = Math.max(1, Math.round(lib.FPDF_GetPageHeightF(page) * scale));
    const maxPixels = options.maxPixels ?? 60_000_000;
    if (width * height > maxPixels) throw new ExtractError("too_large", `page ${n} at ${dpi} dpi is ${width}×${height} pixels, over ${maxPixels}`, { page: n });
    const bitmap = lib.FPDFBitmap_CreateEx(width, height, BITMAP_BGRA, 0, 0);
    if (!bitmap) throw new ExtractError("too_large", `page ${n}: no memory for a ${width}×${height} bitmap`, { page: n });
    try {
      lib.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
      lib.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_FLAGS);
      const stride = lib.FPDFBitmap_GetStride(bitmap);
      const ptr = lib.FPDFBitmap_GetBuffer(bitmap);
      const data = convert(lib.heap().u8, ptr, stride, width, height, options.gray === true);
      return { width, height, channels: options.gray ? 1 : 3, data, page: n, dpi, scale };
    } finally {
      lib.FPDFBitmap_Destroy(bitmap);
    }
  } finally {
    lib.FPDF_ClosePage(page);
  }
}

/** BGRA rows (with stride) → tight gray (ITU-R 601 luma) or RGB rows. */
function convert(heap: Uint8Array, ptr: number, stride: number, width: number, height: number, gray: boolean): Uint8Array {
  const channels = gray ? 1 : 3;
  const out = new Uint8Array(width * height * channels);
  let o = 0;
  for (let y = 0; y < height; y++) {
    let p = ptr + y * stride;
    for (let x = 0; x < width; x++, p += 4) {
      const b = heap[p] ?? 255;
      const g = heap[p + 1] ?? 255;
      const r = heap[p + 2] ?? 255;
      if (gray) out[o++] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
      else {
        out[o++] = r;
        out[o++] = g;
        out[o++] = b;
      }
    }
  }
  return out;
}
