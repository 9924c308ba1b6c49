/** Builds small mixed archives from samples/ and runs the batch CLI from the TypeScript sources. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ManifestRecord } from "../../src/model/manifest.js";
import { repoRoot, samples } from "../helpers.js";
import { seededBytes } from "../fixtures/seeded-bytes.js";

export const CLI_ENTRY = path.join(repoRoot, "tests/batch/cli-entry.ts");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx tests/batch/cli-entry.ts batch-args…` — the batch CLI without depending on a fresh dist/. */
export function runBatchCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  return runNode(["--import", "tsx", CLI_ENTRY, ...args], options);
}

/** `node args…` in the repository root, its output collected. */
export function runNode(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `batch-${prefix}-`));
}

/** Deterministic pseudo-random bytes, so the "random bytes" input is the same on every run. */
export function pseudoRandomBytes(n: number, seed = 0x2545f491): Buffer {
  return seededBytes(n, seed);
}

export const SEED_TXT = samples("luancheng-wangxin-2020-budget.txt");
const PDF = samples("putuo-fuliyuan-2024-unit-budget.pdf");

/**
 * The mixed archive: every file of samples/ (README.md included — it is text, so it is taken), plus broken and
 * misleading inputs, a duplicate in a subfolder, and junk that discovery must leave out.
 * Returns the archive root and the relative paths discovery must take.
 */
export function buildMixedArchive(): { root: string; expected: string[] } {
  const root = tempDir("archive");
  const expected: string[] = [];
  const put = (rel: string, write: (abs: string) => void, taken = true) => {
    const abs = path.join(root, ...rel.split("/"));
    mkdirSync(path.dirname(abs), { recursive: true });
    write(abs);
    if (taken) expected.push(rel);
  };
  for (const name of readdirSync(path.join(repoRoot, "samples"))) put(`samples/${name}`, (abs) => copyFileSync(samples(name), abs));
  put("broken/empty.docx", (abs) => writeFileSync(abs, ""));
  put("broken/random.bin", (abs) => writeFileSync(abs, pseudoRandomBytes(4096)));
  put("broken/truncated.pdf", (abs) => writeFileSync(abs, readFileSync(PDF).subarray(0, 20_000)));
  put("broken/text-named.docx", (abs) => copyFileSync(SEED_TXT, abs));
  put("copies/deep/seed-again.txt", (abs) => copyFileSync(SEED_TXT, abs));
  put(".hidden/secret.txt", (abs) => copyFileSync(SEED_TXT, abs), false);
  put("samples/.DS_Store", (abs) => writeFileSync(abs, "junk"), false);
  put("broken/~$lock.docx", (abs) => writeFileSync(abs, "owner"), false);
  expected.sort();
  return { root, expected };
}

/** `n` distinct text documents: the seed with a numbered line appended (distinct sha256, same structure). */
export function buildTextArchive(n: number): string {
  const root = tempDir("texts");
  const seed = readFileSync(SEED_TXT, "utf8");
  for (let i = 0; i < n; i++) {
    const dir = path.join(root, `d${i % 3}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `doc-${String(i).padStart(3, "0")}.txt`), `${seed}\n附：第${i}号副本。\n`);
  }
  return root;
}

/** Raw manifest lines (to check uniqueness) and the parsed records. */
export function readManifestLines(outDir: string, name = "manifest.jsonl"): ManifestRecord[] {
  const text = readFileSync(path.join(outDir, name), "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => ManifestRecord.parse(JSON.parse(l)));
}

export function sha256Of(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** "processed 3, copied from identical files 1, unchanged since last run 9" from the summary on stderr. */
export function summaryCounts(stderr: string): { processed: number; copied: number; unchanged: number } {
  const m = /processed (\d+), copied from identical files (\d+), unchanged since last run (\d+)/.exec(stderr);
  if (!m) throw new Error(`no summary in stderr:\n${stderr}`);
  return { processed: Number(m[1]), copied: Number(m[2]), unchanged: Number(m[3]) };
}
