/** Per-row classification code and name, typed cell values, and the key–value records of text tables. */
import type { CellValue, RowKind, TableCell, TableColumn, TableRow } from "../../model/table.js";
import { mul } from "../../util/decimal.js";
import type { BuiltGrid } from "./grid.js";
import { rowOrigins } from "./layout.js";
import { parseCellValue } from "./cell-value.js";
import { SplitCodeReader, parseCodeCell, splitGluedCode } from "./codes.js";
import { compact, tidy } from "./text.js";

const VALUE_ROWS: ReadonlySet<RowKind> = new Set(["data", "total", "subtotal"]);

/** The typed value of one cell under its column, or undefined for text cells. */
export function typeCell(text: string, column: TableColumn | undefined): CellValue | undefined {
  if (!column || !(column.kind === "amount" || column.kind === "percent" || column.kind === "count")) return undefined;
  const p = parseCellValue(text);
  if (p.kind === "null") return { kind: "null", nullKind: p.nullKind };
  if (p.kind === "percent") return { kind: "percent", value: p.value };
  if (p.kind !== "number") return undefined;
  if (column.kind === "percent") return { kind: "percent", value: p.value };
  if (column.kind === "count") return { kind: "count", value: p.value };
  return column.unit ? { kind: "amount", value: p.value, yuan: mul(p.value, column.unit.multiplier) } : { kind: "amount", value: p.value };
}

/** A row label that states a count unit: "车辆数合计（辆）", "团组数（个）", "设备（台、套）". */
const ROW_COUNT_UNIT = /[（(](个|人|辆|台|套|台、套|台\/套|平方米|次|批|人次|批次|户|处|栋|间|亩|张|件)[）)]$/;

export function typeCells(g: BuiltGrid, kinds: readonly RowKind[], columns: readonly TableColumn[], rows: readonly TableRow[]): TableCell[] {
  return g.cells.map((cell) => {
    // Blank rows are typed too: an all-blank row of an empty table still says "no value", not zero.
    const kind = kinds[cell.row] ?? "data";
    if (!VALUE_ROWS.has(kind) && kind !== "empty") return cell;
    let column = columns[cell.col];
    // A count row inside a money column counts things unless the column's own header fixes its unit.
    const label = rows[cell.row]?.name ?? "";
    if (column?.kind === "amount" && ROW_COUNT_UNIT.test(label) && column.unit?.source !== "header_cell") column = { ...column, kind: "count" };
    const value = typeCell(cell.text, column);
    return value ? { ...cell, value } : cell;
  });
}

export function describeRows(g: BuiltGrid, kinds: readonly RowKind[], columns: readonly TableColumn[]): TableRow[] {
  // Codes and names are read from the leading label panel only (left of the first figure column), so a
  // side-by-side second panel (公用经费 next to 人员经费) does not lend its code to the row.
  const firstFigure = columns.find((c) => c.kind === "amount" || c.kind === "percent" || c.kind === "count")?.index ?? columns.length;
  const labelPanel = columns.filter((c) => c.index < firstFigure);
  const codeCols = labelPanel.filter((c) => c.kind === "code").map((c) => c.index);
  // The first 类|款|项 group only: a table may print a second classification beside it (部门 | 政府 经济分类).
  const splitCols: number[] = [];
  for (const c of codeCols) {
    const level = compact(columns[c]?.path.at(-1) ?? "");
    if (!/^(类|款|项)$/.test(level)) continue;
    if (splitCols.some((d) => compact(columns[d]?.path.at(-1) ?? "") === level)) break;
    splitCols.push(c);
  }
  // 功能分类 splits into 类|款|项; the department economic classification into 类|款.
  const split = splitCols.length === 3 || splitCols.length === 2 ? new SplitCodeReader() : null;
  const nameCol = labelPanel.find((c) => c.kind === "name")?.index ?? (firstFigure === columns.length ? columns.find((c) => c.kind === "name")?.index : undefined);
  const rows: TableRow[] = [];

  for (let r = 0; r < g.nRows; r++) {
    const kind = kinds[r] ?? "data";
    const row: TableRow = { index: r, kind };
    if (VALUE_ROWS.has(kind)) {
      const own = (c: number): TableCell | undefined => {
        const cell = g.cells[g.cellAt[r]?.[c] ?? -1];
        return cell && cell.row === r ? cell : undefined;
      };
      let code: string | null = null;
      if (split) {
        const texts = splitCols.map((c) => {
          const cell = own(c);
          return cell && cell.col === c ? cell.text : "";
        });
        const parts: [string, string, string] = [texts[0] ?? "", texts[1] ?? "", texts[2] ?? ""];
        code = split.read(parts);
      } else {
        for (const c of codeCols) {
          const cell = own(c);
          if (cell && cell.col === c) code ??= parseCodeCell(cell.text);
        }
      }
      let name: string | undefined;
      const nameCell = nameCol !== undefined ? own(nameCol) : undefined;
      if (nameCell) {
        const t = tidy(nameCell.text);
        const glued = code === null ? splitGluedCode(t) : null;
        if (glued) {
          code = glued.code;
          name = glued.name;
        } else if (t !== "") name = t;
      }
      if (name === undefined && (kind === "total" || kind === "subtotal")) {
        const first = rowOrigins(g, r).find((c) => tidy(c.text) !== "");
        if (first) name = tidy(first.text);
      }
      if (code !== null) row.code = code;
      if (name !== undefined) row.name = name;
    }
    rows.push(row);
  }
  return rows;
}

/** Label/value rows become {label: value}; a text-only table's data rows become {header: text}. */
export function buildRecords(
  g: BuiltGrid,
  kinds: readonly RowKind[],
  keyValueRows: readonly number[],
  columns: readonly TableColumn[],
): Record<string, string>[] | undefined {
  const records: Record<string, string>[] = [];
  const pairs = (r: number): [string, string] | null => {
    const cells = rowOrigins(g, r).filter((c) => tidy(c.text) !== "");
    if (cells.length !== 2) return null;
    return [tidy(cells[0]!.text), cells[1]!.text.trim()];
  };
  if (keyValueRows.length > 0) {
    const rec: Record<string, string> = {};
    for (const r of keyValueRows) {
      const p = pairs(r);
      if (p) rec[p[0]] = p[1];
    }
    records.push(rec);
  }
  const hasFigures = columns.some((c) => c.kind === "amount" || c.kind === "percent" || c.kind === "count");
  const hasHeader = kinds.includes("header");
  const body = kinds.map((k, r) => (k === "data" && !keyValueRows.includes(r) ? r : -1)).filter((r) => r >= 0);

  if (g.nCols === 2 && !hasHeader) {
    // A two-column label/value table.
    const rec: Record<string, string> = {};
    for (const r of body) {
      const p = pairs(r);
      if (p) rec[p[0]] = p[1];
    }
    if (Object.keys(rec).length > 0) records.push(rec);
  } else if (hasHeader && !hasFigures) {
    for (const r of body) {
      const rec: Record<string, string> = {};
      for (const cell of rowOrigins(g, r)) {
        const key = columns[cell.col]?.header ?? "";
        const text = cell.text.trim();
        if (key !== "" && text !== "") rec[key] = text;
      }
      if (Object.keys(rec).length > 0) records.push(rec);
    }
  }
  return records.length > 0 ? records : undefined;
}
