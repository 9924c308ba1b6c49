/**
 * Issue #7, "done when": a batch over all hostile cases plus good files writes every good output and one error
 * record per bad input. Runs the real CLI entry (`disclosure-extract batch`) from the sources with tsx.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtractedDocument } from "../../src/model/index.js";
import { repoRoot, samples } from "../helpers.js";
import { CASES, writeCases } from "./cases.js";

const CLI = path.join(repoRoot, "src/cli/index.ts");
const batchLanded = existsSync(path.join(repoRoot, "src/cli/batch.ts"));
/** One limit set applies to a whole batch: cases that need lifted limits are exercised one by one elsewhere. */
const BATCH_CASES = CASES.filter((c) => c.limits === undefined);
/** Good files: the samples (the .doc needs LibreOffice and is covered by the reader's own tests). */
const GOOD = ["luancheng-wangxin-2020-budget.txt", "luancheng-wangxin-2020-budget.docx", "kunming-shenji-2026-budget.html", "putuo-fuliyuan-2024-unit-budget.pdf"];

interface Record {
  path: string;
  status: "ok" | "error" | "skipped";
  error?: { code: string; message: string };
  output: string | null;
  duplicateOf?: string;
}

let root = "";
let out = "";
let exitCode: number | null = null;
let stderr = "";
let records: Record[] = [];

beforeAll(async () => {
  if (!batchLanded) return;
  root = await mkdtemp(path.join(os.tmpdir(), "disclosure-hostile-batch-"));
  const archive = path.join(root, "archive");
  out = path.join(root, "out");
  await mkdir(path.join(archive, "hostile"), { recursive: true });
  await mkdir(path.join(archive, "good"), { recursive: true });
  await writeCases(path.join(archive, "hostile"), BATCH_CASES);
  for (const name of GOOD) await copyFile(samples(name), path.join(archive, "good", name));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, "batch", archive, "-o", out, "--jobs", "2", "--quiet"], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      exitCode = code;
      resolve();
    });
  });
  const manifest = await readFile(path.join(out, "manifest.jsonl"), "utf8");
  records = manifest
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record);
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe.skipIf(!batchLanded)("batch over every hostile case plus good files", () => {
  it("exits 1 (some documents failed, all others written) without crashing", () => {
    expect(stderr).not.toMatch(/Maximum call stack|heap out of memory|Unhandled|TypeError/);
    expect(exitCode).toBe(1);
  });

  it("has exactly one manifest record per input", async () => {
    const inputs = [...BATCH_CASES.map((c) => `hostile/${c.fileName}`), ...GOOD.map((g) => `good/${g}`)].sort();
    const paths = records.map((r) => r.path.replace(/^archive\//, ""));
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(inputs);
  });

  it("writes a valid document for every good input and every case that must read", async () => {
    const good = [...GOOD.map((g) => `good/${g}`), ...BATCH_CASES.filter((c) => c.expect.kind === "document").map((c) => `hostile/${c.fileName}`)];
    for (const rel of good) {
      const r = records.find((x) => x.path.endsWith(rel));
      expect(r, rel).toBeDefined();
      expect(["ok", "skipped"], `${rel}: ${r!.error?.code} ${r!.error?.message}`).toContain(r!.status);
      const doc = ExtractedDocument.safeParse(JSON.parse(await readFile(path.join(out, r!.output!), "utf8")));
      expect(doc.success, rel).toBe(true);
    }
  });

  it("records one typed error, with the expected code, per bad input, and writes no output for it", async () => {
    const bad = BATCH_CASES.filter((c) => c.expect.kind === "error");
    expect(bad.length).toBeGreaterThanOrEqual(20);
    for (const c of bad) {
      const r = records.find((x) => x.path.endsWith(`hostile/${c.fileName}`))!;
      expect({ file: c.fileName, status: r.status, code: r.error?.code }).toEqual({
        file: c.fileName,
        status: "error",
        code: c.expect.kind === "error" ? c.expect.code : undefined,
      });
      expect(r.output).toBeNull();
    }
    const written = await readdir(path.join(out), { recursive: true });
    for (const c of bad) expect(written.some((f) => f.endsWith(`${c.fileName}.json`)), c.fileName).toBe(false);
  });
});
