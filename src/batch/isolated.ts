/**
 * One document extracted in a worker thread, so that the per-document limits an in-process call cannot enforce
 * hold: a wall-clock timeout (synchronous parsing cannot be interrupted on the caller's thread) and a heap ceiling.
 * `extract` and `inspect` use it; library callers who take untrusted files one at a time can too.
 */
import type { OcrMode } from "../readers/ocr/index.js";
import { ExtractError } from "../errors.js";
import { DEFAULT_LIMITS, type Limits } from "../limits.js";
import type { ExtractedDocument } from "../model/index.js";
import { DEFAULT_MAX_WORKER_MB, WorkerPool } from "./pool.js";

export interface IsolatedExtractOptions {
  /** Reported as source.path; defaults to the file as given. */
  path?: string;
  limits?: Partial<Limits>;
  /** OCR of PDF pages (default auto). */
  ocr?: OcrMode;
  /** Heap ceiling of the worker (MB); over it the document is a too_large error. */
  maxWorkerMb?: number;
}

/** Like extractFile, in a worker of its own; failures (timeout and too_large included) throw ExtractError. */
export async function extractFileIsolated(file: string, options: IsolatedExtractOptions = {}): Promise<ExtractedDocument> {
  const limits = { ...options.limits };
  const pool = new WorkerPool({
    size: 1,
    timeoutMs: limits.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    maxWorkerMb: options.maxWorkerMb ?? DEFAULT_MAX_WORKER_MB,
    // One document: nothing to recycle.
    recycleAfterDocs: Number.POSITIVE_INFINITY,
    recycleHeapMb: Number.POSITIVE_INFINITY,
  });
  try {
    const outcome = await pool.run({ file, relPath: options.path ?? file, limits, ...(options.ocr ? { ocr: options.ocr } : {}), wantFacts: false, wantLineItems: false, outputs: [], wantJson: false, wantDocument: true });
    if (!outcome.ok) throw new ExtractError(outcome.error.code, outcome.error.message, outcome.format ? { format: outcome.format } : {});
    return outcome.document!;
  } finally {
    await pool.close();
  }
}
