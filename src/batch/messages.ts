/** Messages between the batch's main thread and its extraction workers. */
import type { ErrorCode } from "../errors.js";
import type { Limits } from "../limits.js";
import type { Fact, SourceFormat } from "../model/index.js";
import type { FactsDocInfo } from "../writers/facts.js";

export interface ExtractTask {
  id: number;
  /** Absolute path to read. */
  file: string;
  /** Reported as source.path (relative to the archive base). */
  relPath: string;
  limits: Partial<Limits>;
  /** Send the facts back (only when a facts file is written: they are in `json` anyway). */
  wantFacts: boolean;
}

export interface ExtractSuccess {
  id: number;
  ok: true;
  /** The document as compact JSON, serialized in the worker to keep that work off the main thread. */
  json: string;
  format: SourceFormat;
  sha256: string;
  bytes: number;
  meta: FactsDocInfo["meta"];
  facts: Fact[] | null;
  validationFailures: number;
  durationMs: number;
}

export interface ExtractFailure {
  id: number;
  ok: false;
  error: { code: ErrorCode; message: string };
  format: SourceFormat | null;
  durationMs: number;
}

export type ExtractOutcome = ExtractSuccess | ExtractFailure;

/** `heapMb`: the worker's committed V8 heap after the document, which decides whether the pool recycles it. */
export type WorkerMessage = { type: "ready" } | { type: "done"; outcome: ExtractOutcome; heapMb: number };
