import { DEFAULT_LIMITS, type Limits } from "../limits.js";
import { UsageError } from "./args.js";

/** One CLI flag per limit, named after the limit ("maxInputBytes" → --max-input-bytes). */
const FLAG_OF = Object.fromEntries(
  (Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]).map((k) => [k, k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)]),
) as Record<keyof Limits, string>;

export const LIMIT_FLAGS = (Object.keys(FLAG_OF) as (keyof Limits)[])
  .map((k) => `      --${FLAG_OF[k]} N`.padEnd(37) + `(default ${DEFAULT_LIMITS[k]})`)
  .join("\n");

export const limitsFromFlags = {
  options: Object.fromEntries(Object.values(FLAG_OF).map((f) => [f, { type: "string" as const }])) as Record<string, { type: "string" }>,
  parse(values: Record<string, unknown>): Partial<Limits> {
    const out: Partial<Limits> = {};
    for (const [key, flag] of Object.entries(FLAG_OF) as [keyof Limits, string][]) {
      const v = values[flag];
      if (v === undefined) continue;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${flag} takes a positive whole number, not "${String(v)}".`);
      out[key] = n;
    }
    return out;
  },
};
