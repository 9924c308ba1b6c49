import { describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import { samples } from "../helpers.js";

describe("side-by-side panels (收入 | 支出) are recognized, one table each", () => {
  test("江苏 收支预算总表: 收入, 支出 by function, 支出 by use", async () => {
    const doc = await extractFile(samples("jiangsu-renda-2019-tables.pdf"));
    const t = doc.tables.find((x) => x.number === "公开表一")!;
    expect(t.panels).toEqual([
      { name: "收入", columns: [0, 1] },
      { name: "支出 / 功能分类", columns: [2, 3] },
      { name: "支出 / 支出用途", columns: [4, 5] },
    ]);
  });

  test("上海 财务收支预算总表: 本年收入 | 本年支出; one-panel tables have none", async () => {
    const doc = await extractFile(samples("putuo-fuliyuan-2024-unit-budget.pdf"));
    const t = doc.tables.find((x) => x.title === "2024年预算单位财务收支预算总表")!;
    expect(t.panels?.map((p) => p.name)).toEqual(["本年收入", "本年支出"]);
    expect(doc.tables.find((x) => x.title === "2024年预算单位收入预算总表")!.panels).toBeUndefined();
  });

  test("a table whose first columns describe the rest is one panel (the seed's 政府采购)", async () => {
    const doc = await extractFile(samples("luancheng-wangxin-2020-budget.docx"));
    expect(doc.tables.find((x) => x.title === "单位政府采购预算")!.panels).toBeUndefined();
  });
});
