/** The end-of-run summary: counts by status and format, errors by code, slowest files, validation failures. */
import type { ManifestRecord } from "./manifest.js";
import { groupByFamily, ruleName } from "../budget/checks/family.js";
import type { Validation } from "../model/index.js";

export interface RunEntry {
  record: ManifestRecord;
  /** Taken over from the previous run's manifest (unchanged input), not extracted again. */
  reused: boolean;
}

export interface BatchSummary {
  inputs: number;
  /** Extracted in this run (a worker ran). */
  parsed: number;
  /** Copied from an identical file extracted in this run. */
  copied: number;
  /** Unchanged since the last run: nothing done. */
  reused: number;
  byStatus: Record<string, number>;
  byFormat: Record<string, Record<string, number>>;
  errorsByCode: Record<string, number>;
  slowest: { path: string; durationMs: number }[];
  validationFailures: { path: string; failures: number }[];
  /** Failed checks by family (completeness, cross, change, sum, consistent, table), then by rule, with documents. */
  failuresByFamily: { family: string; failures: number; rules: { rule: string; failures: number; documents: number }[] }[];
}

/** A document's failed checks as a manifest record carries them: rule name (see ruleName) → count. */
export function failedRules(validations: readonly Validation[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of validations) if (v.status === "fail") bump(out, ruleName(v.rule));
  return out;
}

function byFamily(entries: readonly RunEntry[]): BatchSummary["failuresByFamily"] {
  const rules = new Map<string, { rule: string; failures: number; documents: number }>();
  for (const { record } of entries) {
    for (const [rule, n] of Object.entries(record.failedRules ?? {})) {
      const r = rules.get(rule) ?? { rule, failures: 0, documents: 0 };
      r.failures += n;
      r.documents += 1;
      rules.set(rule, r);
    }
  }
  return groupByFamily([...rules.values()]).map((g) => ({
    family: g.family,
    failures: g.items.reduce((n, r) => n + r.failures, 0),
    rules: [...g.items].sort((a, b) => b.failures - a.failures || (a.rule < b.rule ? -1 : 1)),
  }));
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function summarize(entries: readonly RunEntry[], top = 5): BatchSummary {
  const byStatus: Record<string, number> = {};
  const byFormat: Record<string, Record<string, number>> = {};
  const errorsByCode: Record<string, number> = {};
  let parsed = 0;
  let copied = 0;
  let reused = 0;
  for (const { record, reused: wasReused } of entries) {
    bump(byStatus, record.status);
    const format = record.format ?? "unread";
    bump((byFormat[format] ??= {}), record.status);
    if (record.error) bump(errorsByCode, record.error.code);
    if (wasReused) reused++;
    else if (record.duplicateOf !== undefined) copied++;
    else parsed++;
  }
  const fresh = entries.filter((e) => !e.reused && e.record.duplicateOf === undefined);
  const slowest = fresh
    .map((e) => ({ path: e.record.path, durationMs: e.record.durationMs }))
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, top);
  const validationFailures = entries
    .filter((e) => (e.record.validationFailures ?? 0) > 0)
    .map((e) => ({ path: e.record.path, failures: e.record.validationFailures ?? 0 }))
    .sort((a, b) => b.failures - a.failures || (a.path < b.path ? -1 : 1));
  return { inputs: entries.length, parsed, copied, reused, byStatus, byFormat, errorsByCode, slowest, validationFailures, failuresByFamily: byFamily(entries) };
}

function list(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}

export function formatSummary(s: BatchSummary, elapsedMs: number, top = 5): string {
  const lines = [
    `batch: ${s.inputs} inputs in ${(elapsedMs / 1000).toFixed(1)} s — ${list(s.byStatus) || "nothing to do"}`,
    `  processed ${s.parsed}, copied from identical files ${s.copied}, unchanged since last run ${s.reused}`,
  ];
  for (const [format, counts] of Object.entries(s.byFormat).sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  ${format}: ${list(counts)}`);
  if (Object.keys(s.errorsByCode).length > 0) lines.push(`  errors by code: ${list(s.errorsByCode)}`);
  if (s.slowest.length > 0) lines.push(`  slowest: ${s.slowest.map((x) => `${x.path} ${(x.durationMs / 1000).toFixed(2)} s`).join("; ")}`);
  if (s.validationFailures.length > 0) {
    const total = s.validationFailures.reduce((n, v) => n + v.failures, 0);
    const shown = s.validationFailures.slice(0, top).map((v) => `${v.path} (${v.failures})`);
    lines.push(`  validation failures: ${total} checks in ${s.validationFailures.length} documents: ${shown.join("; ")}${s.validationFailures.length > top ? " …" : ""}`);
  }
  for (const f of s.failuresByFamily) {
    const shown = f.rules.slice(0, top).map((r) => `${r.rule} ${r.failures} in ${r.documents} doc${r.documents === 1 ? "" : "s"}`);
    lines.push(`    ${f.family}: ${f.failures} — ${shown.join("; ")}${f.rules.length > top ? " …" : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
