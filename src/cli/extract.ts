import { extractFileIsolated } from "../batch/isolated.js";
import { isExtractError, toExtractError } from "../errors.js";
import { parseCommandArgs, UsageError, withUsage } from "./args.js";
import { writeAtomic } from "../writers/json.js";
import { tableCsvFileName, tableToCsv } from "../writers/tables-csv.js";
import { FACT_SCHEMA, factRows } from "../writers/facts.js";
import { LINE_ITEM_SCHEMA, lineItemRows } from "../writers/line-items.js";
import { longFormatOf, longFormatText, type DocInfo, type LongRow, type LongSchema } from "../writers/long-format.js";
import path from "node:path";
import { limitsFromFlags, LIMIT_FLAGS } from "./limit-flags.js";

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
  -h, --help           this help

On failure prints {"error": {"code", "message"}} on stderr and exits 1.`;

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
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("extract takes exactly one FILE.");
    const file = positionals[0]!;
    try {
      const doc = await extractFileIsolated(file, { limits: limitsFromFlags.parse(values) });
      const json = values.compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 2);
      if (typeof values.out === "string") await writeAtomic(values.out, `${json}\n`);
      else process.stdout.write(`${json}\n`);
      if (typeof values["tables-csv"] === "string") {
        const dir = values["tables-csv"];
        await Promise.all(doc.tables.map((t, i) => writeAtomic(path.join(dir, tableCsvFileName(t, i)), tableToCsv(t))));
      }
      const info: DocInfo = { path: doc.source.path, sha256: doc.source.sha256, format: doc.source.format, meta: doc.meta };
      if (typeof values["facts-csv"] === "string") await writeLong(values["facts-csv"], FACT_SCHEMA, factRows(info, doc.facts));
      if (typeof values["line-items-csv"] === "string") await writeLong(values["line-items-csv"], LINE_ITEM_SCHEMA, lineItemRows(info, doc.lineItems));
      return 0;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const err = isExtractError(e) ? e : toExtractError(e);
      process.stderr.write(`${JSON.stringify({ error: { code: err.code, message: err.message, path: file } })}\n`);
      return 1;
    }
  });
}

/** A long-format file: NDJSON for .ndjson/.jsonl, else CSV. */
function writeLong(file: string, schema: LongSchema, rows: readonly LongRow[]): Promise<void> {
  return writeAtomic(file, longFormatText(schema, longFormatOf(file) ?? "csv", rows));
}
