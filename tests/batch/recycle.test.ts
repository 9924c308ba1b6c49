import { copyFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runBatch } from "../../src/batch/run.js";
import { ExtractedDocument } from "../../src/model/index.js";
import { samples } from "../helpers.js";
import { SEED_TXT, tempDir } from "./helpers.js";

// Recycling is what keeps a long run's memory flat; thresholds of 1 document / 0 MB force it on every document,
// so the test checks the mechanics (a fresh worker takes the next document, nothing is lost) without timings.
describe("workers are recycled between documents", () => {
  const root = tempDir("recycle");
  const outs: string[] = [];
  copyFileSync(SEED_TXT, path.join(root, "a-seed.txt"));
  copyFileSync(samples("zhengzhou-guotu-2015-budget.html"), path.join(root, "b-zhengzhou.html"));
  copyFileSync(samples("luancheng-wangxin-2020-budget.docx"), path.join(root, "c-luancheng.docx"));
  afterAll(() => {
    for (const d of [root, ...outs]) rmSync(d, { recursive: true, force: true });
  });

  test.each([
    ["after N documents", { recycleAfterDocs: 1 }],
    ["above a heap size", { recycleHeapMb: 0 }],
  ])("%s: every document is still extracted, each by a fresh worker", async (_label, thresholds) => {
    const out = tempDir("recycle-out");
    outs.push(out);
    const result = await runBatch({ inputs: [root], outDir: out, jobs: 1, quiet: true, ...thresholds });
    expect(result.entries.map((e) => [e.record.path, e.record.status])).toEqual([
      ["a-seed.txt", "ok"],
      ["b-zhengzhou.html", "ok"],
      ["c-luancheng.docx", "ok"],
    ]);
    expect(result.workers).toEqual({ replaced: 0, recycled: 3 });
    for (const e of result.entries) {
      const doc = ExtractedDocument.parse(JSON.parse(readFileSync(path.join(out, e.record.output!), "utf8")));
      expect(doc.source.path).toBe(e.record.path);
    }
  });

  test("with the defaults a short run recycles nothing", async () => {
    const out = tempDir("recycle-out");
    outs.push(out);
    const result = await runBatch({ inputs: [root], outDir: out, jobs: 1, quiet: true });
    expect(result.workers).toEqual({ replaced: 0, recycled: 0 });
    expect(result.summary.byStatus).toEqual({ ok: 3 });
  });
});
