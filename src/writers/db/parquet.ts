/**
 * `batch --parquet DIR`: the tables of schema.ts as a Parquet dataset, DIR/<table>/part-<shard>.parquet, so the N
 * shards of `--shard I/N` (N machines, or a Kubernetes Indexed Job / Slurm array) each write their own part of one
 * dataset that DuckDB, Spark, Trino or pandas read as it is: read_parquet('DIR/facts/*.parquet').
 *
 * Each part holds every input of its shard, unchanged ones included. The rows go into a temp DuckDB file as
 * documents finish (the same writer and records as --db), and DuckDB's own Parquet writer exports them when the
 * run ends — each file under a temp name, renamed into place, so a reader never sees half a part.
 */
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Shard } from "../../batch/shard.js";
import { ArchiveDb, type DocumentWrite } from "./duckdb.js";
import { TABLE_NAMES } from "./schema.js";

/** "part-0" without --shard; "part-3" for shard 3 of N. */
export function partName(shard: Shard | null): string {
  return `part-${shard ? shard.index : 0}`;
}

/** Documents per staging transaction: the staging file needs no durability, so commits are few. */
const STAGING_BATCH_DOCS = 200;

export class ParquetDataset {
  private constructor(
    readonly dir: string,
    private readonly part: string,
    private readonly staging: ArchiveDb,
    private readonly stagingFile: string,
  ) {}

  static async open(dir: string, shard: Shard | null): Promise<ParquetDataset> {
    const part = partName(shard);
    await removeLeftovers(dir, part);
    const stagingFile = path.join(dir, `.${part}.${process.pid}.staging.duckdb`);
    await mkdir(dir, { recursive: true });
    return new ParquetDataset(dir, part, await ArchiveDb.open(stagingFile, { batchDocs: STAGING_BATCH_DOCS }), stagingFile);
  }

  add(write: DocumentWrite): Promise<void> {
    return this.staging.add(write);
  }

  /** Exports every table of this part, then drops the staging file. */
  async close(): Promise<void> {
    try {
      for (const table of TABLE_NAMES) {
        const file = path.join(this.dir, table, `${this.part}.parquet`);
        const tmp = `${file}.${process.pid}.tmp`;
        await mkdir(path.dirname(file), { recursive: true });
        await this.staging.exportParquet(table, tmp);
        await rename(tmp, file);
      }
    } finally {
      await this.staging.close({ checkpoint: false });
      await removeStaging(this.stagingFile);
    }
  }

  /** Drops the staging file without writing the part (a failed run keeps the previous part). */
  async abort(): Promise<void> {
    await this.staging.close({ checkpoint: false }).catch(() => undefined);
    await removeStaging(this.stagingFile);
  }
}

async function removeStaging(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
}

/** Staging files and temp parts of this part that a killed run left behind. */
async function removeLeftovers(dir: string, part: string): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })) as string[];
  } catch {
    return;
  }
  const staging = new RegExp(`^\\.${part}\\.\\d+\\.staging\\.duckdb(\\.wal)?$`);
  const tmpPart = new RegExp(`^${part}\\.parquet\\.\\d+\\.tmp$`);
  await Promise.all(names.filter((n) => staging.test(path.basename(n)) || tmpPart.test(path.basename(n))).map((n) => rm(path.join(dir, n), { force: true })));
}
