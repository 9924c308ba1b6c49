import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, test } from "vitest";
import type { ExtractedDocument } from "../../src/model/index.js";
import {
  citations,
  PAGE_SETTINGS,
  pageImageName,
  pixelFrame,
  renderReportHtml,
  renderReportPages,
  writePageImages,
  type PageImage,
} from "../../src/writers/report/index.js";
import { encodePng } from "../../src/util/png.js";
import { decodePng, pixelAt } from "./png-decode.js";
import { boxedEvidence, extractPutuo, HOSTILE_NAME, putuoBytes, withFailedCheck, withHostileText } from "./pdf-fixtures.js";

let doc: ExtractedDocument;
let evidencePageImages: PageImage[];
beforeAll(async () => {
  doc = await extractPutuo();
  evidencePageImages = await renderReportPages(putuoBytes(), doc, "evidence");
});

/** The pages holding evidence, read from the evidence itself. */
const pagesOfEvidence = (d: ExtractedDocument) => [...new Set(citations(d).map((c) => c.ev.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);

describe("--pages: which PDF pages the report shows", () => {
  test("evidence (the default) shows exactly the pages some fact, line item, check or meta field cites", () => {
    // 普陀 社会福利院: pages 3 and 4 (目录 and the 部门职责 text) hold no figure anything cites.
    expect(pagesOfEvidence(doc)).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(evidencePageImages.map((p) => p.page)).toEqual(pagesOfEvidence(doc));
  });

  test("all shows every page, none shows none", async () => {
    expect((await renderReportPages(putuoBytes(), doc, "all")).map((p) => p.page)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(await renderReportPages(putuoBytes(), doc, "none")).toEqual([]);
  });

  test(`images are gray PNGs at ${PAGE_SETTINGS.htmlDpi} dpi, sized from the page in points`, () => {
    const seventh = evidencePageImages.find((p) => p.page === 7)!;
    const png = decodePng(seventh.png);
    // Landscape A4 (841.85 × 595.25 pt) at 100 dpi.
    expect([png.width, png.height]).toEqual([Math.round((841.85 * 100) / 72), Math.round((595.25 * 100) / 72)]);
    expect([png.colorType, png.bitDepth]).toEqual([0, 4]);
    expect([seventh.widthPt, seventh.heightPt]).toEqual([841.85, 595.25]);
    // The page is mostly white paper with dark print on it.
    const dark = png.pixels.filter((v) => v < 128).length;
    expect(dark / png.pixels.length).toBeGreaterThan(0.005);
    expect(dark / png.pixels.length).toBeLessThan(0.2);
  });
});

describe("boxes in the static HTML (no script needed)", () => {
  let $: cheerio.CheerioAPI;
  beforeAll(() => {
    $ = cheerio.load(renderReportHtml(doc, { pages: evidencePageImages, pageCount: 16 }));
  });

  test("every shown page is an embedded, lazy-loaded PNG, and every boxed evidence item is a box over its page", () => {
    expect($("figure.pdf-page img").toArray().map((img) => $(img).attr("loading"))).toEqual(evidencePageImages.map(() => "lazy"));
    // Self-contained: every image is a PNG inside the page (the CSP allows img-src data: only).
    for (const img of $("img").toArray()) expect($(img).attr("src")!.startsWith("data:image/png;base64,iVBORw0KGgo")).toBe(true);
    const boxed = boxedEvidence(doc);
    expect(boxed.length).toBeGreaterThan(400);
    for (const ev of boxed) {
      const sheet = $(`#page-${ev.page} .sheet`);
      const size = doc.pages!.find((p) => p.number === ev.page)!;
      const m = PAGE_SETTINGS.marginPt;
      const [x0, y0, x1, y1] = ev.bbox;
      const want = `left:${pct(((x0 - m) / size.width) * 100)};top:${pct(((y0 - m) / size.height) * 100)};width:${pct(((x1 - x0 + 2 * m) / size.width) * 100)};height:${pct(((y1 - y0 + 2 * m) / size.height) * 100)}`;
      const box = sheet.children(".box").filter((_, el) => $(el).attr("style") === want);
      expect(box.length, `${ev.quote} on page ${ev.page}`).toBe(1);
    }
    // One box per distinct place: 505 evidence items on this sample cite fewer places.
    expect($(".sheet .box").length).toBe(new Set(boxed.map((e) => `${e.page}|${e.bbox.join(",")}`)).size);
  });

  test("a fact's link goes to its first box and names all of them; a box links back to the reconstructed cell", () => {
    const i = doc.facts.findIndex((f) => f.key === "income.total");
    const link = $(`#fact-${i} a.fact-link`);
    const ids = link.attr("data-boxes")!.split(" ");
    expect(ids).toHaveLength(doc.facts[i]!.evidence.length);
    expect(link.attr("href")).toBe(`#${ids[0]}`);
    const first = $(`#${ids[0]}`);
    expect(first.parent().parent().attr("id")).toBe(`page-${doc.facts[i]!.evidence[0]!.page}`);
    // The first evidence is the 收支总表's 收入总计 cell; its box links to that cell, and the cell links back.
    const cell = $(first.attr("href")!);
    expect(cell.is("td")).toBe(true);
    expect(cell.text()).toContain(doc.facts[i]!.evidence[0]!.quote);
    expect(cell.find("a.to-page").attr("href")).toBe(`#${ids[0]}`);
  });

  test("every link from the reconstruction to a box is answered by the box linking back", () => {
    const links = $("#text a.to-page").toArray();
    expect(links.length).toBeGreaterThan(100);
    for (const a of links) {
      const box = $($(a).attr("href")!);
      expect(box.is(".sheet .box")).toBe(true);
      // The link sits inside its cell, or right after its mark in a paragraph.
      const owner = $(a).parent().is("td, th") ? $(a).parent() : $(a).prev("mark");
      expect(owner.length).toBe(1);
      expect(box.attr("href")).toBe(`#${owner.attr("id")}`);
    }
  });

  test("a failed check's terms are boxes of their own colour, and its evidence links go to them", () => {
    const { doc: failing, rule } = withFailedCheck(doc);
    const page = cheerio.load(renderReportHtml(failing, { pages: evidencePageImages }));
    const row = page("#validations tr.status-fail").filter((_, tr) => page(tr).find("code").text() === rule);
    const links = row.find(".ev-links a").toArray();
    expect(links.length).toBeGreaterThan(1);
    for (const a of links) expect(page(page(a).attr("href")!).is(".box.fail")).toBe(true);
  });

  test("document text in box tooltips and links stays text", () => {
    const page = cheerio.load(renderReportHtml(withHostileText(doc), { pages: evidencePageImages }));
    expect(page("script")).toHaveLength(1);
    expect(page("img")).toHaveLength(evidencePageImages.length);
    expect(page("img[onerror]")).toHaveLength(0);
    const itemBox = page(page("#item-0 a.item-link").attr("href")!);
    expect(itemBox.attr("title")).toContain(HOSTILE_NAME);
  });

  test("without page images the report is as before: no page section, links go to the reconstruction", () => {
    const page = cheerio.load(renderReportHtml(doc));
    expect(page("#pages, .box, a.to-page")).toHaveLength(0);
    const href = page("#fact-0 a.fact-link").attr("href")!;
    expect(page(href).is("td, mark")).toBe(true);
  });
});

describe("--page-images: annotated pages as PNG files", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "page-images-"));
    files = await writePageImages(putuoBytes(), doc, dir);
  });

  test("one file per evidence page, named page-003.png", () => {
    expect(readdirSync(dir).sort()).toEqual(pagesOfEvidence(doc).map((n) => pageImageName(n, 16)));
    expect(files.map((f) => path.basename(f))).toContain("page-007.png");
    expect(pageImageName(3, 16)).toBe("page-003.png");
    expect(pageImageName(12, 1200)).toBe("page-0012.png");
  });

  test(`each decodes as an RGB PNG of the page at ${PAGE_SETTINGS.imageDpi} dpi`, () => {
    for (const n of [1, 7, 16]) {
      const png = decodePng(readFileSync(path.join(dir, pageImageName(n, 16))));
      const size = doc.pages!.find((p) => p.number === n)!;
      const scale = PAGE_SETTINGS.imageDpi / 72;
      expect([png.width, png.height, png.channels]).toEqual([Math.round(size.width * scale), Math.round(size.height * scale), 3]);
    }
  });

  test("the pixels on a box's outline are the box colour, the figure inside it is left as printed", () => {
    const income = doc.facts.find((f) => f.key === "income.total")!.evidence[0]!;
    const png = decodePng(readFileSync(path.join(dir, pageImageName(income.page!, 16))));
    const [x0, y0, x1, y1] = pixelFrame(income.bbox!, PAGE_SETTINGS.imageDpi / 72, png.width, png.height);
    const blue = [...PAGE_SETTINGS.colours.evidence];
    const midX = Math.round((x0 + x1) / 2);
    const midY = Math.round((y0 + y1) / 2);
    for (const [x, y] of [[midX, y0], [midX, y1], [x0, midY], [x1, midY], [x0 + 1, y0 + 1], [x1 - 1, y1 - 1]] as const) {
      expect(pixelAt(png, x, y), `(${x}, ${y})`).toEqual(blue);
    }
    // Inside the frame: the printed figure's dark pixels, and no outline colour.
    let dark = 0;
    for (let y = y0 + PAGE_SETTINGS.outlinePx; y <= y1 - PAGE_SETTINGS.outlinePx; y++) {
      for (let x = x0 + PAGE_SETTINGS.outlinePx; x <= x1 - PAGE_SETTINGS.outlinePx; x++) {
        const [r, g, b] = pixelAt(png, x, y);
        if (r! < 100 && g! < 100 && b! < 100) dark++;
        expect([r, g, b]).not.toEqual(blue);
      }
    }
    expect(dark).toBeGreaterThan(50);
  });

  test("a failed check's terms are outlined red", async () => {
    const { doc: failing, rule } = withFailedCheck(doc);
    const out = mkdtempSync(path.join(os.tmpdir(), "page-images-fail-"));
    await writePageImages(putuoBytes(), failing, out);
    const term = failing.validations.find((v) => v.rule === rule)!.evidence[0]!;
    const png = decodePng(readFileSync(path.join(out, pageImageName(term.page!, 16))));
    const [x0, y0, x1] = pixelFrame(term.bbox!, PAGE_SETTINGS.imageDpi / 72, png.width, png.height);
    expect(pixelAt(png, Math.round((x0 + x1) / 2), y0)).toEqual([...PAGE_SETTINGS.colours.fail]);
  });
});

describe("encodePng, 4-bit gray", () => {
  test("round-trips 16 levels, odd widths padded, through an independent decoder", () => {
    const data = new Uint8Array([0, 17, 34, 255, 128, 119, 136, 250, 9]);
    const png = decodePng(encodePng({ width: 3, height: 3, channels: 1, data }, { bitDepth: 4 }));
    expect([png.width, png.height, png.bitDepth]).toEqual([3, 3, 4]);
    // Each value rounded to the nearest multiple of 17.
    expect([...png.pixels]).toEqual([0, 17, 34, 255, 136, 119, 136, 255, 17]);
  });
});

function pct(v: number): string {
  return `${(Math.round(v * 1000) / 1000).toString()}%`;
}
