import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runAmountsCommand } from "../../src/cli/amounts.js";

async function run(argv: string[], input: string): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  const code = await runAmountsCommand(argv, Readable.from([input]), stdout);
  return { code, out };
}

describe("amounts CLI", () => {
  it("writes one JSON array per input line", async () => {
    const { code, out } = await run([], "其中：一般公共预算收入340.77万元，基金预算收入0万元\n\n增长6.56%\n");
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n").map((l) => JSON.parse(l) as Array<{ yuan?: string; value: string }>);
    expect(lines).toHaveLength(3);
    expect(lines[0]!.map((s) => s.yuan)).toEqual(["3407700", "0"]);
    expect(lines[1]).toEqual([]);
    expect(lines[2]![0]!.value).toBe("6.56");
  });
  it("applies --unit to bare figures", async () => {
    const { out } = await run(["--unit", "万元"], "9.3342\n");
    expect((JSON.parse(out) as Array<{ yuan: string }>)[0]!.yuan).toBe("93342");
  });
  it("documents itself and rejects unknown flags", async () => {
    const help = await run(["--help"], "");
    expect([help.code, help.out.includes("one JSON array per input line")]).toEqual([0, true]);
    expect((await run(["--bogus"], "")).code).toBe(2);
  });
});
