import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readDocx } from "../../src/readers/docx/index.js";
import type { ReadResult } from "../../src/readers/types.js";
import { paragraphs, tablesOf } from "../fixtures/docx/helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Built by scripts/make-seed-docx.ts from the seed text, with Word auto-numbering and real merged tables. */
const seedDocx = path.join(repoRoot, "samples/luancheng-wangxin-2020-budget.docx");

describe("readDocx on the seed rendered as a real Word document (栾城区委网信办2020年部门预算)", () => {
  let result: ReadResult;
  beforeAll(async () => {
    result = await readDocx(readFileSync(seedDocx), { path: seedDocx, limits: DEFAULT_LIMITS });
  });

  it("materializes the nine 一、…九、 headings and the nested labels from numbering.xml", () => {
    const ps = paragraphs(result.blocks);
    const top = ps.filter((p) => p.numbering?.numId === "1" && p.numbering.level === 0).map((p) => p.text);
    expect(top).toEqual([
      "一、部门职责及机构设置情况",
      "二、部门预算安排的总体情况",
      "三、机关运行经费安排情况",
      "四、财政拨款“三公”经费预算情况及增减变化原因",
      "五、预算绩效信息",
      "六、政府采购预算情况",
      "七、国有资产信息",
      "八、名词解释",
      "九、其他需要说明的事项",
    ]);
    const texts = ps.map((p) => p.text);
    const at二 = texts.indexOf("二、部门预算安排的总体情况");
    expect(texts.slice(at二 + 2, at二 + 7).filter((t) => /^\d、/.test(t))).toEqual(["1、收入说明", "2、支出说明", "3、比上年增减情况"]);
    expect(texts).toContain("第一部分 部门整体绩效目标");
    expect(texts).toContain("第二部分 预算项目绩效目标");
    expect(ps.find((p) => p.text.startsWith("（三）"))?.text).toBe("（三）工作保障措施");
    expect(ps.find((p) => p.text.startsWith("6）"))?.numbering).toEqual({ label: "6）", numId: "5", level: 0, format: "decimal" });
    expect(texts).toContain("10、事业单位经营支出：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。");
  });

  it("reads its twelve tables with the merges of the original", () => {
    const tables = tablesOf(result.blocks);
    expect(tables).toHaveLength(12);
    // 机构设置: a two-row header (vMerge), then the two units.
    expect(tables[0]!.rows[0]!.cells.map((c) => [c.text, c.rowSpan])).toEqual([["单位名称", 2], ["单位性质", 2], ["单位规格", 2], ["经费保障形式", 2]]);
    expect(tables[0]!.rows[3]!.cells.map((c) => c.text)).toEqual(["栾城区互联网舆情信息中心", "事业", "股级", "财政性资金基本保证"]);
    // 绩效目标表: the goal cell spans the five columns right of 绩效目标, two paragraphs joined by "\n".
    expect(tables[1]!.rows[0]!.cells).toEqual([
      { text: "绩效目标", colSpan: 1, rowSpan: 1, col: 0 },
      { text: "1、繁荣发展中国特色社会主义网络文化\n2、提升石家庄影响力和美誉度", colSpan: 5, rowSpan: 1, col: 1 },
    ]);
    // 政府采购: 13 grid columns; 采购物品名称 … 单价 span two header rows, the amount group spans six.
    const procurement = tables[10]!;
    expect(procurement.rows[0]!.cells.map((c) => [c.text, c.col, c.colSpan, c.rowSpan])).toEqual([
      ["政府采购项目来源", 0, 2, 1],
      ["采购物品名称", 2, 1, 2],
      ["政府采购目录序号", 3, 1, 2],
      ["计量  单位", 4, 1, 2],
      ["数量", 5, 1, 2],
      ["单价", 6, 1, 2],
      ["政府采购金额（当年单位预算安排资金）", 7, 6, 1],
    ]);
    expect(procurement.rows[1]!.cells.map((c) => c.col)).toEqual([0, 1, 7, 8, 9, 10, 11, 12]);
    expect(procurement.rows[2]!.cells).toHaveLength(13);
    // 固定资产占用情况表: 资产总额 9.3342 (万元).
    const assets = tables[11]!;
    expect(assets.rows[0]!.cells[0]).toMatchObject({ text: "固定资产占用情况表", colSpan: 3 });
    expect(assets.rows.find((r) => r.cells[0]?.text === "资产总额")!.cells.map((c) => c.text)).toEqual(["资产总额", "——", "9.3342"]);
  });

  it("keeps the narrative figures as printed", () => {
    const texts = paragraphs(result.blocks).map((p) => p.text);
    expect(texts.some((t) => t.includes("2020年预算收入340.77万元"))).toBe(true);
    expect(result.title).toBe("栾城区委网信办2020年部门预算信息公开情况说明");
  });
});
