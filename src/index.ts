/** Library entry: extraction, the document model (zod schemas + types), typed errors, limits, and each stage. */
export { extractFile, extractBytes, type ExtractOptions } from "./extract.js";
export * from "./model/index.js";
export { ExtractError, ERROR_CODES, type ErrorCode, isExtractError } from "./errors.js";
export { DEFAULT_LIMITS, type Limits } from "./limits.js";
export { detectFormat } from "./readers/index.js";
export { recognizeAmounts, parseChineseNumber } from "./amounts/index.js";
export { buildSections } from "./structure/sections/index.js";
export { buildTables } from "./structure/tables/index.js";
export { runBatch, type BatchOptions, type BatchResult } from "./batch/run.js";
export { extractFileIsolated, type IsolatedExtractOptions } from "./batch/isolated.js";
export { renderReportHtml, writeReport } from "./writers/report/index.js";
export { renderSummary } from "./writers/summary.js";
export { tableToCsv } from "./writers/tables-csv.js";
