import { OCR_MODES, type OcrMode } from "../readers/ocr/index.js";
import { DEFAULT_MAX_WORKER_MB } from "../batch/pool.js";
import { DEFAULT_LIMITS, LIMIT_MAXIMA, MIN_WORKER_MB, type Limits } from "../limits.js";
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
      out[key] = wholeNumber(v, flag, LIMIT_MAXIMA[key]);
    }
    return out;
  },
};

/** A flag's value as a positive whole number up to `max`, or a usage error that says what it takes. */
function wholeNumber(v: unknown, flag: string, max?: { max: number; why: string }): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--${flag} takes a positive whole number, not "${String(v)}".`);
  if (max && n > max.max) throw new UsageError(`--${flag} can be at most ${max.max} (${max.why}), not ${n}.`);
  return n;
}

/** --max-worker-mb, for every verb that extracts in a worker (batch, extract, inspect): too_large advice names it. */
export const workerFlag = {
  options: { "max-worker-mb": { type: "string" as const } },
  help: `      --max-worker-mb N`.padEnd(37) + `(default ${DEFAULT_MAX_WORKER_MB}) heap ceiling per worker in MB, at least ${MIN_WORKER_MB}; over it: too_large`,
  parse(values: Record<string, unknown>): number | undefined {
    const v = values["max-worker-mb"];
    if (v === undefined) return undefined;
    const n = wholeNumber(v, "max-worker-mb");
    if (n < MIN_WORKER_MB) throw new UsageError(`--max-worker-mb must be at least ${MIN_WORKER_MB}, not ${n}: a worker with less heap cannot load the extractor.`);
    return n;
  },
};

/** --ocr, for every verb that extracts: which PDF pages are recognized from their image. */
export const ocrFlag = {
  options: { ocr: { type: "string" as const } },
  help: `      --ocr auto|always|never`.padEnd(37) + `(default auto) recognize PDF pages without a text layer (always: every page; never: none)`,
  parse(values: Record<string, unknown>): OcrMode | undefined {
    const v = values.ocr;
    if (v === undefined) return undefined;
    if (!OCR_MODES.includes(v as OcrMode)) throw new UsageError(`--ocr takes auto, always or never, not "${String(v)}".`);
    return v as OcrMode;
  },
};
