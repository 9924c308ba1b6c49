import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ExtractedDocument } from "../../src/model/index.js";
import { buildTextArchive, CLI_ENTRY, readManifestLines, runBatchCli, summaryCounts, tempDir } from "./helpers.js";
import { repoRoot } from "../helpers.js";

function countOutputs(dir: string): number {
  if (!existsSync(dir)) return 0;
  return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith(".txt.json")).length;
}

describe("a batch killed mid-way resumes with nothing duplicated or lost", () => {
  const N = 24;
  const root = buildTextArchive(N);
  const out = tempDir("killed");
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  test("SIGKILL after the first outputs, then a resume run completes the archive", async () => {
    // One worker and a 250 ms pause per document (test hook) make the run last ~6 s after the worker starts,
    // so the kill lands mid-way whatever the machine's speed.
    const child = spawn(process.execPath, ["--import", "tsx", CLI_ENTRY, root, "-o", out, "--jobs", "1", "--quiet"], {
      cwd: repoRoot,
      env: { ...process.env, DISCLOSURE_EXTRACT_BATCH_TEST_HOOKS: "1", DISCLOSURE_EXTRACT_BATCH_TEST_DELAY_MS: "250" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 90_000;
    while (countOutputs(out) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const before = countOutputs(out);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(N);
    const partial = readManifestLines(out);
    expect(partial.length).toBeLessThan(N);

    const resumed = await runBatchCli([root, "-o", out, "--jobs", "1"]);
    expect(resumed.code).toBe(0);
    const counts = summaryCounts(resumed.stderr);
    // What the killed run recorded is reused; the rest is extracted; nothing twice.
    expect(counts.unchanged).toBe(partial.filter((r) => r.status === "ok").length);
    expect(counts.unchanged + counts.processed).toBe(N);

    const records = readManifestLines(out);
    expect(records).toHaveLength(N);
    expect(new Set(records.map((r) => r.path)).size).toBe(N);
    expect(records.every((r) => r.status === "ok")).toBe(true);
    expect(countOutputs(out)).toBe(N);
    for (const r of records) {
      const doc = ExtractedDocument.parse(JSON.parse(readFileSync(path.join(out, r.output!), "utf8")));
      expect(doc.source.path).toBe(r.path);
    }
    // No temp file of the interrupted write survives.
    expect((readdirSync(out, { recursive: true }) as string[]).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 180_000);
});
