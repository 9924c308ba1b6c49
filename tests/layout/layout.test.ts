import { describe, expect, it } from "vitest";
import type { ParagraphBlock, RawTableBlock, ReaderBlock } from "../../src/model/index.js";
import { layoutPages } from "../../src/readers/layout/index.js";
import type { PageFragments, RulingLine, TextFragment } from "../../src/readers/layout/types.js";
import { BlockIds } from "../../src/readers/types.js";

const SIZE = 10;

/** A run of text at (x, y) with the width its characters take in a 10pt font (CJK 1em, others 0.5em). */
function run(text: string, x: number, y: number, size = SIZE): TextFragment {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return { text, x, y, width: ems * size, height: size };
}

function page(n: number, fragments: TextFragment[], lines?: RulingLine[]): PageFragments {
  const p: PageFragments = { page: n, width: 600, height: 800, fragments };
  if (lines) p.lines = lines;
  return p;
}

const texts = (blocks: ReaderBlock[]): string[] =>
  blocks.filter((b): b is ParagraphBlock => b.type === "paragraph").map((b) => b.text);

function layout(pages: PageFragments[]): ReaderBlock[] {
  return layoutPages(pages, new BlockIds()).blocks;
}

describe("layoutPages: lines and paragraphs", () => {
  it("glues CJK glyph runs without spaces and keeps a space between Latin words", () => {
    const blocks = layout([page(1, [run("上海市普陀", 100, 100), run("区", 150, 100), run("2024", 160, 100), run("年预算", 180, 100), run("PDF", 300, 150), run("text", 318, 150)])]);
    expect(texts(blocks)).toEqual(["上海市普陀区2024年预算", "PDF text"]);
  });

  it("orders lines top to bottom even when runs arrive out of order", () => {
    const blocks = layout([page(1, [run("第二行。", 100, 130), run("第一行。", 100, 100)])]);
    expect(texts(blocks)).toEqual(["第一行。", "第二行。"]);
  });

  it("joins wrapped lines, breaks on first-line indent, and rejoins numbers split across lines", () => {
    // Right margin at x=300: full lines end there; paragraphs start indented by 2em.
    const full = "一二三四五六七八九十一二三四五六七八";
    const blocks = layout([
      page(1, [
        run(`${full}`, 120, 100),
        run(`${full}一二`, 100, 114),
        run("收入1,234.", 100, 128),
        run("56万元。", 100, 142),
        run("新段落开始了。", 120, 170),
      ]),
    ]);
    // "收入1,234." is short, so the paragraph ends after it? No: it is short, but the join happens before.
    expect(texts(blocks)[0]).toBe(`${full}${full}一二收入1,234.`);
    expect(texts(blocks)).toContain("新段落开始了。");
  });

  it("goes on past a line left short because the figure that follows did not fit in the room left", () => {
    // Text width 100..300. The second line stops 40 short of the margin; "25,550.80" is 45 wide: it never broke.
    const first = "政府采购预算总金额一二三四万元。其中";
    const second = "拟购买货物三百万元拟购买服务为一";
    const blocks = layout([
      page(1, [run(first, 120, 100), run(second, 100, 114), run("25,550.80万元。", 100, 128), run(first, 120, 160), run(second, 100, 174), run("二五五万元。", 100, 188), run(first, 100, 220)]),
    ]);
    expect(texts(blocks)).toEqual([`${first}${second}25,550.80万元。`, `${first}${second}`, "二五五万元。", first]);
    // "976.9" alone (25 wide) would fit in the room left; with the unit printed against it (45 wide) it does not.
    const withUnit = layout([page(1, [run(first, 120, 100), run(second, 100, 114), run("976.9万元，其中：", 100, 128)])]);
    expect(texts(withUnit)).toEqual([`${first}${second}976.9万元，其中：`]);
  });

  it("keeps a double-spaced paragraph whole: a gap as wide as the page's line spacing is no paragraph break", () => {
    // 10 pt text on a 25 pt pitch: every gap is 1.5 em, over the 1.2 em paragraph gap but the page's usual one.
    const full = "一二三四五六七八九十一二三四五六七八九十";
    const lines = [run(full.slice(2), 120, 100), run(full, 100, 125), run("不承担责任。", 100, 150), run(full.slice(2), 120, 175), run("完。", 100, 200)];
    expect(texts(layout([page(1, lines)]))).toEqual([`${full.slice(2)}${full}不承担责任。`, `${full.slice(2)}完。`]);
    // A gap wider than that pitch by over half an em still ends the paragraph.
    const apart = [run(full.slice(2), 120, 100), run(full, 100, 125), run(full, 100, 150), run(full, 100, 181), run("完。", 100, 206)];
    expect(texts(layout([page(1, apart)]))).toEqual([`${full.slice(2)}${full}${full}`, `${full}完。`]);
  });

  it("rejoins an amount broken at the right margin", () => {
    const body = "一二三四五六七八九十一二三四五六七八九";
    const blocks = layout([page(1, [run(`${body}1,212.`, 100, 100), run("12万元。", 100, 114), run(`${body}一二三`, 100, 200)])]);
    expect(texts(blocks)[0]).toBe(`${body}1,212.12万元。`);
  });

  it("starts a new paragraph at a numbered heading after a sentence end", () => {
    const line = "一二三四五六七八九十一二三四五六七八九。";
    const blocks = layout([page(1, [run(line, 100, 100), run("二、部门预算收支情况说明二三四五六七八九", 100, 114)])]);
    expect(texts(blocks)).toEqual([line, "二、部门预算收支情况说明二三四五六七八九"]);
  });

  it("joins a wide centred title with its centred second line but starts a paragraph at an item indented under a full line", () => {
    // Text width 100..300 (20 characters). The title's second line is inset at both ends; "（七）" is inset at the left only.
    const full = "一二三四五六七八九十一二三四五六七八九十";
    const blocks = layout([
      page(1, [
        run("关于某某局二〇二六年部门预算收支情况的说明", 95, 60),
        run("（草案）", 180, 74),
        run("（六）一二三四五六七八九十一二三四五", 120, 120),
        run("一二三四五六七八九十一二三四五六七八九。", 100, 134),
        run("（七）一二三四五六七八九十一二三四五", 120, 148),
        run("一二三四五六。", 100, 162),
        ...[176, 190, 204, 218].map((y) => run(full, 100, y)),
      ]),
    ]);
    expect(texts(blocks).slice(0, 3)).toEqual([
      "关于某某局二〇二六年部门预算收支情况的说明（草案）",
      "（六）一二三四五六七八九十一二三四五一二三四五六七八九十一二三四五六七八九。",
      "（七）一二三四五六七八九十一二三四五一二三四五六。",
    ]);
  });

  it("closes up a paragraph line that justification spread apart, but keeps a label line after it in pieces", () => {
    // Text width 100..300; "1,463.80万元" could not break, so the second line's blank was stretched to 3.6 em.
    const blocks = layout([
      page(1, [
        run("收入、支出预算总计一二三四万元，与上", 120, 100),
        run("年相比收支预算各增加", 100, 114),
        run("1,463.80", 236, 114),
        run("万元", 280, 114),
        run("增长百分之八。", 100, 128),
        run("一二三四五六七八九十一二三四五六七八九十", 100, 160),
        run("部门：江苏省某某厅", 100, 174),
        run("单位：万元", 250, 174),
      ]),
    ]);
    expect(texts(blocks)).toEqual([
      "收入、支出预算总计一二三四万元，与上年相比收支预算各增加1,463.80万元增长百分之八。",
      "一二三四五六七八九十一二三四五六七八九十",
      "部门：江苏省某某厅",
      "单位：万元",
    ]);
  });

  it("splits a spread-out line into its statements and keeps label and value together", () => {
    const blocks = layout([page(1, [run("部门：", 60, 100), run("江苏省人大常委会办公厅", 140, 100), run("单位：万元", 480, 100)])]);
    expect(texts(blocks)).toEqual(["部门：江苏省人大常委会办公厅", "单位：万元"]);
  });
});

