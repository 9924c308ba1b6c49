/**
 * Input discovery: directories (recursive), globs, plain files, or paths on stdin ("-") → a stable, sorted list.
 *
 * Formats are detected later from the bytes, so discovery takes every file — an unsupported one becomes an error
 * record, never a silent skip — except obvious junk that is never a document:
 *   - hidden files and directories (".DS_Store", ".git/", "._x.pdf" resource forks), inside directories and globs;
 *   - Office owner/lock files ("~$report.docx"), "Thumbs.db", "desktop.ini";
 *   - the batch's own output directory, facts and line-items files, and temp files of an interrupted write.
 * A file named explicitly (argument or stdin line) is always taken. --include / --exclude apply to directory and
 * glob discovery; a pattern without "/" matches the base name at any depth ("*.pdf").
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import { isAtomicTempFile } from "../writers/json.js";

export interface DiscoverOptions {
  /** Directories, files or glob patterns; "-" means read paths from `stdinPaths`. */
  inputs: readonly string[];
  include?: readonly string[];
  exclude?: readonly string[];
  /** Lines read from stdin when inputs contain "-". */
  stdinPaths?: readonly string[];
  /** Absolute paths never to take (the output directory, the facts and line-items files). */
  skipUnder?: readonly string[];
  cwd?: string;
}

export interface DiscoveredInput {
  /** Absolute path. */
  file: string;
  /** Posix path relative to the archive base: the manifest key and the mirrored output path. */
  relPath: string;
}

export interface Discovery {
  /** The directory relative paths are taken from: the common ancestor of the roots given. */
  base: string;
  inputs: DiscoveredInput[];
  /** Arguments that matched nothing (a missing path or an empty glob), reported by the caller. */
  unmatched: string[];
}

const JUNK_NAMES = new Set(["thumbs.db", "desktop.ini"]);

export function isJunkName(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$") || JUNK_NAMES.has(name.toLowerCase()) || isAtomicTempFile(name);
}

/** fast-glob wants forward slashes, also on Windows. */
function globPath(p: string): string {
  return p.split(path.sep).join("/");
}

export async function discoverInputs(options: DiscoverOptions): Promise<Discovery> {
  const cwd = options.cwd ?? process.cwd();
  const include = options.include && options.include.length > 0 ? [...options.include] : ["**/*"];
  const ignore = [...(options.exclude ?? []), "**/~$*", "**/[Tt]humbs.db", "**/desktop.ini"];
  const roots: string[] = [];
  const found = new Set<string>();
  const unmatched: string[] = [];

  const args: string[] = [];
  for (const a of options.inputs) {
    if (a === "-") args.push(...(options.stdinPaths ?? []).map((l) => l.trim()).filter((l) => l !== ""));
    else args.push(a);
  }
  const explicit = new Set<string>();

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      roots.push(abs);
      const files = await fg(include, { cwd: abs, ignore, dot: false, onlyFiles: true, absolute: true, baseNameMatch: true, suppressErrors: true });
      for (const f of files) found.add(path.resolve(f));
    } else if (info) {
      roots.push(path.dirname(abs));
      found.add(abs);
      explicit.add(abs);
    } else if (fg.isDynamicPattern(arg)) {
      const pattern = path.isAbsolute(arg) ? globPath(arg) : globPath(path.join(cwd, arg));
      const base = fg.generateTasks([pattern])[0]?.base ?? globPath(cwd);
      roots.push(path.resolve(base));
      const files = await fg(pattern, { ignore, dot: false, onlyFiles: true, absolute: true, suppressErrors: true });
      if (files.length === 0) unmatched.push(arg);
      for (const f of files) found.add(path.resolve(f));
    } else {
      unmatched.push(arg);
    }
  }

  const skipUnder = (options.skipUnder ?? []).map((p) => path.resolve(p));
  const kept = [...found].filter((f) => {
    if (skipUnder.some((s) => f === s || f.startsWith(s + path.sep))) return false;
    return explicit.has(f) || !isJunkName(path.basename(f));
  });

  const base = commonAncestor(roots.length > 0 ? roots : [cwd]);
  const inputs = kept.map((file) => ({ file, relPath: path.relative(base, file).split(path.sep).join("/") }));
  // Code-point order, not locale order: the same on every machine (shards depend on it).
  inputs.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { base, inputs, unmatched };
}

export function commonAncestor(dirs: readonly string[]): string {
  const split = dirs.map((d) => path.resolve(d).split(path.sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let k = 0;
    while (k < n && k < parts.length && parts[k] === first[k]) k++;
    n = k;
  }
  const joined = first.slice(0, n).join(path.sep);
  return joined === "" ? path.sep : joined;
}
