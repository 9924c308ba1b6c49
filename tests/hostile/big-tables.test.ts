/**
 * Issue #22, item 6: what a big table costs, stated and bounded. A table cell is held in `cells` (and `grid`); a
 * money cell again as an amount and, in a classification table, as a line item — three copies of each printed figure
 * in the JSON. This suite pins the cost per money cell (JSON bytes, peak memory in a capped process) so a change
 * that adds a copy shows up, and so the README's "what N cells cost" stays true. Measured when written (25,000
 * cells, 20,000 of them money): 12.2 MB of JSON, ≈ 610 UTF-8 bytes per money cell.
 *
 * The JSON is written in pieces (src/writers/json.ts jsonChunks): a document's JSON is never one string beside the
 * document. Before, a batch worker held both — 125,000 cells needed a 384 MB worker heap, and under 320 MB the
 * worker died while writing and took the whole batch down (no record, exit 134).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractFile } from "../../src/extract.js";
import { jsonChunks, JSON_STREAM_SETTINGS } from "../../src/writers/json.js";
import { repoRoot } from "../helpers.js";
import { runBatchCli } from "../batch/helpers.js";
import type { ChildOutcome } from "./child.js";

const ROWS = 2_500;
const MONEY_COLUMNS = 8;
/** UTF-8 JSON bytes per money cell (measured ≈ 610: its line item, its amount, its cell, a share of the grid). */
const MAX_JSON_BYTES_PER_MONEY_CELL = 700;
/** Peak RSS of a process extracting the table: measured 178 MB (the extractor loaded, plus ≈ 5 KB per money cell). */
const MAX_RSS_MB = 300;

/** A 支出 classification table: code, name and eight 万元 columns, ROWS data rows. */
function bigTable(rows: number): string {
  const head = `<tr><td>科目编码</td><td>科目名称</td>${Array.from({ length: MONEY_COLUMNS }, (_, i) => `<td>金额${i}</td>`).join("")}</tr>`;
  const body = Array.from({ length: rows }, (_, r) => `<tr><td>${2010000 + r}</td><td>项目${r}</td>${Array.from({ length: MONEY_COLUMNS }, (_, i) => `<td>${(r * 7 + i) % 1000}.${i}</td>`).join("")}</tr>`);
  return `<html><head><meta charset="utf-8"><title>t</title></head><body><p>表1 一般公共预算支出表</p><p>单位：万元</p><table>${head}\n${body.join("\n")}</table></body></html>`;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "big-tables-"));
const file = path.join(dir, "big.html");
writeFileSync(file, bigTable(ROWS));
const twice = path.join(dir, "twice.html");
writeFileSync(twice, bigTable(2 * ROWS));
/** 125,010 cells: its document holds ≈ 100 MB in a worker, its JSON 59.5 M characters (≈ 120 MB as a string). */
const BIG_ROWS = 12_500;
const WORKER_MB = 320;
const bigDir = path.join(dir, "in");
mkdirSync(bigDir);
writeFileSync(path.join(bigDir, "big125k.html"), bigTable(BIG_ROWS));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function childRss(target: string, heapMb: number): Promise<ChildOutcome | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, "--import", "tsx", path.join(repoRoot, "tests/hostile/child.ts"), JSON.stringify([{ file: target, limits: {}, needles: [] }])], { cwd: repoRoot });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", () => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      resolve(line ? (JSON.parse(line) as ChildOutcome) : null);
    });
  });
}

describe(`a table of ${ROWS * (MONEY_COLUMNS + 2)} cells`, () => {
  it("holds each money cell once as a cell, once as an amount and once as a line item, within the JSON bound", async () => {
    const doc = await extractFile(file);
    const money = ROWS * MONEY_COLUMNS;
    expect(doc.tables[0]!.cells).toHaveLength(ROWS * (MONEY_COLUMNS + 2) + MONEY_COLUMNS + 2);
    expect(doc.amounts.filter((a) => a.cell !== undefined && a.kind === "money")).toHaveLength(money);
    expect(doc.lineItems).toHaveLength(money);
    const bytes = Buffer.byteLength(JSON.stringify(doc));
    expect(bytes / money, `${bytes} JSON bytes for ${money} money cells`).toBeLessThan(MAX_JSON_BYTES_PER_MONEY_CELL);
  }, 120_000);

  it(`is extracted in a process with a 512 MB heap, its peak RSS under ${MAX_RSS_MB} MB`, async () => {
    const outcome = await childRss(file, 512);
    expect(outcome?.kind).toBe("document");
    expect(outcome!.maxRssMb, `peak RSS ${outcome!.maxRssMb} MB`).toBeLessThan(MAX_RSS_MB);
  }, 120_000);
});

describe("the JSON of a big table is written in bounded pieces", () => {
  it("no piece is longer than about one chunk, for a table or one twice its size, and the pieces are JSON.stringify's text", async () => {
    for (const f of [file, twice]) {
      const doc = await extractFile(f);
      const pieces = [...jsonChunks(doc, 0, "\n")];
      const longest = Math.max(...pieces.map((p) => p.length));
      // A chunk closes at the first piece that reaches the size: over it by at most one run of small values.
      expect(longest, `${f}: longest piece ${longest} characters`).toBeLessThan(1.25 * JSON_STREAM_SETTINGS.chunkChars);
      expect(pieces.length).toBeGreaterThan(5);
      expect(pieces.join("")).toBe(`${JSON.stringify(doc)}\n`);
    }
  }, 120_000);

  it(`a batch extracts ${BIG_ROWS * (MONEY_COLUMNS + 2)} cells in a ${WORKER_MB} MB worker: the document and its JSON are not held together`, async () => {
    const out = path.join(dir, "out");
    const run = await runBatchCli([bigDir, "-o", out, "--max-worker-mb", String(WORKER_MB), "--quiet"]);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const [record] = readFileSync(path.join(out, "manifest.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { status: string; output: string });
    expect(record?.status).toBe("ok");
    const doc = JSON.parse(readFileSync(path.join(out, record!.output), "utf8")) as { tables: { cells: unknown[] }[]; lineItems: unknown[] };
    expect(doc.tables[0]!.cells).toHaveLength(BIG_ROWS * (MONEY_COLUMNS + 2) + MONEY_COLUMNS + 2);
    expect(doc.lineItems).toHaveLength(BIG_ROWS * MONEY_COLUMNS);
  }, 180_000);
});
