import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ExtractError } from "../../src/errors.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readPdf, readPdfPages } from "../../src/readers/pdf/index.js";
import { readPdfjs } from "../../src/readers/pdf/pdfjs-pages.js";
import { openRenderer, renderPage, renderPagePng } from "../../src/readers/pdf/render.js";
import { encodePng } from "../../src/util/png.js";
import { buildPdf } from "../fixtures/pdf.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(repoRoot, "samples", name)));
const ctx = { path: "fixture.pdf", limits: DEFAULT_LIMITS };
const texts = (blocks: { type: string; text?: string }[]): (string | undefined)[] => blocks.filter((b) => b.type === "paragraph").map((b) => b.text);

describe("PDFium backend: positioned text as pdf.js placed it", () => {
  it("reads the rotated 江苏 sample's table page with the same runs, boxes and rules as pdf.js", async () => {
    const bytes = sample("jiangsu-renda-2019-tables.pdf");
    const [a, b] = [await readPdfjs(bytes, "s.pdf"), await readPdfPages(bytes, "s.pdf")];
    const pa = a.pages[2];
    const pb = b.pages[2];
    expect(pb?.width).toBeCloseTo(1191, 0);
    expect(pb?.height).toBeCloseTo(842, 0);
    expect(pb?.fragments.map((f) => f.text)).toEqual(pa?.fragments.map((f) => f.text));
    pb?.fragments.forEach((f, i) => {
      const g = pa?.fragments[i];
      expect(Math.abs(f.x - (g?.x ?? 0))).toBeLessThan(0.5);
      expect(Math.abs(f.y - (g?.y ?? 0))).toBeLessThan(0.5);
    });
    expect(pb?.fragments.find((f) => f.text === "18,330.37")).toMatchObject({ x: expect.closeTo(156.9, 0), y: expect.closeTo(211.0, 0) });
    expect(pb?.lines?.length).toBe(pa?.lines?.length);
  });

  it("gives the same document title as the Info dictionary (pdf.js reads the same string)", async () => {
    const bytes = sample("jiangsu-renda-2019-tables.pdf");
    expect((await readPdfPages(bytes, "s.pdf")).title).toBe((await readPdfjs(bytes, "s.pdf")).title);
  });

  it("keeps a hyphen PDFium marks as a possible line-end hyphen (U+0002) inside a word", async () => {
    const r = await readPdf(new Uint8Array(buildPdf(["BT /F1 12 Tf 72 700 Td (RISC-V chips) Tj ET"])), ctx);
    expect(texts(r.blocks)).toEqual(["RISC-V chips"]);
  });

  it("an encrypted PDF is a typed encrypted error", async () => {
    const bytes = new Uint8Array(buildPdf(["BT /F1 12 Tf 72 700 Td (Secret) Tj ET"], { encrypt: true }));
    await expect(readPdf(bytes, ctx)).rejects.toMatchObject({ code: "encrypted" });
    await expect(readPdf(bytes, ctx)).rejects.toBeInstanceOf(ExtractError);
  });
});

describe("PDFium backend on hostile nesting: a document or a typed error, never a crash", () => {
  it("200,000 nested q (graphics-state saves) before the text still read", async () => {
    const r = await readPdf(new Uint8Array(buildPdf([`${"q ".repeat(200_000)}BT /F1 12 Tf 72 700 Td (Deep) Tj ET`])), ctx);
    expect(texts(r.blocks)).toEqual(["Deep"]);
  });

  it("an array nested 200,000 deep stops the content parser: the page has no text, a typed no_text_layer", async () => {
    const bytes = new Uint8Array(buildPdf([`${"[".repeat(200_000)} BT /F1 12 Tf 72 700 Td (Arr) Tj ET`]));
    await expect(readPdf(bytes, ctx)).rejects.toMatchObject({ code: "no_text_layer" });
  });
});

