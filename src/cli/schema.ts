import { outputJsonSchema } from "../model/index.js";
import { parseCommandArgs, withUsage } from "./args.js";

const HELP = `Usage: disclosure-extract schema

Prints the JSON Schema (draft 2020-12) of the document that "extract" writes. It is generated from the zod schema in
src/model, the single source of truth; "schemaVersion" in every document names the version.`;

export function schemaCommand(argv: string[]): Promise<number> {
  return withUsage(HELP, async () => {
    const { values } = parseCommandArgs(argv, { help: { type: "boolean", short: "h" } }, false);
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    process.stdout.write(`${JSON.stringify(outputJsonSchema(), null, 2)}\n`);
    return 0;
  });
}
