import { describe, expect, test } from "vitest";
import { extractBytes, extractFile } from "../../src/extract.js";
import { ExtractedDocument } from "../../src/model/index.js";
import { corpus, hasShared, SKIP_SHARED } from "../helpers.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("meta through the readers (generated documents)", () => {
  test("a text document's cover over three lines: year, unit, 本级; the comparison year in the body does not win", async () => {
    const text = "2026年度\n某某市交通运输局（本级）\n单位预算公开\n\n一、单位概况\n本单位2026年收入预算100.00万元，比2025年预算增加10.00万元。\n";
    const doc = await extractBytes(utf8(text), { path: "x/2025年部门预算.txt" });
    expect(() => ExtractedDocument.parse(doc)).not.toThrow();
    expect(doc.meta).toMatchObject({ fiscalYear: 2026, docKind: "budget", scope: "unit", entity: "某某市交通运输局（本级）", consolidation: "本级", region: "某某市" });
  });

  test("an HTML page without a title line: meta from its <title>, up to the portal's suffix", async () => {
    const html = `<html><head><meta charset="utf-8"><title>某某市国土资源局2015年度部门预算公开情况说明_政务公开_某某市人民政府</title></head>
<body><p>一、部门概况</p><p>2015年收入预算923.19万元，支出预算923.19万元。</p></body></html>`;
    const doc = await extractBytes(utf8(html), { path: "page.html" });
    expect(doc.meta).toMatchObject({ fiscalYear: 2015, docKind: "budget", scope: "department", entity: "某某市国土资源局" });
    expect(doc.meta.evidence.entity).toMatchObject({ source: "container_title" });
  });
});

// Real documents (../shared/corpus); the printed values were read off the PDFs' first pages.
describe.skipIf(!hasShared)(`meta of real documents (${hasShared ? "corpus" : SKIP_SHARED})`, () => {
  const read = (rel: string) => extractFile(corpus(rel)).then((d) => d.meta);

  test("深圳: '2026年深圳市城市管理和综合执法局（本级）部门预算' is 2026, not a comparison year, and 本级", async () => {
    const m = await read("calinchow-del+renwu/2026-pdf/003_深圳_城市管理和综合执法局_2026年部门预算.pdf");
    expect(m).toMatchObject({ fiscalYear: 2026, scope: "department", entity: "深圳市城市管理和综合执法局（本级）", consolidation: "本级" });
  });

  test("上海: '预算单位：上海市应急管理局执法总队' under '上海市2026年市级单位预算' names the unit", async () => {
    const m = await read("calinchow-del+renwu/2026-pdf/001_上海_应急管理局_上海市应急管理局执法总队2026年度预算.pdf");
    expect(m).toMatchObject({ fiscalYear: 2026, scope: "unit", entity: "上海市应急管理局执法总队" });
    expect(m.evidence.entity).toMatchObject({ source: "cover", quote: "上海市应急管理局执法总队" });
  });

  test("江苏 tables-only: year from '2019年政府采购预算表', entity and department scope from '部门：' lines", async () => {
    const m = await read("ae86jack+open-budget/江苏省委办公厅_江苏省委办公厅2019年度部门预算公开表格.pdf");
    expect(m).toMatchObject({ fiscalYear: 2019, docKind: "budget", scope: "department", entity: "中共江苏省委办公厅" });
    expect(m.evidence.fiscalYear).toMatchObject({ source: "caption" });
  });

  test("佛山 决算: '2019年佛山市轨道交通局部门决算'", async () => {
    const m = await read("calinchow-del+renwu/2026-pdf/022_佛山_交通运输局_2019年佛山市轨道交通局部门决算.pdf");
    expect(m).toMatchObject({ fiscalYear: 2019, docKind: "final_account", scope: "department", entity: "佛山市轨道交通局" });
  });
});
