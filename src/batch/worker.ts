/** Extraction worker: runs extractFile for each task the pool sends and answers with JSON or a typed error. */
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { extractFile } from "../extract.js";
import { outputError, toExtractError } from "../errors.js";
import { documentFor, jsonChunks, writeAtomic } from "../writers/json.js";
import type { SourceFormat } from "../model/index.js";
import { recordsOf } from "../writers/db/records.js";
import { failedRules } from "./summary.js";
import type { ContentTable } from "../writers/db/schema.js";
import type { ExtractOutcome, ExtractTask, WorkerMessage } from "./messages.js";

const port = parentPort;
if (!port) throw new Error("src/batch/worker is a worker_threads entry, not a module to import");

/**
 * Test hooks, active only with DISCLOSURE_EXTRACT_BATCH_TEST_HOOKS=1: a per-document delay (to kill a run
 * mid-way deterministically), and files whose name contains "__hang__" / "__explode__" (a stuck worker, a worker
 * over its memory ceiling).
 */
const hooks = process.env.DISCLOSURE_EXTRACT_BATCH_TEST_HOOKS === "1";
const delayMs = hooks ? Number(process.env.DISCLOSURE_EXTRACT_BATCH_TEST_DELAY_MS ?? 0) : 0;

async function testHooks(file: string): Promise<void> {
  if (!hooks) return;
  if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  if (file.includes("__hang__")) for (;;) Math.sqrt(Math.random()); // busy, as a parser stuck in a loop would be
  if (file.includes("__explode__")) {
    const hog: number[][] = [];
    for (let i = 0; ; i++) hog.push(new Array<number>(1_000_000).fill(i + 0.5)); // ~8 MB a step: the ceiling is hit fast
  }
}

function wantedTables(task: ExtractTask): ContentTable[] {
  return task.tables ?? [...(task.wantFacts ? (["facts"] as const) : []), ...(task.wantLineItems ? (["line_items"] as const) : [])];
}

async function run(task: ExtractTask): Promise<ExtractOutcome> {
  const started = performance.now();
  try {
    await testHooks(task.file);
    const doc = await extractFile(task.file, { path: task.relPath, limits: task.limits, ...(task.ocr ? { ocr: task.ocr } : {}) });
    // Written in pieces: the document's JSON is never one string beside the document (a 500,000-cell table: 480 MB).
    // A full disk or read-only folder is an output fault, not the document's: typed output_error, never internal.
    for (const out of task.outputs) {
      await writeAtomic(out.file, jsonChunks(documentFor(doc, out.relPath), 0, "\n")).catch((e: unknown) => {
        throw outputError(out.file, e);
      });
    }
    return {
      id: task.id,
      ok: true,
      json: task.wantJson ? JSON.stringify(doc) : null,
      ...(task.wantDocument ? { document: doc } : {}),
      format: doc.source.format,
      sha256: doc.source.sha256,
      bytes: doc.source.bytes,
      records: wantedTables(task).length > 0 ? recordsOf(doc, wantedTables(task)) : null,
      validationFailures: doc.validations.filter((v) => v.status === "fail").length,
      failedRules: failedRules(doc.validations),
      durationMs: performance.now() - started,
    };
  } catch (e) {
    const err = toExtractError(e);
    const format = typeof err.details.format === "string" ? (err.details.format as SourceFormat) : null;
    return { id: task.id, ok: false, error: { code: err.code, message: err.message }, format, durationMs: performance.now() - started };
  }
}

port.on("message", (task: ExtractTask) => {
  void run(task).then((outcome) => {
    const heapMb = getHeapStatistics().total_heap_size / 2 ** 20;
    port.postMessage({ type: "done", outcome, heapMb } satisfies WorkerMessage);
  });
});
port.postMessage({ type: "ready" } satisfies WorkerMessage);
