import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { queryArchive } from "../../src/writers/db/query.js";
import { TABLE_NAMES } from "../../src/writers/db/schema.js";
import { buildTextArchive, runBatchCli, tempDir } from "./helpers.js";

describe("batch --shard I/N --parquet DIR: N shards write one dataset", () => {
  const N = 9;
  const root = buildTextArchive(N);
  const work = tempDir("parquet");
  const pq = path.join(work, "dataset");
  const db = path.join(work, "whole.duckdb");

  beforeAll(async () => {
    // Two "machines" (shards) into one Parquet directory, and the whole archive into one database.
    for (const shard of ["0/2", "1/2"]) {
      const run = await runBatchCli([root, "-o", path.join(work, "out"), "--shard", shard, "--parquet", pq, "--jobs", "1", "--quiet"]);
      expect(run.code).toBe(0);
    }
    const whole = await runBatchCli([root, "--db", db, "--jobs", "2", "--quiet"]);
    expect(whole.code).toBe(0);
  }, 180_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  test("each table is DIR/<table>/part-<shard>.parquet, and no temp or staging file is left", () => {
    for (const t of TABLE_NAMES) expect(readdirSync(path.join(pq, t)).sort(), t).toEqual(["part-0.parquet", "part-1.parquet"]);
    expect(readdirSync(pq).filter((n) => !(TABLE_NAMES as string[]).includes(n))).toEqual([]);
  });

  test("read_parquet('DIR/<table>/*.parquet') over the shards equals the database of the whole archive", async () => {
    for (const t of TABLE_NAMES) {
      const cols = t === "documents" ? "* EXCLUDE (duration_ms)" : "*"; // timings differ between runs
      const glob = path.join(pq, t, "*.parquet");
      const [diff] = await queryArchive(
        db,
        `SELECT count(*) AS n, (SELECT count(*) FROM ${t}) AS rows FROM ((SELECT ${cols} FROM ${t} EXCEPT ALL SELECT ${cols} FROM read_parquet('${glob}')) UNION ALL (SELECT ${cols} FROM read_parquet('${glob}') EXCEPT ALL SELECT ${cols} FROM ${t}))`,
      );
      expect(diff!.n, t).toBe("0");
      if (t !== "line_items") expect(Number(diff!.rows), t).toBeGreaterThan(0);
    }
    const [docs] = await queryArchive(":memory:", `SELECT count(*) AS n, count(DISTINCT path) AS paths FROM read_parquet('${path.join(pq, "documents", "*.parquet")}')`);
    expect(docs).toEqual({ n: String(N), paths: String(N) });
  });

  test("re-running a shard replaces its part: the dataset keeps one row per input", async () => {
    const again = await runBatchCli([root, "-o", path.join(work, "out"), "--shard", "1/2", "--parquet", pq, "--jobs", "1", "--quiet"]);
    expect(again.code).toBe(0);
    const [docs] = await queryArchive(":memory:", `SELECT count(*) AS n FROM read_parquet('${path.join(pq, "documents", "*.parquet")}')`);
    expect(docs!.n).toBe(String(N));
    expect(existsSync(path.join(pq, "facts", "part-1.parquet"))).toBe(true);
  }, 120_000);
});
