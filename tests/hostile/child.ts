/**
 * Runs extractions in their own process so a test can bound the heap (--max-old-space-size) and read the peak RSS,
 * and so a crash (out of memory, stack overflow) is observed instead of taking the test runner down.
 * argv[2]: JSON array of ChildJob. Prints one JSON line (ChildOutcome) per job, in order, as each finishes.
 * Jobs share the process: peak RSS is cumulative, so a bound that holds after job k held during job k.
 */
import { extractFile } from "../../src/extract.js";
import { ExtractError } from "../../src/errors.js";
import type { Limits } from "../../src/limits.js";

export interface ChildJob {
  file: string;
  limits: Partial<Limits>;
  /** Strings to look for in the serialized result. */
  needles: string[];
}

export interface ChildOutcome {
  kind: "document" | "error" | "foreign_exception";
  code?: string;
  message?: string;
  warnings?: string[];
  blocks?: number;
  /** Needles found anywhere in the serialized result (document JSON or error). */
  found: string[];
  ms: number;
  /** Peak resident set size of the process so far, in MB. */
  maxRssMb: number;
}

async function run(job: ChildJob): Promise<Omit<ChildOutcome, "ms" | "maxRssMb">> {
  try {
    const doc = await extractFile(job.file, { limits: job.limits });
    const json = JSON.stringify(doc);
    return { kind: "document", warnings: doc.warnings.map((w) => w.code), blocks: doc.blocks.length, found: job.needles.filter((n) => json.includes(n)) };
  } catch (e) {
    if (e instanceof ExtractError) {
      const json = JSON.stringify(e.toJSON());
      return { kind: "error", code: e.code, message: e.message, found: job.needles.filter((n) => json.includes(n)) };
    }
    return { kind: "foreign_exception", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), found: [] };
  }
}

for (const job of JSON.parse(process.argv[2] ?? "[]") as ChildJob[]) {
  const started = performance.now();
  const outcome = await run(job);
  const result: ChildOutcome = { ...outcome, ms: Math.round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
// pdf.js may keep handles open; the answers are written, so leave now.
process.exit(0);
