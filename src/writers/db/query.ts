/**
 * Read-only queries on an archive database (the demo, tests): opened, queried and closed each time, so the file is
 * never held open against the next batch's writer. Values come back as JSON-friendly values — DECIMAL and BIGINT
 * as strings, exactly as stored.
 */
import { DuckDBInstance } from "@duckdb/node-api";

export type QueryRow = Record<string, unknown>;

/** Runs `sql` on `file` (or, with file ":memory:", on nothing: read_parquet and the like). */
export async function queryArchive(file: string, sql: string): Promise<QueryRow[]> {
  const instance = await DuckDBInstance.create(file, file === ":memory:" ? { threads: "1" } : { access_mode: "READ_ONLY", threads: "1" });
  try {
    const conn = await instance.connect();
    try {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJson() as QueryRow[];
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
