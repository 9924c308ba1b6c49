/**
 * The one row model of the archive outputs: a document's content as rows of the tables of schema.ts, built once
 * (in the worker that extracted it, or from its JSON output on a resumed run) and handed to every writer — the
 * facts and line-items CSV/NDJSON, the DuckDB file and the Parquet dataset — so they cannot disagree.
 */
import type { ExtractedDocument, Fact, LineItem, Table, Validation } from "../../model/index.js";
import type { ManifestRecord } from "../../model/manifest.js";
// A check's family (the rule's prefix before the first ':'; "sum" for the older identities), defined once.
import { ruleFamily } from "../../budget/checks/family.js";
import { fitsDecimal } from "./decimal.js";
import type { ContentTable, Row } from "./schema.js";

/** The document-level fields that come from the content (the rest of a documents row comes from the manifest). */
export interface DocMeta {
  schemaVersion: string;
  fiscalYear: number | null;
  docKind: string | null;
  scope: string | null;
  entity: string | null;
  region: string | null;
  title: string | null;
  consolidation: string | null;
  units: string[] | null;
  pageCount: number | null;
  counts: { tables: number; facts: number; lineItems: number; validations: number; validationFailures: number };
  /** Figures that do not fit DECIMAL(20,4): stored NULL in the database, exact in the JSON (src/writers/db/decimal.ts). */
  inexactValues: number;
}

export type ContentRows = { [T in ContentTable]: Row<T>[] };

