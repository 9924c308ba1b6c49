#!/usr/bin/env node
import { terminalSafe } from "../util/terminal.js";
import { PARSER_VERSION } from "../util/version.js";

/**
 * The CLI maps verbs to commands; each command lives in its own module and holds no extraction logic. Modules are
 * loaded when their verb runs: `batch`'s main thread only orchestrates, and loading the extraction pipeline and
 * the zod schemas it never uses would cost it ≈20 MB resident.
 */
const COMMANDS: Record<string, { summary: string; run: (argv: string[]) => Promise<number> }> = {
  extract: { summary: "extract FILE            one document → JSON on stdout", run: async (argv) => (await import("./extract.js")).extractCommand(argv) },
  batch: { summary: "batch DIR|GLOB|- -o OUT  a whole archive → JSON files, manifest, facts", run: async (argv) => (await import("./batch.js")).batchCommand(argv) },
  schema: { summary: "schema                  the output's JSON Schema", run: async (argv) => (await import("./schema.js")).schemaCommand(argv) },
  inspect: { summary: "inspect FILE [--html R]  spot-check one document: summary, or an HTML report with evidence", run: async (argv) => (await import("./inspect.js")).inspectCommand(argv) },
  amounts: {
    summary: "amounts                 text on stdin → recognized amounts, one JSON array per line",
    run: async (argv) => (await import("./amounts.js")).runAmountsCommand(argv, process.stdin, process.stdout),
  },
};

export const USAGE = `disclosure-extract ${PARSER_VERSION} — Chinese budget/final-account disclosures → JSON

Usage: disclosure-extract <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.summary}`)
  .join("\n")}

Run "disclosure-extract <command> --help" for a command's options.
Exit codes: 0 success, 1 a document failed, 2 usage error, 3 an output could not be written (disk full,
read-only or not permitted: error code output_error).`;

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === "--help" || verb === "-h" || verb === "help") {
    process.stdout.write(`${USAGE}\n`);
    return verb ? 0 : 2;
  }
  if (verb === "--version" || verb === "-v") {
    process.stdout.write(`${PARSER_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[verb];
  if (!command) {
    process.stderr.write(`Unknown command "${terminalSafe(verb)}".\n\n${USAGE}\n`);
    return 2;
  }
  return command.run(rest);
}


// `disclosure-extract … | head` closes the pipe early: that ends the output, it is not a failure.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`disclosure-extract: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 2;
  },
);
