/**
 * Page-break continuations and sub-header rows, on generated PDF-like inputs: each page reprints the caption
 * (表N, title, 部门名称, unit) above its slice of the table, with or without the header.
 */
import { describe, expect, it } from "vitest";
import { buildTables } from "../../src/structure/tables/index.js";
import { checkTables } from "../../src/budget/table-checks.js";
import type { ParagraphBlock, RawTableBlock, ReaderBlock } from "../../src/model/blocks.js";
import { Table } from "../../src/model/table.js";
import { para, table, type CellSpec } from "./helpers.js";

/** A table block on a PDF page. */
const onPage = (id: string, page: number, rows: CellSpec[][]): RawTableBlock => ({ ...table(id, rows), provenance: { page } });
const paraOn = (id: string, page: number, text: string): ParagraphBlock => ({ ...para(id, text), provenance: { page } });
/** The caption a 深圳-style export prints at the top of every page of a table. */
const caption = (ids: [string, string, string, string], page: number, number: string, title: string, unit = "深圳市公安局（本级）"): ParagraphBlock[] => [
  paraOn(ids[0], page, number),
  paraOn(ids[1], page, title),
  paraOn(ids[2], page, `部门名称：${unit}`),
  paraOn(ids[3], page, "单位：万元"),
];
const HEADER: CellSpec[] = ["预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"];
const PAGE1: CellSpec[][] = [
  HEADER,
  ["深圳市公安局（本级）", "", "", "202,989.21", "146,423.77", "56,565.44"],
  ["", "204", "公共安全支出", "155,883.15", "99,441.85", "56,441.30"],
  ["", "20402", "公安", "155,883.15", "99,441.85", "56,441.30"],
  ["", "2040201", "行政运行", "99,441.85", "99,441.85", "0.00"],
  ["", "2040202", "一般行政管理事务", "56,441.30", "0.00", "56,441.30"],
  ["", "208", "社会保障和就业支出", "13,741.75", "13,741.75", "0.00"],
  ["", "20805", "行政事业单位养老支出", "13,731.94", "13,731.94", "0.00"],
  ["", "2080501", "行政单位离退休", "2,863.21", "2,863.21", "0.00"],
];
const PAGE2_DATA: CellSpec[][] = [
  ["", "2080505", "机关事业单位基本养老保险缴费支出", "7,390.76", "7,390.76", "0.00"],
  ["", "2080506", "机关事业单位职业年金缴费支出", "3,477.97", "3,477.97", "0.00"],
  ["", "20808", "抚恤", "9.81", "9.81", "0.00"],
  ["", "2080801", "死亡抚恤", "9.81", "9.81", "0.00"],
];
const tableChecks = (t: Table) => checkTables([t]).map((v) => `${v.status} ${v.rule}`);

