/** `disclosure-extract batch`: argument parsing and exit codes around runBatch (src/batch). */
import { EXIT, isExtractError } from "../errors.js";
import { LockHeldError } from "../batch/lock.js";
import { RootMismatchError } from "../batch/manifest.js";
import { terminalSafe } from "../util/terminal.js";
import { createInterface } from "node:readline";
import os from "node:os";
import { runBatch } from "../batch/run.js";
import { parseShard } from "../batch/shard.js";
import { formatSummary } from "../batch/summary.js";
import { longFormatOf } from "../writers/long-format.js";
import { parseCommandArgs, UsageError, withUsage } from "./args.js";
import { limitsFromFlags, LIMIT_FLAGS, workerFlag, ocrFlag } from "./limit-flags.js";

export const BATCH_HELP = `Usage: disclosure-extract batch <dir|file|glob|->... -o OUTDIR [options]

Extracts every document of an archive in parallel. Directories are searched recursively; "-" reads paths from
stdin, one per line. Every file is taken (formats are detected from the bytes) except hidden files and folders,
Office lock files (~$*), Thumbs.db and desktop.ini; a file that is not a supported document gets an error record.

Output:
  OUTDIR/<input path>.json   one document per input, mirroring the input tree (compact JSON, written atomically)
  OUTDIR/manifest.jsonl      one record per input: path, sha256, bytes, format, status ok|error|skipped,
                             error {code, message}, duplicateOf, durationMs, output, parserVersion
Re-running skips inputs whose sha256 and parser version match the manifest (--force redoes them). Identical
files are extracted once: copies get their own output and status "skipped" with duplicateOf.

Options:
  -o, --out DIR            output directory (required unless --ndjson, --facts, --line-items, --db or --parquet)
      --include GLOB       only files matching GLOB inside directories (repeatable; "*.pdf" matches any depth)
      --exclude GLOB       leave out files matching GLOB (repeatable)
  -j, --jobs N             worker threads (default: ${os.availableParallelism()}, the number of cores)
${workerFlag.help}
${ocrFlag.help}
      --force              extract everything again, ignoring the manifest
      --shard I/N          only the inputs of shard I of N (0 ≤ I < N), split by a hash of the path
      --ndjson             also stream each document as one JSON line to stdout
      --facts FILE         write all facts of the archive, one row each, to FILE (.csv or .ndjson)
      --line-items FILE    write all line items (classification rows × money columns) of the archive to FILE (.csv or .ndjson)
      --db FILE            keep the archive in a DuckDB database FILE (.duckdb): tables documents, facts, line_items,
                           validations, tables, cells; money as DECIMAL(20,4); a re-extracted document's rows replaced
      --parquet DIR        write the same tables as Parquet, DIR/<table>/part-<shard>.parquet (shard 0 without --shard):
                           the N shards of --shard I/N make one dataset
  -q, --quiet              no progress and no summary
${LIMIT_FLAGS}
  -h, --help               this help

The per-document time limit is --timeout-ms; a document over it is stopped (timeout error) and the batch goes on.
Progress goes to stderr: a bar on a terminal, otherwise a line every 5 s. The summary at the end (stderr) counts
documents by status and format and lists the slowest files and validation failures.
Exit codes: 0 every document extracted, 1 some documents failed (all others written), 2 usage error, 3 an output
could not be written (disk full, read-only, permissions: the run stopped, its manifest is whole — run again to
resume), or another batch holds the output folder, or the folder holds another input root's outputs.`;

async function readStdinLines(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) lines.push(line);
  return lines;
}

