/**
 * Long-format line items across a whole archive, one row per line item (src/writers/long-format.ts: CSV or NDJSON,
 * atomic): path, sha256, format, fiscal_year, doc_kind, scope, entity, table_id, table_kind, classification, code,
 * name, level, measure, fund, yuan, unit, evidence.
 */
import type { LineItem } from "../model/index.js";
import { DOC_COLUMNS, docFields, LongFormatWriter, type DocInfo, type LongFormat, type LongSchema } from "./long-format.js";

export const LINE_ITEM_COLUMNS = [...DOC_COLUMNS, "table_id", "table_kind", "classification", "code", "name", "level", "measure", "fund", "yuan", "unit", "evidence"] as const;
export type LineItemRow = Record<(typeof LINE_ITEM_COLUMNS)[number], string | number | null>;
export const LINE_ITEM_SCHEMA: LongSchema = { columns: LINE_ITEM_COLUMNS, jsonColumns: ["evidence"] };

export function lineItemRows(doc: DocInfo, items: readonly LineItem[]): LineItemRow[] {
  return items.map((li) => ({
    ...docFields(doc),
    table_id: li.tableId,
    table_kind: li.tableKind,
    classification: li.classification,
    // A string in CSV, so "30101" keeps its digits as printed (a reader may still type it: say dtype=str).
    code: li.code,
    name: li.name,
    level: li.level,
    measure: li.measure,
    fund: li.fund,
    yuan: li.yuan,
    unit: li.unit,
    evidence: JSON.stringify(li.evidence),
  }));
}

export class LineItemsWriter extends LongFormatWriter {
  constructor(file: string, format: LongFormat) {
    super(file, format, LINE_ITEM_SCHEMA);
  }

  add(doc: DocInfo, items: readonly LineItem[]): Promise<void> {
    return this.addRows(lineItemRows(doc, items));
  }
}
