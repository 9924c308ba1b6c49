/** Which standard table a table is: by its title (or number), else by the header cells of a catalog signature. */
import type { Table } from "../../model/index.js";
import { compact } from "../../structure/tables/text.js";
import { TABLE_CATALOG, type TableKindSpec } from "./tables.js";

export interface TableKind {
  spec: TableKindSpec | undefined;
  evidence: NonNullable<Table["kindEvidence"]> | null;
}


/**
 * The header cells and row labels a signature is matched against, each compacted; with `skipCoded`, not the labels of
 * rows that carry a classification code.
 */
export function signatureCells(t: Table, skipCoded = false): string[] {
  const cells = new Set<string>();
  for (const c of t.columns) for (const p of c.path) cells.add(compact(p));
  const labelCols = new Set(t.columns.filter((c) => c.kind === "name" || c.kind === "text").map((c) => c.index));
  const coded = new Set(skipCoded ? t.rows.filter((r) => r.code !== undefined).map((r) => r.index) : []);
  for (const cell of t.cells) {
    if (!labelCols.has(cell.col) || !cell.text.trim() || coded.has(cell.row)) continue;
    cells.add(compact(cell.text).replace(/^[一二三四五六七八九十\d]+[、.．]|^[（(][^）)]*[）)]/, ""));
  }
  return [...cells];
}

function bySignature(t: Table): TableKind | null {
  const title = compact(t.title ?? "");
  for (const spec of TABLE_CATALOG) {
    if (!spec.signature || (spec.signatureTitle && !spec.signatureTitle.test(title))) continue;
    const cells = signatureCells(t, spec.signatureSkipsCodedRows);
    const hits = spec.signature.map((re) => cells.find((c) => re.test(c)));
    if (hits.some((h) => h === undefined)) continue;
    if (spec.notSignature?.some((re) => cells.some((c) => re.test(c)))) continue;
    return { spec, evidence: { by: "header_signature", quote: hits.join(" | ") } };
  }
  return null;
}

/** The catalog entry a title names (first match in catalog order), for a table's title or a section's heading. */
export function kindOfTitle(title: string): TableKindSpec | undefined {
  const squeezed = compact(title);
  return squeezed ? TABLE_CATALOG.find((s) => s.titles.some((re) => re.test(squeezed))) : undefined;
}

/** The table's catalog kind with what identified it; `spec` undefined means "other". */
export function classifyTable(t: Table): TableKind {
  const spec = kindOfTitle(t.title ?? "");
  if (spec) return { spec, evidence: { by: "title", quote: t.title! } };
  return bySignature(t) ?? { spec: undefined, evidence: null };
}

/** Sets `kind` and `kindEvidence` on every table (the budget stage's reading of the structure stage's tables). */
export function classifyTables(tables: Table[]): Map<string, TableKindSpec> {
  const specs = new Map<string, TableKindSpec>();
  for (const t of tables) {
    const k = classifyTable(t);
    t.kind = k.spec?.id ?? "other";
    t.kindEvidence = k.evidence;
    if (k.spec) specs.set(t.id, k.spec);
  }
  return specs;
}
