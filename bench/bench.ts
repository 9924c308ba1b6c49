/**
 * The batch benchmark (not a test: timings depend on the machine). On one generated archive it prints, for the same
 * files in the same run:
 *   1. mammoth.convertToHtml alone vs our extractFile, one thread, on the .docx files: docs/s, MB/s, CPU ratio;
 *   2. our extraction on every file, one thread;
 *   3. runBatch with 1 worker and with all cores: docs/s and the speed-up; p50/p95 per document;
 *   4. peak RSS of the process (workers are threads, so it includes them).
 *
 *   npx tsx bench/bench.ts [--n 1000] [--jobs N] [--no-corpus]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import mammoth from "mammoth";
import { runBatch, type BatchResult } from "../src/batch/run.js";
import { extractFile } from "../src/extract.js";
import { benchSources, makeArchive } from "./make-archive.js";

const { values } = parseArgs({ options: { n: { type: "string" }, jobs: { type: "string" }, "no-corpus": { type: "boolean" } } });
const n = Number(values.n ?? 1000);
const jobs = Number(values.jobs ?? os.availableParallelism());

interface Timing {
  docs: number;
  bytes: number;
  wallMs: number;
  cpuMs: number;
  failed: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const rate = (t: Timing) => `${((t.docs * 1000) / t.wallMs).toFixed(1)} docs/s, ${((mb(t.bytes) * 1000) / t.wallMs).toFixed(2)} MB/s, CPU ${(t.cpuMs / Math.max(1, t.docs)).toFixed(1)} ms/doc`;

async function timeSequential(files: string[], run: (file: string) => Promise<unknown>): Promise<Timing> {
  let bytes = 0;
  let failed = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of files) {
    bytes += readFileSync(f).length;
    try {
      await run(f);
    } catch {
      failed++;
    }
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { docs: files.length, bytes, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, failed };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeBatch(root: string, workers: number): Promise<{ result: BatchResult; wallMs: number }> {
  const out = mkdtempSync(path.join(os.tmpdir(), "bench-out-"));
  try {
    const t0 = performance.now();
    const result = await runBatch({ inputs: [root], outDir: out, jobs: workers, force: true, quiet: true });
    return { result, wallMs: performance.now() - t0 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const root = mkdtempSync(path.join(os.tmpdir(), "bench-archive-"));
try {
  const sources = benchSources({ corpus: !values["no-corpus"] });
  const files = await makeArchive(root, n, sources);
  const docx = files.filter((f) => f.endsWith(".docx"));
  const totalBytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
  const byFormat: Record<string, number> = {};
  for (const s of sources) byFormat[s.format] = (byFormat[s.format] ?? 0) + 1;
  console.log(`archive: ${files.length} documents, ${mb(totalBytes).toFixed(1)} MB, from ${sources.length} sources ${JSON.stringify(byFormat)}; ${os.availableParallelism()} cores; node ${process.version}`);

  if (docx.length > 0) {
    // Warm-up so JIT compilation is not charged to whichever runs first.
    for (const f of docx.slice(0, 5)) {
      await mammoth.convertToHtml({ buffer: readFileSync(f) });
      await extractFile(f).catch(() => undefined);
    }
    const m = await timeSequential(docx, async (f) => mammoth.convertToHtml({ buffer: readFileSync(f) }));
    const ours = await timeSequential(docx, (f) => extractFile(f));
    console.log(`\n.docx only (${docx.length} files, one thread):`);
    console.log(`  mammoth.convertToHtml  ${rate(m)}`);
    console.log(`  disclosure-extract     ${rate(ours)}${ours.failed > 0 ? `  (${ours.failed} failed — is the docx reader registered?)` : ""}`);
    console.log(`  ratio ours/mammoth: CPU ${(ours.cpuMs / m.cpuMs).toFixed(2)}×, wall ${(ours.wallMs / m.wallMs).toFixed(2)}× (target ≤ 1.3×)`);
  } else console.log("\n.docx only: no .docx sources found (samples/*.docx, tests/fixtures/docx/out) — mammoth comparison skipped");

  const all = await timeSequential(files, (f) => extractFile(f));
  console.log(`\nall formats, in-process, one thread: ${rate(all)}  (${all.failed} typed errors)`);

  const one = await timeBatch(root, 1);
  const many = await timeBatch(root, jobs);
  const docsPerS = (r: { result: BatchResult; wallMs: number }) => (r.result.entries.length * 1000) / r.wallMs;
  console.log(`\nbatch (worker threads, outputs + manifest written):`);
  for (const [label, r] of [["1 worker ", one], [`${jobs} workers`, many]] as const) {
    const durations = r.result.entries.filter((e) => e.record.durationMs > 0).map((e) => e.record.durationMs).sort((a, b) => a - b);
    console.log(
      `  ${label}  ${docsPerS(r).toFixed(1)} docs/s, ${((mb(totalBytes) * 1000) / r.wallMs).toFixed(2)} MB/s, wall ${(r.wallMs / 1000).toFixed(1)} s, p50 ${percentile(durations, 50).toFixed(0)} ms, p95 ${percentile(durations, 95).toFixed(0)} ms/doc, ${JSON.stringify(r.result.summary.byStatus)}`,
    );
  }
  console.log(`  speed-up ${jobs} workers / 1 worker: ${(docsPerS(many) / docsPerS(one)).toFixed(2)}× (target ≥ 1.8× on 2 cores)`);
  console.log(`\npeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (main thread + workers)`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
