/**
 * Line items: every data row of a classification table (功能分类 类/款/项, 部门/政府 经济分类 类/款), one per money
 * column, at every level — so an analyst filters by level instead of summing. Total rows (合计/总计) give none; a
 * table that prints names only is read by the national list and its sums (line-items/named.ts), its rows outside the
 * hierarchy giving none; a blank or dash cell is not a value (a printed 0 is).
 */
import type { Classification, LineItem, Table, TableCell, TableRow, Validation } from "../model/index.js";
import { tableKindSpec } from "./catalog/index.js";
import { cellFigure, cellIndex } from "./table-figures.js";
import { classifyCode, headersAllow } from "./line-items/classification.js";
import { columnFund } from "./line-items/fund.js";
import { tablePanels, type Panel } from "./line-items/panels.js";
import { namedLabels, type NamedRow } from "./line-items/named.js";
import { namedHierarchyChecks } from "./line-items/hierarchy.js";

const TOTAL_NAME = /^(?:合计|总计|小计|本年支出合计|支出合计|收入合计)$/;
// The classification tables a names-only reading is for (not the 收支总表, whose 支出 side repeats the 支出表's
// classes, nor 采购 or 三公 tables, whose names are items or projects); the 基本支出 ones are read as 经济分类 first.
const NAMED_KINDS = /^(?:general_budget|general_budget_basic|general_budget_project|fiscal_expenditure|fiscal_basic|government_fund|state_capital|income|expenditure|basic|project)$/;
const ECONOMIC_KINDS = /^(?:general_budget_basic|fiscal_basic|basic)$/;

interface RowLabel {
  classification: Classification;
  code: string | null;
  name: string;
  level: LineItem["level"];
  /** A names-only row whose level came from its name alone, not from fitting the sums (so the sums are checked). */
  levelByName?: boolean;
}

/**
 * The line items, and the hierarchy checks of the names-only tables (coded tables are checked by the table layer).
 * A 决算's 年初预算数 / 调整预算数 / 决算数 columns are each a line item, told apart by their measure (the analyst filters
 * by it), so the document's basis plays no part.
 */
export function readLineItems(tables: readonly Table[]): { items: LineItem[]; checks: Validation[] } {
  const items: LineItem[] = [];
  const checks: Validation[] = [];
  for (const t of tables) {
    const read = tableLineItems(t);
    // Loops, not spreads: a table of 400,000 items would overflow the call stack as arguments.
    for (const item of read.items) items.push(item);
    if (read.named.length > 0) for (const check of namedHierarchyChecks(t, read.named, read.byName)) checks.push(check);
  }
  return { items, checks };
}

function tableLineItems(t: Table): { items: LineItem[]; named: LineItem[]; byName: Set<number> } {
  const cells = cellIndex(t);
  const items: LineItem[] = [];
  const named: LineItem[] = [];
  const byName = new Set<number>();
  for (const panel of tablePanels(t, cells)) {
    if (panel.money.length === 0) continue;
    const dataRows = t.rows.filter((r) => r.kind === "data");
    const coded = codedLabels(panel, dataRows);
    const labels = coded ?? (NAMED_KINDS.test(t.kind ?? "") ? namedPanelLabels(t, panel, cells, dataRows) : []);
    dataRows.forEach((row, i) => {
      const label = labels[i];
      if (!label || TOTAL_NAME.test(label.name)) return;
      const got = rowLineItems(t, panel, cells, row.index, label);
      for (const item of got) items.push(item);
      if (coded) return;
      for (const item of got) named.push(item);
      if (label.levelByName) byName.add(row.index);
    });
  }
  return { items, named, byName };
}

/** The labels of a panel that prints codes, or null when no row of it has one (a names-only table). */
function codedLabels(panel: Panel, dataRows: readonly TableRow[]): (RowLabel | null)[] | null {
  // Every data row is read, in order, even those that give nothing: split 类|款 codes carry down.
  const printed = dataRows.map((row) => panel.label(row));
  if (printed.every((l) => l === null)) return null;
  return printed.map((l) => {
    const cls = l && classifyCode(l.code);
    return l && cls && headersAllow(panel.labelHeaders, cls.classification) ? { ...cls, code: l.code, name: l.name } : null;
  });
}

/**
 * A names-only panel: rows labelled by the national list and the sums of its main money column. Rows without a
 * name (a 采购 table's item lines, a 栏次 row) are no part of the hierarchy.
 */
function namedPanelLabels(t: Table, panel: Panel, cells: ReadonlyMap<string, TableCell>, dataRows: readonly TableRow[]): (RowLabel | null)[] {
  const main = mainMoneyColumn(t, panel, cells, dataRows);
  const rows: NamedRow[] = [];
  for (const row of dataRows) {
    const name = panel.name(row);
    if (name === "") continue;
    const cell = cells.get(`${row.index},${main}`);
    const figure = cell ? cellFigure(t, cell) : null;
    rows.push({ row, name, yuan: figure?.yuan ?? "0", text: cell?.text ?? "0", multiplier: figure?.mention.multiplier ?? "1" });
  }
  const labels = namedLabels(rows, panel.labelHeaders, ECONOMIC_KINDS.test(t.kind ?? "")) ?? [];
  const byRow = new Map(rows.map((r, i) => [r.row.index, labels[i] ?? null]));
  return dataRows.map((row) => byRow.get(row.index) ?? null);
}

/** The money column with the most figures: the one whose sums carry the hierarchy (合计 / 总计). */
function mainMoneyColumn(t: Table, panel: Panel, cells: ReadonlyMap<string, TableCell>, dataRows: readonly TableRow[]): number {
  const count = (col: number) => dataRows.filter((r) => { const c = cells.get(`${r.index},${col}`); return c && cellFigure(t, c); }).length;
  let best = panel.money[0]!.index;
  for (const c of panel.money) if (count(c.index) > count(best)) best = c.index;
  return best;
}

function rowLineItems(t: Table, panel: Panel, cells: ReadonlyMap<string, TableCell>, row: number, label: RowLabel): LineItem[] {
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
      classification: label.classification,
      code: label.code,
      name: label.name,
      level: label.level,
      measure: column.header,
      fund: columnFund(tableFund, column),
      yuan: figure.yuan,
      unit: figure.mention.unit,
      evidence,
    });
  }
  return items;
}
