import { extractFile } from "../extract.js";
import { isExtractError, toExtractError } from "../errors.js";
import { parseCommandArgs, UsageError, withUsage } from "./args.js";
import { writeAtomic } from "../writers/json.js";
import { limitsFromFlags, LIMIT_FLAGS } from "./limit-flags.js";

const HELP = `Usage: disclosure-extract extract FILE [options]

Reads one document (.docx, .doc, HTML, PDF or text; the format is detected from its bytes) and prints the extracted
document as JSON on stdout.

Options:
  -o, --out FILE       write the JSON to FILE instead of stdout (atomically: temp file + rename)
      --compact        one line of JSON instead of indented
${LIMIT_FLAGS}
  -h, --help           this help

On failure prints {"error": {"code", "message"}} on stderr and exits 1.`;

export function extractCommand(argv: string[]): Promise<number> {
  return withUsage(HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: "string", short: "o" },
      compact: { type: "boolean" },
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
      const doc = await extractFile(file, { limits: limitsFromFlags.parse(values) });
      const json = values.compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 2);
      if (typeof values.out === "string") await writeAtomic(values.out, `${json}\n`);
      else process.stdout.write(`${json}\n`);
      return 0;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const err = isExtractError(e) ? e : toExtractError(e);
      process.stderr.write(`${JSON.stringify({ error: { code: err.code, message: err.message, path: file } })}\n`);
      return 1;
    }
  });
}
