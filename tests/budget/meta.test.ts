import { describe, expect, test } from "vitest";
import { readMeta, type MetaInput } from "../../src/budget/meta.js";
import type { ParagraphBlock, Table } from "../../src/model/index.js";

// Generated fixtures: each printed form meta is read from, built as the readers and the section builder hand it over.
type Line = string | { text: string; role?: ParagraphBlock["role"]; page?: number };

/** A document as extract.ts splits it: body paragraphs, captions (and unclassified ones), furniture. */
function input(lines: Line[], extra: Partial<MetaInput> = {}): MetaInput {
  const blocks: ParagraphBlock[] = lines.map((l, i) => {
    const { text, role, page } = typeof l === "string" ? { text: l, role: undefined, page: undefined } : l;
    return { id: `p${i}`, type: "paragraph", text, ...(role ? { role } : {}), provenance: { paragraphIndex: i, ...(page ? { page } : {}) } };
  });
  return {
    paragraphs: blocks.filter((b) => !b.role || b.role === "body"),
    captions: blocks.filter((b) => b.role === "caption" || b.role === undefined),
    furniture: blocks.filter((b) => b.role !== undefined && b.role !== "body" && b.role !== "caption"),
    tables: [],
    ...extra,
  };
}

const meta = (lines: Line[], extra: Partial<MetaInput> = {}) => readMeta(input(lines, extra));
const caption = (text: string): Line => ({ text, role: "caption" });

/** A table whose leading rows are title rows (one cell each), then one data row. */
function table(id: string, titleRows: string[], entity: string | null = null): Table {
  const cells = [...titleRows, "合计"].map((text, row) => ({ row, col: 0, rowSpan: 1, colSpan: 1, text }));
  return {
    id, blockIds: [id], title: null, number: null, entity, unit: null, nRows: cells.length, nCols: 1, cells,
    grid: cells.map((c) => [{ text: c.text }]), titleRows: titleRows.length, headerRows: 0, columns: [],
    rows: cells.map((_, index) => ({ index, kind: index < titleRows.length ? ("title" as const) : ("data" as const) })),
    provenance: [{ tableIndex: 0 }],
  };
}

describe("meta: the title, printed on one line or over several", () => {
  test("a title split over three cover lines gives year, entity, unit scope and 本级", () => {
    const m = meta(["2026年度", "无锡市某某局（本级）", "单位预算公开", "目录"]);
    expect(m).toMatchObject({ fiscalYear: 2026, docKind: "budget", scope: "unit", entity: "无锡市某某局（本级）", consolidation: "本级", title: "2026年度无锡市某某局（本级）单位预算公开" });
    expect(m.evidence.fiscalYear).toMatchObject({ blockId: "p0", quote: "2026年", source: "title" });
    expect(m.evidence.entity).toMatchObject({ blockId: "p1", quote: "无锡市某某局（本级）", source: "title" });
    expect(m.evidence.scope).toMatchObject({ blockId: "p2", quote: "单位预算", source: "title" });
  });

  test("a long name between the year and 部门预算 is the entity (2026年<entity>部门预算)", () => {
    const m = meta(["2026年某某市城市管理和综合执法局（本级）部门预算", "一、部门职责"]);
    expect(m).toMatchObject({ fiscalYear: 2026, scope: "department", entity: "某某市城市管理和综合执法局（本级）", consolidation: "本级" });
  });

  test("a year line above the entity's 部门预算 line joins it", () => {
    expect(meta(["2026年", "某某市生态环境局部门预算", "目录"])).toMatchObject({ fiscalYear: 2026, scope: "department", entity: "某某市生态环境局" });
  });

  test("the entity's name is kept without the 部门 word the title appends", () => {
    expect(meta(["2026年中共某某市委宣传部部门预算"]).entity).toBe("中共某某市委宣传部");
  });

  test("a 决算 of 2024 published in 2025 is the 2024 final account", () => {
    const m = meta(["国家某某局", "2024年度部门决算", "二〇二五年七月", "第一部分 国家某某局概况"]);
    expect(m).toMatchObject({ fiscalYear: 2024, docKind: "final_account", scope: "department", entity: "国家某某局", title: "国家某某局2024年度部门决算" });
    expect(m.evidence.fiscalYear).toMatchObject({ blockId: "p1", quote: "2024年", source: "title" });
  });

  test("a year printed alone below the title's line is the title's year", () => {
    const m = meta(["某某市档案馆部门预算", "（2026年度）", "目录"]);
    expect(m).toMatchObject({ fiscalYear: 2026, scope: "department", entity: "某某市档案馆" });
    expect(m.evidence.fiscalYear).toMatchObject({ blockId: "p1", quote: "2026年", source: "title" });
  });

  test("（汇总） printed after the title's kind words is the consolidation", () => {
    expect(meta(["某某市教育局2026年部门预算（汇总）"])).toMatchObject({ entity: "某某市教育局", consolidation: "汇总", scope: "department" });
  });

  test("a notice about preparing budgets names no entity from its verb (关于编制2026年部门预算的通知)", () => {
    const m = meta(["关于编制2026年部门预算的通知", "各单位：请按要求编制。"]);
    expect(m.entity).toBeUndefined();
    expect(meta(["2026年部门预算", "一、学校概况"]).entity).toBeUndefined();
  });

  test("汇总 in the name makes a department's scope when the title has no 部门 word", () => {
    expect(meta(["某某市审计局（汇总）2026年预算公开"])).toMatchObject({ scope: "department", consolidation: "汇总", entity: "某某市审计局（汇总）" });
  });
});

