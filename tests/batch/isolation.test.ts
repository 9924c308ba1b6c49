import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readManifestLines, runBatchCli, SEED_TXT, tempDir } from "./helpers.js";

// Test hooks (DISCLOSURE_EXTRACT_BATCH_TEST_HOOKS=1) make a worker spin forever on "__hang__" files and allocate
// without bound on "__explode__" files: stand-ins for a parser stuck in a loop and a decompression bomb.
describe("a stuck or exploding worker is ended and replaced; the batch goes on", () => {
  const root = tempDir("isolation");
  const out = tempDir("isolation-out");
  writeFileSync(path.join(root, "a__hang__.txt"), "一、部门职责\n");
  writeFileSync(path.join(root, "b__explode__.txt"), "二、收支总体情况\n");
  copyFileSync(SEED_TXT, path.join(root, "c-seed.txt"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  test("timeout and memory ceiling become typed error records, the next document is extracted", async () => {
    const run = await runBatchCli([root, "-o", out, "--jobs", "1", "--timeout-ms", "8000", "--max-worker-mb", "160"], {
      env: { DISCLOSURE_EXTRACT_BATCH_TEST_HOOKS: "1" },
    });
    expect(run.code).toBe(1);
    const records = readManifestLines(out);
    expect(records.map((r) => [r.path, r.status, r.error?.code ?? null])).toEqual([
      ["a__hang__.txt", "error", "timeout"],
      ["b__explode__.txt", "error", "too_large"],
      ["c-seed.txt", "ok", null],
    ]);
    // The bytes still say what the stopped documents were.
    expect(records[0]!.format).toBe("text");
    expect(run.stderr).toContain("errors by code: timeout 1, too_large 1");
  }, 120_000);
});
