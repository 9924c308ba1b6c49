import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { commonAncestor, discoverInputs, isJunkName } from "../../src/batch/discover.js";
import { isReusable, ManifestAppender, readManifest, type ManifestRecord } from "../../src/batch/manifest.js";
import { formatDuration, progressText } from "../../src/batch/progress.js";
import { formatSummary, summarize } from "../../src/batch/summary.js";
import { FactsWriter, factsFormatOf } from "../../src/writers/facts.js";
import { isAtomicTempFile, outputFileFor, writeAtomic } from "../../src/writers/json.js";
import type { Fact } from "../../src/model/index.js";
import { runBatchCli, tempDir } from "./helpers.js";

const dir = tempDir("units");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHA = "a".repeat(64);
const okRecord = (p: string, over: Partial<ManifestRecord> = {}): ManifestRecord => ({
  path: p,
  sha256: SHA,
  bytes: 10,
  format: "text",
  status: "ok",
  durationMs: 12,
  output: `${p}.json`,
  parserVersion: "0.1.0",
  ...over,
});

describe("discovery", () => {
  const root = path.join(dir, "disc");
  for (const rel of ["b/2.pdf", "a/1.docx", "a/.git/x", ".hidden.txt", "a/~$1.docx", "Thumbs.db", "c/3.html", "out/skip.json", "a/1.docx.json.12.3.tmp"]) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), rel);
  }

  test("directories: recursive, junk left out, output dir left out, code-point order", async () => {
    const d = await discoverInputs({ inputs: [root], skipUnder: [path.join(root, "out")] });
    expect(d.base).toBe(root);
    expect(d.inputs.map((i) => i.relPath)).toEqual(["a/1.docx", "b/2.pdf", "c/3.html"]);
  });

  test("--include / --exclude: a pattern without a slash matches base names at any depth", async () => {
    const d = await discoverInputs({ inputs: [root], include: ["*.pdf", "*.html"], exclude: ["c/**"] });
    expect(d.inputs.map((i) => i.relPath)).toEqual(["b/2.pdf"]);
  });

  test("named files are taken even when hidden; globs and stdin paths; missing paths are reported", async () => {
    const d = await discoverInputs({
      inputs: [path.join(root, ".hidden.txt"), path.join(root, "*/*.pdf"), "-", path.join(root, "nope.doc")],
      stdinPaths: [path.join(root, "c/3.html"), "  "],
    });
    expect(d.base).toBe(root);
    expect(d.inputs.map((i) => i.relPath)).toEqual([".hidden.txt", "b/2.pdf", "c/3.html"]);
    expect(d.unmatched).toEqual([path.join(root, "nope.doc")]);
  });

  test("junk names and the common ancestor", () => {
    expect(["~$a.docx", ".DS_Store", "thumbs.db", "Desktop.ini", "x.json.1.2.tmp"].every(isJunkName)).toBe(true);
    expect(isJunkName("预算.docx")).toBe(false);
    expect(commonAncestor(["/a/b/c", "/a/b/d/e", "/a/b"])).toBe("/a/b");
    expect(commonAncestor(["/x", "/y"])).toBe("/");
  });
});

describe("manifest", () => {
  test("a torn last line (a killed run) is ignored; the last record of a path wins; appends restart on a new line", async () => {
    const file = path.join(dir, "manifest.jsonl");
    writeFileSync(file, `${JSON.stringify(okRecord("a"))}\n${JSON.stringify(okRecord("a", { durationMs: 99 }))}\n{"path":"b","sha2`);
    expect([...(await readManifest(file)).values()]).toEqual([okRecord("a", { durationMs: 99 })]);
    const appender = new ManifestAppender(file);
    await appender.open();
    await appender.append(okRecord("c"));
    const m = await readManifest(file);
    expect([...m.keys()]).toEqual(["a", "c"]);
    expect(readFileSync(file, "utf8").split("\n").at(-2)).toBe(JSON.stringify(okRecord("c")));
  });

  test("reuse needs the same sha256 and parser version and an existing output; deterministic errors stand", () => {
    const has = () => true;
    expect(isReusable(okRecord("a"), SHA, "0.1.0", dir, has)).toBe(true);
    expect(isReusable(okRecord("a"), "b".repeat(64), "0.1.0", dir, has)).toBe(false);
    expect(isReusable(okRecord("a"), SHA, "0.2.0", dir, has)).toBe(false);
    expect(isReusable(okRecord("a"), SHA, "0.1.0", dir, () => false)).toBe(false);
    expect(isReusable(undefined, SHA, "0.1.0", dir, has)).toBe(false);
    const err = (code: "corrupt" | "timeout") => okRecord("a", { status: "error", output: null, error: { code, message: "m" } });
    expect(isReusable(err("corrupt"), SHA, "0.1.0", dir, has)).toBe(true);
    expect(isReusable(err("timeout"), SHA, "0.1.0", dir, has)).toBe(false);
  });

  test("a .doc refused for want of LibreOffice stands while it is missing and is read again once it is installed", () => {
    const has = () => true;
    const refused = (format: "doc" | "rtf" | "xls" | "zip") =>
      okRecord("a.doc", { format, status: "error", output: null, error: { code: "unsupported_format", message: "… LibreOffice, which is not installed …" } });
    for (const format of ["doc", "rtf", "xls"] as const) {
      expect(isReusable(refused(format), SHA, "0.1.0", dir, has, { libreOffice: false }), format).toBe(true);
      expect(isReusable(refused(format), SHA, "0.1.0", dir, has, { libreOffice: true }), format).toBe(false);
    }
    // A zip that is no Office file stays refused whatever is installed.
    expect(isReusable(refused("zip"), SHA, "0.1.0", dir, has, { libreOffice: true })).toBe(true);
  });
});

