/**
 * Issue #22, item 2: symbolic links in an archive. Folder links are followed once (by real path); a loop, a link
 * to nothing and a second link to a folder read already are returned as problems, each to get its own record.
 * Before: `sub/loop -> ..` was followed 40 levels deep (7 real files became 246 records) and a real file was marked
 * a duplicate of its looped copy.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { discoverInputs } from "../../src/batch/discover.js";
import { tempDir } from "./helpers.js";

const dir = tempDir("links");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(root: string, rel: string, text = rel): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** Seven real files, a loop back to the archive root, a loop to its own folder, a link to nothing, an alias. */
function loopedArchive(): string {
  const root = path.join(dir, "archive");
  for (const rel of ["1.txt", "2.txt", "a/3.txt", "a/4.txt", "a/b/5.txt", "sub/6.txt", "sub/7.txt"]) file(root, rel);
  symlinkSync("..", path.join(root, "sub/loop"));
  symlinkSync(".", path.join(root, "a/b/here"));
  symlinkSync("missing.txt", path.join(root, "a/gone.txt"));
  symlinkSync("a/b", path.join(root, "alias"));
  return root;
}

const REAL = ["1.txt", "2.txt", "a/3.txt", "a/4.txt", "a/b/5.txt", "sub/6.txt", "sub/7.txt"];

describe("symbolic links in an archive", () => {
  const root = loopedArchive();

  test("a folder link back into the archive is not followed: 7 real files stay 7 inputs, under their real paths", async () => {
    const d = await discoverInputs({ inputs: [root] });
    expect(d.inputs.map((i) => i.relPath)).toEqual(REAL);
  });

  test("loops, links to nothing and a second link to a folder read already are each reported with a code", async () => {
    const d = await discoverInputs({ inputs: [root] });
    expect(d.problems.map((p) => [p.relPath, p.problem, p.duplicateOf])).toEqual([
      ["a/b/here", "symlink_loop", undefined],
      ["a/gone.txt", "dangling_link", undefined],
      ["alias", "duplicate_link", "a/b"],
      ["sub/loop", "symlink_loop", undefined],
    ]);
    expect(d.problems.find((p) => p.relPath === "sub/loop")!.message).toMatch(/link to \.\., a folder it is inside: not followed/);
    expect(d.problems.find((p) => p.relPath === "a/gone.txt")!.message).toMatch(/does not exist\. Fix or remove the link/);
  });

  test("a glob over the archive takes the same files and reports the links its pattern selects", async () => {
    const d = await discoverInputs({ inputs: [path.join(root, "**/*.txt")] });
    expect(d.inputs.map((i) => i.relPath)).toEqual(REAL);
    expect(d.problems.map((p) => p.relPath)).toEqual(["a/b/here", "a/gone.txt", "alias", "sub/loop"]);
  });

  test("--include narrows the links to nothing reported, not the loops", async () => {
    const d = await discoverInputs({ inputs: [root], include: ["*.pdf"] });
    expect(d.inputs).toEqual([]);
    expect(d.problems.map((p) => p.problem)).toEqual(["symlink_loop", "duplicate_link", "symlink_loop"]);
  });

  test("a folder outside the archive is followed once; a link inside it back to the archive is a loop", async () => {
    const outside = path.join(dir, "outside");
    file(outside, "deep/8.txt");
    const root2 = path.join(dir, "archive2");
    file(root2, "9.txt");
    symlinkSync(outside, path.join(root2, "ext"));
    symlinkSync(outside, path.join(root2, "ext-again"));
    symlinkSync(root2, path.join(outside, "back"));
    const d = await discoverInputs({ inputs: [root2] });
    expect(d.inputs.map((i) => i.relPath)).toEqual(["9.txt", "ext/deep/8.txt"]);
    expect(d.problems.map((p) => [p.relPath, p.problem, p.duplicateOf])).toEqual([
      ["ext-again", "duplicate_link", "ext"],
      ["ext/back", "symlink_loop", undefined],
    ]);
  });

  test("a link to a file is an input like the file; a link to nothing named on the command line is reported as one", async () => {
    const root3 = path.join(dir, "archive3");
    file(root3, "real.txt");
    symlinkSync("real.txt", path.join(root3, "copy.txt"));
    symlinkSync("nowhere.txt", path.join(root3, "broken.txt"));
    const d = await discoverInputs({ inputs: [path.join(root3, "copy.txt"), path.join(root3, "real.txt"), path.join(root3, "broken.txt")] });
    expect(d.inputs.map((i) => i.relPath)).toEqual(["copy.txt", "real.txt"]);
    expect(d.unmatched).toEqual([]);
    expect(d.problems.map((p) => [p.relPath, p.problem])).toEqual([["broken.txt", "dangling_link"]]);
  });
});
