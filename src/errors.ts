/**
 * Typed errors that end one document. Recoverable problems are warnings on the document instead.
 * Every code has a message that tells the user what to do.
 */
export const ERROR_CODES = [
  "unsupported_format",
  "corrupt",
  "encrypted",
  "too_large",
  "timeout",
  "empty",
  "no_text_layer",
  "io_error",
  /** An output (JSON, CSV, manifest) could not be written: disk full, read-only folder, no permission. */
  "output_error",
  /** A folder link that leads back into itself: not followed (discovery records it). */
  "symlink_loop",
  /** A link whose target does not exist. */
  "dangling_link",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ExtractError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ExtractError";
    this.code = code;
    this.details = details;
  }
  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isExtractError(e: unknown): e is ExtractError {
  return e instanceof ExtractError;
}

/** Wrap anything thrown into a typed error so a batch never sees a raw exception. */
export function toExtractError(e: unknown): ExtractError {
  if (e instanceof ExtractError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ExtractError("internal", `Unexpected failure: ${message}. Please report it with the input file.`);
}

/**
 * Exit codes of every command. 3 is the output side (disk full, read-only, permissions): the input may be fine and
 * a run after the cause is fixed completes; 2 stays for usage errors only.
 */
export const EXIT = { ok: 0, documentFailed: 1, usage: 2, outputFailed: 3 } as const;

/** What to do about each errno an output write can end with. */
const OUTPUT_ADVICE: Record<string, string> = {
  ENOSPC: "the disk is full. Free space and run again (a batch resumes where it stopped)",
  EDQUOT: "the disk quota is used up. Free space and run again (a batch resumes where it stopped)",
  EROFS: "the file system is read-only. Choose an output folder on a writable disk",
  EACCES: "permission denied. Check the output folder's permissions, or choose another",
  EPERM: "operation not permitted. Check the output folder's permissions, or choose another",
  ENOTDIR: "a part of the path is a file, not a folder. Check the output path",
  EISDIR: "the path is a folder. Name a file",
  ENOENT: "the folder cannot be created there. Check the output path",
  EMFILE: "too many open files. Lower --jobs or raise the open-file limit (ulimit -n)",
};

/** The errno of a failed write, whatever wrapped it. */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** True when `e` is a failure to write an output, not a problem with the input (see outputError). */
export function isOutputFailure(e: unknown): boolean {
  return e instanceof ExtractError ? e.code === "output_error" : errnoOf(e) !== undefined && errnoOf(e)! in OUTPUT_ADVICE;
}

/** A failed write of `file` as a typed output_error whose message names the file, the cause and the fix. */
export function outputError(file: string, e: unknown): ExtractError {
  if (e instanceof ExtractError && e.code === "output_error") return e;
  const errno = errnoOf(e);
  const advice = (errno && OUTPUT_ADVICE[errno]) ?? `${e instanceof Error ? e.message : String(e)}. Check the output path and free space`;
  return new ExtractError("output_error", `Cannot write ${file}: ${advice}.`, errno ? { errno, file } : { file });
}
