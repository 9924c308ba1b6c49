/**
 * Hostile Excel sheets embedded in a Word body (OLE Excel.Sheet.12 → word/embeddings/*.xlsx): the embedding is a zip
 * of its own, so its bombs must meet the same guards as the outer package, and its sizes count against what the outer
 * package left of --max-uncompressed-bytes.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type Limits } from "../../src/limits.js";
import { readDocx } from "../../src/readers/docx/index.js";
import type { RawTableBlock } from "../../src/model/index.js";
import { buildDocx, p } from "../fixtures/docx/build.js";
import { BUDGET_WORKBOOK, buildXlsx } from "../readers/xlsx-fixture.js";
import { deflateZeros, deflatedEntry, randomBytes, writeZip, type ZipEntry } from "./build.js";

const MB = 1024 * 1024;
const SHEET1 = "xl/worksheets/sheet1.xml";
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.wmf"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/oleObject1.xlsx"/>
</Relationships>`;
const OLE = `<w:p><w:r><w:object><v:shape id="ole1" style="width:591.95pt;height:650.45pt"><v:imagedata r:id="rId8" xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="Excel.Sheet.12" r:id="rId9"/></w:object></w:r></w:p>`;

/** The budget workbook's entries, honest, with some replaced or added. */
async function workbookEntries(replace: Record<string, ZipEntry> = {}, extra: ZipEntry[] = []): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildXlsx(BUDGET_WORKBOOK));
  const entries: ZipEntry[] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) entries.push(replace[name] ?? deflatedEntry(name, await zip.file(name)!.async("uint8array")));
  return writeZip([...entries, ...extra]);
}

async function docxEmbedding(embedding: Uint8Array, media?: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildDocx({ body: p("部门预算表") + OLE }));
  zip.file("word/_rels/document.xml.rels", RELS);
  zip.file("word/embeddings/oleObject1.xlsx", embedding);
  if (media) zip.file("word/media/image1.wmf", media, { compression: "STORE" });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const read = (bytes: Uint8Array, limits: Partial<Limits> = {}) => readDocx(bytes, { path: "hostile.docx", limits: { ...DEFAULT_LIMITS, ...limits } });

describe("hostile embedded sheets in a .docx", () => {
  it("an embedded zip bomb (64 MiB of zeros as the displayed sheet, honest headers) is refused by its ratio before inflating", async () => {
    const { stored, crc } = await deflateZeros(64 * MB);
    const inner = await workbookEntries({ [SHEET1]: { name: SHEET1, stored, method: 8, crc, declaredSize: 64 * MB } });
    const before = process.memoryUsage().rss;
    await expect(read(await docxEmbedding(inner))).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("looks like a zip bomb") });
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * MB);
  });

  it("an embedded sheet whose header lies (declares 2 KB, inflates to 64 MiB) stops at the declared size", async () => {
    const { stored, crc } = await deflateZeros(64 * MB);
    const inner = await workbookEntries({ [SHEET1]: { name: SHEET1, stored, method: 8, crc, declaredSize: 2048 } });
    await expect(read(await docxEmbedding(inner))).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("inflates past its declared size") });
  });

  it("the embedding's declared sizes count against what the outer package left of --max-uncompressed-bytes", async () => {
    const filler = deflatedEntry("xl/media/filler.bin", randomBytes(0.5 * MB));
    const inner = await workbookEntries({}, [filler]);
    const limits = { maxUncompressedBytes: 2 * MB };
    // The embedding's bytes and its contents both count (0.5 + 0.5 MB); with a 1.2 MB picture beside it that is too much,
    // though each package alone is under the limit.
    await expect(read(await docxEmbedding(inner), limits)).resolves.toBeDefined();
    await expect(read(await docxEmbedding(inner, randomBytes(1.2 * MB)), limits)).rejects.toMatchObject({ code: "too_large" });
  });

  it("an embedding inside the embedding is never opened: a lying bomb there costs nothing and the sheet is read", async () => {
    const { stored, crc } = await deflateZeros(64 * MB);
    const nested: ZipEntry = { name: "xl/embeddings/oleObject1.xlsx", stored, method: 8, crc, declaredSize: 2048 };
    const r = await read(await docxEmbedding(await workbookEntries({}, [nested])));
    const table = r.blocks.find((b): b is RawTableBlock => b.type === "table")!;
    expect(table.provenance).toMatchObject({ part: "word/embeddings/oleObject1.xlsx", sheet: "收支总表" });
  });

  it("an embedded sheet's cells count against --max-cells of the document", async () => {
    await expect(read(await docxEmbedding(await workbookEntries()), { maxCells: 10 })).rejects.toMatchObject({ code: "too_large" });
  });
});
