import type { Table, TableRow, Validation } from "../model/index.js";
import { cellFigure, cellIndex, type CellFigure } from "./table-figures.js";
import { sumCheck } from "./validations.js";

/**
 * The tables' own arithmetic, per money column: a 合计/总计 row equals the sum of the top-level rows under it, and by
 * classification code 类 = Σ 款 = Σ 项 (3 → 5 → 7 digits). Only rows with figures take part; a check needs ≥ 2 parts.
 */
/**
 * The same code on two adjacent rows: a list of items each tagged with its 科目 (西安 政府采购预算表: a 全额 line, the
 * unit's line and its purchases, all under 2010301), not a classification whose 类 rows add up to the 合计.
 */
function listsItemsUnderCodes(coded: readonly TableRow[]): boolean {
  return coded.some((r, i) => i > 0 && r.code === coded[i - 1]!.code && r.index === coded[i - 1]!.index + 1);
}

export function checkTables(tables: Table[]): Validation[] {
  const out: Validation[] = [];
  for (const t of tables) {
    const at = cellIndex(t);
    // Codes belong to the leading label panel: a second panel side by side (公用经费 next to 人员经费) has its own
    // code column, so only figure columns before the next label column are checked against the row codes.
    const firstFigure = t.columns.find((c) => c.kind === "amount")?.index ?? t.nCols;
    const nextLabel = t.columns.find((c) => c.index > firstFigure && (c.kind === "code" || c.kind === "name" || c.kind === "text"))?.index ?? t.nCols;
    const amountCols = t.columns.filter((c) => c.kind === "amount" && c.index < nextLabel).map((c) => c.index);
    for (const col of amountCols) {
      const fig = (row: number): CellFigure | null => {
        const cell = at.get(`${row},${col}`);
        return cell ? cellFigure(t, cell) : null;
      };
      const coded = t.rows.filter((r) => r.kind === "data" && r.code && /^\d{3}(\d{2}){0,2}$/.test(r.code));
      const header = t.columns[col]?.header ?? `col ${col}`;
      // 类 = Σ 款, 款 = Σ 项.
      for (const [i, parent] of coded.entries()) {
        const code = parent.code!;
        if (code.length >= 7) continue;
        // A parent's children are the rows printed under it, up to the next row of its level or above: a table may
        // print the same 类 twice (grouped under a second classification), each time with its own 款 rows.
        const children: typeof coded = [];
        for (const r of coded.slice(i + 1)) {
          if (r.code!.length <= code.length) break;
          if (r.code!.length === code.length + 2 && r.code!.startsWith(code)) children.push(r);
        }
        const total = fig(parent.index);
        const parts = children.map((r) => fig(r.index)).filter((f): f is CellFigure => f !== null);
        if (!total || parts.length < 1 || parts.length !== children.length) continue;
        out.push(sumCheck(`table:${t.id}:code ${code} = Σ children [${header}]`, { key: "table", ...total.mention }, parts.map((p) => ({ key: "table", ...p.mention }))));
      }
      // 合计 = Σ top-level rows (the 类 rows when codes are present).
      const totalRow = t.rows.find((r) => r.kind === "total");
      if (!totalRow) continue;
      const total = fig(totalRow.index);
      if (!total) continue;
      const minLen = Math.min(...coded.map((r) => r.code!.length));
      const top = coded.length > 0 ? coded.filter((r) => r.code!.length === minLen) : [];
      const parts = top.map((r) => fig(r.index)).filter((f): f is CellFigure => f !== null);
      if (parts.length >= 2 && parts.length === top.length && !listsItemsUnderCodes(coded)) {
        out.push(sumCheck(`table:${t.id}:total = Σ rows [${header}]`, { key: "table", ...total.mention }, parts.map((p) => ({ key: "table", ...p.mention }))));
      }
    }
  }
  return out;
}
