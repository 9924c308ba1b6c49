/**
 * Symbolic links in an archive. Directory links are followed once: every real directory is read under one path
 * only, so `sub/loop -> ..` is not followed 40 levels deep (7 real files became 246 records before) and a second
 * link to a folder read already does not read it again. Links that cannot be followed are returned as problems —
 * the caller gives each its own manifest record; nothing is dropped without a word.
 *
 * The walk lists entries without following links (fast-glob, followSymbolicLinks off), so it costs one readdir per
 * real directory; the links it found bad become ignore patterns for the real discovery, which then follows the rest.
 */
import { readlink, realpath, stat } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";

export type LinkProblemKind = "symlink_loop" | "dangling_link" | "duplicate_link";

export interface LinkProblem {
  /** Absolute path of the link as discovery would reach it. */
  file: string;
  problem: LinkProblemKind;
  /** What the link points to, as written in it. */
  target: string;
  /** duplicate_link: the absolute path under which the folder is read. */
  readAs?: string;
  /** Set when the link resolves to nothing at all (dangling, or `a -> a`): discovery sees it as an entry. */
  entryOnly?: boolean;
}

interface Walk {
  /** Where the walk starts, as discovery reaches it (may run through followed links). */
  dir: string;
  /** Real paths of the walks this one is nested in: a link back to any of them is a loop. */
  chain: string[];
}

const isWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/**
 * Every link under `root` that discovery must not follow, with why. `ignore` are the user's excludes (relative);
 * `deep` bounds the walk like the glob it serves.
 */
export async function scanLinks(root: string, ignore: readonly string[], deep = Infinity): Promise<LinkProblem[]> {
  const problems: LinkProblem[] = [];
  const walked = new Map<string, string>();
  const queue: { link: string; walk: Walk }[] = [];
  const visit = async (walk: Walk): Promise<void> => {
    const real = await realpath(walk.dir);
    walked.set(real, walk.dir);
    const entries = await fg(["**/*"], { cwd: walk.dir, onlyFiles: false, followSymbolicLinks: false, objectMode: true, dot: false, ignore: [...ignore], suppressErrors: true, deep });
    for (const e of entries.sort((a, b) => (a.path < b.path ? -1 : 1))) {
      if (e.dirent.isDirectory()) walked.set(path.join(real, e.path), path.join(walk.dir, e.path));
      else if (e.dirent.isSymbolicLink()) queue.push({ link: path.join(walk.dir, e.path), walk });
    }
  };
  await visit({ dir: root, chain: [] });
  // Links after the real tree: a folder is read under its own path before any link to it is considered.
  for (let i = 0; i < queue.length; i++) {
    const { link, walk } = queue[i]!;
    const verdict = await judge(link, walk, walked);
    // The folder the link sits in joins the chain: a link inside the followed folder back to it is a loop too.
    if (verdict === "follow") await visit({ dir: link, chain: [...walk.chain, await realpath(path.dirname(link))] });
    else if (verdict !== "file") problems.push(verdict);
  }
  return problems;
}

/** Folder links discovery must not enter; a link resolving to nothing cannot be entered anyway. */
export function isFolderProblem(p: LinkProblem): boolean {
  return p.entryOnly !== true;
}

/** One link: a file (discovery takes it), a folder to follow, or a problem. */
async function judge(link: string, walk: Walk, walked: Map<string, string>): Promise<"file" | "follow" | LinkProblem> {
  const target = await readlink(link).catch(() => "");
  let info;
  try {
    info = await stat(link);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { file: link, problem: code === "ELOOP" ? "symlink_loop" : "dangling_link", target, entryOnly: true };
  }
  if (!info.isDirectory()) return "file";
  const real = await realpath(link);
  const parent = await realpath(path.dirname(link));
  // A link to a folder it is inside (or that a followed link it is reached through is inside) never ends.
  if (isWithin(parent, real) || walk.chain.some((c) => isWithin(c, real))) return { file: link, problem: "symlink_loop", target };
  const readAs = walked.get(real);
  if (readAs !== undefined) return { file: link, problem: "duplicate_link", target, readAs };
  return "follow";
}