describe("a table split over two pages, each page reprinting the caption", () => {
  it("joins the parts when the header is repeated: one table, header rows out of the data, both pages kept", () => {
    const res = buildTables([
      ...caption(["p0", "p1", "p2", "p3"], 30, "表7", "一般公共预算支出表（按功能分类）"),
      onPage("t0", 30, PAGE1),
      ...caption(["p4", "p5", "p6", "p7"], 31, "表7", "一般公共预算支出表（按功能分类）"),
      onPage("t1", 31, [HEADER, ...PAGE2_DATA]),
    ]);
    expect(res.tables).toHaveLength(1);
    const t = Table.parse(res.tables[0]);
    expect(t).toMatchObject({ id: "t0", blockIds: ["t0", "t1"], number: "表7", title: "一般公共预算支出表（按功能分类）", nRows: 14, nCols: 6 });
    expect(t.unit?.unit).toBe("万元");
    expect(t.parts).toEqual([
      { blockId: "t0", firstRow: 0, nRows: 9 },
      { blockId: "t1", firstRow: 9, nRows: 5, joinedBy: "repeated_header" },
    ]);
    expect(t.provenance.map((p) => p.page)).toEqual([30, 31]);
    expect(t.rows[9]?.kind).toBe("header");
    expect(t.cells.filter((c) => c.row === 9).every((c) => c.value === undefined)).toBe(true);
    expect(t.rows[10]).toMatchObject({ kind: "data", code: "2080505", name: "机关事业单位基本养老保险缴费支出" });
    expect(t.cells.find((c) => c.row === 10 && c.col === 3)?.value).toEqual({ kind: "amount", value: "7390.76", yuan: "73907600" });
    // 208 = Σ 款 and 20805 = Σ 项 now see the rows from both pages (split, both failed).
    expect(tableChecks(t)).toContain("pass table:t0:code 20805 = Σ children [支出总计]");
    expect(tableChecks(t)).toContain("pass table:t0:code 208 = Σ children [支出总计]");
    expect(tableChecks(t).filter((s) => s.startsWith("fail"))).toEqual([]);
    // The reprinted caption is consumed as a caption, not left as running text.
    for (const id of ["p4", "p5", "p6", "p7"]) expect(res.captionBlockIds.has(id)).toBe(true);
    expect(res.tableIdByBlock.get("t1")).toBe("t0");
  });

  it("joins the parts when the second page starts straight with data (no header repeated)", () => {
    const res = buildTables([
      ...caption(["p0", "p1", "p2", "p3"], 30, "表7", "一般公共预算支出表（按功能分类）"),
      onPage("t0", 30, PAGE1),
      ...caption(["p4", "p5", "p6", "p7"], 31, "表7", "一般公共预算支出表（按功能分类）"),
      onPage("t1", 31, PAGE2_DATA),
    ]);
    expect(res.tables).toHaveLength(1);
    const t = res.tables[0]!;
    expect(t.parts?.[1]).toEqual({ blockId: "t1", firstRow: 9, nRows: 4, joinedBy: "same_columns" });
    expect(t.rows.slice(9).map((r) => r.code)).toEqual(["2080505", "2080506", "20808", "2080801"]);
    expect(tableChecks(t).filter((s) => s.startsWith("fail"))).toEqual([]);
  });

  it("keeps going when the first page ends on 本年收入合计 (a 收支总表's inner total)", () => {
    const head: CellSpec[][] = [["项目", "行次", "决算数"], ["一、一般公共预算财政拨款收入", "1", "1668.14"], ["本年收入合计", "2", "1668.14"]];
    const res = buildTables([
      paraOn("p0", 5, "表1 收入支出决算总表"),
      onPage("t0", 5, head),
      paraOn("p1", 6, "表1 收入支出决算总表"),
      onPage("t1", 6, [["项目", "行次", "决算数"], ["年初结转和结余", "3", "0.00"], ["总计", "4", "1668.14"]]),
    ]);
    expect(res.tables.map((t) => t.blockIds)).toEqual([["t0", "t1"]]);
    expect(res.tables[0]!.rows.map((r) => r.kind)).toEqual(["header", "data", "total", "header", "data", "total"]);
  });
});