export interface ContentRecords extends ContentRows {
  sha256: string;
  meta: DocMeta;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A fact's row. `docEntity` is the document's entity: a bundle unit's own figure names its unit instead. */
export function factRecord(sha256: string, docEntity: string | null, f: Fact): Row<"facts"> {
  return {
    sha256,
    key: f.key,
    fund: f.fund,
    basis: orNull(f.basis),
    name: orNull(f.name),
    entity: f.entity ?? docEntity,
    // Kept a string: the exact decimal must not pass through a float on the way out.
    yuan: f.yuan,
    unit: f.unit,
    raw: f.raw,
    evidence: JSON.stringify(f.evidence),
  };
}

export function lineItemRecord(sha256: string, li: LineItem): Row<"line_items"> {
  return {
    sha256,
    table_id: li.tableId,
    table_kind: li.tableKind,
    classification: li.classification,
    // A string, so "30101" keeps its digits as printed.
    code: li.code,
    name: li.name,
    level: li.level,
    measure: li.measure,
    fund: li.fund,
    yuan: li.yuan,
    unit: li.unit,
    evidence: JSON.stringify(li.evidence),
  };
}

export function validationRecord(sha256: string, v: Validation): Row<"validations"> {
  return {
    sha256,
    rule: v.rule,
    family: ruleFamily(v.rule),
    status: v.status,
    expected: orNull(v.expected),
    actual: orNull(v.actual),
    difference: orNull(v.difference),
    tolerance: orNull(v.tolerance),
    message: orNull(v.message),
    evidence: JSON.stringify(v.evidence),
  };
}

export function tableRecord(sha256: string, t: Table): Row<"tables"> {
  return {
    sha256,
    table_id: t.id,
    kind: t.kind ?? null,
    title: t.title,
    number: t.number,
    entity: t.entity ?? null,
    unit: t.unit?.unit ?? null,
    unit_multiplier: t.unit?.multiplier ?? null,
    n_rows: t.nRows,
    n_cols: t.nCols,
    title_rows: t.titleRows ?? 0,
    header_rows: t.headerRows,
  };
}

/** Every cell of a table, with its row's kind (data, total, header …) so a query can keep the figures only. */
export function cellRecords(sha256: string, t: Table): Row<"cells">[] {
  const rowKind = new Map(t.rows.map((r) => [r.index, r.kind]));
  return t.cells.map((c) => ({
    sha256,
    table_id: t.id,
    row: c.row,
    col: c.col,
    row_span: c.rowSpan,
    col_span: c.colSpan,
    row_kind: rowKind.get(c.row) ?? null,
    text: c.text,
    value_kind: c.value?.kind ?? null,
    value: c.value?.value ?? null,
    yuan: c.value?.yuan ?? null,
    null_kind: c.value?.nullKind ?? null,
  }));
}

/** The highest page any block or table comes from; null for formats without pages. */
function pageCount(doc: ExtractedDocument): number | null {
  let max = 0;
  for (const b of doc.blocks) if (b.provenance.page !== undefined && b.provenance.page > max) max = b.provenance.page;
  for (const t of doc.tables) for (const p of t.provenance) if (p.page !== undefined && p.page > max) max = p.page;
  return max > 0 ? max : null;
}

const DECIMAL_COLUMNS: { [T in ContentTable]: readonly (keyof Row<T>)[] } = {
  facts: ["yuan"],
  line_items: ["yuan"],
  validations: ["expected", "actual", "difference", "tolerance"],
  tables: ["unit_multiplier"],
  cells: ["value", "yuan"],
};

function countInexact<T extends ContentTable>(table: T, rows: readonly Row<T>[]): number {
  let n = 0;
  for (const r of rows) for (const c of DECIMAL_COLUMNS[table]) if (!fitsDecimal(r[c] as string | null)) n++;
  return n;
}

export function docMeta(doc: ExtractedDocument, rows: ContentRows): DocMeta {
  const m = doc.meta;
  let inexact = 0;
  for (const t of Object.keys(rows) as ContentTable[]) inexact += countInexact(t, rows[t] as Row<typeof t>[]);
  return {
    schemaVersion: doc.schemaVersion,
    fiscalYear: orNull(m.fiscalYear),
    docKind: orNull(m.docKind),
    scope: orNull(m.scope),
    entity: orNull(m.entity),
    region: orNull(m.region),
    title: orNull(m.title),
    consolidation: orNull(m.consolidation),
    units: orNull(m.units),
    pageCount: pageCount(doc),
    counts: {
      tables: doc.tables.length,
      facts: doc.facts.length,
      lineItems: (doc.lineItems ?? []).length,
      validations: doc.validations.length,
      validationFailures: doc.validations.filter((v) => v.status === "fail").length,
    },
    inexactValues: inexact,
  };
}

/**
 * The rows of `doc` for the tables in `wanted` (the others stay empty: a run writing only --facts does not pay for
 * cells). An output written before line items existed has none.
 */
export function recordsOf(doc: ExtractedDocument, wanted: readonly ContentTable[]): ContentRecords {
  const sha = doc.source.sha256;
  const want = new Set(wanted);
  const entity = doc.meta.entity ?? null;
  const rows: ContentRows = {
    facts: want.has("facts") ? doc.facts.map((f) => factRecord(sha, entity, f)) : [],
    line_items: want.has("line_items") ? (doc.lineItems ?? []).map((li) => lineItemRecord(sha, li)) : [],
    validations: want.has("validations") ? doc.validations.map((v) => validationRecord(sha, v)) : [],
    tables: want.has("tables") ? doc.tables.map((t) => tableRecord(sha, t)) : [],
    cells: want.has("cells") ? doc.tables.flatMap((t) => cellRecords(sha, t)) : [],
  };
  return { sha256: sha, meta: docMeta(doc, rows), ...rows };
}

/** A documents row: the manifest record of one input (its path, status, error) and, when it has content, its meta. */
export function documentRecord(r: ManifestRecord, meta: DocMeta | null): Row<"documents"> {
  return {
    path: r.path,
    sha256: r.sha256,
    bytes: r.bytes,
    format: r.format,
    status: r.status,
    duplicate_of: r.duplicateOf ?? null,
    error_code: r.error?.code ?? null,
    error_message: r.error?.message ?? null,
    duration_ms: Math.round(r.durationMs),
    parser_version: r.parserVersion,
    schema_version: meta?.schemaVersion ?? null,
    fiscal_year: meta?.fiscalYear ?? null,
    doc_kind: meta?.docKind ?? null,
    scope: meta?.scope ?? null,
    entity: meta?.entity ?? null,
    region: meta?.region ?? null,
    title: meta?.title ?? null,
    consolidation: meta?.consolidation ?? null,
    units: meta?.units ? JSON.stringify(meta.units) : null,
    page_count: meta?.pageCount ?? null,
    n_tables: meta?.counts.tables ?? null,
    n_facts: meta?.counts.facts ?? null,
    n_line_items: meta?.counts.lineItems ?? null,
    n_validations: meta?.counts.validations ?? null,
    validation_failures: r.validationFailures ?? meta?.counts.validationFailures ?? null,
    inexact_values: meta?.inexactValues ?? null,
  };
}
