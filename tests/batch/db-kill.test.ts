import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { ExtractedDocument } from "../../src/model/index.js";
import { queryArchive } from "../../src/writers/db/query.js";
import { repoRoot } from "../helpers.js";
import { buildTextArchive, CLI_ENTRY, readManifestLines, runBatchCli, tempDir } from "./helpers.js";

function countOutputs(dir: string): number {
  if (!existsSync(dir)) return 0;
  return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith(".txt.json")).length;
}

describe("a batch killed mid-way leaves a consistent database, completed by the next run", () => {
  const N = 16;
  const root = buildTextArchive(N);
  const out = tempDir("db-killed");
  const db = path.join(out, "..", `${path.basename(out)}.duckdb`);
  afterAll(() => {
    for (const p of [root, out, db, `${db}.wal`]) rmSync(p, { recursive: true, force: true });
  });

  test("SIGKILL after the first documents, then a resumed run: every input once, rows equal to the JSON outputs", async () => {
    // One worker and a 300 ms pause per document (test hook): the kill lands mid-way whatever the machine's speed.
    const child = spawn(process.execPath, ["--import", "tsx", CLI_ENTRY, root, "-o", out, "--db", db, "--jobs", "1", "--quiet"], {
      cwd: repoRoot,
      env: { ...process.env, DISCLOSURE_EXTRACT_BATCH_TEST_HOOKS: "1", DISCLOSURE_EXTRACT_BATCH_TEST_DELAY_MS: "300" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 90_000;
    while (countOutputs(out) < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(countOutputs(out)).toBeLessThan(N);

    // What the killed run committed is whole: each document's rows are all there or not at all.
    const partial = await queryArchive(db, "SELECT d.path, d.n_facts, count(f.key)::INTEGER AS facts FROM documents d LEFT JOIN facts f USING (sha256) GROUP BY ALL");
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(N);
    for (const p of partial) expect(p.facts, String(p.path)).toBe(p.n_facts);

    const resumed = await runBatchCli([root, "-o", out, "--db", db, "--jobs", "1"]);
    expect(resumed.code).toBe(0);
    const records = readManifestLines(out);
    expect(records).toHaveLength(N);
    let facts = 0;
    let cells = 0;
    for (const r of records) {
      const doc = JSON.parse(readFileSync(path.join(out, r.output!), "utf8")) as ExtractedDocument;
      facts += doc.facts.length;
      cells += doc.tables.reduce((s, t) => s + t.cells.length, 0);
    }
    const [counts] = await queryArchive(
      db,
      "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(DISTINCT path) FROM documents) AS paths, (SELECT count(*) FROM facts) AS facts, (SELECT count(*) FROM cells) AS cells",
    );
    expect(counts).toEqual({ documents: String(N), paths: String(N), facts: String(facts), cells: String(cells) });
    expect(facts).toBeGreaterThan(N * 10);
  }, 180_000);
});
