// `npm run demo`: batch-extracts samples/ into output/ (one JSON per document, manifest.jsonl, facts.csv,
// line-items.csv, archive.duckdb), then prints a few line items and one query on the database.
// A fresh machine may lack LibreOffice or Tesseract. What only a missing program reads is skipped with a line naming
// the program and how to install it, and the demo still exits 0; any other failure keeps the batch's exit code.
// (`batch` itself is unchanged: a document that cannot be read is an error record and exit code 1.)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const out = path.resolve(process.argv[2] ?? "output");

/** Runs `node <script> args…` with the terminal shared; returns its exit code. */
function node(script, args) {
  const run = spawnSync(process.execPath, [script, ...args], { stdio: "inherit" });
  return run.status ?? 1;
}

function runBatch() {
  return node(path.join(dist, "cli/index.js"), [
    "batch", path.join(root, "samples"), "-o", out, "--exclude", "README.md",
    "--facts", path.join(out, "facts.csv"), "--line-items", path.join(out, "line-items.csv"), "--db", path.join(out, "archive.duckdb"),
  ]);
}

/**
 * The system programs the readers call, probed the way the readers probe them, each with the error records it
 * would have read: LibreOffice converts .doc, RTF and Excel 5/95 (refused as unsupported_format without it),
 * Tesseract reads scanned pages (no_text_layer without it or without its Chinese model).
 */
async function missingPrograms() {
  const { findSoffice } = await import(pathToFileURL(path.join(dist, "readers/doc/index.js")).href);
  const { tesseractInfo } = await import(pathToFileURL(path.join(dist, "readers/ocr/index.js")).href);
  const tesseract = tesseractInfo();
  const programs = [];
  if (findSoffice() === null) {
    programs.push({
      name: "LibreOffice",
      install: "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui, or brew install --cask libreoffice",
      reads: (r) => r.error.code === "unsupported_format" && ["doc", "rtf", "xls"].includes(r.format),
    });
  }
  if (tesseract instanceof Error || !tesseract.langs.has("chi_sim")) {
    programs.push({
      name: "Tesseract with its Chinese model",
      install: "apt-get install tesseract-ocr tesseract-ocr-chi-sim, or brew install tesseract tesseract-lang",
      reads: (r) => r.error.code === "no_text_layer",
    });
  }
  return programs;
}

/** One line per error record a missing program explains, or null when some error record is not explained. */
async function skipLines() {
  const records = readFileSync(path.join(out, "manifest.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const programs = await missingPrograms();
  const lines = [];
  for (const r of records.filter((rec) => rec.status === "error")) {
    const program = programs.find((p) => p.reads(r));
    if (!program) return null;
    lines.push(`demo: skipped ${r.path} — it is read by ${program.name}, which is not installed here (${program.install}).`);
  }
  return lines;
}

const batchCode = runBatch();
// 1 = some documents failed: fine for the demo when only missing programs explain it. Any other code (usage,
// output fault) ends the demo as it ended the batch.
const skipped = batchCode === 1 ? await skipLines() : [];
if (batchCode !== 0 && !skipped?.length) process.exit(batchCode);
for (const line of skipped) console.log(line);
const steps = [
  node(path.join(root, "scripts/demo-line-items.mjs"), [out]),
  node(path.join(root, "scripts/demo-db.mjs"), [path.join(out, "archive.duckdb")]),
];
if (skipped.length > 0) console.log(`\ndemo: ${skipped.length} sample(s) skipped for want of a program (listed after the batch summary); the rest were read.`);
process.exitCode = steps.find((code) => code !== 0) ?? 0;
