import { describe, expect, it } from "vitest";
import { formatCounter } from "../../src/readers/docx/numfmt.js";
import { numberFormats, numberingLogic } from "../fixtures/docx/fixtures.js";
import { asSofficeLine, paragraphs, readParts } from "../fixtures/docx/helpers.js";

/**
 * Recorded with LibreOffice 7.x: `npx tsx tests/fixtures/docx/record.ts` (soffice --headless --convert-to txt),
 * leading indentation stripped. Where LibreOffice departs from Word and the OOXML spec, the line
 * holds Word's rendering and the comment next to it says what LibreOffice prints.
 */
export const RECORDED_NUMBER_FORMATS = [
  "一、 甲项1", "二、 甲项2", "三、 甲项3", "四、 甲项4", "五、 甲项5", "六、 甲项6", "七、 甲项7", "八、 甲项8",
  "九、 甲项9", "十、 甲项10", "十一、 甲项11", "十二、 甲项12", "十九、 乙项19", "二十、 乙项20", "二十一、 乙项21",
  "（一） 丙项1", "（二） 丙项2", "（三） 丙项3", "（九十九） 丙项99", "（一百） 丙项100",
  "（一百〇一） 丙项101", // LibreOffice: （一百零一）; Word writes 〇 for an inner zero in chineseCountingThousand
  "壹. 丁项1", "贰. 丁项2", "叁. 丁项3", "壹拾. 丁项10", "壹拾壹. 丁项11", "壹拾贰. 丁项12",
  "甲、 戊项1", "乙、 戊项2", "丙、 戊项3",
  "① 己项1", "② 己项2", "⑲ 己项19", "⑳ 己项20", "㉑ 己项21",
  "９、 庚项9", "１０、 庚项10", "１１、 庚项11",
  "第一部分 部分一", "第二部分 部分二",
  "y) 字母25", "z) 字母26", "aa) 字母27",
  "III. 罗马3", "IV. 罗马4", "V. 罗马5",
  "1. 十进1", "2. 十进2", "A. 大写1", "B. 大写2", "(viii) 小罗8", "(ix) 小罗9",
];

export const RECORDED_NUMBERING_LOGIC = [
  "一、 部门概况", "（一） 主要职能", "1、 职责甲", "（1） 细项甲", "（2） 细项乙", "2、 职责乙", "（二） 机构设置",
  "1、 职责丙", "二、 收支总体情况", "（一） 收入情况", "不编号的段落",
  "1. 节A", "1.1 节A小", "1.1.1 节A小小", "2. 节B", "2.1 节B小",
  "2.1.2 节B小小", // LibreOffice: 2.1.1 — it ignores w:lvlRestart="0" (never restart), which Word honours
  "第一章 总则",
  "1.1 条款", // LibreOffice: 一.1 — it ignores w:isLgl (legal numbering shows every level in Arabic digits)
  "五、 续编第五", "（一） 续编子项",
  "一、 样式一级", "（一） 样式二级", "（二） 样式二级又", "样式但关闭编号", "二、 样式一级又",
  "甲. 链接样式甲", "乙. 链接样式乙",
  // num 8 shares abstractNum 1 with nums 1 and 4 and has no startOverride: the count continues after 五 (5),
  // drawn with the overriding level's ① format.
  "⑥ 覆盖级别", "⑦ 覆盖级别二",
];

describe("docx auto-numbering, against LibreOffice's rendering", () => {
  it("renders every Chinese and Western numFmt with its lvlText template and start value", async () => {
    const { blocks } = await readParts(numberFormats);
    expect(paragraphs(blocks).map(asSofficeLine)).toEqual(RECORDED_NUMBER_FORMATS);
  });

  it("handles levels, restarts, lvlRestart, overrides, isLgl, style links and style-inherited numbering", async () => {
    const { blocks } = await readParts(numberingLogic);
    expect(paragraphs(blocks).map(asSofficeLine)).toEqual(RECORDED_NUMBERING_LOGIC);
  });

  it("puts the label at the start of the text with Word's suffix, and records numId, level and format", async () => {
    const ps = paragraphs((await readParts(numberFormats)).blocks);
    expect(ps[0]).toMatchObject({ text: "一、甲项1", numbering: { label: "一、", numId: "1", level: 0, format: "chineseCounting" } });
    // suff tab (Word's default) → a tab; suff space → a space; suff nothing → nothing.
    expect(ps.find((p) => p.text.includes("十进1"))?.text).toBe("1.\t十进1");
    expect(ps.find((p) => p.text.includes("部分一"))?.text).toBe("第一部分 部分一");
    const logic = paragraphs((await readParts(numberingLogic)).blocks);
    expect(logic.find((p) => p.text.endsWith("细项乙"))?.numbering).toEqual({ label: "（2）", numId: "1", level: 3, format: "decimal" });
    expect(logic.find((p) => p.text === "不编号的段落")?.numbering).toBeUndefined();
    // Style-inherited numbering: level from the style's numPr, heading level from its outline level.
    expect(logic.find((p) => p.text.endsWith("样式二级"))).toMatchObject({ style: "List H2", headingLevel: 2, numbering: { numId: "5", level: 1 } });
  });
});

describe("formatCounter", () => {
  it("draws Chinese counting the way Word does past the fixture range", () => {
    expect(formatCounter(10, "chineseCounting")).toBe("十");
    expect(formatCounter(35, "chineseCounting")).toBe("三十五");
    expect(formatCounter(101, "chineseCounting")).toBe("一〇一");
    expect(formatCounter(110, "chineseCountingThousand")).toBe("一百一十");
    expect(formatCounter(1001, "chineseCountingThousand")).toBe("一千〇一");
    expect(formatCounter(20, "chineseLegalSimplified")).toBe("贰拾");
    expect(formatCounter(105, "chineseLegalSimplified")).toBe("壹佰零伍");
    expect(formatCounter(11, "ideographTraditional")).toBe("甲");
    expect(formatCounter(36, "decimalEnclosedCircle")).toBe("㊱");
    expect(formatCounter(3, "decimalEnclosedParen")).toBe("⑶");
    expect(formatCounter(7, "decimalZero")).toBe("07");
    expect(formatCounter(1994, "upperRoman")).toBe("MCMXCIV");
    expect(formatCounter(5, "someFutureFormat")).toBe("5");
  });
});
