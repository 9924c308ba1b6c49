import { describe, expect, test } from "vitest";
import { buildSections, parseLabel } from "../../src/structure/sections/index.js";
import type { ParagraphBlock, ReaderBlock, Section } from "../../src/model/index.js";

const paras = (lines: string[], extra: Partial<ParagraphBlock>[] = []): ReaderBlock[] =>
  lines.map((text, i) => ({ id: `p${i}`, type: "paragraph", text, provenance: { paragraphIndex: i }, ...(extra[i] ?? {}) }));
const outline = (ss: Section[]): unknown[] => ss.map((s) => (s.children.length ? [`${s.label}|${s.title}`, outline(s.children)] : `${s.label}|${s.title}`));

describe("numbering labels", () => {
  test.each([
    ["一、部门职责", "一、", "cn_dun", 1, "部门职责"],
    ["十一、其他", "十一、", "cn_dun", 11, "其他"],
    ["二十三．说明", "二十三．", "cn_dun", 23, "说明"],
    ["（一）总体绩效目标", "（一）", "cn_paren", 1, "总体绩效目标"],
    ["(十二) 工作保障", "(十二)", "cn_paren", 12, "工作保障"],
    ["第一部分  部门整体绩效目标", "第一部分", "part", 1, "部门整体绩效目标"],
    ["第十章 附则", "第十章", "part", 10, "附则"],
    ["1、收入说明", "1、", "arabic_dun", 1, "收入说明"],
    ["１、全年预算", "１、", "arabic_dun", 1, "全年预算"],
    ["12. 其他", "12.", "arabic_dun", 12, "其他"],
    ["（3）会议费", "（3）", "arabic_paren", 3, "会议费"],
    ["1） 负责处理", "1）", "arabic_paren", 1, "负责处理"],
    ["③公务接待费", "③", "circled", 3, "公务接待费"],
  ])("%s", (text, label, style, ordinal, rest) => {
    expect(parseLabel(text)).toEqual({ label, style, ordinal, rest });
  });
  test.each(["2020年预算收入340.77万元", "1.5万元", "2010101行政运行", "一般公共预算", "第三方机构"])("%s is not a label", (text) => {
    expect(parseLabel(text)).toBeNull();
  });
});

describe("section tree", () => {
  test("style depth comes from order of appearance, not a fixed table", () => {
    // Here （一） is used above 1、 and 一、 never appears.
    const { sections } = buildSections(paras(["（一）收入", "1、一般公共预算", "2、政府性基金", "（二）支出", "1、基本支出"]));
    expect(outline(sections)).toEqual([["（一）|收入", ["1、|一般公共预算", "2、|政府性基金"]], ["（二）|支出", ["1、|基本支出"]]]);
  });

  test("a restart at 1 of an open style nests; continuity picks the list it continues", () => {
    const lines = ["一、甲", "1、子一", "2、子二", "1、孙一", "2、孙二", "3、孙三", "3、子三", "二、乙"].flatMap((h) => [h, "正文。"]);
    const { sections } = buildSections(paras(lines));
    // "1、孙一" after "2、子二" opens a deeper list; "3、子三" follows a 3 so it continues the outer list (last at 2).
    expect(outline(sections)).toEqual([["一、|甲", ["1、|子一", ["2、|子二", ["1、|孙一", "2、|孙二", "3、|孙三"]], "3、|子三"]], "二、|乙"]);
  });

  test("numbered lines back to back with no text of their own enumerate things, not sections", () => {
    const { sections } = buildSections(paras(["（二）机构设置情况", "1.昆明市审计局（本级）", "2.昆明市五华区审计局", "3.富民县审计局", "（三）重点工作概述", "正文。"]));
    expect(outline(sections)).toEqual(["（二）|机构设置情况", "（三）|重点工作概述"]);
    expect(sections[0]!.blockIds).toEqual(["p1", "p2", "p3"]);
  });

  test("long or sentence-like numbered paragraphs are list items, not sections", () => {
    const { sections } = buildSections(
      paras([
        "一、工作保障措施",
        "1、加强制度建设。建立健全机关预算绩效管理制度。",
        "2、规范财务管理。进一步完善财务管理制度。",
        "3、加强内部监督",
        "二、名词解释",
      ]),
    );
    expect(outline(sections)).toEqual(["一、|工作保障措施", "二、|名词解释"]);
    expect(sections[0]!.blockIds).toEqual(["p1", "p2", "p3"]);
  });

  test("a major label with a lead sentence is a heading titled by that sentence", () => {
    const { sections } = buildSections(paras(["一、收入预算。2020年收入预算340.77万元。", "二、支出预算。2020年支出预算340.77万元。"]));
    expect(outline(sections)).toEqual(["一、|收入预算", "二、|支出预算"]);
  });

  test("a typed 目录 and its entries are not sections", () => {
    const { sections, tocBlockIds } = buildSections(
      paras(["目  录", "一、部门职责……………1", "二、收支预算……………3", "一、部门职责", "正文。", "二、收支预算", "正文。"]),
    );
    expect([...tocBlockIds]).toEqual(["p0", "p1", "p2"]);
    expect(outline(sections)).toEqual(["一、|部门职责", "二、|收支预算"]);
  });

  test("heading styles count, and Word auto-numbering labels are taken as rendered", () => {
    const blocks = paras(["概述", "部门职责", "收入预算", "支出预算"], [
      { headingLevel: 1, style: "Heading 1" },
      { headingLevel: 2, style: "Heading 2" },
      { text: "（一）收入预算", numbering: { label: "（一）", numId: "3", level: 1, format: "chineseCounting" } },
      { text: "（二）支出预算", numbering: { label: "（二）", numId: "3", level: 1, format: "chineseCounting" } },
    ]);
    const { sections } = buildSections(blocks);
    expect(outline(sections)).toEqual([["|概述", [["|部门职责", ["（一）|收入预算", "（二）|支出预算"]]]]]);
    const numbered = sections[0]!.children[0]!.children[0]!;
    expect(numbered.recognizedBy).toEqual(["numbering"]);
    expect(sections[0]!.recognizedBy).toEqual(["style"]);
  });

  test("a heading-styled paragraph with a label keeps the label", () => {
    const blocks = paras(["一、部门职责"], [{ headingLevel: 1, style: "标题 1" }]);
    const { sections } = buildSections(blocks);
    expect(sections[0]).toMatchObject({ label: "一、", title: "部门职责", recognizedBy: ["style", "pattern"] });
  });
});
