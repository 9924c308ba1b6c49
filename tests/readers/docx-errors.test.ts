import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { ExtractError } from "../../src/errors.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { buildDocx, p } from "../fixtures/docx/build.js";

const ctx = { path: "bad.docx", limits: DEFAULT_LIMITS };

async function errorOf(promise: Promise<unknown>): Promise<ExtractError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ExtractError);
    return e as ExtractError;
  }
  throw new Error("expected the reader to throw");
}

async function withDocumentXml(xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildDocx({ body: p("x") }));
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("docx errors", () => {
  it("a truncated zip is corrupt, with advice", async () => {
    const bytes = await buildDocx({ body: p("一、概况") });
    const e = await errorOf(readDocx(bytes.slice(0, Math.floor(bytes.length / 2)), ctx));
    expect(e.code).toBe("corrupt");
    expect(e.message).toMatch(/truncated or damaged/);
  });

  it("a zip without word/document.xml is corrupt", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "not a word document");
    const e = await errorOf(readDocx(await zip.generateAsync({ type: "uint8array" }), ctx));
    expect(e.code).toBe("corrupt");
    expect(e.message).toContain("word/document.xml");
  });

  it("broken XML is corrupt", async () => {
    const e = await errorOf(readDocx(await withDocumentXml("<w:document><w:body><w:p></w:body>"), ctx));
    expect(e.code).toBe("corrupt");
    expect(e.message).toMatch(/not well-formed/);
  });

  it("a DTD with entity definitions is never expanded (billion laughs is rejected, not evaluated)", async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>';
    const e = await errorOf(readDocx(await withDocumentXml(bomb), ctx));
    expect(e.code).toBe("corrupt");
  });

  it("XML nested deeper than maxXmlDepth is too_large", async () => {
    const deep = "<w:sdt><w:sdtContent>".repeat(20) + p("x") + "</w:sdtContent></w:sdt>".repeat(20);
    const bytes = await buildDocx({ body: deep });
    const e = await errorOf(readDocx(bytes, { path: "deep.docx", limits: { ...DEFAULT_LIMITS, maxXmlDepth: 30 } }));
    expect(e.code).toBe("too_large");
    expect((await readDocx(bytes, ctx)).blocks).toHaveLength(1);
  });

  it("declared sizes over maxUncompressedBytes are too_large before inflating", async () => {
    const bytes = await buildDocx({ body: p("一、概况") });
    const e = await errorOf(readDocx(bytes, { path: "x.docx", limits: { ...DEFAULT_LIMITS, maxUncompressedBytes: 1000 } }));
    expect(e.code).toBe("too_large");
  });

  it("an entry with a zip-bomb compression ratio is too_large", async () => {
    const zip = await JSZip.loadAsync(await buildDocx({ body: p("x") }));
    zip.file("word/media/padding.bin", new Uint8Array(4 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const e = await errorOf(readDocx(bytes, ctx));
    expect(e.code).toBe("too_large");
    expect(e.message).toMatch(/zip bomb/);
  });

  it("warns, not fails, when a paragraph uses a list numbering.xml does not define", async () => {
    const r = await readDocx(await buildDocx({ body: p("甲", { numId: 42, ilvl: 0 }) }), ctx);
    expect(r.blocks).toHaveLength(1);
    expect(r.warnings.map((w) => w.code)).toEqual(["docx_numbering_missing"]);
  });
});
