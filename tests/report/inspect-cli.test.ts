import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { inspectCommand } from "../../src/cli/inspect.js";
import { ExtractedDocument } from "../../src/model/index.js";
import { SEED } from "./fixtures.js";

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

  test("usage errors exit 2 with the help", async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: disclosure-extract inspect FILE");
    expect((await run(SEED, "--frob")).code).toBe(2);
    expect((await run("--help")).code).toBe(0);
  });
});
