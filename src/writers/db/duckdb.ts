/**
 * `batch --db FILE.duckdb`: the archive as an embedded DuckDB database (tables of schema.ts). One connection, in
 * the main process only, one writer. Documents are written in transactions that each hold whole documents:
 *   BEGIN; DELETE the old rows of these paths and contents; append the new rows; COMMIT
 * so a re-extracted document's rows are replaced at once, a resumed or --force run leaves no duplicates, and a
 * killed run leaves the last committed state (DuckDB's WAL drops the unfinished transaction on the next open).
 * Documents that arrive while a transaction is committing share the next one (group commit: one fsync for many).
 *
 * documents has one row per input path; the content tables one set of rows per sha256 — identical files share
 * them. A content whose last path has gone (the file changed) is deleted in the same transaction.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { ExtractError } from "../../errors.js";
import type { ManifestRecord } from "../../model/manifest.js";
import { appendRows } from "./append.js";
import { documentRecord, type ContentRecords } from "./records.js";
import { CONTENT_TABLES, DB_SCHEMA_VERSION, ddl, TABLE_NAMES, type Row } from "./schema.js";

export interface DocumentWrite {
  record: ManifestRecord;
  /** The document's rows; null for an error (no content) or an output that could not be read back. */
  content: ContentRecords | null;
}

interface DbDoc {
  sha256: string | null;
  parserVersion: string;
  status: string;
}

/** Documents queued beyond this make add() wait for the transaction in progress (memory stays bounded). */
const MAX_QUEUED = 64;

export interface ArchiveDbOptions {
  /**
   * Documents to gather before a transaction starts. 1 (the database): each document is committed as soon as the
   * writer is free. A staging file that a killed run throws away anyway (parquet.ts) gathers many, so it pays one
   * commit per batch instead of one per document.
   */
  batchDocs?: number;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const inList = (values: Iterable<string>) => [...values].map(sqlString).join(", ");

export class ArchiveDb {
  private readonly docs = new Map<string, DbDoc>();
  /** Paths referring to each content (sha256) in the database. */
  private refs = new Map<string, number>();
  /** Contents whose rows are in the database. */
  private readonly contents = new Set<string>();
  /** Contents written by this run: an identical copy does not write them again. */
  private readonly fresh = new Set<string>();
  private queue: DocumentWrite[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  /** Set once the run ends: whatever is queued is written, however few. */
  private flushing = false;

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly batchDocs: number,
  ) {}

  static async open(file: string, options: ArchiveDbOptions = {}): Promise<ArchiveDb> {
    let instance: DuckDBInstance;
    try {
      // One thread: the extraction workers have the cores; the writer appends and commits, it does not scan.
      instance = await DuckDBInstance.create(file, { threads: "1" });
    } catch (e) {
      throw new ExtractError("io_error", `Cannot open the database ${file}: ${(e as Error).message}. Is it a DuckDB file, and not open in another process?`);
    }
    const db = new ArchiveDb(file, instance, await instance.connect(), Math.max(1, options.batchDocs ?? 1));
    await db.prepare();
    return db;
  }

  /** Creates the tables (rebuilding a file of an older schema) and loads which documents it holds. */
  private async prepare(): Promise<void> {
    const existing = await this.conn.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_name = 'archive_info'");
    if (existing.getRows().length > 0) {
      const version = await this.conn.runAndReadAll("SELECT value FROM archive_info WHERE name = 'schema_version'");
      if (version.getRows()[0]?.[0] !== DB_SCHEMA_VERSION) for (const t of ["archive_info", ...TABLE_NAMES]) await this.conn.run(`DROP TABLE IF EXISTS ${t}`);
    }
    for (const statement of ddl()) await this.conn.run(statement);
    await this.conn.run(`INSERT OR REPLACE INTO archive_info VALUES ('schema_version', ${sqlString(DB_SCHEMA_VERSION)})`);
    const rows = await this.conn.runAndReadAll("SELECT path, sha256, parser_version, status FROM documents");
    for (const [p, sha, parser, status] of rows.getRows() as [string, string | null, string, string][]) {
      this.docs.set(p, { sha256: sha, parserVersion: parser, status });
      if (sha) this.refs.set(sha, (this.refs.get(sha) ?? 0) + 1);
      if (sha && status !== "error") this.contents.add(sha);
    }
  }

  /** True when the database already holds this input as the record describes it (a resumed run skips it). */
  isCurrent(r: ManifestRecord): boolean {
    const d = this.docs.get(r.path);
    if (!d || d.sha256 !== r.sha256 || d.parserVersion !== r.parserVersion || d.status !== r.status) return false;
    return r.status === "error" || (r.sha256 !== null && this.contents.has(r.sha256));
  }

