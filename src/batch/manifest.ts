/**
 * manifest.jsonl in the output directory: one record per input — the state of the archive after the last run.
 * During a run records are appended as documents finish; at the end the file is rewritten, one record per path,
 * sorted by path (atomically). An append is all or nothing: a write that fails midway (disk full) is cut back to
 * the last whole line, and the failure is a typed output_error. A line torn by a kill (the one thing a process cannot
 * undo) is cut off when the next run opens the manifest, and ignored on reading meanwhile.
 * With --shard i/n the file is manifest.shard-i-of-n.jsonl, so shards can share one output directory.
 *
 * The record's schema is model/manifest.ts; it is loaded only when there is a manifest to read, so a fresh run's
 * main thread never loads zod (≈14 MB resident).
 */
import { open, readFile, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { outputError } from "../errors.js";
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

/** The two file operations an append needs; tests replace them to inject a disk that fills midway. */
export interface AppendIo {
  write(fh: FileHandle, data: Buffer): Promise<number>;
  truncate(fh: FileHandle, size: number): Promise<void>;
}

const FS_IO: AppendIo = {
  write: async (fh, data) => (await fh.write(data, 0, data.length)).bytesWritten,
  truncate: (fh, size) => fh.truncate(size),
};

/**
 * Appends `data` to `file` whole or not at all: on a failed or short write the file is cut back to its size before,
 * and the failure is thrown as output_error. Returns nothing; the caller serializes appends to one file.
 */
export async function appendWhole(file: string, data: Buffer, io: AppendIo = FS_IO): Promise<void> {
  let fh: FileHandle;
  try {
    fh = await open(file, "a");
  } catch (e) {
    throw outputError(file, e);
  }
  try {
    const { size } = await fh.stat();
    let written = 0;
    try {
      while (written < data.length) {
        const n = await io.write(fh, written === 0 ? data : data.subarray(written));
        if (n <= 0) throw Object.assign(new Error("no bytes written"), { code: "ENOSPC" });
        written += n;
      }
    } catch (e) {
      // Cutting back frees space, so it works on a full disk; a reader then never sees the half line.
      await io.truncate(fh, size).catch(() => undefined);
      throw outputError(file, e);
    }
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Appends records one whole line at a time (appendWhole), in order. */
export class ManifestAppender {
  readonly file: string;
  private queue: Promise<void> = Promise.resolve();
  private readonly io: AppendIo;

  constructor(file: string, io: AppendIo = FS_IO) {
    this.file = file;
    this.io = io;
  }

  /**
   * A run killed mid-line left a torn last line: cut it off so the next record starts a line of its own. A missing
   * manifest is not created here — a run that matches nothing leaves none (not a 0-byte file).
   */
  async open(): Promise<void> {
    let fh: FileHandle;
    try {
      fh = await open(this.file, "r+");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw outputError(this.file, e);
    }
    try {
      const { size } = await fh.stat();
      const keep = await wholeLinesSize(fh, size);
      if (keep < size) await fh.truncate(keep);
    } catch (e) {
      throw outputError(this.file, e);
    } finally {
      await fh.close().catch(() => undefined);
    }
  }

  /** Serialized so lines never interleave; after a failed append every later one fails too (the run stops). */
  append(record: ManifestRecord): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    this.queue = this.queue.then(() => appendWhole(this.file, line, this.io));
    return this.queue;
  }

  flush(): Promise<void> {
    return this.queue;
  }
}

/** Bytes up to and including the last newline (0 when there is none): the whole lines of the file. */
async function wholeLinesSize(fh: FileHandle, size: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await fh.read(chunk, 0, end - start, start);
    const nl = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (nl >= 0) return start + nl + 1;
    end = start;
  }
  return 0;
}

/**
 * Rewrites the manifest with one record per path, sorted by path (atomic: on a full disk the old file stays whole).
 * No records, no file: a run that matched nothing leaves no 0-byte manifest.
 */
export async function compactManifest(file: string, records: Map<string, ManifestRecord>): Promise<void> {
  try {
    if (records.size === 0) {
      await rm(file, { force: true });
      return;
    }
    const sorted = [...records.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    await writeAtomic(file, sorted.map((r) => `${JSON.stringify(r)}\n`).join(""));
  } catch (e) {
    throw outputError(file, e);
  }
}

/**
 * The folder the manifest's paths are relative to, kept beside it (`manifest.jsonl.root`): `batch a/ -o out` then
 * `batch b/ -o out` gave both archives' x.pdf the output out/x.pdf.json, and b's silently replaced a's.
 */
export class RootMismatchError extends Error {
  constructor(
    readonly outDir: string,
    readonly previousRoot: string,
    readonly root: string,
  ) {
    super(
      `${outDir} holds the outputs of the inputs under ${previousRoot}; this run's inputs are under ${root}, and outputs of the same relative path would replace each other. ` +
        `Use another -o folder, or give both in one run (batch ${previousRoot} ${root} -o ${outDir}) so their paths stay apart.`,
    );
    this.name = "RootMismatchError";
  }
}

/** Records `root` for the manifest on first use; refuses (RootMismatchError) a run whose inputs sit under another. */
export async function claimRoot(manifestFile: string, root: string): Promise<void> {
  const file = `${manifestFile}.root`;
  let previous: string | null = null;
  try {
    previous = (JSON.parse(await readFile(file, "utf8")) as { root?: unknown }).root as string;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" && !(e instanceof SyntaxError)) throw outputError(file, e);
  }
  if (typeof previous === "string" && previous !== root) throw new RootMismatchError(path.dirname(manifestFile), previous, root);
  if (previous === root) return;
  try {
    await writeAtomic(file, `${JSON.stringify({ root })}\n`);
  } catch (e) {
    throw outputError(file, e);
  }
}

/** Errors that the same bytes and parser version always give again; others (timeout, limits, I/O) are retried. */
const DETERMINISTIC_ERRORS = new Set(["unsupported_format", "corrupt", "encrypted", "empty", "no_text_layer"]);

/** Formats only LibreOffice reads (.doc, RTF, Excel 5/95): unsupported_format while it is missing, read once it is not. */
const LIBREOFFICE_FORMATS = new Set(["doc", "rtf", "xls"]);

/** The system programs this run can call (a record made without one is retried once it is installed). */
export interface InstalledPrograms {
  libreOffice: boolean;
}

/**
 * Whether a previous record can stand for this run: same bytes and parser version, and either an output that still
 * exists or an error that would come back the same — not a refusal for want of LibreOffice once it is installed.
 */
export function isReusable(
  record: ManifestRecord | undefined,
  sha256: string,
  parserVersion: string,
  outDir: string,
  outputExists: (file: string) => boolean,
  installed: InstalledPrograms = { libreOffice: false },
): boolean {
  if (!record || record.sha256 !== sha256 || record.parserVersion !== parserVersion) return false;
  if (record.status === "error") {
    if (!record.error || !DETERMINISTIC_ERRORS.has(record.error.code)) return false;
    return !(installed.libreOffice && record.error.code === "unsupported_format" && LIBREOFFICE_FORMATS.has(record.format ?? ""));
  }
  return record.output !== null && outputExists(path.join(outDir, ...record.output.split("/")));
}