describe("meta: the year of the budget, not of a comparison", () => {
  test("the year of a comparison does not win over the title's year", () => {
    const m = meta(["2026年", "某某局部门预算", "一、收支预算总体情况", "2025年部门预算收入总计100万元。", "本年收入比2025年预算增加10万元，2025年部门预算数为90万元。"]);
    expect(m.fiscalYear).toBe(2026);
    expect(m.evidence.fiscalYear).toMatchObject({ blockId: "p0", source: "title" });
  });

  test("without a title, captions outweigh comparison years in the body", () => {
    const m = meta([caption("2019年收支预算总表"), "比2018年预算增加5万元。", caption("2019年政府采购预算表")]);
    expect(m.fiscalYear).toBe(2019);
    expect(m.evidence.fiscalYear).toMatchObject({ source: "caption", quote: "2019年" });
  });
});

describe("meta: the region", () => {
  test("a party organ's 中共 comes before its region: 中共烟台市委宣传部 is of 烟台市, evidenced inside the entity's quote", () => {
    const m = meta(["中共烟台市委宣传部", "2026年部门预算"]);
    expect(m).toMatchObject({ entity: "中共烟台市委宣传部", region: "烟台市" });
    expect(m.evidence.region).toMatchObject({ blockId: "p0", start: 2, end: 5, quote: "烟台市" });
  });
});

