/**
 * Tables of the seed document (栾城区委网信办2020年部门预算信息公开情况说明), transcribed cell by cell from
 * samples/luancheng-wangxin-2020-budget.txt as a Word reader hands them over (vMerge resolved to rowSpan).
 * The 政府采购 and 固定资产 tables come from the shared transcription in tests/fixtures/seed-tables.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTables } from "../../src/structure/tables/index.js";
import { Table } from "../../src/model/table.js";
import type { RawTableBlock, ReaderBlock } from "../../src/model/blocks.js";
import { para, table } from "./helpers.js";
import { seedFixedAssetsRows, seedProcurementHeaders, seedProcurementRows } from "../fixtures/seed-tables.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const seedText = fs.readFileSync(path.join(repoRoot, "samples/luancheng-wangxin-2020-budget.txt"), "utf8");

const blocks: ReaderBlock[] = [
  para("p10", "机构设置："),
  para("p11", " 部门机构设置情况"),
  table("t0", [
    ["单位名称", "单位性质", "单位规格", "经费保障形式"],
    ["", "", "", ""],
    ["中共石家庄市栾城区委网络安全和信息化委员会办公室", "行政", "正科级", "财政拨款"],
    ["栾城区互联网舆情信息中心", "事业", "股级", "财政性资金基本保证"],
  ]),
  para("p12", "二、部门预算安排的总体情况"),
  para("p40", "1、互联网传播精品生产扶持绩效目标表"),
  table("t1", [
    ["绩效目标", ["1、繁荣发展中国特色社会主义网络文化\n2、提升石家庄影响力和美誉度", 5, 1]],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["产出指标", "质量指标", "", "进一步提升石家庄影响力和美誉度.", "展示石家庄文化资源", ""],
    ["效果指标", "社会效益指标", "", "提升石家庄文化影响力", "反映石家庄人民精神风貌", ""],
  ]),
  para("p41", "2、互联网专业培训绩效目标表"),
  table("t2", [
    ["绩效目标", ["1、准确把握网信工作面临的新形势新任务.\n2、全面提高网络综合治理能力", 5, 1]],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "培训次数", "对全区网络文明志愿者进行培训的次数", "≥10", ""],
    ["效果指标", "社会效益指标", "通过培训,弘扬主旋律", "构建网上网下同心圆", "优.良.中.差", ""],
  ]),
  para("p60", "六、政府采购预算情况"),
  para("p61", " 2020年，我部门安排政府采购预算0万元。"),
  para("p62", "  单位政府采购预算"),
  table("t3", seedProcurementRows),
  para("p63", "注：无政府采购预算，空表列式"),
  para("p64", "七、国有资产信息"),
  para("p65", "网信办2019年末固定资产金额为9.3342万元（详见下表），本年度无拟购置固定资产计划。"),
  table("t4", seedFixedAssetsRows),
  para("p66", "八、名词解释"),
];

const result = buildTables(blocks);
const byId = (id: string): Table => {
  const t = result.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const valueAt = (t: Table, r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c)?.value;

describe("seed tables", () => {
  it("transcribes only text that is in the seed", () => {
    for (const b of blocks) {
      const texts = b.type === "paragraph" ? [b.text] : (b as RawTableBlock).rows.flatMap((r) => r.cells.map((c) => c.text));
      for (const line of texts.flatMap((t) => t.split("\n"))) if (line.trim() !== "") expect(seedText).toContain(line.trim());
    }
  });

  it("keeps the five tables apart and validates against the zod contract", () => {
    expect(result.tables.map((t) => t.id)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
    for (const t of result.tables) expect(() => Table.parse(t)).not.toThrow();
  });

  it("机构设置: title from the caption, header row, records per unit", () => {
    const t = byId("t0");
    expect(t.title).toBe("部门机构设置情况");
    expect(t.unit).toBeNull();
    expect(t.headerRows).toBe(1);
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "empty", "data", "data"]);
    expect(t.columns.map((c) => c.header)).toEqual(["单位名称", "单位性质", "单位规格", "经费保障形式"]);
    expect(t.records).toEqual([
      { 单位名称: "中共石家庄市栾城区委网络安全和信息化委员会办公室", 单位性质: "行政", 单位规格: "正科级", 经费保障形式: "财政拨款" },
      { 单位名称: "栾城区互联网舆情信息中心", 单位性质: "事业", 单位规格: "股级", 经费保障形式: "财政性资金基本保证" },
    ]);
    expect(result.captionBlockIds.has("p11")).toBe(true);
    expect(result.captionBlockIds.has("p10")).toBe(false);
  });

  it("绩效目标表: the goal cell merged over 5 columns, header below it, goal as a record", () => {
    const t = byId("t1");
    expect(t.title).toBe("互联网传播精品生产扶持绩效目标表");
    // A numbered heading names the table but stays in the section tree.
    expect(result.captionBlockIds.has("p40")).toBe(false);
    expect(t.nCols).toBe(6);
    expect(t.cells[1]).toMatchObject({ row: 0, col: 1, colSpan: 5, rowSpan: 1 });
    expect(t.grid[0]).toEqual([{ text: "绩效目标" }, { text: "1、繁荣发展中国特色社会主义网络文化\n2、提升石家庄影响力和美誉度" }, ...[1, 2, 3, 4].map(() => ({ mergedInto: [0, 1] }))]);
    expect(t.rows.map((r) => r.kind)).toEqual(["data", "header", "data", "data"]);
    expect(t.columns.map((c) => c.header)).toEqual(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]);
    expect(t.records?.[0]).toEqual({ 绩效目标: "1、繁荣发展中国特色社会主义网络文化\n2、提升石家庄影响力和美誉度" });
    expect(t.records?.[1]).toMatchObject({ 一级指标: "产出指标", 二级指标: "质量指标", 指标值: "展示石家庄文化资源" });
  });

  it("绩效目标表 2: \"≥10\" stays text, not a figure", () => {
    const t = byId("t2");
    expect(t.columns[4]?.kind).toBe("text");
    expect(valueAt(t, 2, 4)).toBeUndefined();
    expect(t.records?.[1]).toMatchObject({ 三级指标: "培训次数", 指标值: "≥10" });
  });

  it("政府采购: the 13-column two-row header with group cells", () => {
    const t = byId("t3");
    expect(t.title).toBe("单位政府采购预算");
    expect(t.nCols).toBe(13);
    expect(t.headerRows).toBe(2);
    expect(t.columns.map((c) => c.header)).toEqual(seedProcurementHeaders);
    // 采购物品名称 spans both header rows: covered, not copied.
    expect(t.grid[1]?.[2]).toEqual({ mergedInto: [0, 2] });
    expect(t.columns[8]?.kind).toBe("amount");
    // No unit is printed anywhere: explicit null, never a default.
    expect(t.unit).toBeNull();
    expect(t.columns[8]?.unit).toBeNull();
    expect(t.rows[2]?.kind).toBe("empty");
    expect(valueAt(t, 2, 8)).toEqual({ kind: "null", nullKind: "blank" });
    expect(result.warnings.some((w) => w.code === "table_unit_missing" && w.blockId === "t3")).toBe(true);
  });

  it("固定资产占用情况表: title row, 编制部门 row, unit from \"价值（金额单位：万元）\"", () => {
    const t = byId("t4");
    expect(t.title).toBe("固定资产占用情况表");
    expect(t.titleRows).toBe(2);
    expect(t.headerRows).toBe(1);
    expect(t.unit).toEqual({ raw: "价值（金额单位：万元）", unit: "万元", multiplier: "10000", source: "header_cell" });
    expect(t.columns.map((c) => [c.header, c.kind])).toEqual([
      ["项目", "name"],
      ["数量", "count"],
      ["价值（金额单位：万元）", "amount"],
    ]);
    expect(t.columns[2]?.unit?.unit).toBe("万元");
    expect(t.columns[1]?.unit).toBeNull();
    expect(valueAt(t, 3, 2)).toEqual({ kind: "amount", value: "9.3342", yuan: "93342" });
    expect(valueAt(t, 3, 1)).toEqual({ kind: "null", nullKind: "dash" });
    expect(valueAt(t, 4, 1)).toEqual({ kind: "count", value: "0" });
    expect(valueAt(t, 4, 2)).toEqual({ kind: "amount", value: "0", yuan: "0" });
    expect(t.rows.slice(3).map((r) => r.name)).toEqual([
      "资产总额",
      "1、房屋（平方米）",
      "其中：办公用房（平方米）",
      "2、车辆（台、辆）",
      "3、单价在20万元以上设备",
      "4、其他固定资产",
    ]);
    expect(t.rows.slice(3).every((r) => r.code === undefined)).toBe(true);
  });
});
