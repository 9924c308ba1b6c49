import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { ExtractedDocument, type Section } from "../../src/model/index.js";
import { samples } from "../helpers.js";

const outline = (ss: Section[]): unknown[] => ss.map((s) => (s.children.length ? [`${s.label}${s.title}`, outline(s.children)] : `${s.label}${s.title}`));
const all = (ss: Section[]): Section[] => ss.flatMap((s) => [s, ...all(s.children)]);

describe("seed: 栾城区委网信办2020年部门预算信息公开情况说明 (text)", async () => {
  const doc = await extractFile(samples("luancheng-wangxin-2020-budget.txt"));

  test("conforms to the schema", () => {
    expect(() => ExtractedDocument.parse(doc)).not.toThrow();
    expect(doc.source.format).toBe("text");
  });

  test("nine top-level sections 一、…九、 with their titles", () => {
    expect(doc.sections.map((s) => [s.label, s.title])).toEqual([
      ["一、", "部门职责及机构设置情况"],
      ["二、", "部门预算安排的总体情况"],
      ["三、", "机关运行经费安排情况"],
      ["四、", "财政拨款“三公”经费预算情况及增减变化原因"],
      ["五、", "预算绩效信息"],
      ["六、", "政府采购预算情况"],
      ["七、", "国有资产信息"],
      ["八、", "名词解释"],
      ["九、", "其他需要说明的事项"],
    ]);
    expect(doc.sections.map((s) => s.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc.sections.every((s) => s.level === 1 && s.numberingStyle === "cn_dun")).toBe(true);
  });

  test("二、 holds 1、收入说明 / 2、支出说明 / 3、比上年增减情况", () => {
    expect(outline(doc.sections[1]!.children)).toEqual(["1、收入说明", "2、支出说明", "3、比上年增减情况"]);
    expect(doc.sections[1]!.children.every((s) => s.level === 2 && s.numberingStyle === "arabic_dun")).toBe(true);
  });

  test("五、 holds 第一部分/第二部分 and their subsections; (一) after （二） opens a deeper list", () => {
    const five = doc.sections[4]!;
    expect(outline(five.children)).toEqual([
      [
        "第一部分部门整体绩效目标",
        [
          "（一）总体绩效目标",
          ["（二）分项绩效目标", ["(一)网络安全保障能力整体增强", "(二)互联网宣传管理效果进一步明显", "(三)网络舆情监测应对能力稳步提升"]],
          "（三）工作保障措施",
        ],
      ],
      [
        "第二部分预算项目绩效目标",
        [
          "1、互联网传播精品生产扶持绩效目标表",
          "2、互联网专业培训绩效目标表",
          "3、劳动聘用人员绩效目标表",
          "4、网络安全监测预警体系建设和工作经费绩效目标表",
          "5、网络平台链接费绩效目标表",
          "6、网络设备维护绩效目标表",
          "7、网络宣传管理绩效目标表",
          "8、网络执法绩效目标表",
          "9、网站和新媒体业务绩效目标表",
        ],
      ],
    ]);
    const deep = five.children[0]!.children[1]!.children[0]!;
    expect(deep.level).toBe(4);
    expect(deep.label).toBe("(一)");
  });

  test("the 1）…6） duties, the 1、加强制度建设。… measures and the 名词解释 items are list items, not sections", () => {
    const titles = all(doc.sections).map((s) => s.title);
    expect(titles.some((t) => t.includes("负责处理区委网络安全"))).toBe(false);
    expect(titles.some((t) => t.includes("统筹协调全区网络安全保障体系"))).toBe(false);
    expect(titles.some((t) => t.startsWith("加强制度建设"))).toBe(false);
    expect(titles.some((t) => t.includes("一般公共预算拨款收入"))).toBe(false);
    expect(doc.sections[7]!.children).toEqual([]);
    // The ten 名词解释 items stay as the section's own paragraphs.
    expect(doc.sections[7]!.blockIds).toHaveLength(10);
    expect(all(doc.sections)).toHaveLength(29);
  });

  test("every section points at its heading block, and content blocks are attributed once", () => {
    const byId = new Map(doc.blocks.map((b) => [b.id, b]));
    const seen = new Set<string>();
    for (const s of all(doc.sections)) {
      const h = byId.get(s.blockId);
      expect(h?.type).toBe("paragraph");
      if (h?.type === "paragraph") expect(h.text.replace(/\s+/g, "")).toContain(s.title.replace(/\s+/g, ""));
      for (const id of [s.blockId, ...s.blockIds]) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    const revenue = doc.sections[1]!.children[0]!;
    const para = byId.get(revenue.blockIds[0]!);
    expect(para?.type === "paragraph" && para.text).toContain("2020年预算收入340.77万元");
    expect(para?.provenance.line).toBe(readFileSync(samples("luancheng-wangxin-2020-budget.txt"), "utf8").split("\n").findIndex((l) => l.includes("2020年预算收入340.77万元")) + 1);
  });

  test("bookmark residue is gone from the text", () => {
    expect(doc.blocks.some((b) => b.type === "paragraph" && b.text.includes("[bookmark:"))).toBe(false);
  });
});
