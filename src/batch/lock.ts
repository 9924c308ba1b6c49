/**
 * One batch at a time per manifest: two runs on one output folder both found nothing done and redid all the work,
 * appending to one manifest. A run takes `<manifest>.lock` (created exclusively, O_EXCL) before it reads the
 * manifest and removes it when it ends. Shards have a manifest each, so they take different locks and can still
 * share a folder.
 *
 * A lock left by a killed run is stale: on the same host its process no longer exists, and it is taken over. A lock
 * from another host cannot be checked, so it holds until someone removes the file; the message says which file.
 */
import { link, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { outputError } from "../errors.js";

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  started: string;
}

/** Another live run holds the lock. Not an output failure: the folder is fine, it is busy. */
export class LockHeldError extends Error {
  readonly file: string;
  readonly holder: LockHolder | null;
  constructor(file: string, holder: LockHolder | null) {
    const who = holder ? `process ${holder.pid} on ${holder.host}, since ${holder.started}` : "another process";
    super(`Another batch (${who}) is writing this output folder. Wait for it to end, or use another -o folder; if no batch is running, delete ${file}.`);
    this.name = "LockHeldError";
    this.file = file;
    this.holder = holder;
  }
}

export function lockFileFor(manifestFile: string): string {
  return `${manifestFile}.lock`;
}

export class OutputLock {
  private released = false;
  private constructor(readonly file: string) {}

  /** Takes the lock or throws LockHeldError (held) / ExtractError output_error (the folder cannot be written). */
  static async acquire(file: string): Promise<OutputLock> {
    // Two tries: the second after removing a stale lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await tryCreate(file)) return new OutputLock(file);
      const holder = await readHolder(file);
      if (holder === undefined) continue; // removed between our create and our read: try again
      if (!isStale(holder)) throw new LockHeldError(file, holder);
      await rm(file, { force: true });
    }
    throw new LockHeldError(file, (await readHolder(file)) ?? null);
  }

  /** Removes the lock file; a second call does nothing. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await rm(this.file, { force: true });
  }
}

/**
 * The lock is written whole under a temp name, then hard-linked to its name: link() fails if the name exists (like
 * O_EXCL), and a reader never sees a lock without its holder.
 */
async function tryCreate(file: string): Promise<boolean> {
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  const tmp = `${file}.${process.pid}.${Date.now()}`;
  try {
    const text = `${JSON.stringify(holder)}\n`;
    await writeFile(tmp, text, { flag: "wx" });
    await link(tmp, file).catch(async (e: NodeJS.ErrnoException) => {
      // File systems without hard links (some network and FUSE mounts): O_EXCL alone.
      if (e.code !== "EPERM" && e.code !== "ENOTSUP" && e.code !== "ENOSYS") throw e;
      await writeFile(file, text, { flag: "wx" });
    });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw outputError(file, e);
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** The holder written in the lock; null when unreadable (damaged), undefined when the lock is gone. */
async function readHolder(file: string): Promise<LockHolder | null | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw outputError(file, e);
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.host === "string" ? h : null;
  } catch {
    return null;
  }
}

/** On this host, a holder whose process is gone (or a damaged lock) is stale; elsewhere we cannot tell. */
function isStale(holder: LockHolder | null): boolean {
  if (holder === null) return true;
  if (holder.host !== os.hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    // EPERM: the process exists under another user.
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}
