import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExtractedDocument } from "../../src/model/index.js";
import { ruleFamily } from "../../src/budget/checks/family.js";
import { queryArchive } from "../../src/writers/db/query.js";
import { TABLE_NAMES } from "../../src/writers/db/schema.js";
import { samples } from "../helpers.js";
import { pseudoRandomBytes, readManifestLines, runBatchCli, SEED_TXT, tempDir, type CliRun } from "./helpers.js";

/** A 支出预算总表 in 元: a 16-digit figure no double holds exactly, cents, and a figure with 5 decimals (too fine for DECIMAL(20,4)). */
const YUAN_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某中心2025年部门预算</title></head><body>
<p>某中心2025年部门预算</p><p>支出预算总表</p><p>单位：元</p>
<table border="1">
<tr><td>功能分类科目编码</td><td>功能分类科目名称</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>1,234,567,890,123,456.78</td><td>1,234,567,890,123,456.77</td><td>0.01</td></tr>
<tr><td>20101</td><td>人大事务</td><td>1,234.56</td><td>1,234.55</td><td>0.01</td></tr>
<tr><td>2010101</td><td>行政运行</td><td>12.34567</td><td>12.34567</td><td>—</td></tr>
</table></body></html>`;

/** "1234.5000" → "1234.5", "-0.0100" → "-0.01": DuckDB prints the scale, the JSON does not. */
const norm = (s: unknown) => (typeof s === "string" && s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
/** What DECIMAL(20,4) holds exactly: 16 integer digits, 4 decimals (trailing zeros aside). */
const fits = (v: string) => /^-?\d{1,16}(\.\d{0,4})?$/.test(v.includes(".") ? v.replace(/0+$/, "") : v);
function tooFine(d: ExtractedDocument): number {
  const values = [
    ...d.facts.map((f) => f.yuan),
    ...d.lineItems.map((l) => l.yuan),
    ...d.validations.flatMap((v) => [v.expected, v.actual, v.difference, v.tolerance]),
    ...d.tables.flatMap((t) => [t.unit?.multiplier, ...t.cells.flatMap((c) => [c.value?.value, c.value?.yuan])]),
  ];
  return values.filter((v): v is string => v !== undefined && !fits(v)).length;
}
const count = async (db: string, sql: string) => Number((await queryArchive(db, sql))[0]!.n);

function outputs(out: string): { docs: Map<string, ExtractedDocument>; records: ReturnType<typeof readManifestLines> } {
  const records = readManifestLines(out);
  const docs = new Map<string, ExtractedDocument>();
  for (const r of records) if (r.output && !docs.has(r.sha256!)) docs.set(r.sha256!, JSON.parse(readFileSync(path.join(out, r.output), "utf8")) as ExtractedDocument);
  return { docs, records };
}

/** Rows per table the JSON outputs imply: one documents row per input, content rows once per distinct sha256. */
function expectedCounts(out: string): Record<string, number> {
  const { docs, records } = outputs(out);
  const sum = (f: (d: ExtractedDocument) => number) => [...docs.values()].reduce((s, d) => s + f(d), 0);
  return {
    documents: records.length,
    facts: sum((d) => d.facts.length),
    line_items: sum((d) => d.lineItems.length),
    validations: sum((d) => d.validations.length),
    tables: sum((d) => d.tables.length),
    cells: sum((d) => d.tables.reduce((s, t) => s + t.cells.length, 0)),
  };
}

async function tableCounts(db: string): Promise<Record<string, number>> {
  const rows = await queryArchive(db, TABLE_NAMES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t as string, Number(r.n)]));
}

describe("batch --db: the archive as a DuckDB database", () => {
  const root = tempDir("db-archive");
  const out = tempDir("db-out");
  const db = path.join(out, "..", `${path.basename(out)}.duckdb`);
  const pq = path.join(out, "..", `${path.basename(out)}-parquet`);
  const factsCsv = path.join(out, "..", `${path.basename(out)}-facts.csv`);
  const args = () => [root, "-o", out, "--jobs", "2", "--db", db];
  let first: CliRun;
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    const put = (rel: string, write: (abs: string) => void) => {
      const abs = path.join(root, ...rel.split("/"));
      mkdirSync(path.dirname(abs), { recursive: true });
      write(abs);
    };
    put("seed.txt", (abs) => copyFileSync(SEED_TXT, abs));
    put("copies/seed-again.txt", (abs) => copyFileSync(SEED_TXT, abs));
    put("luancheng.docx", (abs) => copyFileSync(samples("luancheng-wangxin-2020-budget.docx"), abs));
    put("jiangsu.pdf", (abs) => copyFileSync(samples("jiangsu-renda-2019-tables.pdf"), abs));
    put("yuan.html", (abs) => writeFileSync(abs, YUAN_HTML));
    put("broken/empty.docx", (abs) => writeFileSync(abs, ""));
    put("broken/random.bin", (abs) => writeFileSync(abs, pseudoRandomBytes(4096)));
    first = await runBatchCli([...args(), "--parquet", pq, "--facts", factsCsv]);
    afterFirst = await tableCounts(db);
  }, 180_000);
  afterAll(() => {
    for (const p of [root, out, db, `${db}.wal`, pq, factsCsv]) rmSync(p, { recursive: true, force: true });
  });

  test("every table holds as many rows as the JSON outputs: one documents row per input, content once per sha256", async () => {
    expect(first.code).toBe(1); // the two broken inputs
    const expected = expectedCounts(out);
    expect(expected.documents).toBe(7);
    expect(expected.cells).toBeGreaterThan(1000);
    expect(afterFirst).toEqual(expected);
    const docs = await queryArchive(db, "SELECT path, status, duplicate_of, error_code, format, fiscal_year, page_count FROM documents ORDER BY path");
    // The first copy in path order is extracted; the other one names it.
    expect(docs.find((d) => d.path === "seed.txt")).toMatchObject({ status: "skipped", duplicate_of: "copies/seed-again.txt", fiscal_year: 2020 });
    expect(docs.find((d) => d.path === "broken/empty.docx")).toMatchObject({ status: "error", error_code: "empty" });
    expect(docs.find((d) => d.path === "jiangsu.pdf")).toMatchObject({ status: "ok", format: "pdf", fiscal_year: 2019, page_count: 13 });
  });

  test("money is DECIMAL(20,4) and reads back exactly; a figure too fine for it is NULL and counted, never rounded", async () => {
    const types = await queryArchive(db, "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE data_type LIKE 'DECIMAL%' OR data_type = 'DOUBLE'");
    expect(new Set(types.map((t) => t.data_type))).toEqual(new Set(["DECIMAL(20,4)"]));
    const items = await queryArchive(db, "SELECT l.code, l.measure, l.yuan FROM line_items l JOIN documents d USING (sha256) WHERE d.path = 'yuan.html' ORDER BY l.code, l.measure");
    expect(items.find((i) => i.code === "201" && i.measure === "合计")!.yuan).toBe("1234567890123456.7800");
    expect(items.find((i) => i.code === "20101" && i.measure === "基本支出")!.yuan).toBe("1234.5500");
    expect(items.filter((i) => i.code === "2010101").map((i) => i.yuan)).toEqual([null, null]);
    const [doc] = await queryArchive(db, "SELECT inexact_values FROM documents WHERE path = 'yuan.html'");
    // 12.34567 twice as line items, twice in cells (value and yuan each), and in the checks' differences.
    const yuanDoc = [...outputs(out).docs.values()].find((d) => d.source.path === "yuan.html")!;
    expect(doc!.inexact_values).toBe(tooFine(yuanDoc));
    expect(doc!.inexact_values).toBeGreaterThanOrEqual(6);
    // Sums stay exact too (a double would print 1234567890123456.8).
    const [sum] = await queryArchive(db, "SELECT sum(yuan)::VARCHAR AS s FROM cells JOIN documents USING (sha256) WHERE path = 'yuan.html' AND col = 2 AND yuan IS NOT NULL");
    expect(sum!.s).toBe("1234567890124691.3400");
  });

  test("every fact, line item and check of the JSON is in the database with the same exact figure", async () => {
    const { docs } = outputs(out);
    const key = (sha: unknown, ...parts: unknown[]) => [sha, ...parts.map(norm)].join("|");
    const jsonFacts = [...docs.entries()].flatMap(([sha, d]) => d.facts.map((f) => key(sha, f.key, f.fund, f.basis ?? null, f.name ?? null, f.yuan))).sort();
    const dbFacts = (await queryArchive(db, "SELECT sha256, key, fund, basis, name, yuan FROM facts")).map((r) => key(r.sha256, r.key, r.fund, r.basis, r.name, r.yuan)).sort();
    expect(dbFacts).toEqual(jsonFacts);
    const stored = (v: string | undefined) => (v === undefined || !fits(v) ? null : v);
    const jsonChecks = [...docs.entries()].flatMap(([sha, d]) => d.validations.map((v) => key(sha, v.rule, ruleFamily(v.rule), v.status, stored(v.expected), stored(v.difference)))).sort();
    const dbChecks = (await queryArchive(db, "SELECT sha256, rule, family, status, expected, difference FROM validations")).map((r) => key(r.sha256, r.rule, r.family, r.status, r.expected, r.difference)).sort();
    expect(dbChecks).toEqual(jsonChecks);
  });

  test("a table can be rebuilt from its cells: the JSON's text at every grid origin", async () => {
    const { docs } = outputs(out);
    const [sha, doc] = [...docs.entries()].find(([, d]) => d.source.path === "jiangsu.pdf")!;
    const table = doc.tables.find((t) => t.cells.length > 20)!;
    const cells = await queryArchive(db, `SELECT row, col, row_span, col_span, text FROM cells WHERE sha256 = '${sha}' AND table_id = '${table.id}' ORDER BY row, col`);
    expect(cells).toEqual(table.cells.map((c) => ({ row: c.row, col: c.col, row_span: c.rowSpan, col_span: c.colSpan, text: c.text })).sort((a, b) => a.row - b.row || a.col - b.col));
    const [meta] = await queryArchive(db, `SELECT n_rows, n_cols, kind FROM tables WHERE sha256 = '${sha}' AND table_id = '${table.id}'`);
    expect(meta).toEqual({ n_rows: table.nRows, n_cols: table.nCols, kind: table.kind ?? null });
  });

  test("the facts CSV and the database are the same records: each input's facts, with the same figures", async () => {
    const csvLines = readFileSync(factsCsv, "utf8").split("\n").filter((l) => l !== "");
    const perInput = await count(db, "SELECT count(*) AS n FROM documents JOIN facts USING (sha256) WHERE status <> 'error'");
    expect(csvLines.length - 1).toBe(perInput);
    const csvYuan = (await queryArchive(":memory:", `SELECT yuan FROM read_csv('${factsCsv}', all_varchar = true)`)).map((r) => r.yuan as string).sort();
    const dbYuan = (await queryArchive(db, "SELECT f.yuan FROM documents JOIN facts f USING (sha256) WHERE status <> 'error'")).map((r) => norm(r.yuan) as string).sort();
    expect(dbYuan).toEqual(csvYuan);
  });

  test("the Parquet dataset read back by DuckDB equals the database, table by table", async () => {
    for (const t of TABLE_NAMES) {
      const file = path.join(pq, t, "part-0.parquet");
      const diff = await count(db, `SELECT count(*) AS n FROM ((SELECT * FROM ${t} EXCEPT ALL SELECT * FROM read_parquet('${file}')) UNION ALL (SELECT * FROM read_parquet('${file}') EXCEPT ALL SELECT * FROM ${t}))`);
      expect(diff, t).toBe(0);
      expect(await count(":memory:", `SELECT count(*) AS n FROM read_parquet('${file}')`), t).toBe(afterFirst[t]);
    }
    const [typed] = await queryArchive(":memory:", `SELECT typeof(yuan) AS t FROM read_parquet('${path.join(pq, "facts", "*.parquet")}') LIMIT 1`);
    expect(typed!.t).toBe("DECIMAL(20,4)");
  });

  test("re-running — resumed, then --force — leaves the same rows, nothing duplicated", async () => {
    const resumed = await runBatchCli(args());
    expect(resumed.code).toBe(1);
    expect(await tableCounts(db), resumed.stderr).toEqual(afterFirst);
    const forced = await runBatchCli([...args(), "--force"]);
    expect(forced.code).toBe(1);
    expect(await tableCounts(db), forced.stderr).toEqual(expectedCounts(out));
    expect(await tableCounts(db), forced.stderr).toEqual(afterFirst);
    expect(await count(db, "SELECT count(*) - count(DISTINCT path) AS n FROM documents")).toBe(0);
  }, 180_000);

  test("a changed input's old rows go with it; a database that lost rows is rebuilt from the JSON outputs", async () => {
    writeFileSync(path.join(root, "yuan.html"), YUAN_HTML.replace("1,234.56", "2,234.56"));
    const changed = await runBatchCli(args());
    expect(changed.code).toBe(1);
    expect(await tableCounts(db)).toEqual(expectedCounts(out));
    expect(await count(db, "SELECT count(*) AS n FROM line_items WHERE sha256 NOT IN (SELECT sha256 FROM documents WHERE sha256 IS NOT NULL)")).toBe(0);
    expect((await queryArchive(db, "SELECT yuan FROM line_items JOIN documents USING (sha256) WHERE path = 'yuan.html' AND code = '20101' AND measure = '合计'"))[0]!.yuan).toBe("2234.5600");

    // A fresh database beside an up-to-date output directory: nothing is re-extracted, every row is rebuilt.
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    const rebuilt = await runBatchCli(args());
    expect(rebuilt.stderr).toMatch(/processed 0, copied from identical files 0, unchanged since last run 7/);
    expect(await tableCounts(db)).toEqual(expectedCounts(out));
  }, 180_000);
});

describe("batch --db and --parquet usage", () => {
  test("a --db file named like a CSV is a usage error", async () => {
    const run = await runBatchCli([SEED_TXT, "--db", "archive.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--db FILE is a DuckDB database");
  });

  test("a file that is not a DuckDB database is an io error that says so, not a crash", async () => {
    const dir = tempDir("db-bad");
    const bad = path.join(dir, "not.duckdb");
    writeFileSync(bad, "this is not a database\n".repeat(1000));
    try {
      const run = await runBatchCli([SEED_TXT, "--db", bad, "--quiet"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Cannot open the database ${bad}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