describe("meta: publisher fields", () => {
  test("预算单位： on the cover names the unit under a government's bundle title, not the region", () => {
    const m = meta(["上海市2026年市级单位预算", "预算单位：上海市某某局执法总队", { text: "目录", role: "toc" }]);
    expect(m).toMatchObject({ fiscalYear: 2026, scope: "unit", entity: "上海市某某局执法总队", region: "上海市" });
    expect(m.evidence.entity).toMatchObject({ blockId: "p1", quote: "上海市某某局执法总队", source: "cover" });
  });

  test("预算主管部门： names the department of a 区级部门预算", () => {
    expect(meta(["上海市某区2023年区级部门预算", "预算主管部门：上海市某区人民政府某某街道办事处"])).toMatchObject({
      scope: "department",
      entity: "上海市某区人民政府某某街道办事处",
    });
  });

  test("a tables-only edition: year from a caption, entity from 部门： lines, department scope from the label", () => {
    const m = meta([caption("收支预算总表"), caption("部门：中共某某省委办公厅"), caption("单位：万元"), caption("2019年政府采购预算表"), caption("部门：中共某某省委办公厅")]);
    expect(m).toMatchObject({ fiscalYear: 2019, docKind: "budget", scope: "department", entity: "中共某某省委办公厅" });
    expect(m.evidence.entity).toMatchObject({ source: "publisher_line", quote: "中共某某省委办公厅" });
  });

  test("部门（单位）： and 编制单位： lines name the entity; another field on the same line is cut off", () => {
    expect(meta([caption("2026年收支总体情况表"), caption("部门（单位）：某某市文化和旅游局      单位：万元")]).entity).toBe("某某市文化和旅游局");
    expect(meta([caption("2026年收支总表"), caption("编制单位：某某市某某中心单位：元")]).entity).toBe("某某市某某中心");
  });

  test("a publisher printed in a table's title rows is read from its cell", () => {
    const m = meta([caption("2026年部门收支总表")], { tables: [table("t0", ["部门名称：某某市气象局"])] });
    expect(m.entity).toBe("某某市气象局");
    expect(m.evidence.entity).toMatchObject({ kind: "cell", tableId: "t0", row: 0, col: 0, source: "publisher_line" });
  });

  test("a table's entity (read by the table layer) counts as a publisher line", () => {
    const m = meta([caption("2026年收支总表")], { tables: [table("t0", ["2026年收支总表", "编制单位 某某市水务局"], "某某市水务局")] });
    expect(m).toMatchObject({ entity: "某某市水务局" });
    expect(m.evidence.entity).toMatchObject({ kind: "cell", row: 1 });
  });

  test("a department's bundle names the department and lists the units whose tables follow", () => {
    const m = meta([
      "某某市交通运输局2026年部门预算",
      caption("收支总表"), caption("单位名称：某某市交通运输局"),
      caption("收支总表"), caption("单位名称：某某市公路事业发展中心"),
      caption("收支总表"), caption("单位名称：某某市港航事业发展中心"),
    ]);
    expect(m.entity).toBe("某某市交通运输局");
    expect(m.units).toEqual(["某某市公路事业发展中心", "某某市港航事业发展中心"]);
  });

  test("a publisher line cut by a line break is neither the entity nor a unit", () => {
    const m = meta(["某某省人大常委会办公厅2018年度部门预算公开", caption("部门名称：某某省人大"), caption("部门名称：某某省人大常委会办公厅"), caption("部门名称：某某省人大常委会办公厅")]);
    expect(m.entity).toBe("某某省人大常委会办公厅");
    expect(m.evidence.entity).toMatchObject({ source: "title" });
    expect(m.units).toBeUndefined();
  });
});

describe("meta: kind and scope printed elsewhere than the title", () => {
  test("a 决算 whose word appears only in its tables' captions is a final account", () => {
    const m = meta([caption("收入支出决算总表"), caption("部门：某某市轨道交通局"), caption("一般公共预算财政拨款支出决算表"), caption("2019年度一般公共预算财政拨款基本支出决算表")]);
    expect(m).toMatchObject({ docKind: "final_account", fiscalYear: 2019, entity: "某某市轨道交通局" });
  });

  test("a TOC's 第一部分部门概况 gives the scope when the title has no 部门/单位 word", () => {
    const m = meta(["2018年度某某省高级", "人民法院预算公开", { text: "目录", role: "toc" }, { text: "第一部分部门概况", role: "toc" }]);
    expect(m).toMatchObject({ fiscalYear: 2018, entity: "某某省高级人民法院", scope: "department" });
    expect(m.evidence.scope).toMatchObject({ source: "toc" });
  });

  test("部门预算经济分类 in a unit's table captions does not make it a department's", () => {
    const m = meta([caption("2024年预算单位财务收支预算总表"), caption("2024年预算单位一般公共预算基本支出部门预算经济分类预算表"), caption("编制单位：某某区社会福利院")]);
    expect(m.scope).toBe("unit");
  });

  test("a heading names the entity when the title does not (第一部分<entity>概况)", () => {
    const m = meta(["2026年部门预算", "第一部分 某某市科学技术局概况", "一、主要职责"]);
    expect(m).toMatchObject({ fiscalYear: 2026, scope: "department", entity: "某某市科学技术局" });
    expect(m.evidence.entity).toMatchObject({ source: "heading" });
  });

  test("a running header names year and entity of a document without a cover", () => {
    const m = meta([{ text: "某某市民政局2026年部门预算", role: "header" }, "一、部门概况", "本部门2026年收入预算100万元。"]);
    expect(m).toMatchObject({ fiscalYear: 2026, entity: "某某市民政局", scope: "department" });
    expect(m.evidence.entity).toMatchObject({ source: "running_header" });
  });
});

