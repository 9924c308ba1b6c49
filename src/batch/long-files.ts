/**
 * The archive-wide outputs of a batch — `--facts`, `--line-items` (CSV/NDJSON), `--db` (DuckDB) and `--parquet` —
 * opened before extraction, fed one document at a time as documents finish, and finished when the batch ends. All
 * of them take the same records (src/writers/db/records.ts), so they cannot disagree. DuckDB is loaded only when
 * --db or --parquet asks for it.
 */
import path from "node:path";
import { ExtractError } from "../errors.js";
import type { ManifestRecord } from "../model/manifest.js";
import type { ArchiveDb } from "../writers/db/duckdb.js";
import type { ParquetDataset } from "../writers/db/parquet.js";
import type { ContentRecords } from "../writers/db/records.js";
import { CONTENT_TABLES, type ContentTable } from "../writers/db/schema.js";
import { FactsWriter } from "../writers/facts.js";
import { LineItemsWriter } from "../writers/line-items.js";
import { longFormatOf, type DocInfo, type LongFormat } from "../writers/long-format.js";
import type { Shard } from "./shard.js";

function formatOf(file: string, what: string): LongFormat {
  const format = longFormatOf(file);
  if (!format) throw new ExtractError("io_error", `The ${what} file must end in .csv or .ndjson: ${file}`);
  return format;
}

export interface ArchiveFilePaths {
  factsFile?: string | null | undefined;
  lineItemsFile?: string | null | undefined;
  dbFile?: string | null | undefined;
  parquetDir?: string | null | undefined;
}

export class ArchiveFiles {
  /**
   * Opened while the first documents are extracted: loading DuckDB's native module takes ~1.5 s on the shared
   * 2-core machine (most of --db's fixed cost), which the run need not wait for. The first add() waits for it.
   */
  private db: Promise<ArchiveDb> | null = null;
  private parquet: Promise<ParquetDataset> | null = null;

  private constructor(
    readonly facts: FactsWriter | null,
    readonly lineItems: LineItemsWriter | null,
    readonly dbFile: string | null,
    readonly parquetDir: string | null,
  ) {}

  /** Resolves and checks the paths; nothing is written until open(). */
  static of(cwd: string, files: ArchiveFilePaths): ArchiveFiles {
    const resolve = (p: string | null | undefined) => (p ? path.resolve(cwd, p) : null);
    const [f, l, d, p] = [resolve(files.factsFile), resolve(files.lineItemsFile), resolve(files.dbFile), resolve(files.parquetDir)];
    const named = [f, l, d, p].filter((x): x is string => x !== null);
    if (new Set(named).size < named.length) throw new ExtractError("io_error", `--facts, --line-items, --db and --parquet must name different files: ${named.join(", ")}`);
    return new ArchiveFiles(f ? new FactsWriter(f, formatOf(f, "facts")) : null, l ? new LineItemsWriter(l, formatOf(l, "line-items")) : null, d, p);
  }

  /** Opens the temp files and the database; after discovery, which would otherwise take them for inputs. */
  async open(shard: Shard | null): Promise<void> {
    const dbFile = this.dbFile;
    const parquetDir = this.parquetDir;
    if (dbFile) this.db = import("../writers/db/duckdb.js").then((m) => m.ArchiveDb.open(dbFile));
    if (parquetDir) this.parquet = import("../writers/db/parquet.js").then((m) => m.ParquetDataset.open(parquetDir, shard));
    // A failure surfaces at the first add() or at close(), not as an unhandled rejection meanwhile.
    this.db?.catch(() => undefined);
    this.parquet?.catch(() => undefined);
    await this.facts?.open();
    await this.lineItems?.open();
  }

  /** The files discovery must never take as inputs (a database's WAL and the Parquet directory included). */
  get paths(): string[] {
    const db = this.dbFile ? [this.dbFile, `${this.dbFile}.wal`] : [];
    return [this.facts?.file, this.lineItems?.file, ...db, this.parquetDir].filter((p): p is string => typeof p === "string");
  }

  get wanted(): boolean {
    return this.facts !== null || this.lineItems !== null || this.dbFile !== null || this.parquetDir !== null;
  }

  /** The content tables the workers must send back: all of them for a database or Parquet, else what a file needs. */
  get tables(): ContentTable[] {
    if (this.dbFile || this.parquetDir) return [...CONTENT_TABLES];
    return [...(this.facts ? (["facts"] as const) : []), ...(this.lineItems ? (["line_items"] as const) : [])];
  }

  /**
   * Whether an unchanged input's records must be read back from its JSON: the long files and the Parquet part are
   * rewritten by every run; the database keeps what it has.
   */
  async needsRecords(record: ManifestRecord): Promise<boolean> {
    if (this.facts || this.lineItems || this.parquet) return true;
    return this.db !== null && !(await this.db).isCurrent(record);
  }

  /**
   * One input: its manifest record and, when it has content, its records. `reused`: unchanged since the last run,
   * so a database that holds it already is left alone (a re-extracted input always replaces its rows).
   */
  async add(record: ManifestRecord, content: ContentRecords | null, reused: boolean): Promise<void> {
    if (content && record.sha256 !== null) {
      const doc = docInfoOf(record, content);
      await this.facts?.addRecords(doc, content.facts);
      await this.lineItems?.addRecords(doc, content.line_items);
    }
    if (this.db) {
      const db = await this.db;
      if (!(reused && db.isCurrent(record))) await db.add({ record, content });
    }
    if (this.parquet) await (await this.parquet).add({ record, content });
  }

  async close(): Promise<void> {
    await this.facts?.close();
    await this.lineItems?.close();
    if (this.db) await (await this.db).close();
    if (this.parquet) await (await this.parquet).close();
  }
}

function docInfoOf(record: ManifestRecord, content: ContentRecords): DocInfo {
  const m = content.meta;
  const meta: DocInfo["meta"] = {};
  if (m.fiscalYear !== null) meta.fiscalYear = m.fiscalYear;
  if (m.docKind !== null) meta.docKind = m.docKind as NonNullable<DocInfo["meta"]["docKind"]>;
  if (m.scope !== null) meta.scope = m.scope as NonNullable<DocInfo["meta"]["scope"]>;
  if (m.entity !== null) meta.entity = m.entity;
  return { path: record.path, sha256: record.sha256!, format: record.format ?? "unknown", meta };
}
