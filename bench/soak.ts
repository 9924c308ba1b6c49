/**
 * Soak run: a long batch (default 10,000 small documents) run as a user runs it — the built CLI (dist/) in a child
 * process — with the resident memory of its whole process tree sampled from /proc every 500 ms. Worker threads
 * share the process, so the process's VmRSS already includes them; LibreOffice children (.doc) are added.
 * Prints the RSS curve (start / ten slices / end / peak) and the duration. Linux only (/proc).
 *
 *   npx tsx bench/soak.ts [--n 10000] [--jobs N] [--with-pdf] [--with-doc] [--corpus] [--cli dist/cli/index.js] [--keep]
 *
 * Also the module bench.ts uses to run and watch the CLI (runCliWatched).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchSources, makeArchive, repoRoot, type SourceDoc } from "./make-archive.js";

/** The built CLI; --cli (or DISCLOSURE_EXTRACT_CLI) points elsewhere, e.g. a build of a fixed snapshot. */
export const CLI = path.resolve(process.env.DISCLOSURE_EXTRACT_CLI ?? path.join(repoRoot, "dist/cli/index.js"));

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux build). */
const TICKS_PER_S = 100;

export interface RssSample {
  s: number;
  /** Whole process tree. */
  rssMb: number;
  /** The batch process alone (main thread + workers). */
  mainRssMb: number;
}

export interface WatchedRun {
  code: number | null;
  wallMs: number;
  samples: RssSample[];
  peakRssMb: number;
  /** CPU seconds of the batch process, from its last sample: all threads, and the main thread alone. */
  cpuS: number;
  mainThreadCpuS: number;
  stderr: string;
}

function readOr(file: string, fallback = ""): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

function vmRssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readOr(`/proc/${pid}/status`));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The pid and every descendant (children of each thread, from /proc/<pid>/task/<tid>/children). */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) for (const c of readOr(`/proc/${p}/task/${tid}/children`).split(/\s+/)) if (c) all.push(Number(c));
  }
  return all;
}

/** utime + stime in seconds from a /proc stat line (fields 14 and 15, after the parenthesized command). */
function cpuSeconds(statLine: string): number {
  const rest = statLine.slice(statLine.lastIndexOf(")") + 2).split(" ");
  return (Number(rest[11] ?? 0) + Number(rest[12] ?? 0)) / TICKS_PER_S;
}

