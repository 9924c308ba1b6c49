/**
 * Real 公开表 bundles whose captions carry a publisher line between the title and the table: "部门（单位）：…"
 * (烟台), "单位：苏州市水务局" (苏州), "606-湖州市交通运输局" (湖州). The line names the entity and no longer hides
 * the title and number above it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readPdf } from "../../src/readers/pdf/index.js";
import { buildTables } from "../../src/structure/tables/index.js";
import type { Table } from "../../src/model/table.js";
import { SKIP_SHARED, corpus, hasShared } from "../helpers.js";

async function tablesOf(rel: string): Promise<Table[]> {
  const file = corpus(rel);
  const read = await readPdf(new Uint8Array(readFileSync(file)), { path: file, limits: DEFAULT_LIMITS, ocr: "never" });
  return buildTables(read.blocks).tables;
}
const captioned = (tables: Table[]) => tables.filter((t) => t.number !== null).map((t) => [t.number, t.title, t.entity]);

describe.skipIf(!hasShared)(`publisher lines in real captions (${hasShared ? "corpus" : SKIP_SHARED})`, () => {
  it("烟台 宣传部: 公开表1–12 with title and entity; 公开表8 and 公开表9 stay two tables", async () => {
    const got = captioned(await tablesOf("calinchow-del+renwu/2026-pdf/025_烟台_宣传部_2026年部门预算.pdf"));
    expect(got.map((x) => x[0])).toEqual(Array.from({ length: 12 }, (_, i) => `公开表${i + 1}`));
    expect(got.every((x) => x[2] === "中共烟台市委宣传部")).toBe(true);
    expect(got[7]?.[1]).toBe("政府性基金预算支出情况表");
    expect(got[8]?.[1]).toBe("国有资本经营预算支出情况表");
  }, 60_000);

  it("苏州 水务局: 单位：苏州市水务局 is the entity; 公开01表 收支总表 keeps its title", async () => {
    const got = captioned(await tablesOf("calinchow-del+renwu/2026-pdf/006_苏州_水务局_2026年部门预算.pdf"));
    expect(got[0]).toEqual(["公开01表", "收支总表", "苏州市水务局"]);
    expect(got.length).toBeGreaterThanOrEqual(12);
  }, 60_000);

  it("湖州 交通运输局: the coded 606-湖州市交通运输局 line is the entity", async () => {
    const got = captioned(await tablesOf("calinchow-del+renwu/2026-pdf/079_湖州_交通运输局_2026年部门预算.pdf"));
    expect(got[0]).toEqual(["表01", "2026年市级部门收支预算总表", "湖州市交通运输局"]);
    // pp. 39–40: 表11 prints its unit line bare ("万元"), the others "单位：万元".
    expect(got.find((x) => x[0] === "表11")).toEqual(["表11", "2026年市级部门项目支出绩效表", "湖州市交通运输局"]);
  }, 60_000);
});
