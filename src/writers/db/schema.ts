/**
 * The archive's tables, defined once: the DuckDB DDL, the appender's column types and the Parquet files all come
 * from this list. Money and every other figure is DECIMAL(20,4) — exact, never DOUBLE: 16 integer digits (ten
 * thousand times China's national budget in 元) and 4 decimals (元 figures print 2, tolerances 3). Over 83 corpus
 * documents the widest values seen were 12 integer digits (189131000000 元) and 3 decimals (a tolerance of 0.015).
 */

export type ColumnType = "varchar" | "integer" | "bigint" | "decimal" | "json";

export interface Column {
  name: string;
  type: ColumnType;
}

export const DECIMAL_PRECISION = 20;
export const DECIMAL_SCALE = 4;

/** Bumped when a table's columns change: an older database is rebuilt (its documents re-read from their JSON). */
export const DB_SCHEMA_VERSION = "1";

const col = <N extends string>(name: N, type: ColumnType = "varchar"): { name: N; type: ColumnType } => ({ name, type });

export const TABLES = {
  documents: [
    col("path"), col("sha256"), col("bytes", "bigint"), col("format"), col("status"), col("duplicate_of"),
    col("error_code"), col("error_message"), col("duration_ms", "integer"), col("parser_version"), col("schema_version"),
    col("fiscal_year", "integer"), col("doc_kind"), col("scope"), col("entity"), col("region"), col("title"),
    col("consolidation"), col("units", "json"), col("page_count", "integer"), col("n_tables", "integer"),
    col("n_facts", "integer"), col("n_line_items", "integer"), col("n_validations", "integer"),
    col("validation_failures", "integer"), col("inexact_values", "integer"),
  ],
  facts: [
    col("sha256"), col("key"), col("fund"), col("basis"), col("name"), col("entity"), col("yuan", "decimal"),
    col("unit"), col("raw"), col("evidence", "json"),
  ],
  line_items: [
    col("sha256"), col("table_id"), col("table_kind"), col("classification"), col("code"), col("name"), col("level"),
    col("measure"), col("fund"), col("yuan", "decimal"), col("unit"), col("evidence", "json"),
  ],
  validations: [
    col("sha256"), col("rule"), col("family"), col("status"), col("expected", "decimal"), col("actual", "decimal"),
    col("difference", "decimal"), col("tolerance", "decimal"), col("message"), col("evidence", "json"),
  ],
  tables: [
    col("sha256"), col("table_id"), col("kind"), col("title"), col("number"), col("entity"), col("unit"),
    col("unit_multiplier", "decimal"), col("n_rows", "integer"), col("n_cols", "integer"), col("title_rows", "integer"),
    col("header_rows", "integer"),
  ],
  cells: [
    col("sha256"), col("table_id"), col("row", "integer"), col("col", "integer"), col("row_span", "integer"),
    col("col_span", "integer"), col("row_kind"), col("text"), col("value_kind"), col("value", "decimal"),
    col("yuan", "decimal"), col("null_kind"),
  ],
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof TABLES;
/** The tables that hold a document's content, keyed by sha256 (documents is keyed by path). */
export const CONTENT_TABLES = ["facts", "line_items", "validations", "tables", "cells"] as const satisfies readonly TableName[];
export type ContentTable = (typeof CONTENT_TABLES)[number];
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** A row as every writer sees it: column name → value; decimals and JSON stay strings. */
export type Row<T extends TableName> = { [C in (typeof TABLES)[T][number]["name"]]: string | number | null };

const SQL_TYPES: Record<ColumnType, string> = {
  varchar: "VARCHAR",
  integer: "INTEGER",
  bigint: "BIGINT",
  decimal: `DECIMAL(${DECIMAL_PRECISION},${DECIMAL_SCALE})`,
  json: "JSON",
};

export function sqlType(type: ColumnType): string {
  return SQL_TYPES[type];
}

/** CREATE TABLE statements, and the table that records which schema the file holds. */
export function ddl(): string[] {
  const tables = TABLE_NAMES.map((t) => `CREATE TABLE IF NOT EXISTS ${t} (${TABLES[t].map((c) => `"${c.name}" ${sqlType(c.type)}`).join(", ")})`);
  return ["CREATE TABLE IF NOT EXISTS archive_info (name VARCHAR PRIMARY KEY, value VARCHAR)", ...tables];
}
