/**
 * The batch end to end on what breaks archives (issue 22): a symlink loop and a link to nothing are records, not 246
 * copies; one batch at a time per output folder; a folder keeps one input root; a disk that fills midway stops the run
 * with a whole manifest and exit 3, and a run after space is freed accounts for every input.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { samples } from "../helpers.js";
import { runBatchCli, tempDir } from "./helpers.js";

const SAMPLES = ["chongqing-jiaotong-2018-budget.html", "kunming-shenji-2026-budget.html", "luancheng-wangxin-2020-budget.txt", "swu-2024-landing.html", "zhengzhou-guotu-2015-budget.html"];

function archiveWithLinks(): string {
  const dir = tempDir("links");
  mkdirSync(path.join(dir, "sub"));
  for (const s of SAMPLES) copyFileSync(samples(s), path.join(dir, s));
  symlinkSync("..", path.join(dir, "sub", "loop"));
  symlinkSync("gone.txt", path.join(dir, "dangling.txt"));
  return dir;
}

const records = (out: string) => readFileSync(path.join(out, "manifest.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { path: string; status: string; error?: { code: string } });

describe("batch over an archive with links, a held folder and a full disk", () => {
  test("a symlink loop and a dangling link are one record each; the real files once", async () => {
    const dir = archiveWithLinks();
    const out = path.join(tempDir("links-out"), "out");
    const r = await runBatchCli([dir, "-o", out, "-q"]);
    expect(r.code).toBe(1); // the dangling link is an error record
    const recs = records(out);
    expect(recs).toHaveLength(SAMPLES.length + 2);
    expect(recs.find((x) => x.path === "sub/loop")).toMatchObject({ status: "skipped", error: { code: "symlink_loop" } });
    expect(recs.find((x) => x.path === "dangling.txt")).toMatchObject({ status: "error", error: { code: "dangling_link" } });
    expect(recs.filter((x) => x.status === "ok")).toHaveLength(SAMPLES.length);
  }, 120_000);

  test("a second batch on a held folder, or from another input root, exits 3 and says why", async () => {
    const dir = archiveWithLinks();
    const out = path.join(tempDir("held-out"), "out");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "manifest.jsonl.lock"), JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), started: new Date().toISOString() }));
    const held = await runBatchCli([dir, "-o", out, "-q"]);
    expect(held.code).toBe(3);
    expect(held.stderr).toContain("Another batch");
    const out2 = path.join(tempDir("root-out"), "out");
    expect((await runBatchCli([dir, "-o", out2, "-q"])).code).toBe(1);
    const other = await runBatchCli([path.join(dir, "sub"), "-o", out2, "-q"]);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain("holds the outputs of the inputs under");
  }, 120_000);

  const disk = tempDir("disk");
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=120k", "tmpfs", disk]).status === 0;
  test.skipIf(!mounted)("a disk that fills midway stops the run with exit 3 and a whole manifest; the next run completes it (needs root to mount a tmpfs)", async () => {
    try {
      const dir = archiveWithLinks();
      const out = path.join(disk, "out");
      const full = await runBatchCli([dir, "-o", out, "-q"]);
      expect(full.code).toBe(3);
      expect(full.stderr).toContain("the disk is full");
      const text = readFileSync(path.join(out, "manifest.jsonl"), "utf8");
      expect(text.endsWith("\n")).toBe(true);
      const before = records(out).length;
      expect(before).toBeLessThan(SAMPLES.length + 2);
      expect(spawnSync("mount", ["-o", "remount,size=8m", disk]).status).toBe(0);
      const again = await runBatchCli([dir, "-o", out, "-q"]);
      expect(again.code).toBe(1);
      const recs = records(out);
      expect(recs).toHaveLength(SAMPLES.length + 2);
      for (const r of recs.filter((x) => x.status === "ok")) expect(existsSync(path.join(out, `${r.path}.json`))).toBe(true);
    } finally {
      spawnSync("umount", [disk]);
    }
  }, 180_000);
});
