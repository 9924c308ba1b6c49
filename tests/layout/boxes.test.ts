import { describe, expect, it } from "vitest";
import type { ParagraphBlock, RawTableBlock } from "../../src/model/index.js";
import { boxOfRange, layoutPages } from "../../src/readers/layout/index.js";
import type { PageFragments, TextFragment } from "../../src/readers/layout/types.js";
import { BlockIds } from "../../src/readers/types.js";

const SIZE = 10;
/** A run at (x, y) as wide as its characters in a 10pt font (CJK 1 em, others 0.5 em). */
function run(text: string, x: number, y: number): TextFragment {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return { text, x, y, width: ems * SIZE, height: SIZE };
}
const page = (n: number, fragments: TextFragment[]): PageFragments => ({ page: n, width: 600, height: 800, fragments });

describe("layoutPages with boxes: character positions follow the text through joins and trims", () => {
  it("boxes a figure glued from two wrapped lines (1,234. + 56万元) on the line where it starts", () => {
    const full = "本部门收入预算合计为一二三四五六七八九十1,234.";
    const laid = layoutPages([page(1, [run(full, 100, 100), run("56万元，比上年增加。", 100, 114)])], new BlockIds(), {}, { boxes: true });
    const p = laid.blocks[0] as ParagraphBlock;
    expect(p.text).toBe(`${full}56万元，比上年增加。`);
    const start = p.text.indexOf("1,234.56");
    const runs = laid.geometry!.get(p.id)!;
    // "1,234." starts after 20 CJK characters (10 pt each) on the first line.
    const first = boxOfRange(runs, start, start + 6)!;
    expect(first.box[0]).toBeCloseTo(300, 5);
    expect(first.box[2]).toBeCloseTo(330, 5);
    expect(first.box[1]).toBe(100);
    // "56万元" is the start of the second line.
    const second = boxOfRange(runs, start + 6, start + 10)!;
    expect(second.box).toEqual([100, 114, 130, 124]);
    // The whole figure: the union of both pieces on the page where it starts.
    expect(boxOfRange(runs, start, start + 10)?.box).toEqual([100, 100, 330, 124]);
    expect(p.provenance.bbox).toEqual([100, 100, 330, 124]);
  });

  it("keeps offsets right when a Latin line gets a joining space and runs their own blanks", () => {
    // No widths given: glyphs are placed by charWeight (0.5 em a letter or digit, 0.35 em a blank).
    const frags: TextFragment[] = [
      { text: "  Total income", x: 100, y: 100, height: SIZE },
      { text: "of  2024", x: 100, y: 114, height: SIZE },
    ];
    const laid = layoutPages([page(1, frags)], new BlockIds(), { shortLineEms: 100 }, { boxes: true });
    const p = laid.blocks[0] as ParagraphBlock;
    expect(p.text).toBe("Total income of 2024");
    const runs = laid.geometry!.get(p.id)!;
    const at = (token: string) => boxOfRange(runs, p.text.indexOf(token), p.text.indexOf(token) + token.length)?.box.map((v) => Math.round(v * 100) / 100);
    expect(at("Total")).toEqual([107, 100, 132, 110]);
    expect(at("income")).toEqual([135.5, 100, 165.5, 110]);
    expect(at("of")).toEqual([100, 114, 110, 124]);
    expect(at("2024")).toEqual([117, 114, 137, 124]);
    // The joining blanks have no glyph: a span across them is boxed by the characters around them.
    expect(at("income of")).toEqual([100, 100, 165.5, 124]);
  });

  it("gives no boxes and no positions unless asked (positioned HTML is laid out in CSS units)", () => {
    const laid = layoutPages([page(1, [run("收入合计。", 100, 100)])], new BlockIds());
    expect(laid.geometry).toBeUndefined();
    expect(laid.blocks[0]?.provenance.bbox).toBeUndefined();
  });

  it("gives the cells of a table aligned by text the span of their text", () => {
    const rows = [
      [run("项目", 100, 100), run("金额", 300, 100)],
      [run("一般公共服务支出", 100, 114), run("1,234.56", 300, 114)],
      [run("教育支出", 100, 128), run("78.00", 310, 128)],
      [run("合计", 100, 142), run("1,312.56", 300, 142)],
    ].flat();
    const laid = layoutPages([page(1, rows)], new BlockIds(), {}, { boxes: true });
    const t = laid.blocks.find((b): b is RawTableBlock => b.type === "table")!;
    const cell = t.rows[2]!.cells.find((c) => c.text === "78.00")!;
    expect(cell.page).toBe(1);
    expect(cell.bbox).toEqual([310, 128, 335, 138]);
  });
});
