import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractFile } from "../../src/extract.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { ExtractedDocument } from "../../src/model/index.js";
import { readPdf } from "../../src/readers/pdf/index.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";
import { boxHoldsFigure, figureOf, hasPdftotext, SLACK_PT } from "./pdf-boxes-poppler.js";

const havePoppler = hasPdftotext();
if (!havePoppler) console.warn("pdftotext (poppler-utils) is not installed: evidence boxes are not compared with poppler");

/** Facts' evidence items whose box does not hold the printed figure where poppler reads it. */
async function misplaced(rel: string): Promise<{ checked: number; bad: string[] }> {
  const file = corpus(rel);
  const doc = await extractFile(file, { ocr: "never" });
  const bad: string[] = [];
  let checked = 0;
  for (const fact of doc.facts) {
    for (const e of fact.evidence) {
      const figure = figureOf(e.quote);
      if (!figure) continue;
      checked++;
      if (e.page === undefined || !e.bbox || !boxHoldsFigure(file, e.page, e.bbox, figure)) bad.push(`${fact.key} p${e.page} "${e.quote}" ${JSON.stringify(e.bbox)}`);
    }
  }
  return { checked, bad };
}

describe.skipIf(!hasShared || !havePoppler)(`evidence boxes hold the printed figure as pdftotext -bbox places it (±${SLACK_PT} pt)`, () => {
  it.each([
    ["tables in 元", "calinchow-del+renwu/2026-pdf/020_西安_政府办公厅_2026年部门预算.pdf", 50],
    ["tables in 万元", "calinchow-del+renwu/2026-pdf/006_苏州_水务局_2026年部门预算.pdf", 80],
    ["narrative pages", "calinchow-del+renwu/2026-pdf/002_北京_文化广电旅游体育局_附件1：北京市文化和旅游局2026年度部门预算情况说明.pdf", 25],
  ])("%s: every fact's evidence box (%s)", async (_what, rel, atLeast) => {
    const { checked, bad } = await misplaced(rel);
    expect(checked).toBeGreaterThanOrEqual(atLeast);
    expect(bad).toEqual([]);
  }, 120_000);
});

describe.skipIf(!hasShared)("page sizes and boxes on a corpus PDF", () => {
  it("lists every page's size and boxes every paragraph, cell and amount of the 苏州 水务局 budget", async () => {
    const doc = await extractFile(corpus("calinchow-del+renwu/2026-pdf/006_苏州_水务局_2026年部门预算.pdf"), { ocr: "never" });
    expect(() => ExtractedDocument.parse(doc)).not.toThrow();
    expect(doc.pages?.length).toBeGreaterThan(20);
    expect(doc.pages?.[0]).toEqual({ number: 1, width: 595.3, height: 841.9 });
    const paragraphs = doc.blocks.filter((b) => b.type === "paragraph");
    expect(paragraphs.every((b) => b.provenance.bbox !== undefined)).toBe(true);
    const cells = doc.tables.flatMap((t) => t.cells);
    expect(cells.every((c) => c.page !== undefined && c.bbox !== undefined)).toBe(true);
    expect(doc.amounts.every((a) => a.page !== undefined && a.bbox !== undefined)).toBe(true);
    expect(doc.tables.flatMap((t) => t.parts ?? []).every((p) => p.page !== undefined && p.bbox !== undefined)).toBe(true);
    // Every box lies on its page.
    const size = new Map(doc.pages?.map((p) => [p.number, p]));
    for (const c of cells) {
      const p = size.get(c.page ?? 0);
      expect(c.bbox![0]).toBeGreaterThanOrEqual(0);
      expect(c.bbox![2]).toBeLessThanOrEqual((p?.width ?? 0) + 1);
      expect(c.bbox![3]).toBeLessThanOrEqual((p?.height ?? 0) + 1);
    }
  }, 60_000);
});

describe.skipIf(!hasShared)("character positions of a corpus PDF's paragraphs", () => {
  it("places every printed character of every paragraph once, on both pages of a paragraph cut by a page break", async () => {
    const file = corpus("calinchow-del+renwu/2026-pdf/006_苏州_水务局_2026年部门预算.pdf");
    const r = await readPdf(new Uint8Array(readFileSync(file)), { path: file, limits: DEFAULT_LIMITS, ocr: "never" });
    let continued = 0;
    for (const b of r.blocks) {
      if (b.type !== "paragraph") continue;
      const runs = r.geometry?.get(b.id) ?? [];
      const placed = new Array<number>(b.text.length).fill(0);
      for (const run of runs) {
        expect(run.edges.length).toBe(2 * (run.end - run.start));
        for (let i = run.start; i < run.end; i++) placed[i]! += 1;
      }
      const wrong = placed.map((n, i) => (n > 1 || (n === 0 && /\S/.test(b.text[i]!)) ? i : -1)).filter((i) => i >= 0);
      expect(wrong, b.text).toEqual([]);
      const pages = [...new Set(runs.map((run) => run.page))];
      if (pages.length > 1) {
        continued++;
        expect(pages).toEqual([b.provenance.page, b.provenance.page! + 1]);
      }
    }
    expect(continued).toBeGreaterThanOrEqual(5);
  }, 60_000);
});
