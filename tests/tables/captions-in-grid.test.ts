/**
 * Captions ruled into the grid (tables-only editions: 北京 附件2 部门预算报表, 公开表 bundles) and publisher lines
 * above it: the table's number, title, entity and unit, never data rows. One generated fixture per regional variant.
 */
import { describe, expect, it } from "vitest";
import { buildTables } from "../../src/structure/tables/index.js";
import { Table } from "../../src/model/table.js";
import { readHtml, type HtmlReadResult } from "../../src/readers/html/index.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { ReaderBlock } from "../../src/model/blocks.js";
import { readParts, tablesOf } from "../fixtures/docx/helpers.js";
import { tbl, tr } from "../fixtures/docx/build.js";
import { para, table, type CellSpec } from "./helpers.js";

const only = (blocks: ReaderBlock[]): Table => {
  const res = buildTables(blocks);
  expect(res.tables).toHaveLength(1);
  return Table.parse(res.tables[0]);
};
const valueAt = (t: Table, r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c)?.value;
const caption = (t: Table) => ({ number: t.number, title: t.title, entity: t.entity, unit: t.unit?.raw ?? null });

/** The body of a 收支总表: a two-row 收入 | 支出 header and two data rows. */
const BODY: CellSpec[][] = [
  [["收入", 2, 1], ["支出", 2, 1]],
  ["项目", "预算数", "项目", "预算数"],
  ["一、一般公共预算拨款收入", "1,234.56", "一、一般公共服务支出", "1,234.56"],
  ["收入总计", "1,234.56", "支出总计", "1,234.56"],
];

