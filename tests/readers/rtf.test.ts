import { describe, expect, test } from "vitest";
import { extractBytes } from "../../src/extract.js";
import { detectFormat } from "../../src/readers/index.js";
import { findSoffice, readRtfWith } from "../../src/readers/doc/index.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";

/** RTF as Word writes it: control words, a font table, CJK text as \uN? escapes. */
function rtf(paragraphs: string[]): Uint8Array {
  const esc = (s: string) => [...s].map((ch) => (ch.charCodeAt(0) < 128 ? ch : `\\u${ch.charCodeAt(0)}?`)).join("");
  const body = paragraphs.map((p) => `${esc(p)}\\par\n`).join("");
  return new Uint8Array(Buffer.from(`{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil SimSun;}}\\f0\\fs24\n${body}}`, "latin1"));
}

const soffice = findSoffice();
const SKIP = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui): RTF reading tests skipped";
const doc = rtf(["一、部门职责", "2026年部门预算收入总计1,234.56万元。"]);

describe("RTF saved under a .doc name", () => {
  test("is detected as rtf by its bytes, BOM and leading whitespace allowed, never as text", () => {
    expect(detectFormat(doc)).toBe("rtf");
    expect(detectFormat(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, ...doc]))).toBe("rtf");
    expect(detectFormat(new Uint8Array(Buffer.from("{\\rt not rtf}")))).toBe("text");
  });

  test.skipIf(!soffice)(`is read through LibreOffice as a document, its control words gone (${soffice ? "soffice found" : SKIP})`, async () => {
    const out = await extractBytes(doc, { path: "budget.doc" });
    expect(out.source.format).toBe("rtf");
    const texts = out.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []));
    expect(texts).toEqual(["一、部门职责", "2026年部门预算收入总计1,234.56万元。"]);
    expect(JSON.stringify(out)).not.toContain("\\\\rtf1");
  }, 120_000);

  test("without LibreOffice it is a typed unsupported_format that names the program", async () => {
    await expect(readRtfWith(() => null)(doc, { path: "budget.doc", limits: DEFAULT_LIMITS })).rejects.toMatchObject({
      code: "unsupported_format",
      message: expect.stringContaining("apt-get install libreoffice-writer-nogui"),
    });
  });
});