describe("a table whose header broke off above its body (江苏高院 2018 财政拨款收支预算总表, 苏州 公开04表)", () => {
  // Page 10 ends with the top header row only; page 11 carries the rest of the header and the figures.
  const FRAGMENT: CellSpec[][] = [["收入", "支出"]];
  const BODY: CellSpec[][] = [
    [["项目名称", 1, 2], ["金额", 1, 2], ["支出用途", 2, 1]],
    [["项目名称", 1, 1, 2], "金额"],
    ["一、一般公共预算", "33,172.15", "一、基本支出", "18,570.82"],
    ["二、政府性基金预算", "", "二、项目支出", "11,343.27"],
    ["", "", "三、单位预留机动经费", "3,258.06"],
    ["收入合计", "33,172.15", "支出合计", "33,172.15"],
  ];
  const split = (between: ParagraphBlock[] = [], bodyPage = 11) => [
    paraOn("p0", 10, "四、2018年度江苏省高级人民法院财政拨款收支预算总表"),
    paraOn("p1", 10, "单位：万元"),
    onPage("t0", 10, FRAGMENT),
    ...between,
    onPage("t1", bodyPage, BODY),
  ];

  it("joins the header to its body, each header cell spread over its panel (收入 | 支出 over 项目 | 金额 | 项目 | 金额)", () => {
    const res = buildTables(split());
    expect(res.tables.map((t) => t.blockIds)).toEqual([["t0", "t1"]]);
    const t = Table.parse(res.tables[0]);
    expect(t).toMatchObject({ title: "2018年度江苏省高级人民法院财政拨款收支预算总表", nCols: 4, headerRows: 3 });
    expect(t.unit?.unit).toBe("万元");
    expect(t.columns.map((c) => c.path.join("/"))).toEqual(["收入/项目名称", "收入/金额", "支出/支出用途/项目名称", "支出/支出用途/金额"]);
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "header", "header", "data", "data", "data", "total"]);
    expect(t.panels?.map((p) => p.name)).toEqual(["收入", "支出 / 支出用途"]);
    expect(res.tableIdByBlock.get("t1")).toBe("t0");
  });

  it("joins a header row broken off inside one page when the column counts agree (采购品目大 | 类)", () => {
    const res = buildTables([
      paraOn("p0", 16, "政府采购支出预算表"),
      onPage("t0", 16, [["采购品目大", "专项名称", "总计"]]),
      onPage("t1", 16, [["类", "", ""], ["合计", "", "5,227.59"], ["一、货物A", "", "1,637.72"]]),
    ]);
    expect(res.tables.map((t) => t.blockIds)).toEqual([["t0", "t1"]]);
    expect(res.tables[0]!.rows.map((r) => r.kind)).toEqual(["header", "header", "total", "data"]);
  });

  it("keeps them apart when a note is printed between, the body has its own title, or the cells do not fit", () => {
    expect(buildTables(split([paraOn("p9", 10, "注：本部门无政府性基金预算财政拨款收支，本表为空表。")])).tables).toHaveLength(2);
    expect(buildTables(split([paraOn("p9", 11, "五、财政拨款支出预算表")])).tables).toHaveLength(2);
    expect(buildTables(split([], 13)).tables).toHaveLength(2);
    const three = buildTables([onPage("t0", 10, [["收入", "支出", "备注"]]), onPage("t1", 11, BODY)]);
    expect(three.tables).toHaveLength(2);
  });

  it("joins a body that starts with numbered items under a header on the page before (（十九）…支出)", () => {
    const res = buildTables([
      paraOn("p0", 15, "财政拨款收支总表"),
      onPage("t0", 15, [[["收入", 2, 1], ["支出", 2, 1]], ["项目", "预算数", "项目", "预算数"], ["一、本年收入", "92,596.24", "一、本年支出", "92,596.24"], ["", "", "（十八）援助其他地区支出", ""]]),
      onPage("t1", 16, [["", "", "（十九）自然资源海洋气象等支出", ""], ["", "", "（二十）住房保障支出", "656.08"], ["收入总计", "92,596.24", "支出总计", "92,596.24"]]),
    ]);
    expect(res.tables.map((t) => t.blockIds)).toEqual([["t0", "t1"]]);
    expect(res.tables[0]!.parts?.[1]?.joinedBy).toBe("same_columns");
    expect(res.tables[0]!.rows.slice(4).map((r) => r.kind)).toEqual(["data", "data", "total"]);
  });
});

describe("a table over three pages whose cells the page breaks cut (江苏人大 2017 收支预算总表 p7–9)", () => {
  // Column edges at x = 57, 113, 207, 276, 355, 421, 519; each raw cell carries its box (PDF points).
  const X = [57, 113, 207, 276, 355, 421, 519];
  type Spec = [string, number, number?];
  const boxed = (id: string, page: number, rows: Spec[][]): RawTableBlock => ({
    id,
    type: "table",
    provenance: { page },
    rows: rows.map((r, i) => ({ cells: r.map(([text, from, to]) => ({ text, colSpan: 1, rowSpan: 1, page, bbox: [X[from]!, 100 + 20 * i, X[to ?? from + 1]!, 120 + 20 * i] as [number, number, number, number] })) })),
  });
  const page7 = boxed("t0", 7, [
    [["收入", 0, 2], ["支出", 2, 6]],
    [["项目名称", 0], ["金额", 1], ["功能科目名称", 2], ["金额", 3], ["项目名称", 4], ["金额", 5]],
    [["一、财政拨款", 0], ["13,649.07", 1], ["一、一般公共服务支出", 2], ["10,528.33", 3], ["一、基本支出", 4], ["7,666.68", 5]],
    [["", 0], ["", 1], ["二、社会保障和就", 2], ["1,608.51", 3], ["二、项目支出", 4], ["5,853.96", 5]],
  ]);
  const page8 = boxed("t1", 8, [
    [["", 0], ["", 1], ["业支出", 2], ["", 3], ["", 4], ["", 5]],
    [["", 0], ["", 1], ["三、住房保障支出", 2], ["1,512.23", 3], ["三、单位预留机动经费", 4], ["128.43", 5]],
    [["当年收入", 0], ["13,649.07", 1], ["当年支出小计", 2, 5], ["13,649.07", 5]],
  ]);
  // The reader found four columns on the last page: the 支出 label spans three of the six.
  const page9 = boxed("t2", 9, [
    [["小计", 0], ["", 1], ["", 2, 5], ["", 5]],
    [["上年结转资金", 0], ["", 1], ["结转下年资金", 2, 5], ["", 5]],
    [["收入合计", 0], ["13,649.07", 1], ["支出合计", 2, 5], ["13,649.07", 5]],
  ]);
  const merged = (blocks: ReaderBlock[]) => {
    const res = buildTables([paraOn("p0", 7, "一、收支预算总表"), paraOn("p1", 7, "单位：万元"), ...blocks]);
    return { res, t: res.tables[0]! };
  };

  it("puts each cut cell's tail back, lays the last page over the first page's columns by the cells' boxes: one table", () => {
    const { res, t } = merged([page7, page8, page9]);
    expect(res.tables.map((x) => x.blockIds)).toEqual([["t0", "t1", "t2"]]);
    expect(t.nCols).toBe(6);
    const label = (r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c)?.text;
    expect(label(3, 2)).toBe("二、社会保障和就业支出");
    expect(label(5, 0)).toBe("当年收入小计");
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "header", "data", "data", "data", "subtotal", "data", "total"]);
    expect(t.parts?.map((p) => [p.blockId, p.firstRow, p.nRows])).toEqual([["t0", 0, 4], ["t1", 4, 2], ["t2", 6, 2]]);
    expect(Table.parse(t).cells.find((x) => x.row === 7 && x.col === 5)?.value).toEqual({ kind: "amount", value: "13649.07", yuan: "136490700" });
  });

  it("without boxes the last page's other columns keep it apart; a tail under a closed cell is no tail", () => {
    const unboxed = { ...page9, rows: page9.rows.map((r) => ({ cells: r.cells.map(({ bbox: _b, ...c }) => c) })) };
    expect(merged([page7, page8, unboxed]).res.tables.map((x) => x.blockIds)).toEqual([["t0", "t1"], ["t2"]]);
    const closed = { ...page7, rows: page7.rows.map((r, i) => (i === 3 ? { cells: r.cells.map((c) => (c.text === "二、社会保障和就" ? { ...c, text: "二、社会保障和就业支出。" } : c)) } : r)) };
    const { t } = merged([closed, page8]);
    expect(t.cells.find((x) => x.row === 3 && x.col === 2)?.text).toBe("二、社会保障和就业支出。");
  });
});