/** Runs `node dist/cli/index.js <args>` and samples its memory and CPU until it exits. */
export function runCliWatched(args: string[], options: { cli?: string; intervalMs?: number; onSample?: (s: RssSample) => void } = {}): Promise<WatchedRun> {
  const cli = options.cli ?? CLI;
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first.`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    const pid = child.pid!;
    const samples: RssSample[] = [];
    let stderr = "";
    let cpuS = 0;
    let mainThreadCpuS = 0;
    child.stderr.on("data", (d: Buffer) => {
      if (stderr.length < 100_000) stderr += d.toString();
    });
    const sample = () => {
      const mainRssMb = vmRssMb(pid);
      if (mainRssMb === 0) return; // exited between ticks
      const rssMb = processTree(pid).reduce((sum, p) => sum + (p === pid ? mainRssMb : vmRssMb(p)), 0);
      const s = { s: (performance.now() - t0) / 1000, rssMb, mainRssMb };
      samples.push(s);
      cpuS = cpuSeconds(readOr(`/proc/${pid}/stat`, ")  0")) || cpuS;
      mainThreadCpuS = cpuSeconds(readOr(`/proc/${pid}/task/${pid}/stat`, ")  0")) || mainThreadCpuS;
      options.onSample?.(s);
    };
    const timer = setInterval(sample, options.intervalMs ?? 500);
    child.on("error", (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on("exit", (code) => {
      clearInterval(timer);
      const peakRssMb = Math.max(0, ...samples.map((x) => x.rssMb));
      resolve({ code, wallMs: performance.now() - t0, samples, peakRssMb, cpuS, mainThreadCpuS, stderr });
    });
  });
}

/** Max RSS per tenth of the run, plus start, end and peak: the shape of the curve in a few lines. */
export function rssCurve(samples: RssSample[], slices = 10): string[] {
  if (samples.length === 0) return ["  (no samples: the run ended within the first interval)"];
  const lines: string[] = [];
  const per = Math.max(1, Math.ceil(samples.length / slices));
  for (let k = 0; k < samples.length; k += per) {
    const slice = samples.slice(k, k + per);
    const max = Math.max(...slice.map((x) => x.rssMb));
    lines.push(`  ${slice[0]!.s.toFixed(0).padStart(5)} s  max ${max.toFixed(0).padStart(4)} MB  ${"#".repeat(Math.round(max / 10))}`);
  }
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const peak = samples.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
  lines.push(`  start ${first.rssMb.toFixed(0)} MB, end ${last.rssMb.toFixed(0)} MB, peak ${peak.rssMb.toFixed(0)} MB at ${peak.s.toFixed(0)} s`);
  return lines;
}

/**
 * The soak's documents: small ones (text, HTML, .docx fixtures) by default; PDFs (pdfjs, the biggest heap user)
 * and .doc (a LibreOffice process per file, ~5 s each) only when asked.
 */
export async function soakSources(options: { pdf: boolean; doc: boolean; corpus: boolean }): Promise<SourceDoc[]> {
  return (await benchSources({ corpus: options.corpus, docx: true })).filter(
    (s) => (options.pdf || s.format !== "pdf") && (options.doc || s.format !== "doc") && s.bytes.length <= 1024 * 1024,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: "string" },
      jobs: { type: "string" },
      "with-pdf": { type: "boolean" },
      "with-doc": { type: "boolean" },
      corpus: { type: "boolean" },
      keep: { type: "boolean" },
      cli: { type: "string" },
    },
  });
  const n = Number(values.n ?? 10_000);
  const cli = values.cli ? path.resolve(values.cli) : CLI;
  const jobs = Number(values.jobs ?? os.availableParallelism());
  const sources = await soakSources({ pdf: values["with-pdf"] === true, doc: values["with-doc"] === true, corpus: values.corpus === true });
  const root = mkdtempSync(path.join(os.tmpdir(), "soak-archive-"));
  const out = mkdtempSync(path.join(os.tmpdir(), "soak-out-"));
  try {
    const files = await makeArchive(root, n, sources);
    const mb = files.reduce((sum, f) => sum + statSync(f).size, 0) / 2 ** 20;
    const byFormat: Record<string, number> = {};
    for (const s of sources) byFormat[s.format] = (byFormat[s.format] ?? 0) + 1;
    console.log(`soak: ${n} documents (${mb.toFixed(1)} MB) from ${sources.length} sources ${JSON.stringify(byFormat)}; --jobs ${jobs}; ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}; node ${process.version}`);
    console.log(`  node ${path.relative(process.cwd(), cli)} batch ${root} -o ${out} --jobs ${jobs} --quiet`);
    let next = 0;
    const run = await runCliWatched([`batch`, root, "-o", out, "--jobs", String(jobs), "--quiet"], {
      cli,
      onSample: (s) => {
        // Live every 30 s, so a run stopped early still shows the curve.
        if (s.s >= next) {
          console.log(`  ${s.s.toFixed(0).padStart(5)} s  RSS ${s.rssMb.toFixed(0)} MB`);
          next += 30;
        }
      },
    });
    const manifest = readOr(path.join(out, "manifest.jsonl"));
    const statuses: Record<string, number> = {};
    for (const line of manifest.split("\n")) {
      const status = /"status":"(\w+)"/.exec(line)?.[1];
      if (status) statuses[status] = (statuses[status] ?? 0) + 1;
    }
    const wallS = run.wallMs / 1000;
    console.log("RSS of the process tree over time:");
    for (const line of rssCurve(run.samples)) console.log(line);
    console.log(`done: exit ${run.code}, ${n} documents in ${wallS.toFixed(0)} s (${(n / wallS).toFixed(1)} docs/s), ${JSON.stringify(statuses)}`);
    console.log(`CPU: ${run.cpuS.toFixed(0)} s in the batch process, main thread ${run.mainThreadCpuS.toFixed(1)} s; load at end ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`peak RSS ${run.peakRssMb.toFixed(0)} MB (target < 300 MB)`);
    if (run.code !== 0 || Object.keys(statuses).length === 0) console.log(run.stderr.slice(-4000));
  } finally {
    if (!values.keep) {
      rmSync(root, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
