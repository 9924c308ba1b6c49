import path from "node:path";
import { extractFileIsolated } from "../batch/isolated.js";
import { EXIT, isExtractError, outputError, toExtractError, type ExtractError } from "../errors.js";
import { terminalSafe, terminalSafeDeep, terminalSafeJson } from "../util/terminal.js";
import { writeReport } from "../writers/report/index.js";
import { renderSummary, useColor } from "../writers/summary.js";
import { parseCommandArgs, UsageError, withUsage } from "./args.js";
import { limitsFromFlags, LIMIT_FLAGS, workerFlag, ocrFlag } from "./limit-flags.js";

const HELP = `Usage: disclosure-extract inspect FILE [options]

Spot-check one document: prints a summary of what was read — source and format, meta, the section outline, tables,
facts with their printed text, failed checks with both sides, warnings.

Options:
      --html FILE      also write a self-contained HTML report (no network; open it from disk) with every amount
                       highlighted and each fact and check linked to its evidence
      --json           print the extracted document as JSON instead of the summary
      --color          colours even when stdout is not a terminal (NO_COLOR still wins)
${LIMIT_FLAGS}
${workerFlag.help}
${ocrFlag.help}
  -h, --help           this help

Colours are used on a terminal only, and never when NO_COLOR is set. Control characters from the document (ESC,
BEL …) are printed as visible symbols (␛, ␇), never sent to the terminal.
On failure prints {"error": {"code", "message", "path"}} on stderr and exits 1, or 3 when --html cannot be written.`;

export function inspectCommand(argv: string[]): Promise<number> {
  return withUsage(HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      html: { type: "string" },
      json: { type: "boolean" },
      color: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      ...limitsFromFlags.options,
      ...workerFlag.options,
      ...ocrFlag.options,
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("inspect takes exactly one FILE.");
    if (values.html === "") throw new UsageError("--html needs a file name.");
    const file = positionals[0]!;
    const limits = limitsFromFlags.parse(values);
    const ocr = ocrFlag.parse(values);
    const maxWorkerMb = workerFlag.parse(values);
    try {
      const doc = await extractFileIsolated(file, { limits, ...(maxWorkerMb !== undefined ? { maxWorkerMb } : {}), ...(ocr ? { ocr } : {}) });
      if (typeof values.html === "string") {
        const report = values.html;
        await writeReport(doc, report).catch((e: unknown) => {
          throw outputError(report, e);
        });
        process.stderr.write(`report written to ${terminalSafe(path.resolve(report))}\n`);
      }
      if (values.json) {
        process.stdout.write(`${terminalSafeJson(JSON.stringify(doc, null, 2))}\n`);
      } else {
        const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
        // The document's strings made inert before the summary adds its own colour sequences.
        process.stdout.write(renderSummary(terminalSafeDeep(doc), { color: values.color === true ? !noColor : useColor(process.stdout) }));
      }
      return EXIT.ok;
    } catch (e) {
      return fail(isExtractError(e) ? e : toExtractError(e), file);
    }
  });
}

/** The typed error on stderr, one JSON line; exit 3 when the report could not be written, else 1. */
function fail(err: ExtractError, file: string): number {
  process.stderr.write(`${terminalSafeJson(JSON.stringify({ error: { code: err.code, message: err.message, path: file } }))}\n`);
  return err.code === "output_error" ? EXIT.outputFailed : EXIT.documentFailed;
}