describe("tables that must stay apart", () => {
  const bare = (blocks: ReaderBlock[]) => buildTables(blocks).tables.map((t) => t.blockIds);

  it("two different tables on consecutive pages, each under its own number and title", () => {
    expect(
      bare([
        ...caption(["p0", "p1", "p2", "p3"], 30, "表7", "一般公共预算支出表（按功能分类）"),
        onPage("t0", 30, PAGE1),
        ...caption(["p4", "p5", "p6", "p7"], 31, "表8", "政府性基金预算支出表"),
        onPage("t1", 31, [HEADER, ...PAGE2_DATA]),
      ]),
    ).toEqual([["t0"], ["t1"]]);
  });

  it("the same table reprinted for another unit (部门名称 differs)", () => {
    expect(
      bare([
        ...caption(["p0", "p1", "p2", "p3"], 30, "表7", "一般公共预算支出表（按功能分类）"),
        onPage("t0", 30, PAGE1),
        ...caption(["p4", "p5", "p6", "p7"], 31, "表7", "一般公共预算支出表（按功能分类）", "深圳市公安局交通警察局"),
        onPage("t1", 31, [HEADER, ...PAGE2_DATA]),
      ]),
    ).toEqual([["t0"], ["t1"]]);
  });

  it("the same caption where the classification starts over (another copy, not a continuation)", () => {
    expect(
      bare([
        ...caption(["p0", "p1", "p2", "p3"], 30, "表7", "一般公共预算支出表（按功能分类）"),
        onPage("t0", 30, PAGE1),
        ...caption(["p4", "p5", "p6", "p7"], 31, "表7", "一般公共预算支出表（按功能分类）"),
        onPage("t1", 31, [HEADER, ["", "204", "公共安全支出", "1.00", "1.00", "0.00"], ["", "20402", "公安", "1.00", "1.00", "0.00"]]),
      ]),
    ).toEqual([["t0"], ["t1"]]);
  });

  it("the same caption two pages later, or with a 注： line between (the first table had ended)", () => {
    const second = (page: number, extra: ParagraphBlock[]) => [
      ...caption(["p0", "p1", "p2", "p3"], 30, "表7", "一般公共预算支出表（按功能分类）"),
      onPage("t0", 30, PAGE1),
      ...extra,
      ...caption(["p4", "p5", "p6", "p7"], page, "表7", "一般公共预算支出表（按功能分类）"),
      onPage("t1", page, [HEADER, ...PAGE2_DATA]),
    ];
    expect(bare(second(32, []))).toEqual([["t0"], ["t1"]]);
    expect(bare(second(31, [paraOn("p9", 30, "注：本套报表金额单位转换时可能存在尾数误差。")]))).toEqual([["t0"], ["t1"]]);
  });

  it("a table closed by its 合计 is not continued by a headerless table right after it", () => {
    expect(
      bare([
        onPage("t0", 3, [["项目", "金额"], ["办公费", "1.00"], ["印刷费", "2.00"], ["合计", "3.00"]]),
        onPage("t1", 4, [["差旅费", "5.00"], ["培训费", "6.00"]]),
      ]),
    ).toEqual([["t0"], ["t1"]]);
  });
});

