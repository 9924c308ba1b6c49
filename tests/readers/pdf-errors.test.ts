import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ExtractError } from "../../src/errors.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readPdf } from "../../src/readers/pdf/index.js";
import { buildPdf } from "../fixtures/pdf.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ctx = (p: string): { path: string; limits: typeof DEFAULT_LIMITS } => ({ path: p, limits: DEFAULT_LIMITS });

const makePdf = (pageContents: string[]): Uint8Array => new Uint8Array(buildPdf(pageContents));

async function errorOf(p: Promise<unknown>): Promise<ExtractError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
  throw new Error("expected an ExtractError");
}

describe("readPdf errors", () => {
  it("a PDF whose pages only paint (a scan) is no_text_layer and says OCR is needed", async () => {
    // A grey rectangle stands in for the page image: drawing, but no text.
    const bytes = makePdf(["0.5 g 50 50 495 742 re f", "0.5 g 50 50 495 742 re f"]);
    const e = await errorOf(readPdf(bytes, ctx("scan.pdf")));
    expect(e.code).toBe("no_text_layer");
    expect(e.message).toMatch(/OCR/);
  });

  it("the same generator with a text operator does read: the fixture itself is valid", async () => {
    const r = await readPdf(makePdf(["BT /F1 12 Tf 72 700 Td (Budget 2024) Tj ET"]), ctx("text.pdf"));
    expect(r.blocks).toMatchObject([{ type: "paragraph", text: "Budget 2024", provenance: { page: 1 } }]);
  });

  it("a page without text among text pages is a warning, not an error", async () => {
    const r = await readPdf(makePdf(["BT /F1 12 Tf 72 700 Td (Page one) Tj ET", "0.5 g 50 50 495 742 re f"]), ctx("mixed.pdf"));
    expect(r.warnings.map((w) => w.code)).toContain("pdf_pages_without_text");
  });

  it("bytes that are not a PDF, or a truncated PDF, are corrupt", async () => {
    expect((await errorOf(readPdf(new TextEncoder().encode("%PDF-1.4\ngarbage"), ctx("bad.pdf")))).code).toBe("corrupt");
    const sample = readFileSync(path.join(repoRoot, "samples", "jiangsu-renda-2019-tables.pdf"));
    const truncated = new Uint8Array(sample.subarray(0, 2000));
    expect((await errorOf(readPdf(truncated, ctx("truncated.pdf")))).code).toBe("corrupt");
  });

  it("leaves the caller's buffer usable (pdf.js detaches what it is given)", async () => {
    const bytes = makePdf(["BT /F1 12 Tf 72 700 Td (Again) Tj ET"]);
    await readPdf(bytes, ctx("a.pdf"));
    expect(bytes.byteLength).toBeGreaterThan(0);
    const again = await readPdf(bytes, ctx("a.pdf"));
    expect(again.blocks).toHaveLength(1);
  });
});

const shared = path.resolve(repoRoot, "../shared");
const corpus = path.join(shared, "corpus");
const hasCorpus = existsSync(corpus);
const corpusPdfs = hasCorpus
  ? (readdirSync(corpus, { recursive: true }) as string[]).filter((f) => f.toLowerCase().endsWith(".pdf")).sort()
  : [];

describe.skipIf(!hasCorpus)("readPdf over every PDF in ../shared/corpus (skipped when ../shared is absent)", () => {
  it.each(corpusPdfs)("%s reads or fails with a typed error", { timeout: 120_000 }, async (rel) => {
    const file = path.join(corpus, rel);
    try {
      // The text layer as printed; OCR of the scans among them is tests/readers/ocr-scan.test.ts's.
      const r = await readPdf(new Uint8Array(readFileSync(file)), { ...ctx(file), ocr: "never" });
      expect(r.blocks.length).toBeGreaterThan(0);
      for (const b of r.blocks) expect(b.provenance.page).toBeGreaterThan(0);
    } catch (e) {
      expect(e).toBeInstanceOf(ExtractError);
      expect((e as ExtractError).code).not.toBe("internal");
    }
  });

  it("with OCR off (--ocr never), the scanned 2026 budgets are no_text_layer", async () => {
    const scans = corpusPdfs.filter((f) => /021_泉州_商务局_2026年部门预算|042_榆林_信访局/.test(f));
    expect(scans.length).toBe(2);
    for (const rel of scans) {
      const file = path.join(corpus, rel);
      expect((await errorOf(readPdf(new Uint8Array(readFileSync(file)), { ...ctx(file), ocr: "never" }))).code).toBe("no_text_layer");
    }
  });
});
