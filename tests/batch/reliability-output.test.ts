/**
 * Issue #22, items 1, 7, 8: the output side. A manifest append is whole or absent (a disk that fills midway never
 * leaves a torn last line), failures are typed output_error with advice, a run that matched nothing leaves no
 * 0-byte manifest, and one lock per manifest keeps two runs off one output folder.
 *
 * The full disk is real where the tests may mount a 256 KiB tmpfs (root on Linux); elsewhere those cases skip with
 * a message, and the same behaviour is checked through a fault-injecting write (AppendIo) that fails midway.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LockHeldError, lockFileFor, OutputLock } from "../../src/batch/lock.js";
import { appendWhole, claimRoot, compactManifest, ManifestAppender, readManifest, RootMismatchError, type AppendIo, type ManifestRecord } from "../../src/batch/manifest.js";
import { ExtractError, outputError } from "../../src/errors.js";
import { writeAtomic } from "../../src/writers/json.js";
import { tempDir } from "./helpers.js";

const dir = tempDir("reliability");
const record = (p: string): ManifestRecord => ({ path: p, sha256: "b".repeat(64), bytes: 5, format: "text", status: "ok", durationMs: 3, output: `${p}.json`, parserVersion: "0.3.0" });
const line = (p: string) => `${JSON.stringify(record(p))}\n`;

/** A write that stores `afterBytes` bytes of what it is given and then fails as a full disk does. */
function diskFillsAfter(afterBytes: number): AppendIo {
  return {
    write: async (fh, data) => {
      if (afterBytes <= 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      const n = Math.min(afterBytes, data.length);
      afterBytes -= n;
      return (await fh.write(data, 0, n)).bytesWritten;
    },
    truncate: (fh, size) => fh.truncate(size),
  };
}

/** A 256 KiB tmpfs, or null (with the reason) where mounting is not permitted. */
function mountSmallDisk(at: string): string | null {
  mkdirSync(at, { recursive: true });
  if (os.platform() !== "linux") return "not Linux";
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", at], { encoding: "utf8" });
  return r.status === 0 ? null : `cannot mount a tmpfs (${(r.stderr || r.error?.message || "").trim()}): real full-disk cases skipped`;
}

async function fill(folder: string): Promise<void> {
  const chunk = Buffer.alloc(16 * 1024, 120);
  for (let i = 0; ; i++) {
    try {
      await writeFile(path.join(folder, `filler-${i}`), chunk);
    } catch {
      // The last, partial filler takes what space was left.
      await writeFile(path.join(folder, `filler-last`), Buffer.alloc(1, 120)).catch(() => undefined);
      return;
    }
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("manifest appends are whole lines or nothing", () => {
  test("a disk that fills midway through a record: the file is cut back to its whole lines, output_error with advice", async () => {
    const file = path.join(dir, "fault.jsonl");
    writeFileSync(file, line("a"));
    const err = await appendWhole(file, Buffer.from(line("b")), diskFillsAfter(40)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe("output_error");
    expect((err as ExtractError).message).toMatch(/the disk is full\. Free space and run again/);
    expect(readFileSync(file, "utf8")).toBe(line("a"));
  });

  test("after a failed append every later append fails too, and what is on disk reads back whole", async () => {
    const file = path.join(dir, "stop.jsonl");
    const appender = new ManifestAppender(file, diskFillsAfter(line("a").length + 10));
    await appender.open();
    await appender.append(record("a"));
    await expect(appender.append(record("b"))).rejects.toMatchObject({ code: "output_error" });
    await expect(appender.append(record("c"))).rejects.toMatchObject({ code: "output_error" });
    expect(readFileSync(file, "utf8")).toBe(line("a"));
    expect([...(await readManifest(file)).keys()]).toEqual(["a"]);
  });

  test("a line torn by a killed run is cut off when the next run opens the manifest", async () => {
    const file = path.join(dir, "torn.jsonl");
    writeFileSync(file, `${line("a")}{"path":"b","sha2`);
    await new ManifestAppender(file).open();
    expect(readFileSync(file, "utf8")).toBe(line("a"));
  });

  test("a run that matches nothing leaves no manifest: opening creates none, compacting nothing removes it", async () => {
    const file = path.join(dir, "none.jsonl");
    await new ManifestAppender(file).open();
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, "");
    await compactManifest(file, new Map());
    expect(existsSync(file)).toBe(false);
  });

  test("output_error names the file and what to do for each cause", () => {
    const cases: [string, RegExp][] = [
      ["ENOSPC", /disk is full\. Free space/],
      ["EROFS", /read-only\. Choose an output folder on a writable disk/],
      ["EACCES", /permission denied\. Check the output folder's permissions/],
    ];
    for (const [code, advice] of cases) {
      const e = outputError("/out/x.json", Object.assign(new Error(code), { code }));
      expect(e.code).toBe("output_error");
      expect(e.message).toMatch(/^Cannot write \/out\/x\.json: /);
      expect(e.message).toMatch(advice);
    }
  });
});

describe("on a real disk that is full", () => {
  const disk = path.join(dir, "small-disk");
  let skip: string | null = null;
  beforeAll(async () => {
    skip = mountSmallDisk(disk);
    if (skip) console.warn(skip);
    else {
      writeFileSync(path.join(disk, "manifest.jsonl"), line("a"));
      await fill(disk);
    }
  });
  afterAll(() => {
    if (!skip) execFileSync("umount", [disk]);
  });

  test("an append fails as output_error and leaves the manifest's lines whole", async (ctx) => {
    if (skip) return ctx.skip();
    const file = path.join(disk, "manifest.jsonl");
    const appender = new ManifestAppender(file);
    await appender.open();
    const big = { ...record("b"), path: "b".repeat(64 * 1024) };
    await expect(appender.append(big)).rejects.toMatchObject({ code: "output_error", details: { errno: "ENOSPC" } });
    expect(readFileSync(file, "utf8")).toBe(line("a"));
  });

  test("an atomic write fails as ENOSPC and leaves neither a partial file nor its temp file", async (ctx) => {
    if (skip) return ctx.skip();
    const target = path.join(disk, "doc.json");
    await expect(writeAtomic(target, "x".repeat(128 * 1024))).rejects.toMatchObject({ code: "ENOSPC" });
    expect(existsSync(target)).toBe(false);
    expect(readFileSync(path.join(disk, "manifest.jsonl"), "utf8")).toBe(line("a"));
  });
});

describe("one batch per output folder (lock per manifest)", () => {
  const manifest = path.join(dir, "locked", "manifest.jsonl");
  mkdirSync(path.dirname(manifest), { recursive: true });

  test("a second run is refused while the first holds the lock, with who holds it and which file to remove", async () => {
    const lock = await OutputLock.acquire(lockFileFor(manifest));
    const err = await OutputLock.acquire(lockFileFor(manifest)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockHeldError);
    expect((err as LockHeldError).holder?.pid).toBe(process.pid);
    expect((err as LockHeldError).message).toContain(`process ${process.pid} on ${os.hostname()}`);
    expect((err as LockHeldError).message).toContain(`delete ${lockFileFor(manifest)}`);
    await lock.release();
    const again = await OutputLock.acquire(lockFileFor(manifest));
    await again.release();
    expect(existsSync(lockFileFor(manifest))).toBe(false);
  });

  test("a lock left by a killed run (its process is gone) is taken over", async () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(lockFileFor(manifest), JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), started: "2026-01-01T00:00:00Z" }));
    const lock = await OutputLock.acquire(lockFileFor(manifest));
    expect(JSON.parse(readFileSync(lockFileFor(manifest), "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  test("a lock from another host holds (its process cannot be checked)", async () => {
    writeFileSync(lockFileFor(manifest), JSON.stringify({ pid: 1, host: "elsewhere.example", started: "2026-01-01T00:00:00Z" }));
    await expect(OutputLock.acquire(lockFileFor(manifest))).rejects.toThrow(/process 1 on elsewhere\.example/);
    rmSync(lockFileFor(manifest));
  });

  test("shards have a lock each; a folder that cannot hold the lock is an output_error", async () => {
    const a = await OutputLock.acquire(lockFileFor(path.join(dir, "locked", "manifest.shard-0-of-2.jsonl")));
    const b = await OutputLock.acquire(lockFileFor(path.join(dir, "locked", "manifest.shard-1-of-2.jsonl")));
    await a.release();
    await b.release();
    writeFileSync(path.join(dir, "a-file"), "");
    await expect(OutputLock.acquire(path.join(dir, "a-file", "manifest.jsonl.lock"))).rejects.toMatchObject({ code: "output_error" });
  });
});

describe("outputs of two archives never collide in one folder", () => {
  test("the first run records its input root; a run from another root is refused, naming both and the way out", async () => {
    const manifest = path.join(dir, "shared-out", "manifest.jsonl");
    mkdirSync(path.dirname(manifest), { recursive: true });
    await claimRoot(manifest, "/archives/a");
    await claimRoot(manifest, "/archives/a");
    const err = await claimRoot(manifest, "/archives/b").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RootMismatchError);
    expect((err as Error).message).toContain("holds the outputs of the inputs under /archives/a; this run's inputs are under /archives/b");
    expect((err as Error).message).toContain(`batch /archives/a /archives/b -o ${path.dirname(manifest)}`);
    expect(JSON.parse(readFileSync(`${manifest}.root`, "utf8"))).toEqual({ root: "/archives/a" });
  });
});
