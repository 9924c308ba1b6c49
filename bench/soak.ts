/**
 * Soak run: a 10,000-document batch with RSS sampled every second, to show memory stays flat (target < 300 MB).
 *
 *   npx tsx bench/soak.ts [--n 10000] [--jobs N] [--no-corpus]
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runBatch } from "../src/batch/run.js";
import { benchSources, makeArchive } from "./make-archive.js";

const { values } = parseArgs({ options: { n: { type: "string" }, jobs: { type: "string" }, "no-corpus": { type: "boolean" } } });
const n = Number(values.n ?? 10_000);
const jobs = Number(values.jobs ?? os.availableParallelism());

const root = mkdtempSync(path.join(os.tmpdir(), "soak-archive-"));
const out = mkdtempSync(path.join(os.tmpdir(), "soak-out-"));
try {
  await makeArchive(root, n, benchSources({ corpus: !values["no-corpus"] }));
  console.log(`archive: ${n} documents; ${jobs} workers`);
  const samples: { s: number; rssMb: number }[] = [];
  const t0 = performance.now();
  const timer = setInterval(() => {
    const sample = { s: (performance.now() - t0) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 };
    samples.push(sample);
    // Live too, so a run stopped early still shows the curve.
    if (samples.length % 10 === 0) console.log(`  ${sample.s.toFixed(0).padStart(5)} s  RSS ${sample.rssMb.toFixed(0)} MB`);
  }, 1000);
  const result = await runBatch({ inputs: [root], outDir: out, jobs, force: true, quiet: true });
  clearInterval(timer);
  const wall = (performance.now() - t0) / 1000;
  // RSS over time in ten slices: flat means no growth with the number of documents done.
  const slices = 10;
  const per = Math.max(1, Math.ceil(samples.length / slices));
  console.log("RSS over time (max per slice):");
  for (let k = 0; k < samples.length; k += per) {
    const slice = samples.slice(k, k + per);
    console.log(`  ${slice[0]!.s.toFixed(0).padStart(5)} s  ${Math.max(...slice.map((x) => x.rssMb)).toFixed(0)} MB`);
  }
  const peak = Math.max(...samples.map((x) => x.rssMb), 0);
  console.log(`done: ${result.entries.length} documents in ${wall.toFixed(0)} s (${(result.entries.length / wall).toFixed(1)} docs/s), ${JSON.stringify(result.summary.byStatus)}`);
  console.log(`peak RSS: sampled ${peak.toFixed(0)} MB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target < 300 MB)`);
} finally {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
