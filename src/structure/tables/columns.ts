/** Column header paths, kinds and money units. */
import type { ColumnKind, MoneyUnit, RowKind, TableColumn } from "../../model/table.js";
import type { BuiltGrid } from "./grid.js";
import { parseCellValue } from "./cell-value.js";
import { parseCodeCell } from "./codes.js";
import { compact, stripParens, tidy } from "./text.js";
import { findHeaderUnit } from "./units.js";

const COLNO = /^(行次|栏次)$/;
const CODE_HEADER = /(编码|代码|编号)$|^(类|款|项)$/;
const PERCENT_HEADER = /(%|％|比例|比重|占比|增长率|增幅|完成率|执行率|率)$/;
const COUNT_HEADER = /(数量|人数|个数|车辆数|次数|批次|人次|面积|台数|辆数|户数)$|^(序号)$/;
const NAME_HEADER = /(名称|^项目$|^科目$|^项目名称|^单位$|^指标$)/;
const MONEY_HEADER = /(金额|预算数|决算数|执行数|合计|小计|总计|拨款|收入|支出|资金|经费|价值|费|单价|结转|结余|余额|预算|决算|统计数)$/;

/** Header texts per column, top down; a merged group cell appears once, 栏次 numbers are left out. */
export function headerPaths(g: BuiltGrid, headerBlock: readonly number[], kinds: readonly RowKind[]): string[][] {
  const paths: string[][] = [];
  for (let c = 0; c < g.nCols; c++) {
    const path: string[] = [];
    let last = -1;
    for (const r of headerBlock) {
      const idx = g.cellAt[r]?.[c] ?? -1;
      if (idx < 0 || idx === last) continue;
      last = idx;
      const t = tidy(g.cells[idx]?.text ?? "");
      if (t === "") continue;
      if (kinds[r] === "colno" && (/^\d{1,3}$/.test(t) || /^(栏次|行次|甲|乙|丙|丁)$/.test(t))) continue;
      if (path[path.length - 1] !== t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

/** Texts of the cells whose origin is in column c on data-ish rows. */
function dataTexts(g: BuiltGrid, c: number, kinds: readonly RowKind[]): string[] {
  const out: string[] = [];
  for (const cell of g.cells) {
    if (cell.col !== c) continue;
    const k = kinds[cell.row];
    if (k === "data" || k === "total" || k === "subtotal") out.push(tidy(cell.text));
  }
  return out;
}

export function columnKind(path: readonly string[], texts: readonly string[], c: number, nCols: number): ColumnKind {
  const lastPlain = compact(stripParens(path[path.length - 1] ?? ""));
  const words = path.map((p) => compact(stripParens(p)));
  if (COLNO.test(lastPlain)) return "colno";
  if (words.some((w) => CODE_HEADER.test(w))) return "code";
  const filled = texts.filter((t) => t !== "");
  const parsed = filled.map(parseCellValue);
  const numbers = parsed.filter((p) => p.kind === "number").length;
  const percents = parsed.filter((p) => p.kind === "percent").length;
  const nulls = parsed.filter((p) => p.kind === "null").length;
  if (PERCENT_HEADER.test(lastPlain) || (percents > 0 && percents + nulls === filled.length)) return "percent";
  if (COUNT_HEADER.test(lastPlain)) return /^序号$/.test(lastPlain) ? "text" : "count";
  // Codes with no code header: a leading column of 3/5/7-digit integers only.
  const codes = filled.filter((t) => parseCodeCell(t) !== null && !/[.,]/.test(t)).length;
  if (c <= 2 && codes >= 2 && codes === filled.length && !MONEY_HEADER.test(lastPlain) && nCols > 2) return "code";
  if (numbers > 0 && numbers + nulls >= filled.length * 0.6) return "amount";
  if (words.some((w) => NAME_HEADER.test(w)) && !MONEY_HEADER.test(lastPlain)) return "name";
  if (MONEY_HEADER.test(lastPlain) && numbers + nulls === filled.length) return "amount";
  return "text";
}

export interface ColumnsResult {
  columns: TableColumn[];
  /** The unit shared by all amount columns' header cells, when there is one and no table-level unit. */
  sharedHeaderUnit: MoneyUnit | null;
}

export function buildColumns(
  g: BuiltGrid,
  headerBlock: readonly number[],
  kinds: readonly RowKind[],
  tableUnit: MoneyUnit | null,
): ColumnsResult {
  const paths = headerPaths(g, headerBlock, kinds);
  const draft = paths.map((path, c) => {
    let kind = columnKind(path, dataTexts(g, c, kinds), c, g.nCols);
    // Innermost header text with a unit wins: "价值（金额单位：万元）", "预算数（万元）".
    let headerUnit: MoneyUnit | null = null;
    for (let i = path.length - 1; i >= 0 && !headerUnit; i--) headerUnit = findHeaderUnit(path[i]!);
    if (headerUnit && kind === "text") kind = "amount";
    return { index: c, path, kind, headerUnit };
  });
  const headerUnits = draft.filter((d) => d.kind === "amount" && d.headerUnit).map((d) => d.headerUnit!);
  const amountCount = draft.filter((d) => d.kind === "amount").length;
  const sharedHeaderUnit =
    !tableUnit && headerUnits.length > 0 && headerUnits.length === amountCount && headerUnits.every((u) => u.unit === headerUnits[0]!.unit)
      ? headerUnits[0]!
      : null;
  const columns = draft.map(
    (d): TableColumn => ({
      index: d.index,
      path: d.path,
      header: d.path.join(" / "),
      kind: d.kind,
      unit: d.kind === "amount" ? (d.headerUnit ?? tableUnit) : null,
    }),
  );
  return { columns, sharedHeaderUnit };
}
