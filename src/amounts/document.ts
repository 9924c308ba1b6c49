import type { AmountSpan, DocumentAmount, ParagraphBlock, Table } from "../model/index.js";
import { recognizeAmounts } from "./recognize.js";

/**
 * Every amount of a document: the recognizer over each body paragraph, and each typed money cell of the tables (the
 * table layer has already applied the table's and column's unit). Ids run a0, a1 … in reading order.
 */
export function documentAmounts(paragraphs: readonly ParagraphBlock[], tables: readonly Table[]): {
  amounts: DocumentAmount[];
  spansByBlock: Map<string, AmountSpan[]>;
} {
  const spansByBlock = new Map<string, AmountSpan[]>();
  const amounts: DocumentAmount[] = [];
  for (const p of paragraphs) {
    const spans = recognizeAmounts(p.text);
    spansByBlock.set(p.id, spans);
    for (const s of spans) amounts.push({ id: `a${amounts.length}`, blockId: p.id, ...s });
  }
  for (const t of tables) {
    for (const c of t.cells) {
      if (c.value?.kind !== "amount" || c.value.value === undefined) continue;
      const unit = t.columns[c.col]?.unit ?? t.unit;
      amounts.push({
        id: `a${amounts.length}`,
        blockId: t.blockIds[0]!,
        cell: { tableId: t.id, row: c.row, col: c.col },
        start: 0,
        end: c.text.length,
        text: c.text,
        kind: "money",
        value: c.value.value,
        unit: unit?.unit ?? null,
        ...(c.value.yuan !== undefined ? { yuan: c.value.yuan } : {}),
      });
    }
  }
  return { amounts, spansByBlock };
}
