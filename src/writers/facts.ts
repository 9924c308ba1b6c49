/**
 * Long-format facts across a whole archive, one row per fact, for DuckDB / pandas:
 *   path, sha256, format, fiscal_year, doc_kind, scope, entity, key, basis, name, yuan, unit, raw, evidence
 * CSV (RFC 4180, UTF-8 without BOM, LF line ends — what DuckDB's read_csv and pandas.read_csv expect) or NDJSON,
 * chosen by the file extension. Rows are written as documents finish; the file appears under its name only when
 * complete (temp file + rename on close).
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { ExtractedDocument, Fact } from "../model/index.js";

export type FactsFormat = "csv" | "ndjson";

export const FACT_COLUMNS = [
  "path",
  "sha256",
  "format",
  "fiscal_year",
  "doc_kind",
  "scope",
  "entity",
  "key",
  "basis",
  "name",
  "yuan",
  "unit",
  "raw",
  "evidence",
] as const;
export type FactRow = Record<(typeof FACT_COLUMNS)[number], string | number | null>;

/** The document-level fields each fact row repeats. */
export interface FactsDocInfo {
  path: string;
  sha256: string;
  format: string;
  meta: Pick<ExtractedDocument["meta"], "fiscalYear" | "docKind" | "scope" | "entity">;
}

export function factsFormatOf(file: string): FactsFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson";
  return null;
}

export function factRows(doc: FactsDocInfo, facts: readonly Fact[]): FactRow[] {
  return facts.map((f) => ({
    path: doc.path,
    sha256: doc.sha256,
    format: doc.format,
    fiscal_year: doc.meta.fiscalYear ?? null,
    doc_kind: doc.meta.docKind ?? null,
    scope: doc.meta.scope ?? null,
    entity: doc.meta.entity ?? null,
    key: f.key,
    basis: f.basis ?? null,
    name: f.name ?? null,
    // Kept a string: the exact decimal must not pass through a float on the way out.
    yuan: f.yuan,
    unit: f.unit,
    raw: f.raw,
    evidence: JSON.stringify(f.evidence),
  }));
}

function csvField(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function factRowToCsv(row: FactRow): string {
  return `${FACT_COLUMNS.map((c) => csvField(row[c])).join(",")}\n`;
}

export function factRowToNdjson(row: FactRow): string {
  // Evidence as an array in NDJSON (it is a JSON string only in CSV).
  return `${JSON.stringify({ ...row, evidence: JSON.parse(row.evidence as string) as unknown })}\n`;
}

export class FactsWriter {
  readonly file: string;
  readonly format: FactsFormat;
  rows = 0;
  private readonly tmp: string;
  private stream: WriteStream | null = null;

  constructor(file: string, format: FactsFormat) {
    this.file = file;
    this.format = format;
    this.tmp = `${file}.${process.pid}.tmp`;
  }

  async open(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    this.stream = createWriteStream(this.tmp);
    if (this.format === "csv") await this.write(`${FACT_COLUMNS.join(",")}\n`);
  }

  async add(doc: FactsDocInfo, facts: readonly Fact[]): Promise<void> {
    const rows = factRows(doc, facts);
    if (rows.length === 0) return;
    this.rows += rows.length;
    await this.write(rows.map(this.format === "csv" ? factRowToCsv : factRowToNdjson).join(""));
  }

  /** Flushes and moves the finished file into place. */
  async close(): Promise<void> {
    const s = this.stream;
    if (!s) return;
    this.stream = null;
    await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await rename(this.tmp, this.file);
  }

  /** Drops the unfinished file (a failed run keeps the previous facts file, if any). */
  async abort(): Promise<void> {
    this.stream?.destroy();
    this.stream = null;
    await rm(this.tmp, { force: true });
  }

  private write(text: string): Promise<void> {
    const s = this.stream;
    if (!s) throw new Error("FactsWriter is not open");
    if (s.write(text)) return Promise.resolve();
    return new Promise((resolve) => s.once("drain", () => resolve()));
  }
}
