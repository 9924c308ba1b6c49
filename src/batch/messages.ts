/** Messages between the batch's main thread and its extraction workers. */
import type { ErrorCode } from "../errors.js";
import type { Limits } from "../limits.js";
import type { ExtractedDocument, SourceFormat } from "../model/index.js";
import type { OcrMode } from "../readers/ocr/index.js";
import type { ContentRecords } from "../writers/db/records.js";
import type { ContentTable } from "../writers/db/schema.js";

export interface ExtractTask {
  id: number;
  /** Absolute path to read. */
  file: string;
  /** Reported as source.path (relative to the archive base). */
  relPath: string;
  limits: Partial<Limits>;
  /** OCR of PDF pages (default auto). */
  ocr?: OcrMode;
  /** Send the facts' records back (a facts file is written); kept for callers that do not name `tables`. */
  wantFacts: boolean;
  /** Send the line items' records back (a line-items file is written); likewise. */
  wantLineItems: boolean;
  /**
   * The content tables whose records to send back (src/writers/db/records.ts: built in the worker, off the main
   * thread); when given it replaces wantFacts/wantLineItems. --db and --parquet want all of them.
   */
  tables?: ContentTable[];
  /**
   * The output files the worker writes, atomically: this input's and one per identical copy, each naming its own
   * source.path. Empty when there is no output directory. Writing here keeps every document's JSON off the main
   * thread, whose heap would otherwise hold them as they pass (measured: 16 MB of new large-object space at the peak).
   */
  outputs: { relPath: string; file: string }[];
  /** Send the document's JSON back (--ndjson streams it to stdout). */
  wantJson: boolean;
  /**
   * Send the document itself back, structured-cloned (extractFileIsolated): no JSON string of it on either side,
   * and no parse (a 500,000-cell table's JSON is 240 M characters).
   */
  wantDocument?: boolean;
}

export interface ExtractSuccess {
  id: number;
  ok: true;
  /** The document as compact JSON, when the task asked for it (wantJson). */
  json: string | null;
  /** The document, when the task asked for it (wantDocument). */
  document?: ExtractedDocument;
  format: SourceFormat;
  sha256: string;
  bytes: number;
  /** The document's rows for the tables the task named; null when it named none. */
  records: ContentRecords | null;
  validationFailures: number;
  /** Failed checks by rule name (src/batch/summary.ts failedRules), for the summary by family and rule. */
  failedRules: Record<string, number>;
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
