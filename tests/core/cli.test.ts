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

  test("usage errors exit 2", async () => {
    const err = (await cli("extract").catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toContain("Usage: disclosure-extract extract FILE");
    const unknown = (await cli("frobnicate").catch((e: unknown) => e)) as { code: number };
    expect(unknown.code).toBe(2);
  });
});
