import type { ParagraphBlock, RawCell, RawTableBlock } from "../../src/model/blocks.js";

/** A cell: plain text, or [text, colSpan, rowSpan, col?]. */
export type CellSpec = string | [string, number, number, number?];

export function cell(spec: CellSpec): RawCell {
  if (typeof spec === "string") return { text: spec, colSpan: 1, rowSpan: 1 };
  const [text, colSpan, rowSpan, col] = spec;
  return col === undefined ? { text, colSpan, rowSpan } : { text, colSpan, rowSpan, col };
}

export function table(id: string, rows: CellSpec[][]): RawTableBlock {
  return { id, type: "table", rows: rows.map((r) => ({ cells: r.map(cell) })), provenance: { tableIndex: Number(id.replace(/\D/g, "")) || 0 } };
}

export function para(id: string, text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return { id, type: "paragraph", text, provenance: { paragraphIndex: Number(id.replace(/\D/g, "")) || 0 }, ...extra };
}
