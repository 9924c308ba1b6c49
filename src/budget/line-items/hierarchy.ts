/**
 * The hierarchy check of a names-only classification table, over its line items (the table layer checks coded
 * rows; these rows have no printed code): per money column, 合计 = Σ 类, and 类 = Σ 款 = Σ 项 where the levels came
 * from the names alone. Levels the sums placed fit those sums by construction, so they are not checked again; the
 * 合计 row plays no part in placing them and is always checked.
 */
import type { LineItem, Table, Validation } from "../../model/index.js";
import { cellFigure, cellIndex, type CellFigure } from "../table-figures.js";
import { sumCheck } from "../validations.js";

const DEPTH_OF: Readonly<Record<LineItem["level"], number>> = { 类: 1, 款: 2, 项: 3 };

/** items: one table's names-only line items, in row order; byName: the rows whose level came from their name. */
export function namedHierarchyChecks(t: Table, items: readonly LineItem[], byName: ReadonlySet<number>): Validation[] {
  const cells = cellIndex(t);
  const figure = (row: number, col: number): CellFigure | null => {
    const cell = cells.get(`${row},${col}`);
    return cell ? cellFigure(t, cell) : null;
  };
  const mention = (f: CellFigure) => ({ key: "table", ...f.mention });
  const out: Validation[] = [];
  for (const col of new Set(items.map((li) => li.evidence.col))) {
    const column = items.filter((li) => li.evidence.col === col);
    const header = t.columns[col]?.header ?? `col ${col}`;
    column.forEach((parent, i) => {
      const children = childrenOf(column, i);
      if (children.length === 0 || ![parent, ...children].every((li) => byName.has(li.evidence.row))) return;
      const total = figure(parent.evidence.row, col)!;
      const label = parent.code ?? `[${parent.name}]`;
      out.push(sumCheck(`table:${t.id}:code ${label} = Σ children [${header}]`, mention(total), children.map((li) => mention(figure(li.evidence.row, col)!))));
    });
    const totalRow = t.rows.find((r) => r.kind === "total");
    const total = totalRow && figure(totalRow.index, col);
    const classes = column.filter((li) => li.level === "类");
    if (total && classes.length >= 2) {
      out.push(sumCheck(`table:${t.id}:total = Σ rows [${header}]`, mention(total), classes.map((li) => mention(figure(li.evidence.row, col)!))));
    }
  }
  return out;
}

/** The items one level below column[i], up to the next item of its level or above. */
function childrenOf(column: readonly LineItem[], i: number): LineItem[] {
  const depth = DEPTH_OF[column[i]!.level];
  const children: LineItem[] = [];
  for (const li of column.slice(i + 1)) {
    const d = DEPTH_OF[li.level];
    if (d <= depth) break;
    if (d === depth + 1) children.push(li);
  }
  return children;
}