describe("meta: the container's title and the file name, last", () => {
  test("an HTML <title> gives meta a body without a title leaves out, marked container_title", () => {
    const m = meta(["一、部门概况", "本部门负责……"], { containerTitle: "某某市国土资源局2015年度部门预算公开情况说明_政务公开_某某市人民政府" });
    expect(m).toMatchObject({ fiscalYear: 2015, docKind: "budget", scope: "department", entity: "某某市国土资源局" });
    expect(m.evidence.entity).toMatchObject({ source: "container_title" });
  });

  test("the file name fills the year of a tables-only edition that prints none, marked file_name", () => {
    const m = meta([caption("收支预算总表"), caption("部门：某某省政协办公厅")], { sourcePath: "a/某某省政协办公厅_某某省政协办公厅2017年度部门预算公开表.pdf" });
    expect(m.fiscalYear).toBe(2017);
    expect(m.evidence.fiscalYear).toEqual({ kind: "file_name", source: "file_name", quote: "某某省政协办公厅2017年度部门预算公开表" });
    expect(m.evidence.entity).toMatchObject({ source: "publisher_line" });
  });

  test("a document that prints no 预算/决算 gets nothing from its file name", () => {
    const m = meta(["关于开展安全检查的通知", "各单位：请于3月底前完成自查。"], { sourcePath: "x/某某市财政局_2026年部门预算.pdf" });
    expect(m.fiscalYear).toBeUndefined();
    expect(m.docKind).toBeUndefined();
    expect(m.scope).toBeUndefined();
  });

  test("the file name never outweighs what the document prints", () => {
    const m = meta(["2026年度某某市水务局单位预算公开"], { sourcePath: "x/某某_2025年部门预算.pdf" });
    expect(m).toMatchObject({ fiscalYear: 2026, scope: "unit" });
    expect(m.evidence.fiscalYear).toMatchObject({ source: "title" });
  });
});

describe("meta: a template's placeholder is no entity", () => {
  // 普陀区2026单位预算模板 (.xls, the official blank template): its title rows print "上海市普陀区XX" where a unit's name goes.
  test("'上海市普陀区XX' / '××局' leave the entity unset; year, kind and scope still read", () => {
    const m = meta(["上海市普陀区2026年区级单位预算", caption("预算单位：上海市普陀区XX")]);
    expect(m).toMatchObject({ fiscalYear: 2026, docKind: "budget", scope: "unit" });
    expect(m.entity).toBeUndefined();
    expect(meta(["××局2026年部门预算"]).entity).toBeUndefined();
  });
});

describe("meta: a title line that opens with a conjunction", () => {
  // 太原市发展和改革委员会 2016 决算公开 (.doc): "关于太原市发展和改革委员会2016年部门决算" / "和“三公”经费决算的公开".
  test("goes on with the title, and year, kind and entity stay the first line's", () => {
    const m = meta(["关于某某市某某委员会2016年部门决算", "和“三公”经费决算的公开", "第一部分"]);
    expect(m).toMatchObject({ fiscalYear: 2016, docKind: "final_account", scope: "department", title: "关于某某市某某委员会2016年部门决算和“三公”经费决算的公开" });
    expect(m.evidence.entity).toMatchObject({ blockId: "p0", source: "title" });
  });
});
