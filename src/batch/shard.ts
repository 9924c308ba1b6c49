/**
 * --shard i/n: a deterministic slice of the archive. An input belongs to shard `hash(relPath) mod n`, so the slices
 * partition the archive exactly, every machine computes the same split, and adding files does not move the others
 * between shards (their outputs and manifests stay valid on resume). i is 0-based (Kubernetes JOB_COMPLETION_INDEX).
 */
import { createHash } from "node:crypto";

export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/n" with 0 ≤ i < n; null when malformed. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) return null;
  return { index, count };
}

export function shardOf(relPath: string, count: number): number {
  const digest = createHash("sha256").update(relPath, "utf8").digest();
  // Integer arithmetic on the first 6 bytes: exact in a double, uniform enough for any practical n.
  return digest.readUIntBE(0, 6) % count;
}

export function inShard(relPath: string, shard: Shard | null): boolean {
  return shard === null || shardOf(relPath, shard.count) === shard.index;
}
