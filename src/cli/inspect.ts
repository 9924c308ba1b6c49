import path from "node:path";
import { extractFileIsolated } from "../batch/isolated.js";
import { isExtractError, toExtractError } from "../errors.js";
import { writeReport } from "../writers/report/index.js";
import { renderSummary, useColor } from "../writers/summary.js";
import { parseCommandArgs, UsageError, withUsage } from "./args.js";
import { limitsFromFlags, LIMIT_FLAGS } from "./limit-flags.js";

const HELP = `Usage: disclosure-extract inspect FILE [options]

Spot-check one document: prints a summary of what was read — source and format, meta, the section outline, tables,
facts with their printed text, failed checks with both sides, warnings.

Options:
      --html FILE      also write a self-contained HTML report (no network; open it from disk) with every amount
                       highlighted and each fact and check linked to its evidence
      --json           print the extracted document as JSON instead of the summary
      --color          colours even when stdout is not a terminal (NO_COLOR still wins)
${LIMIT_FLAGS}
  -h, --help           this help

Colours are used on a terminal only, and never when NO_COLOR is set.
On failure prints {"error": {"code", "message"}} on stderr and exits 1.`;

export function inspectCommand(argv: string[]): Promise<number> {
  return withUsage(HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      html: { type: "string" },
      json: { type: "boolean" },
      color: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      ...limitsFromFlags.options,
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("inspect takes exactly one FILE.");
    if (values.html === "") throw new UsageError("--html needs a file name.");
    const file = positionals[0]!;
    const limits = limitsFromFlags.parse(values);
    try {
      const doc = await extractFileIsolated(file, { limits });
      if (typeof values.html === "string") {
        await writeReport(doc, values.html);
        process.stderr.write(`report written to ${path.resolve(values.html)}\n`);
      }
      if (values.json) {
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      } else {
        const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
        process.stdout.write(renderSummary(doc, { color: values.color === true ? !noColor : useColor(process.stdout) }));
      }
      return 0;
    } catch (e) {
      const err = isExtractError(e) ? e : toExtractError(e);
      process.stderr.write(`${JSON.stringify({ error: { code: err.code, message: err.message, path: file } })}\n`);
      return 1;
    }
  });
}
