import { extractFileIsolated } from "../batch/isolated.js";
import type { ExtractedDocument } from "../model/index.js";
import { EXIT, isExtractError, outputError, toExtractError, type ExtractError } from "../errors.js";
import { terminalSafeJson } from "../util/terminal.js";
import { parseCommandArgs, UsageError, withUsage } from "./args.js";
import { jsonChunks, writeAtomic } from "../writers/json.js";
import { tableCsvFileName, tableToCsv } from "../writers/tables-csv.js";
import { FACT_SCHEMA, factRows } from "../writers/facts.js";
import { LINE_ITEM_SCHEMA, lineItemRows } from "../writers/line-items.js";
import { longFormatOf, longFormatText, type DocInfo, type LongRow, type LongSchema } from "../writers/long-format.js";
import path from "node:path";
import { limitsFromFlags, LIMIT_FLAGS, workerFlag, ocrFlag } from "./limit-flags.js";

const HELP = `Usage: disclosure-extract extract FILE [options]

Reads one document (.docx, .doc, HTML, PDF or text; the format is detected from its bytes) and prints the extracted
document as JSON on stdout.

Options:
  -o, --out FILE       write the JSON to FILE instead of stdout (atomically: temp file + rename)
      --compact        one line of JSON instead of indented
      --tables-csv DIR the document's tables as CSV files in DIR (header path per column, one line per row)
      --facts-csv FILE the long-format facts (path, key, yuan, raw, unit, evidence …) as CSV (.csv) or NDJSON (.ndjson)
      --line-items-csv FILE
                       the line items (table, classification, code, name, level, measure, fund, yuan …), .csv or .ndjson
${LIMIT_FLAGS}
${workerFlag.help}
${ocrFlag.help}
  -h, --help           this help

Side outputs (--tables-csv, --facts-csv, --line-items-csv) are written first; the JSON goes to stdout only when they
all were. On failure prints {"error": {"code", "message", "path"}} on stderr and exits 1 (the document could not be
read) or 3 (an output could not be written: code output_error).`;

export function extractCommand(argv: string[]): Promise<number> {
  return withUsage(HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: "string", short: "o" },
      compact: { type: "boolean" },
      "tables-csv": { type: "string" },
      "facts-csv": { type: "string" },
      "line-items-csv": { type: "string" },
      help: { type: "boolean", short: "h" },
      ...limitsFromFlags.options,
      ...workerFlag.options,
      ...ocrFlag.options,
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("extract takes exactly one FILE.");
    const file = positionals[0]!;
    const limits = limitsFromFlags.parse(values);
    const ocr = ocrFlag.parse(values);
    const maxWorkerMb = workerFlag.parse(values);
    let doc: ExtractedDocument;
    try {
      doc = await extractFileIsolated(file, { limits, ...(maxWorkerMb !== undefined ? { maxWorkerMb } : {}), ...(ocr ? { ocr } : {}) });
    } catch (e) {
      return fail(isExtractError(e) ? e : toExtractError(e), file);
    }
    try {
      await writeSideOutputs(doc, values);
      // In pieces: the document's JSON is never one string (a 500,000-cell table: 240 M characters).
      const json = jsonChunks(doc, values.compact ? 0 : 2, "\n");
      if (typeof values.out === "string") await writeOutput(values.out, json);
      else for (const chunk of json) await writeStdout(terminalSafeJson(chunk));
      return EXIT.ok;
    } catch (e) {
      // writeOutput types its failures as output_error; anything else is a bug.
      return fail(isExtractError(e) ? e : toExtractError(e), file);
    }
  });
}

/** The typed error on stderr, one JSON line; exit 3 for an output that could not be written, else 1. */
function fail(err: ExtractError, file: string): number {
  process.stderr.write(`${terminalSafeJson(JSON.stringify({ error: { code: err.code, message: err.message, path: file } }))}\n`);
  return err.code === "output_error" ? EXIT.outputFailed : EXIT.documentFailed;
}

/** Tables, facts and line items, before the JSON: a failure here leaves nothing on stdout to mistake for success. */
async function writeSideOutputs(doc: ExtractedDocument, values: Record<string, unknown>): Promise<void> {
  if (typeof values["tables-csv"] === "string") {
    const dir = values["tables-csv"];
    // One at a time: the first failure stops the rest (a full disk fails them all anyway).
    for (const [i, t] of doc.tables.entries()) await writeOutput(path.join(dir, tableCsvFileName(t, i)), tableToCsv(t));
  }
  const info: DocInfo = { path: doc.source.path, sha256: doc.source.sha256, format: doc.source.format, meta: doc.meta };
  if (typeof values["facts-csv"] === "string") await writeLong(values["facts-csv"], FACT_SCHEMA, factRows(info, doc.facts));
  if (typeof values["line-items-csv"] === "string") await writeLong(values["line-items-csv"], LINE_ITEM_SCHEMA, lineItemRows(info, doc.lineItems));
}

/** stdout.write that waits for each chunk, so a slow pipe does not pile them up in memory. */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

/** writeAtomic with its failure typed as output_error naming the file. */
async function writeOutput(file: string, data: string | Iterable<string>): Promise<void> {
  try {
    await writeAtomic(file, data);
  } catch (e) {
    throw outputError(file, e);
  }
}

/** A long-format file: NDJSON for .ndjson/.jsonl, else CSV. */
function writeLong(file: string, schema: LongSchema, rows: readonly LongRow[]): Promise<void> {
  return writeOutput(file, longFormatText(schema, longFormatOf(file) ?? "csv", rows));
}