describe("visibility policy: keep what the printed page shows, count the rest", () => {
  const page = [
    "BT /F1 12 Tf 72 700 Td (Visible row) Tj ET",
    // A row carried over from the previous page, clipped out of view.
    "q 0 0 595 600 re W n BT /F1 12 Tf 72 650 Td (Clipped row) Tj ET Q",
    // The same clip under a scaled CTM: the clip box is compared in page space.
    "q 2 0 0 2 0 0 cm 0 0 297 300 re W n BT /F1 6 Tf 36 325 Td (Scaled clip) Tj ET BT /F1 6 Tf 36 290 Td (Inside scaled clip) Tj ET Q",
    "1 g BT /F1 12 Tf 72 500 Td (White text) Tj ET 0 g",
    "0.2 g 60 380 300 30 re f 1 g BT /F1 12 Tf 72 390 Td (Header cell) Tj ET 0 g",
    "BT /F1 0.5 Tf 72 300 Td (Tiny) Tj ET",
    "BT /F1 12 Tf 700 200 Td (Offpage) Tj ET",
    "BT 3 Tr /F1 12 Tf 72 100 Td (OCR layer) Tj ET",
  ].join("\n");

  it("drops clipped, white-on-white, tiny and off-page text; keeps white on a dark fill and render-mode-3 text", async () => {
    const r = await readPdf(new Uint8Array(buildPdf([page])), ctx);
    expect(texts(r.blocks)).toEqual(["Visible row", "Inside scaled clip", "Header cell", "OCR layer"]);
  });

  it("counts what it dropped, by reason and page, in one warning", async () => {
    const r = await readPdf(new Uint8Array(buildPdf([page, "BT /F1 12 Tf 72 700 Td (Second) Tj ET"])), ctx);
    const w = r.warnings.filter((x) => x.code === "pdf_invisible_text_dropped");
    expect(w).toHaveLength(1);
    // "Clippedrow" 10 + "Scaledclip" 10; "Whitetext" 9; "Offpage" 7; "Tiny" 4 (blanks are not characters drawn).
    expect(w[0]?.message).toBe("40 character(s) not visible on the printed page were left out (20 clipped, 9 white on white, 7 off page, 4 tiny) on page(s) 1");
  });

  it("a document with nothing hidden gets no warning", async () => {
    const r = await readPdf(new Uint8Array(buildPdf(["BT /F1 12 Tf 72 700 Td (Plain) Tj ET"])), ctx);
    expect(r.warnings.map((w) => w.code)).not.toContain("pdf_invisible_text_dropped");
  });
});

describe("renderPage: page bitmaps from the same PDFium", () => {
  it("renders the rotated sample page in landscape at the chosen dpi, dark where the table border is", async () => {
    const img = await renderPage(sample("jiangsu-renda-2019-tables.pdf"), 3, { dpi: 72, gray: true });
    expect([img.width, img.height, img.channels, img.scale]).toEqual([1191, 842, 1, 1]);
    expect(img.data.length).toBe(1191 * 842);
    // The table's left border: the vertical rule at x ≈ 42.7 pt, y 161–235 pt (the reader's coordinates).
    const column = Array.from({ length: 60 }, (_, k) => img.data[(170 + k) * img.width + 43] ?? 255);
    expect(Math.min(...column)).toBeLessThan(128);
    // Blank paper below the table.
    expect(img.data[700 * img.width + 600]).toBe(255);
  });

  it("writes a PNG whose header and pixel data decode to the bitmap", async () => {
    const png = await renderPagePng(new Uint8Array(buildPdf(["0 g 100 700 200 50 re f"])), 1, { dpi: 36 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(298); // 595 pt at 0.5 px/pt
    expect(png.readUInt32BE(20)).toBe(421);
    expect(png[25]).toBe(2); // RGB
  });

  it("a render session keeps the document open across pages and renders each at its own dpi", async () => {
    const session = await openRenderer(new Uint8Array(buildPdf(["BT /F1 12 Tf 72 700 Td (A) Tj ET", "0 g 0 0 595 842 re f"])));
    try {
      expect(session.pageCount).toBe(2);
      const one = session.render(1, { dpi: 72, gray: true });
      const two = session.render(2, { dpi: 36, gray: true });
      expect([one.width, one.height, two.width, two.height]).toEqual([595, 842, 298, 421]);
      expect(one.data[400 * 595 + 300]).toBe(255); // white paper
      expect(two.data[200 * 298 + 150]).toBe(0); // page 2 is painted black
    } finally {
      session.close();
    }
  });

  it("an encrypted PDF cannot be opened for rendering either: encrypted", async () => {
    await expect(openRenderer(new Uint8Array(buildPdf(["BT /F1 12 Tf 72 700 Td (S) Tj ET"], { encrypt: true })))).rejects.toMatchObject({ code: "encrypted" });
  });

  it("a page outside the document is a RangeError", async () => {
    await expect(renderPage(new Uint8Array(buildPdf(["BT /F1 12 Tf 72 700 Td (A) Tj ET"])), 2)).rejects.toBeInstanceOf(RangeError);
  });
});

describe("encodePng", () => {
  it("round-trips a 3×2 grayscale image through zlib with the Up filter", () => {
    const data = new Uint8Array([0, 128, 255, 10, 20, 30]);
    const png = encodePng({ width: 3, height: 2, channels: 1, data });
    const idat = png.indexOf("IDAT");
    const len = png.readUInt32BE(idat - 4);
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + len));
    expect([...raw]).toEqual([2, 0, 128, 255, 2, 10, (20 - 128) & 0xff, (30 - 255) & 0xff]);
  });

  it("rejects a buffer too short for its size", () => {
    expect(() => encodePng({ width: 4, height: 4, channels: 3, data: new Uint8Array(10) })).toThrow(RangeError);
  });
});
