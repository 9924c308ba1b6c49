/** Library entry: extraction, the document model (zod schemas + types), typed errors, limits. */
export { extractFile, extractBytes, type ExtractOptions } from "./extract.js";
export * from "./model/index.js";
export { ExtractError, ERROR_CODES, type ErrorCode, isExtractError } from "./errors.js";
export { DEFAULT_LIMITS, type Limits } from "./limits.js";
export { detectFormat } from "./readers/index.js";
