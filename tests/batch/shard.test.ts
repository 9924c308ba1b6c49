import { rmSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { discoverInputs } from "../../src/batch/discover.js";
import { inShard, parseShard, shardOf } from "../../src/batch/shard.js";
import { buildMixedArchive, readManifestLines, runBatchCli, tempDir } from "./helpers.js";

describe("--shard i/n", () => {
  const { root, expected } = buildMixedArchive();
  const out = tempDir("shards");
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  test("parses I/N with 0 ≤ I < N and rejects the rest", () => {
    expect(parseShard("0/1")).toEqual({ index: 0, count: 1 });
    expect(parseShard(" 3/4 ")).toEqual({ index: 3, count: 4 });
    for (const bad of ["4/4", "1/0", "-1/3", "1", "a/b", "1/2/3", ""]) expect(parseShard(bad)).toBeNull();
  });

  test("the slices partition the discovered inputs exactly, for every n", async () => {
    const { inputs } = await discoverInputs({ inputs: [root] });
    const all = inputs.map((i) => i.relPath);
    expect(all).toEqual(expected);
    for (const n of [1, 2, 3, 5, 8]) {
      const slices = Array.from({ length: n }, (_, i) => all.filter((p) => inShard(p, { index: i, count: n })));
      expect(slices.flat().sort()).toEqual(all);
      expect(slices.reduce((s, x) => s + x.length, 0)).toBe(all.length);
    }
  });

  test("a path's shard depends on the path alone (adding files moves no other file), and spreads evenly", () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `省级/部门${i}/预算公开.pdf`);
    const sizes = [0, 0, 0];
    for (const p of paths) sizes[shardOf(p, 3)]!++;
    for (const n of sizes) expect(Math.abs(n - 1000)).toBeLessThan(120);
    expect(shardOf("samples/swu-2024-landing.html", 4)).toBe(shardOf("samples/swu-2024-landing.html", 4));
  });

  test("two shard runs into one output directory cover the archive once, each with its own manifest", async () => {
    const runs = await Promise.all([0, 1].map((i) => runBatchCli([root, "-o", out, "--jobs", "1", "--shard", `${i}/2`, "--quiet"])));
    for (const r of runs) expect([0, 1]).toContain(r.code);
    const a = readManifestLines(out, "manifest.shard-0-of-2.jsonl").map((r) => r.path);
    const b = readManifestLines(out, "manifest.shard-1-of-2.jsonl").map((r) => r.path);
    expect(a.filter((p) => b.includes(p))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(expected);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  }, 180_000);
});
