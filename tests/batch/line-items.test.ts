import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExtractedDocument } from "../../src/model/index.js";
import { LINE_ITEM_COLUMNS } from "../../src/writers/line-items.js";
import { readManifestLines, runBatchCli, SEED_TXT, tempDir, type CliRun } from "./helpers.js";

/** A 2026 支出预算总表 by 功能分类 with split 类|款|项 columns, in 万元: 3 rows × 3 money columns, one dash. */
const BUDGET_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某局2026年部门预算</title></head><body>
<p>某局2026年部门预算</p>
<p>支出预算总表</p>
<p>单位：万元</p>
<table border="1">
<tr><td colspan="3">功能分类科目编码</td><td rowspan="2">功能分类科目名称</td><td rowspan="2">合计</td><td rowspan="2">基本支出</td><td rowspan="2">项目支出</td></tr>
<tr><td>类</td><td>款</td><td>项</td></tr>
<tr><td>211</td><td></td><td></td><td>节能环保支出</td><td>120.50</td><td>100.00</td><td>20.50</td></tr>
<tr><td>211</td><td>01</td><td></td><td>环境保护管理事务</td><td>120.50</td><td>100.00</td><td>20.50</td></tr>
<tr><td>211</td><td>01</td><td>01</td><td>行政运行</td><td>120.50</td><td>100.00</td><td>—</td></tr>
<tr><td colspan="4">合计</td><td>120.50</td><td>100.00</td><td>20.50</td></tr>
</table></body></html>`;

const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => l !== "");

describe("batch --line-items", () => {
  const root = tempDir("items-archive");
  const out = tempDir("items-out");
  const csv = path.join(out, "..", `${path.basename(out)}-items.csv`);
  const ndjson = path.join(out, "..", `${path.basename(out)}-items.ndjson`);
  let first: CliRun;
  let second: CliRun;

  beforeAll(async () => {
    mkdirSync(path.join(root, "copies"), { recursive: true });
    writeFileSync(path.join(root, "budget.html"), BUDGET_HTML);
    writeFileSync(path.join(root, "copies", "budget-again.html"), BUDGET_HTML);
    copyFileSync(SEED_TXT, path.join(root, "seed.txt"));
    first = await runBatchCli([root, "-o", out, "--jobs", "2", "--line-items", csv]);
    // Unchanged inputs: the line items come from the outputs of the first run.
    second = await runBatchCli([root, "-o", out, "--jobs", "2", "--line-items", ndjson]);
  }, 180_000);
  afterAll(() => {
    for (const p of [root, out, csv, ndjson]) rmSync(p, { recursive: true, force: true });
  });

  test("the CSV has the line-item header and one row per line item of every output", () => {
    expect(first.code).toBe(0);
    const rows = lines(csv);
    expect(rows[0]).toBe(LINE_ITEM_COLUMNS.join(","));
    let expected = 0;
    for (const r of readManifestLines(out)) if (r.output) expected += (JSON.parse(readFileSync(path.join(out, r.output), "utf8")) as ExtractedDocument).lineItems.length;
    // 3 + 3 + 2 per copy of the budget: the 合计 row and the dash give none.
    expect(expected).toBe(16);
    expect(rows.length - 1).toBe(expected);
  });

  test("a row names the document, table, classification, code, level, measure, fund and exact 元, with its cell", () => {
    const row = lines(csv).find((l) => l.startsWith("budget.html,") && l.includes(",2110101,"));
    expect(row).toMatch(/^budget\.html,[0-9a-f]{64},html,2026,budget,[^,]*,[^,]*,t\d+,expenditure,function,2110101,行政运行,项,合计,all,1205000,万元,"\{""kind"":""cell""/);
    // The copy gets its own rows under its own path.
    expect(lines(csv).filter((l) => l.startsWith("copies/budget-again.html,")).length).toBe(8);
  });

  test("NDJSON: the same line items, one object each, evidence as an object", () => {
    expect(second.code).toBe(0);
    const objects = lines(ndjson).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.length).toBe(16);
    const item = objects.find((o) => o.path === "budget.html" && o.code === "21101" && o.measure === "基本支出");
    expect(item).toMatchObject({ classification: "function", level: "款", fund: "all", yuan: "1000000", unit: "万元", evidence: { kind: "cell", quote: "100.00" } });
  });

  test("a line-items file that is not .csv or .ndjson is a usage error", async () => {
    const run = await runBatchCli([root, "--line-items", path.join(out, "items.txt")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--line-items FILE must end in .csv or .ndjson");
  });
});
