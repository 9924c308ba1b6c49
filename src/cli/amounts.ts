/** `disclosure-extract amounts`: one JSON array of amount spans per input line, for scripting and benchmarks. */
import { createInterface } from "node:readline";
import { recognizeAmounts } from "../amounts/index.js";
import type { MoneyUnitLike } from "../amounts/index.js";
import { terminalSafeJson } from "../util/terminal.js";

const UNITS = ["元", "千元", "万元", "百万元", "亿元"] as const;

export const AMOUNTS_HELP = `Usage: disclosure-extract amounts [--unit 元|千元|万元|百万元|亿元] [--help]

Reads text on stdin, one case per line, and writes one JSON array per input line to stdout: the money
amounts, plain numbers and percentages found in that line, each as
  {start, end, text, kind: "money"|"number"|"percent", value, unit, yuan?, approx?, range?, fraction?, change?, label?}
Offsets are UTF-16 code units into the line; values are exact decimal strings ("340.77" with unit "万元",
yuan "3407700"). Years, dates, outline numbers, table numbers, classification codes and phone numbers
are not reported.

Options:
  --unit U   treat bare figures as money in unit U (a table column declared "单位：万元")
  --help     show this text

Exit code: 0 on success, 2 on a usage error.
`;

export async function runAmountsCommand(argv: string[], stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  let defaultUnit: MoneyUnitLike | null = null;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === "--help" || a === "-h") {
      stdout.write(AMOUNTS_HELP);
      return 0;
    }
    if (a === "--unit") {
      const u = argv[++k];
      if (!u || !(UNITS as readonly string[]).includes(u)) {
        stdout.write(`amounts: --unit needs one of ${UNITS.join(", ")}\n\n${AMOUNTS_HELP}`);
        return 2;
      }
      defaultUnit = u as (typeof UNITS)[number];
      continue;
    }
    stdout.write(`amounts: unknown argument ${terminalSafeJson(JSON.stringify(a))}\n\n${AMOUNTS_HELP}`);
    return 2;
  }
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const ok = stdout.write(`${terminalSafeJson(JSON.stringify(recognizeAmounts(line, { defaultUnit })))}\n`);
    if (!ok) await new Promise<void>((resolve) => stdout.once("drain", () => resolve()));
  }
  return 0;
}