describe("a list of items each under its 科目 (西安 政府采购预算表)", () => {
  it("has no 合计 = Σ rows check: its 全额 line and unit line carry the code of the purchases below them", () => {
    const rows: CellSpec[][] = [
      ["类", "款", "项", "单位编码", "采购项目", "预算金额"],
      [["合计", 5, 1], "14,000.00"],
      ["201", "03", "01", "1", "全额", "10,000.00"],
      ["201", "03", "01", "114001", "西安市人民政府办公厅", "10,000.00"],
      ["201", "03", "01", "", "复印纸", "6,000.00"],
      ["201", "03", "01", "", "办公椅", "4,000.00"],
      ["205", "08", "03", "1", "全额", "4,000.00"],
    ];
    const t = buildTables([paraOn("p0", 32, "单位：元"), onPage("t0", 32, rows)]).tables[0]!;
    expect(t.rows.slice(2).map((r) => r.code)).toEqual(["2010301", "2010301", "2010301", "2010301", "2050803"]);
    expect(tableChecks(t).filter((s) => s.includes("total = Σ rows"))).toEqual([]);
    // A classification that lists each code once is still checked.
    const classes = buildTables([paraOn("p0", 3, "单位：元"), onPage("t1", 3, [rows[0]!, rows[1]!, rows[2]!, rows[6]!])]).tables[0]!;
    expect(tableChecks(classes)).toEqual(["pass table:t1:total = Σ rows [预算金额]"]);
  });
});

describe("sub-header rows inside a table", () => {
  it("the header band reprinted with a 合计 row on the next page is not data and not counted", () => {
    const header: CellSpec[][] = [
      [["项目", 2, 1], "本年收入合计", "财政拨款收入"],
      ["功能分类科目编码", "科目名称", ["", 1, 1, 2], ["", 1, 1, 3]],
      [["栏次", 2, 1], "1", "2"],
      ["", "合计", "1668.14", "1668.14"],
    ];
    const res = buildTables([
      paraOn("p0", 8, "表2 收入决算表"),
      paraOn("p2", 8, "单位：万元"),
      onPage("t0", 8, [...header, ["208", "社会保障和就业支出", "76.23", "76.23"], ["214", "交通运输支出", "1531.04", "1531.04"]]),
      paraOn("p1", 9, "表2 收入决算表"),
      paraOn("p3", 9, "单位：万元"),
      onPage("t1", 9, [...header, ["221", "住房保障支出", "60.87", "60.87"]]),
    ]);
    expect(res.tables).toHaveLength(1);
    const t = res.tables[0]!;
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "header", "colno", "total", "data", "data", "header", "header", "colno", "header", "data"]);
    // 合计 1668.14 = 76.23 + 1531.04 + 60.87 — only once the 合计 reprinted on page 9 stays out of the rows.
    expect(tableChecks(t)).toEqual(["pass table:t0:total = Σ rows [本年收入合计]", "pass table:t0:total = Σ rows [财政拨款收入]"]);
  });

  it("the header repeated inside one source table, and a label naming a block across the row", () => {
    const res = buildTables([
      table("t0", [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [["一般公共预算", 5, 1]],
        ["201", "一般公共服务支出", "10.00", "4.00", "6.00"],
        ["20101", "人大事务", "10.00", "4.00", "6.00"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [["政府性基金预算", 3, 1], ["", 1, 1, 3], ["", 1, 1, 4]],
        ["212", "城乡社区支出", "5.00", "0.00", "5.00"],
      ]),
    ]);
    const t = res.tables[0]!;
    expect(t.rows.map((r) => r.kind)).toEqual(["header", "note", "data", "data", "header", "note", "data"]);
    expect(t.cells.filter((c) => c.row === 4).every((c) => c.value === undefined)).toBe(true);
    expect(t.rows.filter((r) => r.code).map((r) => r.code)).toEqual(["201", "20101", "212"]);
  });
});
