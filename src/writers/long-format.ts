/**
 * Long-format archive files, one row per record (facts, line items), for DuckDB / pandas: CSV (RFC 4180, UTF-8
 * without BOM, LF line ends — what DuckDB's read_csv and pandas.read_csv expect) or NDJSON, chosen by the file
 * extension. Rows are written as documents finish; the file appears under its name only when complete (temp file +
 * rename on close). Each row starts with the document's own fields (path, sha256, format, meta).
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { ExtractedDocument } from "../model/index.js";

export type LongFormat = "csv" | "ndjson";
export type LongRow = Record<string, string | number | null>;

/** The columns and the fields that hold JSON (a string in CSV, the value itself in NDJSON). */
export interface LongSchema {
  columns: readonly string[];
  jsonColumns: readonly string[];
}

export const DOC_COLUMNS = ["path", "sha256", "format", "fiscal_year", "doc_kind", "scope", "entity"] as const;

/** The document-level fields each row repeats. */
export interface DocInfo {
  path: string;
  sha256: string;
  format: string;
  meta: Pick<ExtractedDocument["meta"], "fiscalYear" | "docKind" | "scope" | "entity">;
}

export function docFields(doc: DocInfo): Record<(typeof DOC_COLUMNS)[number], string | number | null> {
  const m = doc.meta;
  return { path: doc.path, sha256: doc.sha256, format: doc.format, fiscal_year: m.fiscalYear ?? null, doc_kind: m.docKind ?? null, scope: m.scope ?? null, entity: m.entity ?? null };
}

export function longFormatOf(file: string): LongFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson";
  return null;
}

function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rowToCsv(schema: LongSchema, row: LongRow): string {
  return `${schema.columns.map((c) => csvField(row[c])).join(",")}\n`;
}

export function rowToNdjson(schema: LongSchema, row: LongRow): string {
  const out: Record<string, unknown> = { ...row };
  for (const c of schema.jsonColumns) if (typeof row[c] === "string") out[c] = JSON.parse(row[c]) as unknown;
  return `${JSON.stringify(out)}\n`;
}

export function csvHeader(schema: LongSchema): string {
  return `${schema.columns.join(",")}\n`;
}

/** A whole file's text at once (one document: `extract --facts-csv`, `--line-items-csv`). */
export function longFormatText(schema: LongSchema, format: LongFormat, rows: readonly LongRow[]): string {
  const header = format === "csv" ? csvHeader(schema) : "";
  return header + rows.map((r) => (format === "csv" ? rowToCsv(schema, r) : rowToNdjson(schema, r))).join("");
}

/** Streams rows to `file` (temp file, renamed into place on close). */
export class LongFormatWriter {
  readonly file: string;
  readonly format: LongFormat;
  rows = 0;
  private readonly tmp: string;
  private stream: WriteStream | null = null;

  constructor(file: string, format: LongFormat, private readonly schema: LongSchema) {
    this.file = file;
    this.format = format;
    this.tmp = `${file}.${process.pid}.tmp`;
  }

  async open(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    this.stream = createWriteStream(this.tmp);
    if (this.format === "csv") await this.write(csvHeader(this.schema));
  }

  async addRows(rows: readonly LongRow[]): Promise<void> {
    if (rows.length === 0) return;
    this.rows += rows.length;
    await this.write(rows.map((r) => (this.format === "csv" ? rowToCsv(this.schema, r) : rowToNdjson(this.schema, r))).join(""));
  }

  /** Flushes and moves the finished file into place. */
  async close(): Promise<void> {
    const s = this.stream;
    if (!s) return;
    this.stream = null;
    await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await rename(this.tmp, this.file);
  }

  /** Drops the unfinished file (a failed run keeps the previous file, if any). */
  async abort(): Promise<void> {
    this.stream?.destroy();
    this.stream = null;
    await rm(this.tmp, { force: true });
  }

  private write(text: string): Promise<void> {
    const s = this.stream;
    if (!s) throw new Error(`The writer of ${this.file} is not open`);
    if (s.write(text)) return Promise.resolve();
    return new Promise((resolve) => s.once("drain", () => resolve()));
  }
}
