import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ERROR_CODES } from "../../src/errors.js";
import { ExtractedDocument } from "../../src/model/index.js";
import { FACT_COLUMNS } from "../../src/writers/facts.js";
import { buildMixedArchive, readManifestLines, runBatchCli, sha256Of, summaryCounts, tempDir, type CliRun } from "./helpers.js";
import type { ManifestRecord } from "../../src/batch/manifest.js";
import { rmSync } from "node:fs";

// The whole CLI over a small mixed archive (samples/ + broken files), run twice.
describe("batch over a mixed archive with broken files", () => {
  const { root, expected } = buildMixedArchive();
  const out = tempDir("out");
  const facts = path.join(out, "..", `${path.basename(out)}-facts.csv`);
  let first: CliRun;
  let records: ManifestRecord[];
  const byPath = () => new Map(records.map((r) => [r.path, r]));

  beforeAll(async () => {
    first = await runBatchCli([root, "-o", out, "--jobs", "2", "--facts", facts]);
    records = readManifestLines(out);
  }, 180_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    rmSync(facts, { force: true });
  });

  test("every input has exactly one record; hidden files and lock files are not inputs", () => {
    expect(records.map((r) => r.path)).toEqual(expected);
    expect(new Set(records.map((r) => r.path)).size).toBe(records.length);
  });

  test("some documents fail, so the exit code is 1 and the summary counts them", () => {
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(new RegExp(`batch: ${expected.length} inputs`));
    expect(first.stderr).toContain("errors by code:");
  });

  test("each record is an output that validates against the schema, or a typed error", () => {
    for (const r of records) {
      if (r.status === "error") {
        expect(ERROR_CODES).toContain(r.error?.code);
        expect(r.output).toBeNull();
        expect(existsSync(path.join(out, `${r.path}.json`))).toBe(false);
        continue;
      }
      expect(r.output).toBe(`${r.path}.json`);
      const doc = ExtractedDocument.parse(JSON.parse(readFileSync(path.join(out, r.output!), "utf8")));
      expect(doc.source.path).toBe(r.path);
      expect(doc.source.sha256).toBe(sha256Of(path.join(root, r.path)));
      expect(doc.source.format).toBe(r.format);
    }
  });

  test("broken inputs get the error their bytes call for; a text file named .docx is read as text", () => {
    const m = byPath();
    expect(m.get("broken/empty.docx")).toMatchObject({ status: "error", error: { code: "empty" }, bytes: 0 });
    expect(m.get("broken/random.bin")).toMatchObject({ status: "error", error: { code: "unsupported_format" }, format: "unknown" });
    // Detected as PDF from its header whatever the PDF reader makes of the cut-off body.
    expect(m.get("broken/truncated.pdf")?.format).toBe("pdf");
    const renamed = m.get("broken/text-named.docx")!;
    expect(renamed).toMatchObject({ format: "text" });
    expect(["ok", "skipped"]).toContain(renamed.status);
  });

  test("identical files are extracted once: copies point to the first and get their own output", () => {
    const m = byPath();
    // Three inputs share the seed's bytes; the first in path order is extracted.
    expect(m.get("broken/text-named.docx")).toMatchObject({ status: "ok" });
    expect(m.get("copies/deep/seed-again.txt")).toMatchObject({ status: "skipped", duplicateOf: "broken/text-named.docx" });
    expect(m.get("samples/luancheng-wangxin-2020-budget.txt")).toMatchObject({ status: "skipped", duplicateOf: "broken/text-named.docx" });
    const copy = ExtractedDocument.parse(JSON.parse(readFileSync(path.join(out, "copies/deep/seed-again.txt.json"), "utf8")));
    expect(copy.source.path).toBe("copies/deep/seed-again.txt");
    // The seed has nine sections (一、 … 九、 in the department's text).
    expect(copy.sections).toHaveLength(9);
    expect(summaryCounts(first.stderr).copied).toBe(2);
  });

  test("the facts file holds one row per fact of every output, with the document's path and sha256", () => {
    const lines = readFileSync(facts, "utf8").split("\n").filter((l) => l !== "");
    expect(lines[0]).toBe(FACT_COLUMNS.join(","));
    let expectedRows = 0;
    for (const r of records) if (r.output) expectedRows += (JSON.parse(readFileSync(path.join(out, r.output), "utf8")) as ExtractedDocument).facts.length;
    expect(expectedRows).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(expectedRows);
    const seedRows = lines.filter((l) => l.startsWith("copies/deep/seed-again.txt,"));
    expect(seedRows.length).toBeGreaterThan(0);
    expect(seedRows[0]!.split(",")[1]).toBe(sha256Of(path.join(root, "copies/deep/seed-again.txt")));
  });

  test("a second run extracts nothing and leaves outputs and manifest as they were", async () => {
    const manifestBefore = readFileSync(path.join(out, "manifest.jsonl"), "utf8");
    const outputs = records.filter((r) => r.output).map((r) => path.join(out, r.output!));
    const mtimes = outputs.map((f) => statSync(f).mtimeMs);
    // Errors that may not come back (timeouts, limits, I/O, crashes) are retried; the rest are as final as outputs.
    const retried = records.filter((r) => r.error && ["timeout", "too_large", "io_error", "internal"].includes(r.error.code)).length;
    const second = await runBatchCli([root, "-o", out, "--jobs", "2"]);
    expect(second.code).toBe(1);
    expect(summaryCounts(second.stderr)).toEqual({ processed: retried, copied: 0, unchanged: expected.length - retried });
    expect(outputs.map((f) => statSync(f).mtimeMs)).toEqual(mtimes);
    if (retried === 0) expect(readFileSync(path.join(out, "manifest.jsonl"), "utf8")).toBe(manifestBefore);
  }, 120_000);

  test("--force extracts everything again", async () => {
    const forced = await runBatchCli([root, "-o", out, "--jobs", "2", "--force", "--quiet"]);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toBe("");
    const again = readManifestLines(out);
    expect(again.map((r) => r.path)).toEqual(expected);
    expect(readdirSync(out).some((n) => n.endsWith(".tmp"))).toBe(false);
  }, 120_000);
});
