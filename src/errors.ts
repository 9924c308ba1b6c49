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
