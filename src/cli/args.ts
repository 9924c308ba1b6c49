import { parseArgs, type ParseArgsConfig } from "node:util";
import { terminalSafe } from "../util/terminal.js";

export class UsageError extends Error {}

/** parseArgs with usage errors typed, so commands can answer them with exit code 2 and their help text. */
export interface ParsedCommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(argv: string[], options: NonNullable<ParseArgsConfig["options"]>, allowPositionals = true): ParsedCommandArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return { values: values as ParsedCommandArgs["values"], positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Runs a command body, turning usage errors into exit code 2 with the command's help. */
export async function withUsage(help: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      // The message quotes what was typed, which may hold control characters.
      process.stderr.write(`${terminalSafe(e.message)}\n\n${help}\n`);
      return 2;
    }
    throw e;
  }
}
