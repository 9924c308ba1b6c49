/**
 * manifest.jsonl in the output directory: one record per input — the state of the archive after the last run.
 * During a run records are appended as documents finish (a killed run loses at most the line being written, and
 * a torn last line is ignored on reading); at the end the file is rewritten, one record per path, sorted by path.
 * With --shard i/n the file is manifest.shard-i-of-n.jsonl, so shards can share one output directory.
 *
 * The record's schema is model/manifest.ts; it is loaded only when there is a manifest to read, so a fresh run's
 * main thread never loads zod (≈14 MB resident).
 */
import { appendFile, open, readFile } from "node:fs/promises";
import path from "node:path";
import type { ManifestRecord } from "../model/manifest.js";
import { writeAtomic } from "../writers/json.js";
import type { Shard } from "./shard.js";

export type { ManifestRecord, ManifestStatus } from "../model/manifest.js";

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
  const { ManifestRecord } = await import("../model/manifest.js");
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