describe("layoutPages: page furniture and 目录", () => {
  const body = (n: number): TextFragment[] => [run(`第${n}页的正文内容。`, 100, 300)];
  it("removes page numbers (— 1 —, 第 1 页, - 3 -, lone digits) and repeated running headers", () => {
    const marks = ["— 1 —", "第 2 页", "- 3 -", "4"];
    const pages = marks.map((m, i) => page(i + 1, [run("某某局2024年部门预算", 200, 20), ...body(i + 1), run(m, 280, 770)]));
    const blocks = layout(pages);
    expect(texts(blocks)).toEqual(["第1页的正文内容。", "第2页的正文内容。", "第3页的正文内容。", "第4页的正文内容。"]);
    expect(blocks.map((b) => b.provenance.page)).toEqual([1, 2, 3, 4]);
  });

  it("removes page numbers printed in full-width digits (—３—) instead of gluing them to the next page's text", () => {
    const full = "一二三四五六七八九十一二三四五六七八九十";
    const pages = [1, 2].map((n) => page(n, [run(full, 100, 100), run(full, 100, 114), run(`—${String.fromCharCode(0xff10 + n)}—`, 280, 770)]));
    expect(texts(layout(pages))).toEqual([`${full}${full}${full}${full}`]);
  });

  it("keeps a unit line that repeats at the top of every table page", () => {
    const pages = [1, 2, 3].map((n) => page(n, [run("单位：万元", 400, 30), ...body(n)]));
    expect(texts(layout(pages)).filter((t) => t === "单位：万元").length).toBe(3);
  });

  it("gives 目录 entries the toc role, one block per entry", () => {
    const blocks = layout([
      page(1, [run("目 录", 280, 60), run("第一部分 部门概况……………………1", 100, 100), run("一、部门职责……………………2", 100, 114)]),
      page(2, [run("第一部分部门概况", 240, 60), run("一、部门职责", 100, 100)]),
    ]);
    const paras = blocks as ParagraphBlock[];
    expect(paras.map((p) => [p.text, p.role ?? "body"])).toEqual([
      ["目录", "toc"],
      // The blank inside the run is not kept between Chinese characters.
      ["第一部分部门概况……………………1", "toc"],
      ["一、部门职责……………………2", "toc"],
      ["第一部分部门概况", "body"],
      ["一、部门职责", "body"],
    ]);
  });

  it("measures a sparse landscape page against the document's landscape pages, not its portrait text pages", () => {
    // Portrait text pages: text from x=80. Landscape table pages: captions and notes from x=100 (2 em further in).
    const full = "一二三四五六七八九十一二三四五六七八九十";
    const portrait = (n: number) => ({ ...page(n, [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => run(i === 8 ? "结束了。" : full, 80, 100 + i * 14))), width: 600 });
    const landscape = (n: number, notes: string[]) => ({ ...page(n, [run("公开11表", 100, 60), ...notes.map((t, i) => run(t, 100, 100 + i * 14))]), width: 800, height: 600 });
    const note = ["注：机关运行经费指行政单位使用一般公共预算安排的基本支出中的日常公用经费支出，包括办公及印刷", "费、邮电费、差旅费。"];
    const blocks = layout([portrait(1), landscape(2, ["注：本表为空表。"]), landscape(3, note)]);
    expect(texts(blocks)).toContain(`${note[0]}${note[1]}`);
  });

  it("continues a paragraph cut by a page break", () => {
    const full = "一二三四五六七八九十一二三四五六七八九十";
    const blocks = layout([
      page(1, [run(full, 100, 100), run(full, 100, 114)]),
      page(2, [run("结束了。", 100, 60)]),
    ]);
    expect(texts(blocks)).toEqual([`${full}${full}结束了。`]);
    expect(blocks[0]?.provenance.page).toBe(1);
  });
});