  /** Queues one input's rows; resolves once queued (or, with a full queue, once the current transaction is done). */
  async add(write: DocumentWrite): Promise<void> {
    if (this.failure) throw this.failure;
    this.queue.push(write);
    if (this.queue.length >= this.batchDocs) this.writing ??= this.drain();
    if (this.queue.length > Math.max(MAX_QUEUED, this.batchDocs)) await this.writing;
  }

  /** Waits for everything queued, checkpoints (the WAL folded into the file) and closes. */
  async close(options: { checkpoint?: boolean } = {}): Promise<void> {
    try {
      await this.flush();
      if (options.checkpoint !== false) await this.conn.run("CHECKPOINT");
    } finally {
      this.conn.closeSync();
      this.instance.closeSync();
    }
  }

  /** Writes one table as a Parquet file (DuckDB's own writer: no other dependency). */
  async exportParquet(table: (typeof TABLE_NAMES)[number], file: string): Promise<void> {
    await this.flush();
    const order = table === "documents" ? " ORDER BY path" : "";
    await this.conn.run(`COPY (SELECT * FROM ${table}${order}) TO ${sqlString(file)} (FORMAT parquet)`);
  }

  async flush(): Promise<void> {
    this.flushing = true;
    if (this.queue.length > 0) this.writing ??= this.drain();
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && (this.flushing || this.queue.length >= this.batchDocs)) {
        const batch = this.queue;
        this.queue = [];
        await this.transaction(batch);
      }
    } catch (e) {
      this.failure = new ExtractError("io_error", `Writing the database ${this.file} failed: ${(e as Error).message}`);
    } finally {
      this.writing = null;
    }
  }

  private async transaction(batch: readonly DocumentWrite[]): Promise<void> {
    const { stale, refs } = this.plan(batch);
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const paths = batch.map((w) => w.record.path).filter((p) => this.docs.has(p));
      if (paths.length > 0) await this.conn.run(`DELETE FROM documents WHERE path IN (${inList(paths)})`);
      if (stale.size > 0) for (const t of CONTENT_TABLES) await this.conn.run(`DELETE FROM ${t} WHERE sha256 IN (${inList(stale)})`);
      await this.appendBatch(batch);
      await this.conn.run("COMMIT");
    } catch (e) {
      await this.conn.run("ROLLBACK").catch(() => undefined);
      throw e;
    }
    this.apply(batch, stale, refs);
  }

  /** The contents whose rows this batch replaces or leaves without any path. */
  private plan(batch: readonly DocumentWrite[]): { stale: Set<string>; refs: Map<string, number> } {
    const stale = new Set<string>();
    const refs = new Map(this.refs);
    for (const { record: r, content } of batch) {
      const old = this.docs.get(r.path)?.sha256;
      if (old) refs.set(old, (refs.get(old) ?? 1) - 1);
      if (r.sha256) refs.set(r.sha256, (refs.get(r.sha256) ?? 0) + 1);
      // New content (or an error now where content was) replaces what the database had for these bytes.
      const replaces = content !== null || r.status === "error";
      if (replaces && r.sha256 && this.contents.has(r.sha256) && !this.fresh.has(r.sha256)) stale.add(r.sha256);
    }
    for (const [sha, n] of refs) if (n <= 0 && this.contents.has(sha)) stale.add(sha);
    return { stale, refs };
  }

  private async appendBatch(batch: readonly DocumentWrite[]): Promise<void> {
    const written = new Set<string>();
    const rows = { documents: [] as Row<"documents">[], facts: [], line_items: [], validations: [], tables: [], cells: [] } as { [T in (typeof TABLE_NAMES)[number]]: Row<T>[] };
    for (const { record, content } of batch) {
      rows.documents.push(documentRecord(record, content?.meta ?? null));
      if (!content || this.fresh.has(content.sha256) || written.has(content.sha256)) continue;
      written.add(content.sha256);
      for (const t of CONTENT_TABLES) (rows[t] as Row<typeof t>[]).push(...(content[t] as Row<typeof t>[]));
    }
    for (const t of TABLE_NAMES) await appendRows(this.conn, t, rows[t] as Row<typeof t>[]);
  }

  /** The in-memory view of the database after a committed batch. */
  private apply(batch: readonly DocumentWrite[], stale: ReadonlySet<string>, refs: Map<string, number>): void {
    for (const sha of stale) this.contents.delete(sha);
    this.refs = refs;
    for (const { record: r, content } of batch) {
      this.docs.set(r.path, { sha256: r.sha256, parserVersion: r.parserVersion, status: r.status });
      if (content) {
        this.contents.add(content.sha256);
        this.fresh.add(content.sha256);
      }
    }
  }
}
