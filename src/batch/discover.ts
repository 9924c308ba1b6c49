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
 * Folder links are followed once (src/batch/links.ts); a link that loops, dangles or repeats a folder read already
 * is returned in `problems`, each to become a manifest record of its own.
 */
import { lstat, readlink, stat } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import { isAtomicTempFile } from "../writers/json.js";
import { isFolderProblem, scanLinks, type LinkProblem, type LinkProblemKind } from "./links.js";

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

/** A link discovery did not follow: one manifest record each (status skipped for loops and repeats, error if dangling). */
export interface DiscoveredProblem {
  file: string;
  relPath: string;
  problem: LinkProblemKind;
  /** What the link points to, as written in it. */
  target: string;
  /** duplicate_link: the relative path of the folder, read under that path instead. */
  duplicateOf?: string;
  /** What happened and what to do, for the record's error message. */
  message: string;
}

export interface Discovery {
  /** The directory relative paths are taken from: the common ancestor of the roots given. */
  base: string;
  inputs: DiscoveredInput[];
  /** Arguments that matched nothing (a missing path or an empty glob), reported by the caller. */
  unmatched: string[];
  /** Links not followed, in path order. */
  problems: DiscoveredProblem[];
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

  const args = options.inputs.flatMap((a) => (a === "-" ? (options.stdinPaths ?? []).map((l) => l.trim()).filter((l) => l !== "") : [a]));
  const explicit = new Set<string>();

  const links: LinkProblem[] = [];
  const take = (walked: Walked) => {
    for (const f of walked.files) found.add(f);
    links.push(...walked.problems);
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      roots.push(abs);
      take(await walkDirectory(abs, include, ignore));
    } else if (info) {
      roots.push(path.dirname(abs));
      found.add(abs);
      explicit.add(abs);
    } else if (fg.isDynamicPattern(arg)) {
      const pattern = path.isAbsolute(arg) ? globPath(arg) : globPath(path.join(cwd, arg));
      const base = fg.generateTasks([pattern])[0]?.base ?? globPath(cwd);
      roots.push(path.resolve(base));
      const walked = await walkGlob(pattern, path.resolve(base), ignore);
      if (walked.files.length === 0 && walked.problems.length === 0) unmatched.push(arg);
      take(walked);
    } else {
      const link = await brokenLink(abs);
      if (link) {
        roots.push(path.dirname(abs));
        links.push(link);
      } else unmatched.push(arg);
    }
  }

  const skipUnder = (options.skipUnder ?? []).map((p) => path.resolve(p));
  const skipped = (f: string) => skipUnder.some((s) => f === s || f.startsWith(s + path.sep));
  const kept = [...found].filter((f) => !skipped(f) && (explicit.has(f) || !isJunkName(path.basename(f))));

  const base = commonAncestor(roots.length > 0 ? roots : [cwd]);
  const rel = (file: string) => path.relative(base, file).split(path.sep).join("/");
  const inputs = kept.map((file) => ({ file, relPath: rel(file) }));
  // Code-point order, not locale order: the same on every machine (shards depend on it).
  inputs.sort(byRelPath);
  const problems = uniqueByFile(links.filter((l) => !skipped(l.file))).map((l) => describeProblem(l, rel));
  problems.sort(byRelPath);
  return { base, inputs, unmatched, problems };
}

const byRelPath = (a: { relPath: string }, b: { relPath: string }) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);

function uniqueByFile(links: LinkProblem[]): LinkProblem[] {
  return [...new Map(links.map((l) => [l.file, l])).values()];
}

function describeProblem(l: LinkProblem, rel: (file: string) => string): DiscoveredProblem {
  const relPath = rel(l.file);
  const base = { file: l.file, relPath, problem: l.problem, target: l.target };
  if (l.problem === "dangling_link") return { ...base, message: `${relPath} is a link to ${l.target}, which does not exist. Fix or remove the link.` };
  if (l.problem === "duplicate_link") {
    const duplicateOf = rel(l.readAs!);
    return { ...base, duplicateOf, message: `${relPath} is a link to ${l.target}, a folder read already as ${duplicateOf}: not read twice.` };
  }
  const what = l.entryOnly ? "a link that resolves to itself" : `a link to ${l.target}, a folder it is inside`;
  return { ...base, message: `${relPath} is ${what}: not followed (it would repeat without end). Remove the link if it is not meant.` };
}

interface Walked {
  files: string[];
  problems: LinkProblem[];
}

/**
 * fast-glob with the bad links ignored. Entries are listed with links followed: a file (or a link to one) is an
 * input; a link still seen as a link resolves to nothing, and is reported only when the patterns select it.
 */
async function collect(patterns: string[], options: fg.Options, problems: LinkProblem[], ignoreOf: (p: LinkProblem) => string): Promise<Walked> {
  const ignore = [...(options.ignore ?? []), ...problems.filter(isFolderProblem).map(ignoreOf)];
  const entries = await fg(patterns, { ...options, ignore, onlyFiles: false, objectMode: true, followSymbolicLinks: true, absolute: true, suppressErrors: true });
  const files: string[] = [];
  const links = new Set<string>();
  for (const e of entries) {
    if (e.dirent.isFile()) files.push(path.resolve(e.path));
    else if (e.dirent.isSymbolicLink()) links.add(path.resolve(e.path));
  }
  return { files, problems: problems.filter((p) => isFolderProblem(p) || links.has(p.file)) };
}

async function walkDirectory(root: string, include: string[], ignore: string[]): Promise<Walked> {
  const problems = await scanLinks(root, ignore);
  // Relative ignore patterns for a relative walk (fast-glob does not match absolute ones against it); "x/**" has a
  // slash, so baseNameMatch never applies it to a same-named entry elsewhere.
  const ignoreOf = (p: LinkProblem) => `${fg.escapePath(globPath(path.relative(root, p.file)))}/**`;
  return collect(include, { cwd: root, ignore, dot: false, baseNameMatch: true }, problems, ignoreOf);
}

async function walkGlob(pattern: string, base: string, ignore: string[]): Promise<Walked> {
  // A pattern without ** reaches only as deep as its segments; the link walk need not go further.
  const rest = pattern.slice(globPath(base).length).split("/").filter((s) => s !== "");
  const deep = rest.some((s) => s.includes("**")) ? Infinity : Math.max(1, rest.length);
  const problems = await scanLinks(base, ignore, deep);
  const ignoreOf = (p: LinkProblem) => `${fg.escapePath(globPath(p.file))}/**`;
  return collect([pattern], { ignore, dot: false }, problems, ignoreOf);
}

/** A path named explicitly that is a link to nothing: reported as such, not as a missing file. */
async function brokenLink(file: string): Promise<LinkProblem | null> {
  const info = await lstat(file).catch(() => null);
  if (!info?.isSymbolicLink()) return null;
  const target = await readlink(file).catch(() => "");
  const looped = await stat(file).then(
    () => false,
    (e: NodeJS.ErrnoException) => e.code === "ELOOP",
  );
  return { file, problem: looped ? "symlink_loop" : "dangling_link", target, entryOnly: true };
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
