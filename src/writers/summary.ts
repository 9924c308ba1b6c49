/**
 * The terminal summary of one extracted document (`inspect FILE`): what was read, in the order a person checks it —
 * source, meta, outline, tables, facts, failed checks with both sides, warnings. Colour is opt-in by the caller.
 */
import type { Evidence, ExtractedDocument, Section, Table, Validation } from "../model/index.js";
import { formatCheckValue, formatFactValue, groupThousands } from "./report/format.js";
import { groupValidations } from "./report/families.js";

export interface SummaryOptions {
  /** ANSI colours; decide with `useColor` (TTY and NO_COLOR). */
  color: boolean;
}

/** Colours only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

type Paint = (text: string) => string;
function painter(color: boolean) {
  const wrap = (code: string): Paint => (color ? (t) => `\x1b[${code}m${t}\x1b[0m` : (t) => t);
  return { bold: wrap("1"), dim: wrap("2"), red: wrap("31"), green: wrap("32"), yellow: wrap("33"), cyan: wrap("36") };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}
const padEndWide = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

function where(ev: Evidence): string {
  return ev.kind === "text" ? `${ev.blockId}@${ev.start}` : `${ev.tableId}[r${ev.row},c${ev.col}]`;
}

function outline(sections: readonly Section[], depth: number, out: string[], p: ReturnType<typeof painter>): void {
  for (const s of sections) {
    out.push(`${"  ".repeat(depth + 1)}${s.label ? `${p.cyan(s.label)} ` : ""}${s.title}`);
    outline(s.children, depth + 1, out, p);
  }
}

function tableLine(t: Table): string {
  const name = [t.number, t.title].filter((x): x is string => !!x).filter((x, i, a) => a.indexOf(x) === i).join(" ") || "(untitled)";
  const units = new Set(t.columns.map((c) => c.unit?.unit).filter((u): u is NonNullable<typeof u> => !!u));
  const unit = t.unit?.unit ?? (units.size > 0 ? [...units].join("/") : "no unit");
  return `${t.id}  ${name}  ${t.nRows}×${t.nCols}  ${unit}`;
}

function validationLines(v: Validation, p: ReturnType<typeof painter>): string[] {
  const side = (x: string | undefined) => (x === undefined ? "?" : formatCheckValue(v.rule, x));
  const lines = [`  ${p.red("FAIL")} ${v.rule}${v.message ? `  ${v.message}` : ""}`];
  // A completeness check compares no figures: its message says what is missing.
  if (v.expected !== undefined || v.actual !== undefined) lines.push(`       expected ${side(v.expected)}  ≠  actual ${side(v.actual)}` +
    `${v.difference !== undefined ? `  (difference ${side(v.difference)}` : ""}` +
    `${v.tolerance !== undefined ? `${v.difference !== undefined ? ", " : "  ("}tolerance ${side(v.tolerance)})` : v.difference !== undefined ? ")" : ""}`);
  v.evidence.forEach((ev, i) => lines.push(p.dim(`       ${i + 1}. "${ev.quote}"  ${where(ev)}`)));
  return lines;
}

export function renderSummary(doc: ExtractedDocument, options: SummaryOptions): string {
  const p = painter(options.color);
  const out: string[] = [];
  const m = doc.meta;
  const heading = (title: string, count?: number) => p.bold(count === undefined ? title : `${title} (${count})`);

  out.push(p.bold(m.title ?? doc.source.path));
  out.push(`source    ${doc.source.path}`);
  out.push(`format    ${doc.source.format}${doc.source.encoding ? `, ${doc.source.encoding}` : ""}  ${groupThousands(String(doc.source.bytes))} bytes  sha256 ${doc.source.sha256.slice(0, 12)}…`);
  const kind = [m.docKind, m.scope].filter(Boolean).join(", ");
  out.push(`meta      year ${m.fiscalYear ?? "?"}  kind ${kind || "?"}  entity ${m.entity ?? "?"}${m.region ? `  region ${m.region}` : ""}`);

  out.push("", heading("sections", countSections(doc.sections)));
  if (doc.sections.length === 0) out.push(p.dim("  (none)"));
  outline(doc.sections, 0, out, p);

  out.push("", heading("tables", doc.tables.length));
  if (doc.tables.length === 0) out.push(p.dim("  (none)"));
  for (const t of doc.tables) out.push(`  ${tableLine(t)}`);

  out.push("", heading("facts", doc.facts.length));
  if (doc.facts.length === 0) out.push(p.dim("  (none)"));
  const keyWidth = Math.min(40, Math.max(0, ...doc.facts.map((f) => displayWidth(`${f.key}${f.name ? ` [${f.name}]` : ""}`))));
  for (const f of doc.facts) {
    const key = `${f.key}${f.name ? ` [${f.name}]` : ""}`;
    const value = formatFactValue(f);
    const fund = f.fund !== "all" ? p.dim(` ${f.fund}`) : "";
    out.push(`  ${padEndWide(key, keyWidth)}  ${value.padStart(16)}  "${f.raw}"${fund}${f.basis ? p.dim(` ${f.basis}`) : ""}${p.dim(`  ${f.evidence[0] ? where(f.evidence[0]) : ""}`)}`);
  }

  const failed = doc.validations.filter((v) => v.status === "fail");
  const passed = doc.validations.filter((v) => v.status === "pass").length;
  const skipped = doc.validations.length - failed.length - passed;
  out.push("", `${heading("validations", doc.validations.length)}  ${p.green(`${passed} pass`)}, ${failed.length ? p.red(`${failed.length} fail`) : "0 fail"}, ${skipped} skipped`);
  // By family (the rule's prefix): each family's counts, then its failures with both sides and their evidence.
  for (const g of groupValidations(doc.validations)) {
    const pass = g.items.filter((v) => v.status === "pass").length;
    out.push(`  ${p.bold(`${g.family}:`)} ${g.items.length} checks, ${pass} pass, ${g.failed ? p.red(`${g.failed} fail`) : "0 fail"}, ${g.items.length - pass - g.failed} skipped`);
    for (const v of g.items) if (v.status === "fail") out.push(...validationLines(v, p));
  }

  out.push("", heading("warnings", doc.warnings.length));
  for (const w of doc.warnings) out.push(`  ${p.yellow(w.code)}  ${w.message}${w.blockId ? p.dim(`  (${w.blockId})`) : ""}`);
  return `${out.join("\n")}\n`;
}

function countSections(sections: readonly Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}
