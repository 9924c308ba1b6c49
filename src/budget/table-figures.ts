import type { Evidence, Table, TableCell } from "../model/index.js";
import type { FactMention } from "./facts.js";

/** A money cell with everything a check or a fact needs: exact 元, printed precision, and where it is. */
export interface CellFigure {
  cell: TableCell;
  yuan: string;
  mention: Omit<FactMention, "key">;
}


/** The money value of a cell in 元, when its column (or table) unit is known. */
export function cellFigure(table: Table, cell: TableCell): CellFigure | null {
  const v = cell.value;
  if (!v || v.kind !== "amount" || v.yuan === undefined) return null;
  const unit = table.columns[cell.col]?.unit ?? table.unit;
  const decimals = /[.．](\d+)/.exec(cell.text.replace(/[,，\s]/g, ""))?.[1]?.length ?? 0;
  const evidence: Evidence = { kind: "cell", tableId: table.id, row: cell.row, col: cell.col, quote: cell.text };
  return {
    cell,
    yuan: v.yuan,
    mention: { yuan: v.yuan, raw: unit ? `${cell.text}${unit.unit}` : cell.text, unit: unit?.unit ?? null, evidence, decimals, multiplier: unit?.multiplier ?? "1" },
  };
}

/** Cell origins indexed by grid position (covered positions of merged cells are not indexed). */
export function cellIndex(table: Table): Map<string, TableCell> {
  return new Map(table.cells.map((c) => [`${c.row},${c.col}`, c]));
}
