import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { findSoffice, readDoc } from "../../src/readers/doc/index.js";
import type { ParagraphBlock } from "../../src/model/index.js";
import { buildDocx, p } from "../fixtures/docx/build.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const taiyuan = path.join(repoRoot, "samples/taiyuan-fagai-2016-final.doc");
const soffice = findSoffice();

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.wmf"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/oleObject1.xlsx"/>
</Relationships>`;

/** An inline DrawingML picture of cx × cy EMU (9525 EMU = 1 px). */
const drawing = (rid: string, cx: number, cy: number) =>
  `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="1" name="图片 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="${rid}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
/** An embedded Excel sheet as Word writes it: a VML shape showing its preview, and the OLE object. */
const oleSheet = `<w:p><w:r><w:object><v:shape id="ole1" style="width:591.95pt;height:650.45pt"><v:imagedata r:id="rId8" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="Excel.Sheet.12" ShapeID="ole1" r:id="rId9"/></w:object></w:r></w:p>`;

async function readBody(body: string) {
  const zip = await JSZip.loadAsync(await buildDocx({ body }));
  zip.file("word/_rels/document.xml.rels", RELS);
  const bytes = await zip.generateAsync({ type: "uint8array" });
  const r = await readDocx(bytes, { path: "pictures.docx", limits: DEFAULT_LIMITS });
  return { r, pictures: r.warnings.filter((w) => w.code === "image_not_read") };
}

describe("docx reader: pictures and embedded objects in the body (image_not_read)", () => {
  it("names a table picture and an embedded Excel sheet by their parts, at the paragraph before them", async () => {
    const { r, pictures } = await readBody(p("一、收支总表") + drawing("rId7", 7_000_000, 8_000_000) + p("二、收入总表") + oleSheet);
    expect(r.blocks.map((b) => b.id)).toEqual(["p0", "p1"]);
    expect(pictures.map((w) => w.blockId)).toEqual(["p0", "p1"]);
    expect(pictures[0]!.message).toContain("A picture in the document's body was not read");
    expect(pictures[0]!.message).toContain(": media/image1.png.");
    expect(pictures[1]!.message).toContain("an embedded Excel.Sheet.12 object shown as media/image2.wmf");
  });

  it("a picture in a table's cell is at that table; consecutive pictures make one warning", async () => {
    const cell = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>附表</w:t></w:r></w:p>${drawing("rId7", 7_000_000, 3_000_000)}</w:tc></w:tr></w:tbl>`;
    const { pictures } = await readBody(cell + drawing("rId7", 7_000_000, 3_000_000) + drawing("rId7", 7_000_000, 3_000_000));
    expect(pictures.map((w) => w.blockId)).toEqual(["t0"]);
    expect(pictures[0]!.message).toMatch(/^3 pictures in the document's body were not read/);
  });

  it("ignores icon-sized pictures and shapes without a picture (a text box's text is read instead)", async () => {
    const icon = drawing("rId7", 16 * 9525, 16 * 9525);
    const { r, pictures } = await readBody(p("正文") + icon);
    expect(pictures).toEqual([]);
    expect((r.blocks[0] as ParagraphBlock).text).toBe("正文");
  });
});

describe.skipIf(!soffice || !existsSync(taiyuan))("太原发改委 2016 决算 (.doc, needs LibreOffice)", () => {
  it("its 公开01表 is an embedded Excel sheet: read as a table right after the 部门决算表 heading, no picture warning", async () => {
    process.env.TMPDIR = mkdtempSync(path.join(os.tmpdir(), "docx-pictures-"));
    const r = await readDoc(readFileSync(taiyuan), { path: taiyuan, limits: DEFAULT_LIMITS });
    expect(r.warnings.filter((w) => w.code === "image_not_read")).toEqual([]);
    const at = r.blocks.findIndex((b) => b.type === "paragraph" && b.text === "太原市发展和改革委员会2016年部门决算表");
    expect(r.blocks[at + 1]!.provenance).toMatchObject({ part: "word/embeddings/oleObject1.xlsx", sheet: "GK01 2016年收入支出决算表(公开01表)" });
  }, 120_000);
});
