/**
 * manifest.jsonl in the output directory: one record per input — the state of the archive after the last run.
 * During a run records are appended as documents finish (a killed run loses at most the line being written, and
 * a torn last line is ignored on reading); at the end the file is rewritten, one record per path, sorted by path.
 * With --shard i/n the file is manifest.shard-i-of-n.jsonl, so shards can share one output directory.
 */
import { appendFile, open, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ERROR_CODES } from "../errors.js";
import { SourceFormat } from "../model/index.js";
import { writeAtomic } from "../writers/json.js";
import type { Shard } from "./shard.js";

export const ManifestStatus = z.enum(["ok", "error", "skipped"]);
export type ManifestStatus = z.infer<typeof ManifestStatus>;

export const ManifestRecord = z
  .object({
    /** Posix path relative to the archive base. */
    path: z.string(),
    /** Null only when the file could not be read at all. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    bytes: z.number().int().nonnegative().nullable(),
    /** Detected from the bytes; null when reading failed before detection. */
    format: SourceFormat.nullable(),
    /**
     * ok: parsed, output written. skipped: not parsed because an identical file (same sha256, `duplicateOf`) was;
     * its output is a copy with its own source.path. error: see `error`.
     */
    status: ManifestStatus,
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).strict().optional(),
    duplicateOf: z.string().optional(),
    /** Wall-clock time of the extraction in its worker (0 for a copy). */
    durationMs: z.number().nonnegative(),
    /** Output JSON, relative to the output directory (posix); null on error. */
    output: z.string().nullable(),
    parserVersion: z.string(),
    /** Number of validation checks with status "fail" in the output. */
    validationFailures: z.number().int().nonnegative().optional(),
  })
  .strict();
export type ManifestRecord = z.infer<typeof ManifestRecord>;

export function manifestFileName(shard: Shard | null): string {
  return shard ? `manifest.shard-${shard.index}-of-${shard.count}.jsonl` : "manifest.jsonl";
}

/** The last valid record per path; unparsable lines (a line torn by a kill) are skipped. */
export async function readManifest(file: string): Promise<Map<string, ManifestRecord>> {
  const byPath = new Map<string, ManifestRecord>();
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return byPath;
  }
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = ManifestRecord.safeParse(JSON.parse(line));
      if (parsed.success) byPath.set(parsed.data.path, parsed.data);
    } catch {
      // a torn line
    }
  }
  return byPath;
}

/** Appends records one whole line at a time. */
export class ManifestAppender {
  readonly file: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.file = file;
  }

  /** A run killed mid-line leaves no newline at the end; start on a fresh line so the next record stays whole. */
  async open(): Promise<void> {
    const fh = await open(this.file, "a+");
    try {
      const { size } = await fh.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) await fh.appendFile("\n");
      }
    } finally {
      await fh.close();
    }
  }

  append(record: ManifestRecord): Promise<void> {
    // Serialized so lines never interleave.
    this.queue = this.queue.then(() => appendFile(this.file, `${JSON.stringify(record)}\n`));
    return this.queue;
  }

  flush(): Promise<void> {
    return this.queue;
  }
}

/** Rewrites the manifest with one record per path, sorted by path (atomic). */
export async function compactManifest(file: string, records: Map<string, ManifestRecord>): Promise<void> {
  const sorted = [...records.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await writeAtomic(file, sorted.map((r) => `${JSON.stringify(r)}\n`).join(""));
}

/** Errors that the same bytes and parser version always give again; others (timeout, limits, I/O) are retried. */
const DETERMINISTIC_ERRORS = new Set(["unsupported_format", "corrupt", "encrypted", "empty", "no_text_layer"]);

/**
 * Whether a previous record can stand for this run: same bytes and parser version, and either an output that still
 * exists or an error that would come back the same.
 */
export function isReusable(record: ManifestRecord | undefined, sha256: string, parserVersion: string, outDir: string, outputExists: (file: string) => boolean): boolean {
  if (!record || record.sha256 !== sha256 || record.parserVersion !== parserVersion) return false;
  if (record.status === "error") return record.error !== undefined && DETERMINISTIC_ERRORS.has(record.error.code);
  return record.output !== null && outputExists(path.join(outDir, ...record.output.split("/")));
}