describe("caption rows inside the grid", () => {
  it("北京 附件2: number, title and 部门/金额单位 rows become number, title, entity and unit", () => {
    const t = only([
      table("t0", [
        [["预算01表", 4, 1]],
        [["收支总表", 4, 1]],
        [["部门：北京市财政局", 2, 1], ["金额单位：万元", 2, 1]],
        ...BODY,
      ]),
    ]);
    expect(caption(t)).toEqual({ number: "预算01表", title: "收支总表", entity: "北京市财政局", unit: "金额单位：万元" });
    expect(t.titleRows).toBe(3);
    expect(t.rows.map((r) => r.kind)).toEqual(["title", "title", "title", "header", "header", "data", "total"]);
    expect(t.unit?.source).toBe("title_row");
    expect(valueAt(t, 5, 1)).toEqual({ kind: "amount", value: "1234.56", yuan: "12345600" });
    expect(t.columns.map((c) => c.header)).toEqual(["收入 / 项目", "收入 / 预算数", "支出 / 项目", "支出 / 预算数"]);
  });

  it("公开表 bundle: number and title in one cell, 编制单位 and 单位 in one cell", () => {
    const t = only([table("t0", [[["公开02表 收入总表", 4, 1]], [["编制单位：江苏省人大常委会办公厅  单位：万元", 4, 1]], ...BODY])]);
    expect(caption(t)).toEqual({ number: "公开02表", title: "收入总表", entity: "江苏省人大常委会办公厅", unit: "单位：万元" });
    expect(t.titleRows).toBe(2);
  });

  it("alignment tables: caption cells that do not span the row, beside blank cells", () => {
    const t = only([
      table("t0", [
        ["公开表4", "", "", ""],
        ["", "财政拨款收支总体情况表", "", ""],
        ["部门（单位）：中共烟台市委宣传部", "", "", "单位：万元"],
        ...BODY,
      ]),
    ]);
    expect(caption(t)).toEqual({ number: "公开表4", title: "财政拨款收支总体情况表", entity: "中共烟台市委宣传部", unit: "单位：万元" });
    expect(t.rows.slice(0, 4).map((r) => r.kind)).toEqual(["title", "title", "title", "header"]);
  });

  it("a caption printed outside wins over the grid's own; the grid fills what it leaves open", () => {
    const t = only([para("p0", "2026年部门收支总表"), table("t1", [[["表3-1", 4, 1]], [["单位名称：深圳市公安局（本级）", 4, 1]], ...BODY])]);
    expect(caption(t)).toEqual({ number: "表3-1", title: "2026年部门收支总表", entity: "深圳市公安局（本级）", unit: null });
  });

  it("a number printed after the title in its cell, and a title cell merged down over two rows", () => {
    const t = only([table("t0", [[["收支总表    预算01表", 4, 2]], [], [["金额单位：万元", 4, 1]], ...BODY])]);
    expect(caption(t)).toEqual({ number: "预算01表", title: "收支总表", entity: null, unit: "金额单位：万元" });
    expect(t.rows.slice(0, 4).map((r) => r.kind)).toEqual(["title", "title", "title", "header"]);
  });

  it("a blank spacer row between caption rows is part of the caption", () => {
    const t = only([table("t0", [["预算03表", "", "", ""], ["", "", "", ""], ["", "支出总表", "", ""], ["", "", "", "金额单位：万元"], ...BODY])]);
    expect(caption(t)).toMatchObject({ number: "预算03表", title: "支出总表", unit: "金额单位：万元" });
    expect(t.titleRows).toBe(4);
  });

  it("a page's slice that reprints the in-grid caption continues the table on the next page", () => {
    const page = (b: ReturnType<typeof table>, n: number) => ({ ...b, provenance: { ...b.provenance, page: n } });
    const res = buildTables([
      page(table("t0", [[["预算05表", 4, 1]], [["收支总表", 4, 1]], ...BODY.slice(0, 3)]), 1),
      page(table("t1", [[["预算05表", 4, 1]], [["收支总表", 4, 1]], ...BODY.slice(0, 2), BODY[3]!]), 2),
    ]);
    expect(res.tables).toHaveLength(1);
    expect(res.tables[0]?.rows.map((r) => r.kind)).toEqual(["title", "title", "header", "header", "data", "title", "title", "header", "header", "total"]);
  });

  it("a 续表 row at the top of the grid joins the table to the one before", () => {
    const res = buildTables([
      table("t0", [[["预算05表 收支总表", 4, 1]], ...BODY.slice(0, 3)]),
      para("p1", "说明：本表按功能分类列示。"),
      table("t2", [[["续表", 4, 1]], BODY[3]!]),
    ]);
    expect(res.tables).toHaveLength(1);
    expect(res.tables[0]?.parts?.[1]?.joinedBy).toBe("continuation_marker");
  });

  it("a list of tables (表1 | title on every row) is data, not a caption", () => {
    const t = only([
      table("t0", [
        ["表1", "部门收支总表", ""],
        ["表2", "部门收入总表", ""],
        ["表3", "部门支出总表", "空表"],
      ]),
    ]);
    expect(t.titleRows).toBe(0);
    expect(t.title).toBeNull();
  });

  it("a header row of years is the header, not a caption", () => {
    const t = only([table("t0", [["", "2025年", "2026年"], ["一般公共服务支出", "10.00", "12.00"]])]);
    expect(t.titleRows).toBe(0);
    expect(t.columns.map((c) => c.header)).toEqual(["", "2025年", "2026年"]);
  });

  it("a group header across every column (2026年预算数) is the header's top row, not a title", () => {
    const t = only([
      para("p0", "财政拨款预算“三公”经费支出表"),
      para("p1", "单位：万元"),
      table("t1", [[["2026年预算数", 3, 1]], ["合计", "因公出国（境）费", "公务接待费"], ["12.00", "8.00", "4.00"]]),
    ]);
    expect(t.titleRows).toBe(0);
    expect(t.columns.map((c) => c.header)).toEqual(["2026年预算数 / 合计", "2026年预算数 / 因公出国（境）费", "2026年预算数 / 公务接待费"]);
  });

  it("consecutive tables with the same header and their own in-grid captions stay apart", () => {
    const res = buildTables([
      table("t0", [[["预算01表", 4, 1]], [["收支总表", 4, 1]], ...BODY]),
      table("t1", [[["预算04表", 4, 1]], [["财政拨款收支总表", 4, 1]], ...BODY]),
    ]);
    expect(res.tables.map((t) => [t.number, t.title, t.blockIds.length])).toEqual([
      ["预算01表", "收支总表", 1],
      ["预算04表", "财政拨款收支总表", 1],
    ]);
  });
});