function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${flag} takes a positive whole number, not "${String(value)}".`);
  return n;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function batchCommand(argv: string[]): Promise<number> {
  return withUsage(BATCH_HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: "string", short: "o" },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true },
      jobs: { type: "string", short: "j" },
      ...workerFlag.options,
      ...ocrFlag.options,
      force: { type: "boolean" },
      shard: { type: "string" },
      ndjson: { type: "boolean" },
      facts: { type: "string" },
      "line-items": { type: "string" },
      db: { type: "string" },
      parquet: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
      ...limitsFromFlags.options,
    });
    if (values.help) {
      process.stdout.write(`${BATCH_HELP}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError("batch needs at least one directory, file, glob or - (paths on stdin).");
    const outDir = typeof values.out === "string" ? values.out : null;
    const factsFile = typeof values.facts === "string" ? values.facts : null;
    const lineItemsFile = typeof values["line-items"] === "string" ? values["line-items"] : null;
    const dbFile = typeof values.db === "string" ? values.db : null;
    const parquetDir = typeof values.parquet === "string" ? values.parquet : null;
    if (!outDir && !values.ndjson && !factsFile && !lineItemsFile && !dbFile && !parquetDir) throw new UsageError("batch needs -o OUTDIR (or --ndjson / --facts / --line-items / --db / --parquet to stream only).");
    if (dbFile && /\.(csv|ndjson|jsonl|json|parquet)$/i.test(dbFile)) throw new UsageError(`--db FILE is a DuckDB database (e.g. archive.duckdb), not "${dbFile}".`);
    for (const [flag, file] of [["facts", factsFile], ["line-items", lineItemsFile]] as const) {
      if (file && !longFormatOf(file)) throw new UsageError(`--${flag} FILE must end in .csv or .ndjson, not "${file}".`);
    }
    const shard = typeof values.shard === "string" ? parseShard(values.shard) : null;
    if (typeof values.shard === "string" && !shard) throw new UsageError(`--shard takes I/N with 0 ≤ I < N, e.g. 0/4, not "${values.shard}".`);
    const jobs = positiveInt(values.jobs, "jobs");
    const maxWorkerMb = workerFlag.parse(values);
    const limits = limitsFromFlags.parse(values);
    const ocr = ocrFlag.parse(values);
    const quiet = values.quiet === true;

    const stdinPaths = positionals.includes("-") ? await readStdinLines() : [];
    const result = await batchOrOutputFault({
      inputs: positionals,
      include: strings(values.include),
      exclude: strings(values.exclude),
      stdinPaths,
      outDir,
      ...(jobs !== undefined ? { jobs } : {}),
      ...(maxWorkerMb !== undefined ? { maxWorkerMb } : {}),
      limits,
      ...(ocr ? { ocr } : {}),
      force: values.force === true,
      shard,
      ndjson: values.ndjson ? process.stdout : null,
      factsFile,
      lineItemsFile,
      dbFile,
      parquetDir,
      log: process.stderr,
      quiet,
    });
    if (typeof result === "number") return result;
    for (const arg of result.unmatched) process.stderr.write(`batch: nothing matches ${terminalSafe(arg)}\n`);
    if (result.entries.length === 0) {
      if (shard && result.unmatched.length === 0) {
        if (!quiet) process.stderr.write(`batch: shard ${shard.index}/${shard.count} holds no inputs\n`);
        return 0;
      }
      throw new UsageError("batch found no input files.");
    }
    if (!quiet) {
      process.stderr.write(terminalSafe(formatSummary(result.summary, result.elapsedMs)));
      const { replaced, recycled } = result.workers;
      if (replaced + recycled > 0) process.stderr.write(`  workers: ${replaced} replaced after a timeout, crash or heap overrun; ${recycled} recycled to give memory back\n`);
    }
    // A stopped run has printed its summary; its manifest is whole, and running again resumes it.
    if (result.outputError) {
      process.stderr.write(`batch: stopped: ${terminalSafe(result.outputError.message)}\n`);
      return EXIT.outputFailed;
    }
    return result.entries.some((e) => e.record.status === "error") ? EXIT.documentFailed : EXIT.ok;
  });
}

/** runBatch, or exit code 3 when the output folder cannot be used: held by another batch, another input root, unwritable. */
async function batchOrOutputFault(options: Parameters<typeof runBatch>[0]): Promise<Awaited<ReturnType<typeof runBatch>> | number> {
  try {
    return await runBatch(options);
  } catch (e) {
    if (!(e instanceof LockHeldError || e instanceof RootMismatchError || (isExtractError(e) && e.code === "output_error"))) throw e;
    process.stderr.write(`batch: ${terminalSafe(e.message)}\n`);
    return EXIT.outputFailed;
  }
}
