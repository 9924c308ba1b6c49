import { describe, expect, it } from "vitest";
import { tables, textAndFields, tocAndHeadings } from "../fixtures/docx/fixtures.js";
import { p, pRaw, tbl, textboxParagraph, tr } from "../fixtures/docx/build.js";
import { paragraphs, readParts, tablesOf } from "../fixtures/docx/helpers.js";

describe("docx tables", () => {
  it("keeps gridSpan, a vMerge over three rows, and rows shifted by gridBefore/gridAfter in their columns", async () => {
    const { blocks } = await readParts(tables);
    expect(blocks.map((b) => b.id)).toEqual(["p0", "t0"]);
    const [t] = tablesOf(blocks);
    expect(t?.provenance).toEqual({ part: "word/document.xml", tableIndex: 0 });
    const rows = t!.rows;
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({
      isHeaderHint: true,
      cells: [
        { text: "项目", colSpan: 1, rowSpan: 1, col: 0 },
        { text: "金额", colSpan: 3, rowSpan: 1, col: 1 },
      ],
    });
    // vMerge restart + two continuations → one cell spanning three rows; the continuation rows start at column 1.
    expect(rows[1]!.cells[0]).toEqual({ text: "一般公共预算", colSpan: 1, rowSpan: 3, col: 0 });
    expect(rows[2]!.cells).toEqual([
      { text: "1,234.50", colSpan: 1, rowSpan: 1, col: 1 },
      { text: "0.00", colSpan: 1, rowSpan: 1, col: 2 },
      { text: "—", colSpan: 1, rowSpan: 1, col: 3 },
    ]);
    expect(rows[3]!.cells.map((c) => c.col)).toEqual([1, 2, 3]);
    // gridBefore=2: the row's cells sit in grid columns 2 and 3 (mammoth would put them in 0 and 1).
    expect(rows[4]!.cells).toEqual([
      { text: "偏移一", colSpan: 1, rowSpan: 1, col: 2 },
      { text: "偏移二", colSpan: 1, rowSpan: 1, col: 3 },
    ]);
    expect(rows[5]!.cells.map((c) => [c.text, c.col])).toEqual([["左一", 0], ["左二", 1]]);
    // Paragraphs of a cell joined by "\n"; a gridSpan after them lands at column 2.
    expect(rows[6]!.cells).toEqual([
      { text: "合计", colSpan: 1, rowSpan: 1, col: 0 },
      { text: "1\n2", colSpan: 1, rowSpan: 1, col: 1 },
      { text: "尾", colSpan: 2, rowSpan: 1, col: 2 },
    ]);
  });

  it("does not merge a vMerge continuation into a cell of another column", async () => {
    const body = tbl(3, [tr(["a", { text: "b", vMerge: "restart" }, "c"]), tr(["d", { text: "", vMerge: "continue" }, "e"]), tr(["f", "g", "h"])]);
    const [t] = tablesOf((await readParts({ body })).blocks);
    expect(t!.rows.map((r) => r.cells.map((c) => `${c.text}@${c.col}x${c.rowSpan}`))).toEqual([
      ["a@0x1", "b@1x2", "c@2x1"],
      ["d@0x1", "e@2x1"],
      ["f@0x1", "g@1x1", "h@2x1"],
    ]);
  });
});

describe("docx text boxes and fields", () => {
  it("reads a DrawingML text box once (the Choice, not the VML fallback too), right after its host paragraph", async () => {
    const texts = paragraphs((await readParts(textAndFields)).blocks).map((b) => b.text);
    expect(texts).toEqual(["正文段落", "文本框内的说明", "另一段", "只有新式文本框", "共99页", "第7页"]);
  });

  it("keeps the cached result of w:fldSimple and of a complex field, not the field code", async () => {
    const ps = paragraphs((await readParts(textAndFields)).blocks);
    expect(ps.map((b) => b.text)).toContain("共99页");
    expect(ps.map((b) => b.text).join("|")).not.toMatch(/NUMPAGES|PAGE /);
  });

  it("leaves out hidden runs (w:vanish), as Word does not draw them", async () => {
    const body = pRaw(`<w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r>`);
    expect(paragraphs((await readParts({ body })).blocks).map((b) => b.text)).toEqual(["可见也可见"]);
  });

  it("reads a text box inside a table cell into the cell text", async () => {
    const cell = textboxParagraph("格", "框中字");
    const body = tbl(1, [`<w:tr><w:tc>${cell}</w:tc></w:tr>`]);
    const [t] = tablesOf((await readParts({ body })).blocks);
    expect(t!.rows[0]!.cells[0]!.text).toBe("格\n框中字");
  });
});

describe("docx table of contents and headings", () => {
  it("marks the TOC field's entries (and the 目录 title) as toc, without heading levels", async () => {
    const ps = paragraphs((await readParts(tocAndHeadings)).blocks);
    const toc = ps.filter((b) => b.role === "toc");
    expect(toc.map((b) => b.text)).toEqual(["目录", "第一部分 部门概况\t3", "一、部门职责\t3", "第二部分 预算表\t5"]);
    expect(toc.every((b) => b.headingLevel === undefined)).toBe(true);
  });

  it("takes heading levels from Heading/标题 styles (by name or id), basedOn chains and w:outlineLvl", async () => {
    const ps = paragraphs((await readParts(tocAndHeadings)).blocks).filter((b) => b.role !== "toc");
    expect(ps.map((b) => [b.text, b.headingLevel ?? null, b.style ?? null])).toEqual([
      ["第一部分 部门概况", 1, "heading 1"],
      ["一、部门职责", 2, "标题 2"],
      ["正文。", null, null],
      ["第二部分 预算表", 1, "我的章标题"],
      ["直接大纲级别", 3, null],
      ["正文大纲级别", null, null],
    ]);
  });

  it("recognizes a TOC without a field: TOC styles, or _Toc hyperlinks with page numbers", async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="目录 1"/></w:style>`;
    const body =
      p("一、部门概况\t2", { style: "a5" }) +
      `<w:p><w:hyperlink w:anchor="_Toc77"><w:r><w:t>二、收支情况</w:t></w:r><w:r><w:tab/><w:t>4</w:t></w:r></w:hyperlink></w:p>` +
      p("二、收支情况");
    const ps = paragraphs((await readParts({ body, styles })).blocks);
    expect(ps.map((b) => [b.text, b.role ?? "body"])).toEqual([
      ["一、部门概况\t2", "toc"],
      ["二、收支情况\t4", "toc"],
      ["二、收支情况", "body"],
    ]);
  });

  it("gives paragraphs provenance in document order, text-box paragraphs included", async () => {
    const { blocks } = await readParts(textAndFields);
    expect(paragraphs(blocks).map((b) => b.provenance)).toEqual(
      [0, 1, 2, 3, 4, 5].map((paragraphIndex) => ({ part: "word/document.xml", paragraphIndex })),
    );
  });

  it("returns the core-properties title", async () => {
    expect((await readParts({ body: p("x"), title: "2020年部门预算" })).title).toBe("2020年部门预算");
  });
});
