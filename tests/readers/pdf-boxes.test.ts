import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { ParagraphBlock, RawTableBlock } from "../../src/model/index.js";
import { extractBytes } from "../../src/extract.js";
import { boxOfRange } from "../../src/readers/layout/index.js";
import { readPdf } from "../../src/readers/pdf/index.js";
import { buildPdf } from "../fixtures/pdf.js";

const ctx = { path: "fixture.pdf", limits: DEFAULT_LIMITS, ocr: "never" as const };
/** Helvetica advance widths (AFM, 1/1000 em) of the characters these fixtures print. */
const HELVETICA: Record<string, number> = { T: 611, o: 556, t: 278, a: 556, l: 222, " ": 278, i: 222, n: 556, c: 500, m: 833, e: 556, ".": 278, ",": 278, d: 556 };
const advance = (text: string, size: number): number => Array.from(text).reduce((w, ch) => w + (/\d/.test(ch) ? 556 : (HELVETICA[ch] ?? NaN)), 0) * (size / 1000);
const paragraphs = (blocks: { type: string }[]): ParagraphBlock[] => blocks.filter((b): b is ParagraphBlock => b.type === "paragraph");

describe("PDF page boxes: characters of a paragraph", () => {
  it("boxes a figure inside a line by its glyphs, in points from the page's top-left", async () => {
    const r = await readPdf(new Uint8Array(buildPdf(["BT /F1 12 Tf 72 700 Td (Total income 1234.56 end) Tj ET"])), ctx);
    const p = paragraphs(r.blocks)[0]!;
    expect(p.text).toBe("Total income 1234.56 end");
    const start = p.text.indexOf("1234.56");
    const found = boxOfRange(r.geometry!.get(p.id)!, start, start + 7);
    expect(found?.page).toBe(1);
    const [x0, y0, x1, y1] = found!.box;
    expect(x0).toBeCloseTo(72 + advance("Total income ", 12), 0);
    expect(x1).toBeCloseTo(72 + advance("Total income 1234.56", 12), 0);
    // Baseline 700 pt above the bottom of an 842 pt page: 142 pt from the top, inside the glyphs' box.
    expect(y0).toBeLessThan(142 - 6);
    expect(y1).toBeGreaterThan(142);
    expect(y1).toBeLessThan(142 + 6);
    expect(p.provenance.bbox?.[0]).toBeCloseTo(72, 0);
    expect(p.provenance.bbox?.[2]).toBeCloseTo(72 + advance("Total income 1234.56 end", 12), 0);
    expect(r.pageSizes).toEqual([{ number: 1, width: 595, height: 842 }]);
  });

  it("boxes each part of a paragraph continued across a page break on its own page", async () => {
    // Full lines of digit groups (every digit is 556/1000 em wide), the last one without closing punctuation.
    const line = (k: number): string => Array.from({ length: 8 }, (_, j) => `${k}${j}${j}${j}`).join(" ");
    const page1 = [0, 1, 2, 3].map((k) => `BT /F1 12 Tf 72 ${700 - k * 14} Td (${line(k + 1)}) Tj ET`).join("\n");
    const page2 = "BT /F1 12 Tf 72 700 Td (9000 9111 ends here.) Tj ET";
    const r = await readPdf(new Uint8Array(buildPdf([page1, page2])), ctx);
    const joined = paragraphs(r.blocks).find((b) => b.text.includes("4777") && b.text.includes("9000"));
    expect(joined, paragraphs(r.blocks).map((b) => b.text).join(" | ")).toBeDefined();
    const runs = r.geometry!.get(joined!.id)!;
    const at = (token: string) => boxOfRange(runs, joined!.text.indexOf(token), joined!.text.indexOf(token) + token.length);
    expect(at("9111")?.page).toBe(2);
    expect(at("9111")?.box[0]).toBeCloseTo(72 + advance("9000 ", 12), 0);
    expect(at("9111")?.box[1]).toBeLessThan(142);
    expect(at("4777")?.page).toBe(1);
    expect(at("4777")?.box[1]).toBeLessThan(142 + 3 * 14);
    expect(at("4777")?.box[3]).toBeGreaterThan(142 + 3 * 14);
    // The block's own box is its part on its first page: the four lines there.
    expect(joined!.provenance.page).toBe(1);
    expect(joined!.provenance.bbox?.[3]).toBeLessThan(142 + 3 * 14 + 6);
    expect(joined!.provenance.bbox?.[1]).toBeLessThan(142);
  });
});

describe("PDF page boxes: ruled table cells", () => {
  // A 2×2 grid: x = 72, 222, 372; y (PDF, from the bottom) = 700, 680, 660 → 142, 162, 182 from the top.
  const rules = ["72 700 m 372 700 l S", "72 680 m 372 680 l S", "72 660 m 372 660 l S", "72 700 m 72 660 l S", "222 700 m 222 660 l S", "372 700 m 372 660 l S"];
  const text = ["BT /F1 10 Tf 80 686 Td (Total) Tj ET", "BT /F1 10 Tf 300 686 Td (1,234.56) Tj ET", "BT /F1 10 Tf 80 666 Td (Other) Tj ET", "BT /F1 10 Tf 300 666 Td (20.00) Tj ET"];
  const pdf = new Uint8Array(buildPdf([`0.5 w ${rules.join(" ")} ${text.join(" ")}`]));

  it("gives each cell its ruled frame and the table its outer frame", async () => {
    const r = await readPdf(pdf, ctx);
    const t = r.blocks.find((b): b is RawTableBlock => b.type === "table")!;
    expect(t.rows.map((row) => row.cells.map((c) => c.text))).toEqual([["Total", "1,234.56"], ["Other", "20.00"]]);
    const figure = t.rows[0]!.cells[1]!;
    expect(figure.page).toBe(1);
    figure.bbox!.forEach((v, i) => expect(v).toBeCloseTo([222, 142, 372, 162][i]!, 0));
    t.rows[1]!.cells[0]!.bbox!.forEach((v, i) => expect(v).toBeCloseTo([72, 162, 222, 182][i]!, 0));
    t.provenance.bbox!.forEach((v, i) => expect(v).toBeCloseTo([72, 142, 372, 182][i]!, 0));
  });

  it("passes the frames to the table layer's cells and the page size to the document", async () => {
    const doc = await extractBytes(pdf, { path: "fixture.pdf", ocr: "never" });
    expect(doc.pages).toEqual([{ number: 1, width: 595, height: 842 }]);
    const cell = doc.tables[0]?.cells.find((c) => c.text === "20.00");
    expect(cell?.page).toBe(1);
    cell!.bbox!.forEach((v, i) => expect(v).toBeCloseTo([222, 162, 372, 182][i]!, 0));
    expect(doc.tables[0]?.parts?.[0]?.bbox).toEqual(doc.tables[0]?.provenance[0]?.bbox);
  });
});
