import { describe, expect, it } from "vitest";
import type { ParagraphBlock } from "../../src/model/index.js";
import { boxOfRange, layoutPages } from "../../src/readers/layout/index.js";
import type { PageFragments, TextFragment } from "../../src/readers/layout/types.js";
import { BlockIds } from "../../src/readers/types.js";

const SIZE = 10;
/** A run at (x, y) as wide as its characters in a 10pt font (CJK 1 em, others 0.5 em). */
function run(text: string, x: number, y: number, size = SIZE): TextFragment {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return { text, x, y, width: ems * size, height: size };
}
const page = (n: number, fragments: TextFragment[]): PageFragments => ({ page: n, width: 600, height: 800, fragments });

/** A 目录 without page numbers or leaders, one entry a line at x=100; the longest lines reach x=290–300 (19–20 characters). */
const ENTRIES = [
  "第一部分部门概况",
  "一、主要职能",
  "二、部门机构设置和所属单位情况说明",
  "第二部分部门预算表",
  "一、收支预算总表",
  "二、收入预算总表",
  "三、一般公共预算机关运行经费支出预算表",
  "四、一般公共预算基本支出预算表",
];
/** The last entry of page 1: it fills the line and wraps onto page 2 ("出预算表"). */
const CUT = "五、一般公共预算“三公”经费、会议费支";

function tocPage1(lastEntry: string): PageFragments {
  const lines = [...ENTRIES, lastEntry].map((t, i) => run(t, 100, 100 + i * 20));
  return page(1, [run("目 录", 190, 60), ...lines]);
}

const bodyStart = [
  run("第一部分部门概况", 160, 200, 14),
  run("一、主要职能", 120, 240),
  run("本部门是省人民代表大会的常设机构，主要职责是：", 120, 260),
];

function paragraphs(pages: PageFragments[]): ParagraphBlock[] {
  return layoutPages(pages, new BlockIds(), {}, { boxes: true }).blocks.filter((b): b is ParagraphBlock => b.type === "paragraph");
}

describe("layoutPages: a 目录 without page numbers cut by a page break", () => {
  const page2 = page(2, [run("出预算表", 170, 60), run("六、政府采购支出预算表", 100, 80), run("第三部分部门预算情况说明", 100, 100), ...bodyStart]);

  it("joins the entry cut at the foot of page 1 with its end on page 2 and keeps the rest of the 目录 as entries", () => {
    const paras = paragraphs([tocPage1(CUT), page2]);
    const toc = paras.filter((p) => p.role === "toc").map((p) => p.text);
    expect(toc).toEqual(["目录", ...ENTRIES, `${CUT}出预算表`, "六、政府采购支出预算表", "第三部分部门预算情况说明"]);
    const joined = paras.find((p) => p.text === `${CUT}出预算表`);
    expect(joined?.provenance.page).toBe(1);
  });

  it("starts the body where the 目录's first entry is printed again", () => {
    const body = paragraphs([tocPage1(CUT), page2]).filter((p) => p.role === undefined);
    expect(body.map((p) => p.text)).toEqual(["第一部分部门概况", "一、主要职能", "本部门是省人民代表大会的常设机构，主要职责是："]);
    expect(body[0]?.provenance.page).toBe(2);
  });

  it("keeps the character positions of both pieces: the end of the entry is boxed on page 2", () => {
    const laid = layoutPages([tocPage1(CUT), page2], new BlockIds(), {}, { boxes: true });
    const joined = laid.blocks.find((b): b is ParagraphBlock => b.type === "paragraph" && b.text === `${CUT}出预算表`)!;
    const runs = laid.geometry!.get(joined.id)!;
    const at = joined.text.indexOf("出预算表");
    expect(boxOfRange(runs, at, at + 4)).toEqual({ page: 2, box: [170, 60, 210, 70] });
    expect(boxOfRange(runs, 0, 2)).toEqual({ page: 1, box: [100, 260, 120, 270] });
    // The block's own box is its part on the page it starts on.
    expect(joined.provenance.bbox).toEqual([100, 260, 290, 270]);
  });

  it("carries the 目录 onto the next page where its numbering goes on (五、 then 六、), even after a short last entry", () => {
    const next = page(2, [run("六、政府采购支出预算表", 100, 60), run("七、项目支出绩效目标表", 100, 80), ...bodyStart]);
    const paras = paragraphs([tocPage1("五、政府采购支出预算表"), next]);
    expect(paras.filter((p) => p.provenance.page === 2).map((p) => [p.text, p.role ?? "body"])).toEqual([
      ["六、政府采购支出预算表", "toc"],
      ["七、项目支出绩效目标表", "toc"],
      ["第一部分部门概况", "body"],
      ["一、主要职能", "body"],
      ["本部门是省人民代表大会的常设机构，主要职责是：", "body"],
    ]);
  });

  it("does not carry the 目录 onto the next page when its last entry ends short of the margin", () => {
    const paras = paragraphs([tocPage1("五、政府采购支出预算表"), page(2, [run("出预算表", 100, 60), ...bodyStart])]);
    expect(paras.filter((p) => p.provenance.page === 2).map((p) => p.role ?? "body")).toEqual(["body", "body", "body", "body"]);
  });
});
