/**
 * Issue #22, items 1, 3, 4 on the single-document commands, run from the sources (node --import tsx) as a user runs
 * the CLI: limit flags Node cannot honour are refused as usage errors, too_large advice names a flag the verb takes,
 * an output that cannot be written is a typed output_error with exit code 3 and nothing on stdout, and document text
 * never reaches the terminal as control sequences.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot, samples } from "../helpers.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ENTRY = path.join(repoRoot, "src/cli/index.ts");

/** The CLI from the sources; a child still running after `timeoutMs` is killed (a hang fails the test, not the run). */
function cli(args: string[], options: { stdin?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["--import", "tsx", ENTRY, ...args], { cwd: repoRoot, maxBuffer: 64 << 20, timeout: options.timeoutMs ?? 60_000, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end(options.stdin ?? "");
  });
}

const errorOf = (r: Run) => (JSON.parse(r.stderr.trim().split("\n").at(-1)!) as { error: { code: string; message: string } }).error;

const dir = mkdtempSync(path.join(os.tmpdir(), "cli-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TXT = samples("luancheng-wangxin-2020-budget.txt");
const PDF = samples("putuo-fuliyuan-2024-unit-budget.pdf");

describe("limit flags Node cannot honour are usage errors", () => {
  test("--timeout-ms above 2^31−1 is refused by extract, inspect and batch (Node would fire the timer after 1 ms)", async () => {
    for (const verb of ["extract", "inspect", "batch"]) {
      const r = await cli([verb, TXT, ...(verb === "batch" ? ["-o", path.join(dir, "b")] : []), "--timeout-ms", "2147483648"]);
      expect(r.code, verb).toBe(2);
      expect(r.stderr, verb).toContain("--timeout-ms can be at most 2147483647 (the longest timer Node can set, about 24.8 days), not 2147483648.");
    }
  }, 120_000);

  test("--timeout-ms 2^31−1 itself is accepted and the document is read", async () => {
    const r = await cli(["extract", TXT, "--compact", "--timeout-ms", "2147483647"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sections).toHaveLength(9);
  });

  test("--max-worker-mb below what a worker needs to start is refused (8 MB read nothing but gave internal errors)", async () => {
    for (const verb of ["extract", "inspect"]) {
      const r = await cli([verb, TXT, "--max-worker-mb", "8"]);
      expect(r.code, verb).toBe(2);
      expect(r.stderr, verb).toContain("--max-worker-mb must be at least 16, not 8");
    }
  });

  test("too_large advises --max-worker-mb, and extract takes it: raised, the same document is read", async () => {
    const low = await cli(["extract", PDF, "--max-worker-mb", "16"]);
    expect(low.code).toBe(1);
    expect(errorOf(low).code).toBe("too_large");
    expect(errorOf(low).message).toContain("raise it with --max-worker-mb");
    const raised = await cli(["extract", PDF, "--compact", "--max-worker-mb", "1024"]);
    expect(raised.code).toBe(0);
    expect(JSON.parse(raised.stdout).source.format).toBe("pdf");
  }, 120_000);
});

describe("an output that cannot be written", () => {
  const aFile = path.join(dir, "a-file");
  writeFileSync(aFile, "");

  test("extract -o under a file: output_error naming the path, exit 3, nothing on stdout", async () => {
    const r = await cli(["extract", TXT, "-o", path.join(aFile, "x.json")]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(errorOf(r)).toMatchObject({ code: "output_error", message: `Cannot write ${path.join(aFile, "x.json")}: a part of the path is a file, not a folder. Check the output path.` });
  });

  test("--tables-csv that fails: no JSON on stdout (it was printed before the side output failed)", async () => {
    const r = await cli(["extract", TXT, "--tables-csv", path.join(aFile, "tables")]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(errorOf(r).code).toBe("output_error");
  });

  test.runIf(os.platform() === "linux")("--tables-csv under /proc/sys fails at once (Node's recursive mkdir retried there forever)", async () => {
    const r = await cli(["extract", TXT, "--tables-csv", "/proc/sys/disclosure-tables"], { timeoutMs: 30_000 });
    expect(r.code).toBe(3);
    expect(errorOf(r).message).toMatch(/^Cannot write \/proc\/sys\/disclosure-tables\/t0-.*\.csv: the folder cannot be created there/);
  }, 40_000);
});

describe("document text never reaches the terminal as control sequences", () => {
  const page = path.join(dir, "escapes.html");
  // A title that retitles the terminal (OSC … BEL), a heading that clears it (CSI 2J), a C1 CSI in a paragraph.
  writeFileSync(page, '<html><head><meta charset="utf-8"><title>标题\x1b]0;PWNED\x07</title></head><body><h1>一、收支总体情况\x1b[2J</h1><p>收入预算340.77万元\u009b31m。</p></body></html>');
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  test("inspect prints ESC and BEL as visible symbols, and no control character at all", async () => {
    const r = await cli(["inspect", page]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain("标题␛]0;PWNED␇");
    expect(r.stdout).toContain("收支总体情况␛[2J");
  });

  test("inspect --json escapes C1 too, and the JSON still reads back as the document's own text", async () => {
    const r = await cli(["inspect", page, "--json"]);
    expect(r.stdout).not.toMatch(CONTROL);
    const doc = JSON.parse(r.stdout) as { meta: { title: string | null }; blocks: { text?: string }[] };
    expect(doc.blocks.map((b) => b.text ?? "").join("\n")).toContain("340.77万元\u009b31m");
  });

  test("usage errors and unknown commands quote what was typed without its control characters", async () => {
    const unknown = await cli(["\x1b]0;x\x07"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "␛]0;x␇"');
    const badFlag = await cli(["extract", TXT, "--timeout-ms", "\x1b[2J"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).not.toMatch(CONTROL);
  });

  test("amounts writes C1 characters of its input as \\u escapes", async () => {
    const r = await cli(["amounts"], { stdin: "收入\u009b340.77万元\n" });
    expect(r.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(r.stdout)[0].value).toBe("340.77");
  });
});
