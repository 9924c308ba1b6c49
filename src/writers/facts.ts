/**
 * Long-format facts across a whole archive, one row per fact (src/writers/long-format.ts: CSV or NDJSON, atomic):
 *   path, sha256, format, fiscal_year, doc_kind, scope, entity, key, fund, basis, name, yuan, unit, raw, evidence
 */
import type { Fact } from "../model/index.js";
import { factRecord } from "./db/records.js";
import type { Row } from "./db/schema.js";
import { DOC_COLUMNS, docFields, longFormatOf, LongFormatWriter, rowToCsv, rowToNdjson, type DocInfo, type LongFormat, type LongSchema } from "./long-format.js";

export type FactsFormat = LongFormat;
export type FactsDocInfo = DocInfo;

export const FACT_COLUMNS = [...DOC_COLUMNS, "key", "fund", "basis", "name", "yuan", "unit", "raw", "evidence"] as const;
export type FactRow = Record<(typeof FACT_COLUMNS)[number], string | number | null>;
export const FACT_SCHEMA: LongSchema = { columns: FACT_COLUMNS, jsonColumns: ["evidence"] };

export const factsFormatOf = longFormatOf;

/** The CSV/NDJSON row of a fact: the document's fields, then the fact's record (the same one the database gets). */
export function factRowOf(doc: FactsDocInfo, record: Row<"facts">): FactRow {
  const { sha256: _sha, ...fact } = record;
  return { ...docFields(doc), ...fact };
}

export function factRows(doc: FactsDocInfo, facts: readonly Fact[]): FactRow[] {
  const entity = doc.meta.entity ?? null;
  return facts.map((f) => factRowOf(doc, factRecord(doc.sha256, entity, f)));
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

  /** The records of src/writers/db/records.ts, as every archive writer gets them. */
  addRecords(doc: FactsDocInfo, records: readonly Row<"facts">[]): Promise<void> {
    return this.addRows(records.map((r) => factRowOf(doc, r)));
  }
}
