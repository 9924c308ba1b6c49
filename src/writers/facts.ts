/**
 * Long-format facts across a whole archive, one row per fact (src/writers/long-format.ts: CSV or NDJSON, atomic):
 *   path, sha256, format, fiscal_year, doc_kind, scope, entity, key, fund, basis, name, yuan, unit, raw, evidence
 */
import type { Fact } from "../model/index.js";
import { DOC_COLUMNS, docFields, longFormatOf, LongFormatWriter, rowToCsv, rowToNdjson, type DocInfo, type LongFormat, type LongSchema } from "./long-format.js";

export type FactsFormat = LongFormat;
export type FactsDocInfo = DocInfo;

export const FACT_COLUMNS = [...DOC_COLUMNS, "key", "fund", "basis", "name", "yuan", "unit", "raw", "evidence"] as const;
export type FactRow = Record<(typeof FACT_COLUMNS)[number], string | number | null>;
export const FACT_SCHEMA: LongSchema = { columns: FACT_COLUMNS, jsonColumns: ["evidence"] };

export const factsFormatOf = longFormatOf;

export function factRows(doc: FactsDocInfo, facts: readonly Fact[]): FactRow[] {
  return facts.map((f) => ({
    ...docFields(doc),
    // A bundle's unit's own figure is filed under that unit, not the department.
    ...(f.entity ? { entity: f.entity } : {}),
    key: f.key,
    fund: f.fund,
    basis: f.basis ?? null,
    name: f.name ?? null,
    // Kept a string: the exact decimal must not pass through a float on the way out.
    yuan: f.yuan,
    unit: f.unit,
    raw: f.raw,
    evidence: JSON.stringify(f.evidence),
  }));
}

export const factRowToCsv = (row: FactRow): string => rowToCsv(FACT_SCHEMA, row);
// Evidence as an array in NDJSON (it is a JSON string only in CSV).
export const factRowToNdjson = (row: FactRow): string => rowToNdjson(FACT_SCHEMA, row);

export class FactsWriter extends LongFormatWriter {
  constructor(file: string, format: FactsFormat) {
    super(file, format, FACT_SCHEMA);
  }

  add(doc: FactsDocInfo, facts: readonly Fact[]): Promise<void> {
    return this.addRows(factRows(doc, facts));
  }
}
