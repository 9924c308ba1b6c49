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
export { FACT_KEYS, LEGACY_KEYS, type FactKeySpec } from "./budget/keys.js";
export { TABLE_CATALOG, classifyTable, type TableKindSpec } from "./budget/catalog/index.js";
export { FactsWriter } from "./writers/facts.js";
export { LineItemsWriter } from "./writers/line-items.js";