describe("writers", () => {
  test("writeAtomic leaves only the finished file; outputs mirror the input tree", async () => {
    const target = outputFileFor(path.join(dir, "o"), "年度/预算.docx");
    expect(target).toBe(path.join(dir, "o", "年度", "预算.docx.json"));
    await writeAtomic(target, "{}\n");
    expect(readFileSync(target, "utf8")).toBe("{}\n");
    expect(isAtomicTempFile("预算.docx.json.4242.0.tmp")).toBe(true);
    expect(isAtomicTempFile("预算.docx.json")).toBe(false);
  });

  const fact: Fact = {
    key: "three_public.total",
    yuan: "-1914923.1",
    raw: "“三公”经费, 191.49万元",
    unit: "万元",
    fund: "all",
    evidence: [{ kind: "text", blockId: "p3", start: 0, end: 4, quote: "191.49万元" }],
  };
  const doc = { path: "a/b.docx", sha256: SHA, format: "docx", meta: { fiscalYear: 2020, entity: "栾城区委网信办" } };

  test("facts CSV: quoted fields, exact decimals as printed, evidence as JSON", async () => {
    expect(factsFormatOf("f.CSV")).toBe("csv");
    expect(factsFormatOf("f.txt")).toBeNull();
    const file = path.join(dir, "facts.csv");
    const w = new FactsWriter(file, "csv");
    await w.open();
    await w.add(doc, [fact]);
    await w.close();
    const [header, row] = readFileSync(file, "utf8").split("\n");
    expect(header).toBe("path,sha256,format,fiscal_year,doc_kind,scope,entity,key,fund,basis,name,yuan,unit,raw,evidence");
    expect(row).toBe(
      `a/b.docx,${SHA},docx,2020,,,栾城区委网信办,three_public.total,all,,,-1914923.1,万元,"“三公”经费, 191.49万元","[{""kind"":""text"",""blockId"":""p3"",""start"":0,""end"":4,""quote"":""191.49万元""}]"`,
    );
  });

  test("facts NDJSON: one object per fact, evidence as an array", async () => {
    const file = path.join(dir, "facts.ndjson");
    const w = new FactsWriter(file, "ndjson");
    await w.open();
    await w.add(doc, [fact, { ...fact, key: "income.total", yuan: "3407700" }]);
    await w.close();
    const rows = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.key, r.yuan, r.fiscal_year])).toEqual([
      ["three_public.total", "-1914923.1", 2020],
      ["income.total", "3407700", 2020],
    ]);
    expect(rows[0]!.evidence).toEqual(fact.evidence);
  });
});

describe("progress and summary", () => {
  test("progress text: rate, ETA and failures", () => {
    expect(progressText({ done: 30, total: 90, failed: 2 }, 10_000)).toBe("30/90 docs  3.0 docs/s  ETA 0:20  2 failed");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("?");
  });

  test("summary: counts by status and format, slowest files, validation failures", () => {
    const s = summarize([
      { reused: false, record: okRecord("a", { durationMs: 500, validationFailures: 2 }) },
      { reused: false, record: okRecord("b", { status: "skipped", duplicateOf: "a", durationMs: 0 }) },
      { reused: true, record: okRecord("c", { format: "pdf", durationMs: 900 }) },
      { reused: false, record: okRecord("d", { format: null, status: "error", output: null, error: { code: "io_error", message: "m" } }) },
    ]);
    expect(s).toMatchObject({ inputs: 4, parsed: 2, copied: 1, reused: 1, byStatus: { ok: 2, skipped: 1, error: 1 }, errorsByCode: { io_error: 1 } });
    expect(s.byFormat).toEqual({ text: { ok: 1, skipped: 1 }, pdf: { ok: 1 }, unread: { error: 1 } });
    expect(s.slowest[0]).toEqual({ path: "a", durationMs: 500 });
    const text = formatSummary(s, 1500);
    expect(text).toContain("batch: 4 inputs in 1.5 s — error 1, ok 2, skipped 1");
    expect(text).toContain("validation failures: 2 checks in 1 documents: a (2)");
  });
});

describe("usage", () => {
  test("usage errors exit 2 with the help", async () => {
    for (const args of [[], ["samples"], ["samples", "-o", dir, "--shard", "2/2"], ["samples", "-o", dir, "--jobs", "0"], ["samples", "--facts", "f.txt"]]) {
      const r = await runBatchCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Usage: disclosure-extract batch");
    }
  }, 60_000);
});
