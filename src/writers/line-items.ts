/**
 * Long-format line items across a whole archive, one row per line item (src/writers/long-format.ts: CSV or NDJSON,
 * atomic): path, sha256, format, fiscal_year, doc_kind, scope, entity, table_id, table_kind, classification, code,
 * name, level, measure, fund, yuan, unit, evidence.
 */
import type { LineItem } from "../model/index.js";
import { lineItemRecord } from "./db/records.js";
import type { Row } from "./db/schema.js";
import { DOC_COLUMNS, docFields, LongFormatWriter, type DocInfo, type LongFormat, type LongSchema } from "./long-format.js";

export const LINE_ITEM_COLUMNS = [...DOC_COLUMNS, "table_id", "table_kind", "classification", "code", "name", "level", "measure", "fund", "yuan", "unit", "evidence"] as const;
export type LineItemRow = Record<(typeof LINE_ITEM_COLUMNS)[number], string | number | null>;
export const LINE_ITEM_SCHEMA: LongSchema = { columns: LINE_ITEM_COLUMNS, jsonColumns: ["evidence"] };

/** The CSV/NDJSON row of a line item: the document's fields, then the item's record (the one the database gets). */
export function lineItemRowOf(doc: DocInfo, record: Row<"line_items">): LineItemRow {
  const { sha256: _sha, ...item } = record;
  return { ...docFields(doc), ...item };
}

export function lineItemRows(doc: DocInfo, items: readonly LineItem[]): LineItemRow[] {
  return items.map((li) => lineItemRowOf(doc, lineItemRecord(doc.sha256, li)));
}

export class LineItemsWriter extends LongFormatWriter {
  constructor(file: string, format: LongFormat) {
    super(file, format, LINE_ITEM_SCHEMA);
  }

  add(doc: DocInfo, items: readonly LineItem[]): Promise<void> {
    return this.addRows(lineItemRows(doc, items));
  }

  /** The records of src/writers/db/records.ts, as every archive writer gets them. */
  addRecords(doc: DocInfo, records: readonly Row<"line_items">[]): Promise<void> {
    return this.addRows(records.map((r) => lineItemRowOf(doc, r)));
  }
}