describe("empty edge columns", () => {
  it("drops a blank column on either side of the grid and narrows the caption spanning over them", () => {
    const t = only([
      table("t0", [
        [["预算05表 一般公共预算支出表", 5, 1]],
        ["", "科目编码", "科目名称", "合计", ""],
        ["", "201", "一般公共服务支出", "10.00", ""],
        ["", "", "合计", "10.00", ""],
      ]),
    ]);
    expect(t.nCols).toBe(3);
    expect(t.grid[0]).toEqual([{ text: "预算05表 一般公共预算支出表" }, { mergedInto: [0, 0] }, { mergedInto: [0, 0] }]);
    expect(t.columns.map((c) => c.header)).toEqual(["科目编码", "科目名称", "合计"]);
    expect(t.rows[2]).toMatchObject({ kind: "data", code: "201", name: "一般公共服务支出" });
    expect(caption(t)).toMatchObject({ number: "预算05表", title: "一般公共预算支出表" });
  });

  it("keeps a column that only its header names (a fund with no figures this year)", () => {
    const t = only([table("t0", [["项目", "合计", "国有资本经营预算"], ["合计", "10.00", ""]])]);
    expect(t.nCols).toBe(3);
  });
});

describe("publisher lines above the table", () => {
  it.each([
    ["部门（单位）：中共烟台市委宣传部", "中共烟台市委宣传部"],
    ["单位：苏州市水务局", "苏州市水务局"],
    ["编制单位：深圳市公安局（本级）", "深圳市公安局（本级）"],
    ["606-湖州市交通运输局", "湖州市交通运输局"],
  ])("%s between the title and the table names the entity and keeps the title", (line, entity) => {
    const t = only([para("p0", "公开01表"), para("p1", "收支总表"), para("p2", line), para("p3", "单位：万元"), table("t4", BODY)]);
    expect(caption(t)).toEqual({ number: "公开01表", title: "收支总表", entity, unit: "单位：万元" });
  });

  it("an organisation's name with no title above it is running text, not a publisher", () => {
    const res = buildTables([para("p0", "湖州市交通运输局"), para("p1", "单位：万元"), table("t2", BODY)]);
    expect(res.tables[0]?.entity).toBeNull();
    expect(res.captionBlockIds.has("p0")).toBe(false);
  });

  it("a sub-unit's copy of a table (another 编制单位) is not stitched to the department's", () => {
    const res = buildTables([
      para("p0", "公开01表"),
      para("p1", "收支总表"),
      para("p2", "部门（单位）：烟台市文化和旅游局"),
      table("t3", BODY.slice(0, 3)),
      para("p4", "公开01表"),
      para("p5", "收支总表"),
      para("p6", "部门（单位）：烟台市图书馆"),
      table("t7", BODY.slice(0, 3)),
    ]);
    expect(res.tables.map((t) => t.entity)).toEqual(["烟台市文化和旅游局", "烟台市图书馆"]);
  });
});

describe("every reader", () => {
  it("HTML: caption rows of a <table> become the table's caption", async () => {
    const html = `<html><body><table>
      <tr><td colspan="4">预算02表</td></tr><tr><td colspan="4">收入总表</td></tr>
      <tr><td colspan="2">部门：北京市财政局</td><td colspan="2">金额单位：万元</td></tr>
      <tr><td>项目</td><td>合计</td><td>一般公共预算拨款收入</td><td>其他收入</td></tr>
      <tr><td>合计</td><td>100.00</td><td>90.00</td><td>10.00</td></tr></table></body></html>`;
    const r = (await readHtml(new TextEncoder().encode(html), { path: "t.html", limits: DEFAULT_LIMITS })) as HtmlReadResult;
    const t = only(r.blocks);
    expect(caption(t)).toEqual({ number: "预算02表", title: "收入总表", entity: "北京市财政局", unit: "金额单位：万元" });
    expect(valueAt(t, 4, 1)).toMatchObject({ yuan: "1000000" });
  });

  it("docx: caption rows of a Word table become the table's caption", async () => {
    const body = tbl(3, [
      tr([{ text: "公开03表", span: 3 }]),
      tr([{ text: "支出总表", span: 3 }]),
      tr([{ text: "编制单位：太原市发展和改革委员会", span: 2 }, "金额单位：元"]),
      tr(["项目", "基本支出", "项目支出"]),
      tr(["合计", "1,000.00", "500.00"]),
    ]);
    const read = await readParts({ body });
    const t = only(tablesOf(read.blocks));
    expect(caption(t)).toEqual({ number: "公开03表", title: "支出总表", entity: "太原市发展和改革委员会", unit: "金额单位：元" });
  });
});
