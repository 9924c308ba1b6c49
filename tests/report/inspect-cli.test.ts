import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { inspectCommand } from "../../src/cli/inspect.js";
import { ExtractedDocument } from "../../src/model/index.js";
import { SEED } from "./fixtures.js";
import { decodePng } from "./png-decode.js";
import { PUTUO } from "./pdf-fixtures.js";

/** Runs the command in-process, capturing what it writes. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    return { code: await inspectCommand(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.unstubAllEnvs());

describe("inspect command", () => {
  test("prints the summary, without colour when stdout is not a terminal", async () => {
    const r = await run(SEED);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("meta      year 2020  kind budget, department  entity 栾城区委网信办");
    expect(r.stdout).not.toContain("\x1b[");
  });

  test("--color forces colour, NO_COLOR still wins", async () => {
    expect((await run(SEED, "--color")).stdout).toContain("\x1b[1m");
    vi.stubEnv("NO_COLOR", "1");
    expect((await run(SEED, "--color")).stdout).not.toContain("\x1b[");
  });

  test("--json prints the raw document", async () => {
    const r = await run(SEED, "--json");
    const doc = ExtractedDocument.parse(JSON.parse(r.stdout));
    expect(doc.meta.fiscalYear).toBe(2020);
  });

  test("--html writes the report (and only it) and still prints the summary", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "inspect-html-"));
    const file = path.join(dir, "report.html");
    const r = await run(SEED, "--html", file);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(["report.html"]);
    expect(readFileSync(file, "utf8")).toContain("<title>栾城区委网信办2020年部门预算信息公开情况说明 — disclosure-extract</title>");
    expect(r.stderr).toBe(`report written to ${file}\n`);
    expect(r.stdout).toContain("sections (29)");
  });

  test("a document that cannot be read is a typed error and exit 1; no report is written", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "inspect-err-"));
    const r = await run(path.join(dir, "missing.txt"), "--html", path.join(dir, "r.html"));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.code).toBe("io_error");
    expect(existsSync(path.join(dir, "r.html"))).toBe(false);
  });

  test("--pages evidence (default), all and none choose the PDF pages the report embeds", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "inspect-pages-"));
    const pagesIn = (name: string) => {
      const html = readFileSync(path.join(dir, name), "utf8");
      return [...html.matchAll(/<figure class="pdf-page" id="page-(\d+)">/g)].map((m) => Number(m[1]));
    };
    for (const [mode, name] of [[undefined, "evidence.html"], ["all", "all.html"], ["none", "none.html"]] as const) {
      const r = await run(PUTUO, "--html", path.join(dir, name), ...(mode ? ["--pages", mode] : []));
      expect(r.code, r.stderr).toBe(0);
    }
    expect(pagesIn("evidence.html")).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(pagesIn("all.html")).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(pagesIn("none.html")).toEqual([]);
    expect(readFileSync(path.join(dir, "none.html"), "utf8")).not.toContain("data:image/png");
    const kb = (name: string) => Math.round(statSync(path.join(dir, name)).size / 1024);
    console.log(`report size of ${path.basename(PUTUO)}: --pages evidence ${kb("evidence.html")} KB, all ${kb("all.html")} KB, none ${kb("none.html")} KB`);
    expect(kb("none.html")).toBeLessThan(kb("evidence.html"));
  });

  test("--page-images writes one annotated PNG per evidence page before the summary", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "inspect-images-")), "pages");
    const r = await run(PUTUO, "--page-images", dir);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(14);
    expect(files[0]).toBe("page-001.png");
    expect(files).not.toContain("page-003.png");
    expect(r.stderr).toBe(`14 page images written to ${dir}\n`);
    expect(decodePng(readFileSync(path.join(dir, "page-007.png"))).width).toBe(Math.round((841.85 * 150) / 72));
    expect(r.stdout).toContain("facts (");
  });

  test("--page-images on a document that is not a PDF is a usage error, and nothing is written", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "inspect-images-txt-")), "pages");
    const r = await run(SEED, "--page-images", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--page-images needs a PDF; ${SEED} is not one`);
    expect(r.stdout).toBe("");
    expect(existsSync(dir)).toBe(false);
  });

  test("--page-images where no folder can be made is a typed output_error, exit 3, nothing on stdout", async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "inspect-images-bad-"));
    const file = path.join(parent, "a-file");
    writeFileSync(file, "not a folder");
    const r = await run(PUTUO, "--page-images", path.join(file, "pages"));
    expect(r.code).toBe(3);
    const err = JSON.parse(r.stderr).error;
    expect(err.code).toBe("output_error");
    expect(err.message).toContain(path.join(file, "pages", "page-001.png"));
    expect(r.stdout).toBe("");
  });

  test("--pages needs --html and one of all, evidence, none", async () => {
    expect((await run(PUTUO, "--pages", "all")).code).toBe(2);
    const bad = await run(PUTUO, "--html", path.join(os.tmpdir(), "never.html"), "--pages", "some");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--pages takes all, evidence, none; got some.");
  });

  test("usage errors exit 2 with the help", async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: disclosure-extract inspect FILE");
    expect((await run(SEED, "--frob")).code).toBe(2);
    expect((await run("--help")).code).toBe(0);
  });
});
