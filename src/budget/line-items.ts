/**
 * Line items: every data row of a classification table (功能分类 类/款/项, 部门/政府 经济分类 类/款), one per money
 * column, at every level — so an analyst filters by level instead of summing. Total rows (合计/总计) and rows
 * without a classification code give none; a blank or dash cell is not a value (a printed 0 is).
 */
import type { LineItem, Table, TableCell } from "../model/index.js";
import { tableKindSpec } from "./catalog/index.js";
import { cellFigure, cellIndex } from "./table-figures.js";
import { classifyCode, headersAllow } from "./line-items/classification.js";
import { columnFund } from "./line-items/fund.js";
import { tablePanels, type Panel } from "./line-items/panels.js";

const TOTAL_NAME = /^(?:合计|总计|小计|本年支出合计|支出合计|收入合计)$/;

/**
 * A 决算's 年初预算数 / 调整预算数 / 决算数 columns are each a line item, told apart by their measure (the analyst filters
 * by it), so the document's basis plays no part.
 */
export function lineItems(tables: readonly Table[]): LineItem[] {
  return tables.flatMap(tableLineItems);
}

function tableLineItems(t: Table): LineItem[] {
  const cells = cellIndex(t);
  const out: LineItem[] = [];
  for (const panel of tablePanels(t, cells)) {
    if (panel.money.length === 0) continue;
    // Every data row is read, in order, even those that give nothing: split 类|款 codes carry down.
    for (const row of t.rows) {
      if (row.kind !== "data") continue;
      const label = panel.label(row);
      if (label && !TOTAL_NAME.test(label.name)) out.push(...rowLineItems(t, panel, cells, row.index, label));
    }
  }
  return out;
}

function rowLineItems(t: Table, panel: Panel, cells: ReadonlyMap<string, TableCell>, row: number, label: { code: string; name: string }): LineItem[] {
  const cls = classifyCode(label.code);
  if (!cls || !headersAllow(panel.labelHeaders, cls.classification)) return [];
  const tableFund = tableKindSpec(t.kind)?.fund ?? "all";
  const items: LineItem[] = [];
  for (const column of panel.money) {
    const cell = cells.get(`${row},${column.index}`);
    // A cell spanning two money columns belongs to neither measure.
    if (!cell || cell.colSpan > 1) continue;
    const figure = cellFigure(t, cell);
    if (!figure) continue;
    const evidence: LineItem["evidence"] = { kind: "cell", tableId: t.id, row, col: column.index, quote: cell.text };
    items.push({
      tableId: t.id,
      tableKind: t.kind ?? "other",
      classification: cls.classification,
      code: label.code,
      name: label.name,
      level: cls.level,
      measure: column.header,
      fund: columnFund(tableFund, column),
      yuan: figure.yuan,
      unit: figure.mention.unit,
      evidence,
    });
  }
  return items;
}
