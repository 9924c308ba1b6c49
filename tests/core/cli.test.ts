import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { ExtractedDocument } from "../../src/model/index.js";
import { repoRoot, samples } from "../helpers.js";

const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, ["dist/cli/index.js", ...args], { cwd: repoRoot, maxBuffer: 64 << 20 });

// These run the built CLI (npm test builds first), as a user's `npx disclosure-extract` would.
describe("CLI", () => {
  test("extract prints one schema-valid JSON document", async () => {
    const { stdout } = await cli("extract", samples("luancheng-wangxin-2020-budget.txt"));
    const doc = ExtractedDocument.parse(JSON.parse(stdout));
    expect(doc.sections).toHaveLength(9);
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("schema prints a JSON Schema with the model's top-level fields", async () => {
    const { stdout } = await cli("schema");
    const schema = JSON.parse(stdout) as { $schema: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$schema).toContain("2020-12");
    for (const k of ["schemaVersion", "source", "meta", "sections", "tables", "amounts", "facts", "validations", "warnings"]) {
      expect(schema.required).toContain(k);
    }
  });

  test("an unreadable input is a typed error on stderr and exit code 1", async () => {
    const dir = (await cli("extract", "samples").catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(dir.code).toBe(1);
    expect(JSON.parse(dir.stderr).error.code).toBe("io_error");
  });

  test("extract and inspect enforce --timeout-ms: the document is stopped and reported as a timeout, nothing on stdout", async () => {
    // 1 ms cannot read a 12-page PDF: the worker is ended mid-document whatever the machine's speed.
    for (const verb of ["extract", "inspect"]) {
      const err = (await cli(verb, samples("putuo-fuliyuan-2024-unit-budget.pdf"), "--timeout-ms", "1").catch((e: unknown) => e)) as { code: number; stdout: string; stderr: string };
      expect(err.code, verb).toBe(1);
      expect(err.stdout, verb).toBe("");
      const { error } = JSON.parse(err.stderr) as { error: { code: string; message: string } };
      expect(error.code, verb).toBe("timeout");
      expect(error.message, verb).toContain("--timeout-ms");
    }
    // The same file within the default limit is read.
    const { stdout } = await cli("extract", samples("putuo-fuliyuan-2024-unit-budget.pdf"), "--compact");
    expect(ExtractedDocument.parse(JSON.parse(stdout)).source.format).toBe("pdf");
  });

  test("usage errors exit 2", async () => {
    const err = (await cli("extract").catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toContain("Usage: disclosure-extract extract FILE");
    const unknown = (await cli("frobnicate").catch((e: unknown) => e)) as { code: number };
    expect(unknown.code).toBe(2);
  });
});

describe("CLI writers for spreadsheet users", () => {
  test("extract --tables-csv and --facts-csv write each table and the long-format facts", async () => {
    const { mkdtemp, readdir, readFile } = await import("node:fs/promises");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(os.tmpdir(), "de-cli-"));
    await cli("extract", samples("luancheng-wangxin-2020-budget.txt"), "-o", path.join(dir, "doc.json"), "--tables-csv", path.join(dir, "tables"), "--facts-csv", path.join(dir, "facts.csv"));
    const tables = (await readdir(path.join(dir, "tables"))).sort();
    expect(tables).toHaveLength(12);
    const assets = tables.find((f) => f.includes("固定资产占用情况表"))!;
    const csv = await readFile(path.join(dir, "tables", assets), "utf8");
    expect(csv).toContain("资产总额");
    expect(csv).toContain("9.3342");
    const facts = (await readFile(path.join(dir, "facts.csv"), "utf8")).trim().split("\n");
    expect(facts[0]).toBe("path,sha256,format,fiscal_year,doc_kind,scope,entity,key,fund,basis,name,yuan,unit,raw,evidence");
    expect(facts.some((l) => l.includes(",income.total,all,budget,,3407700,万元,340.77万元,"))).toBe(true);
  });
});
