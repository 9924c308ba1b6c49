/** JSON output files: atomic writes (temp file + rename) and the output path of an input in a batch. */
import { mkdir, open, rename, rm, stat, writeFile } from "node:fs/promises";
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

/**
 * Temp file then rename in the same directory: a reader of `file` never sees half a document, even after a kill.
 * `data` may be pieces (jsonChunks), written one after another so the whole text is never one string.
 */
export async function writeAtomic(file: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  await ensureDir(path.dirname(path.resolve(file)));
  const tmp = `${file}.${process.pid}.${tempCounter++}${TEMP_SUFFIX}`;
  try {
    if (typeof data === "string" || data instanceof Uint8Array) await writeFile(tmp, data);
    else await writePieces(tmp, data);
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

async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(file, "w");
  try {
    for (const piece of pieces) await handle.write(piece);
  } finally {
    await handle.close();
  }
}

/** `doc` as the output of another input with the same bytes: source.path is the only per-file field. */
export function documentFor(doc: ExtractedDocument, relPath: string): ExtractedDocument {
  return doc.source.path === relPath ? doc : { ...doc, source: { ...doc.source, path: relPath } };
}

/** The JSON of `doc` as the output of another input with the same bytes (one string: small documents, tests). */
export function documentJsonFor(doc: ExtractedDocument, relPath: string): string {
  return JSON.stringify(documentFor(doc, relPath));
}

/** How the JSON writer cuts its output. */
export const JSON_STREAM_SETTINGS = {
  /** A container holding more values than this (at any depth) is written member by member. */
  wholeNodes: 2048,
  /** Pieces are joined up to about this many characters per write. */
  chunkChars: 1 << 20,
};

/**
 * `JSON.stringify(value, null, indent)` + `tail`, character for character, as chunks of about
 * JSON_STREAM_SETTINGS.chunkChars: a document of N cells is written without an N-sized string (a 500,000-cell
 * table's JSON is 240 M characters — 480 MB as one two-byte string, on top of the document it spells).
 * Big containers go member by member; anything else is stringified whole.
 */
export function* jsonChunks(value: unknown, indent = 0, tail = ""): Generator<string> {
  let chunk = "";
  const pieces = isStreamed(value) ? jsonPieces(value, " ".repeat(indent), 0) : [whole(value, " ".repeat(indent), 0) ?? "null"];
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= JSON_STREAM_SETTINGS.chunkChars) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + tail;
}

/** Written piece by piece: a container of more than JSON_STREAM_SETTINGS.wholeNodes values, itself or nested. */
function isStreamed(value: unknown): value is object {
  return isContainer(value) && nodesUpTo(value, JSON_STREAM_SETTINGS.wholeNodes) > JSON_STREAM_SETTINGS.wholeNodes;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** The number of values inside `value`, counted only up to `cap` + 1: a big container costs `cap` steps to tell. */
function nodesUpTo(value: object, cap: number): number {
  let count = 0;
  const stack: object[] = [value];
  while (stack.length > 0 && count <= cap) {
    for (const member of Object.values(stack.pop()!)) {
      count++;
      if (isContainer(member)) stack.push(member);
    }
  }
  return count;
}

/** JSON.stringify of a value written whole at `depth`, its inner lines indented as the enclosing text is. */
function whole(value: unknown, indent: string, depth: number): string | undefined {
  const text = JSON.stringify(value, null, indent);
  return indent && depth > 0 && text !== undefined ? text.replace(/\n/g, `\n${indent.repeat(depth)}`) : text;
}

function* jsonPieces(value: object, indent: string, depth: number): Generator<string> {
  if (Array.isArray(value)) {
    yield* arrayPieces(value, indent, depth);
    return;
  }
  const memberStart = indent ? `\n${indent.repeat(depth + 1)}` : "";
  let first = true;
  yield "{";
  for (const [key, member] of Object.entries(value)) {
    const streamed = isStreamed(member);
    const text = streamed ? "" : whole(member, indent, depth + 1);
    // JSON.stringify drops the members it cannot write (undefined, functions).
    if (text === undefined) continue;
    yield `${first ? "" : ","}${memberStart}${JSON.stringify(key)}:${indent ? " " : ""}${text}`;
    first = false;
    if (streamed) yield* jsonPieces(member, indent, depth + 1);
  }
  yield first ? "}" : `${indent ? `\n${indent.repeat(depth)}` : ""}}`;
}

/** Small elements go in runs of up to wholeNodes values, stringified together and unwrapped: fewer, larger pieces. */
function* arrayPieces(value: unknown[], indent: string, depth: number): Generator<string> {
  const cap = JSON_STREAM_SETTINGS.wholeNodes;
  const memberStart = indent ? `\n${indent.repeat(depth + 1)}` : "";
  const lastLine = indent ? `\n${indent.repeat(depth)}` : "";
  let run: unknown[] = [];
  let runNodes = 0;
  let first = true;
  // The run written as JSON.stringify writes these elements: its own brackets (and closing line) cut off.
  const flush = (): string => {
    const text = whole(run, indent, depth)!;
    const piece = `${first ? "" : ","}${text.slice(1, text.length - lastLine.length - 1)}`;
    first = false;
    run = [];
    runNodes = 0;
    return piece;
  };
  yield "[";
  for (const member of value) {
    const nodes = isContainer(member) ? nodesUpTo(member, cap) : 1;
    if (nodes > cap) {
      if (run.length > 0) yield flush();
      yield `${first ? "" : ","}${memberStart}`;
      first = false;
      yield* jsonPieces(member as object, indent, depth + 1);
      continue;
    }
    run.push(member);
    runNodes += nodes;
    if (runNodes > cap) yield flush();
  }
  if (run.length > 0) yield flush();
  yield first ? "]" : `${lastLine}]`;
}
