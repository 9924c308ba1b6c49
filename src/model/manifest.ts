/** One manifest.jsonl record (src/batch/manifest.ts): the state of one input of a batch archive. */
import { z } from "zod";
import { ERROR_CODES } from "../errors.js";
import { SourceFormat } from "./document.js";

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
    /** The failed checks by rule (src/budget/checks/family.ts ruleName: one rule across tables and funds) → count. */
    failedRules: z.record(z.string(), z.number().int().positive()).optional(),
  })
  .strict();
export type ManifestRecord = z.infer<typeof ManifestRecord>;

