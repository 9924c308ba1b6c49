/** JSON output files: atomic writes (temp file + rename) and the output path of an input in a batch. */
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ExtractedDocument } from "../model/index.js";

let tempCounter = 0;

/** Suffix of the temp files writeAtomic leaves behind only when the process is killed mid-write. */
export const TEMP_SUFFIX = ".tmp";

/**
 * mkdir -p that gives up. Node's own (`recursive: true`) retries forever where mkdir answers ENOENT although the
 * parent exists — under /proc and /sys — so `--tables-csv /proc/sys/t` hung instead of failing.
 */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return assertDirectory(dir);
    if (code !== "ENOENT" || path.dirname(dir) === dir) throw e;
  }
  await ensureDir(path.dirname(dir));
  // Once more, and only once: a parent that exists and still ENOENT is a place that cannot hold folders.
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? assertDirectory(dir) : Promise.reject(e)));
}

async function assertDirectory(dir: string): Promise<void> {
  if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`${dir} is a file, not a folder`), { code: "ENOTDIR" });
}

/** Temp file then rename in the same directory: a reader of `file` never sees half a document, even after a kill. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await ensureDir(path.dirname(path.resolve(file)));
  const tmp = `${file}.${process.pid}.${tempCounter++}${TEMP_SUFFIX}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** True for a temp file writeAtomic made for some target ("a.json.123.4.tmp"). */
export function isAtomicTempFile(name: string): boolean {
  return /\.\d+\.\d+\.tmp$/.test(name);
}

/** Where the JSON of input `relPath` (posix, relative to the archive base) goes: the input tree mirrored, "name.ext.json". */
export function outputFileFor(outDir: string, relPath: string): string {
  return path.join(outDir, ...relPath.split("/")) + ".json";
}

/** The JSON of `doc` as the output of another input with the same bytes: source.path is the only per-file field. */
export function documentJsonFor(doc: ExtractedDocument, relPath: string): string {
  return JSON.stringify(doc.source.path === relPath ? doc : { ...doc, source: { ...doc.source, path: relPath } });
}