describe("layoutPages: tables", () => {
  // A 3×3 ruled grid: x = 100, 200, 300, 400; y = 100, 120, 140, 160. The top-left header spans two
  // columns (no rule at x=200 between y=100 and 120); the left cell of rows 2–3 spans two rows.
  const rules: RulingLine[] = [
    { x1: 100, y1: 100, x2: 400, y2: 100 },
    { x1: 100, y1: 120, x2: 400, y2: 120 },
    { x1: 200, y1: 140, x2: 400, y2: 140 },
    { x1: 100, y1: 160, x2: 400, y2: 160 },
    { x1: 100, y1: 100, x2: 100, y2: 160 },
    { x1: 200, y1: 120, x2: 200, y2: 160 },
    { x1: 300, y1: 100, x2: 300, y2: 160 },
    { x1: 400, y1: 100, x2: 400, y2: 160 },
  ];

  it("builds cells from ruling lines with colSpan/rowSpan where rules are missing", () => {
    const blocks = layout([
      page(
        1,
        [
          run("收支总体情况表", 200, 60),
          run("单位：万元", 330, 80),
          run("项目", 130, 105),
          run("金额", 330, 105),
          run("一般公共", 110, 128),
          run("预算", 110, 140),
          run("小计", 210, 125),
          run("1,234.56", 310, 125),
          run("其中：基本", 210, 145),
          run("1,000.00", 310, 145),
        ],
        rules,
      ),
    ]);
    expect(texts(blocks)).toEqual(["收支总体情况表", "单位：万元"]);
    const t = blocks.find((b): b is RawTableBlock => b.type === "table");
    expect(t?.provenance.page).toBe(1);
    expect(t?.rows).toEqual([
      { cells: [{ text: "项目", colSpan: 2, rowSpan: 1, col: 0 }, { text: "金额", colSpan: 1, rowSpan: 1, col: 2 }] },
      {
        cells: [
          { text: "一般公共预算", colSpan: 1, rowSpan: 2, col: 0 },
          { text: "小计", colSpan: 1, rowSpan: 1, col: 1 },
          { text: "1,234.56", colSpan: 1, rowSpan: 1, col: 2 },
        ],
      },
      { cells: [{ text: "其中：基本", colSpan: 1, rowSpan: 1, col: 1 }, { text: "1,000.00", colSpan: 1, rowSpan: 1, col: 2 }] },
    ]);
  });

  it("splits a run that crosses a cell border (two cells in one PDF text run)", () => {
    const blocks = layout([page(1, [run("1,234.56 一般公共预算", 150, 125), run("项目", 110, 105)], rules)]);
    const t = blocks.find((b): b is RawTableBlock => b.type === "table");
    expect(t?.rows[1]?.cells.map((c) => c.text)).toEqual(["1,234.56", "一般公共预算", ""]);
  });

  it("finds a table without rules from column alignment; a group header spans the columns under it", () => {
    const blocks = layout([
      page(1, [
        run("单位：万元", 400, 80),
        run("科目名称", 100, 100),
        run("本年预算数", 300, 100),
        run("一般公共服务支出", 100, 120),
        run("1,234.56", 300, 120),
        run("567.00", 420, 120),
        run("教育支出", 100, 140),
        run("20.10", 310, 140),
        run("3.00", 430, 140),
        run("合计", 100, 160),
        run("1,254.66", 300, 160),
        run("570.00", 420, 160),
      ]),
    ]);
    expect(texts(blocks)).toEqual(["单位：万元"]);
    const t = blocks.find((b): b is RawTableBlock => b.type === "table");
    expect(t?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["科目名称", "本年预算数"],
      ["一般公共服务支出", "1,234.56", "567.00"],
      ["教育支出", "20.10", "3.00"],
      ["合计", "1,254.66", "570.00"],
    ]);
    expect(t?.rows[3]?.cells[2]?.col).toBe(2);
  });

  it("reassembles table headers split into single characters (PDF-to-HTML output)", () => {
    const chars = (s: string, x: number, y: number): TextFragment[] => Array.from(s).map((ch, i) => run(ch, x + i * SIZE, y));
    const blocks = layout([
      page(1, [
        ...chars("项目", 100, 100),
        ...chars("金额", 300, 100),
        ...chars("收入合计", 100, 120),
        run("10.00", 300, 120),
        ...chars("支出合计", 100, 140),
        run("10.00", 300, 140),
      ]),
    ]);
    const t = blocks.find((b): b is RawTableBlock => b.type === "table");
    expect(t?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["项目", "金额"],
      ["收入合计", "10.00"],
      ["支出合计", "10.00"],
    ]);
  });
});
