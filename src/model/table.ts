import { z } from "zod";
import { Provenance } from "./provenance.js";
import { DecimalString } from "./amount.js";

/** A money unit with its exact multiplier to 元. */
export const MoneyUnit = z
  .object({
    /** As printed: "单位：万元", "金额单位：元", "预算数（万元）". */
    raw: z.string(),
    unit: z.enum(["元", "千元", "万元", "百万元", "亿元"]),
    multiplier: DecimalString,
  })
  .strict();
export type MoneyUnit = z.infer<typeof MoneyUnit>;

export const CellValue = z
  .object({
    kind: z.enum(["amount", "percent", "count", "null"]),
    /** The figure as printed, exact ("1,234.50" → "1234.5"). */
    value: DecimalString.optional(),
    /** For amounts with a known unit: the value in 元. */
    yuan: DecimalString.optional(),
    /** How an empty value was written: blank, a dash ("—", "－", "-"), a slash. Distinct from zero. */
    nullKind: z.enum(["blank", "dash", "slash"]).optional(),
  })
  .strict();

export const TableCell = z
  .object({
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
    rowSpan: z.number().int().positive(),
    colSpan: z.number().int().positive(),
    text: z.string(),
    value: CellValue.optional(),
  })
  .strict();
export type TableCell = z.infer<typeof TableCell>;

/** A grid position: the origin of a cell (with its text), or a position covered by a merged cell. */
export const GridPosition = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ mergedInto: z.tuple([z.number().int(), z.number().int()]) }).strict(),
  z.null(),
]);

export const ColumnKind = z.enum(["code", "name", "amount", "percent", "count", "text", "colno"]);

export const TableColumn = z
  .object({
    index: z.number().int().nonnegative(),
    /** Header texts from the top header row down, merged group cells included. */
    path: z.array(z.string()),
    /** The path joined with " / ". */
    header: z.string(),
    kind: ColumnKind,
    unit: MoneyUnit.nullable(),
  })
  .strict();

export const RowKind = z.enum(["header", "data", "total", "subtotal", "colno", "note"]);

export const TableRow = z
  .object({
    index: z.number().int().nonnegative(),
    kind: RowKind,
    /** Classification code (功能分类 类/款/项, 经济分类) when the row has one. */
    code: z.string().optional(),
    name: z.string().optional(),
  })
  .strict();

export const Table = z
  .object({
    id: z.string(),
    /** The block ids this table was read from (more than one when stitched from parts). */
    blockIds: z.array(z.string()).min(1),
    title: z.string().nullable(),
    /** Official number when printed: "公开01表", "表3-1", "附表". */
    number: z.string().nullable(),
    /** The money unit declared for the table, null when none is printed. */
    unit: MoneyUnit.nullable(),
    nRows: z.number().int().nonnegative(),
    nCols: z.number().int().nonnegative(),
    cells: z.array(TableCell),
    grid: z.array(z.array(GridPosition)),
    /** Number of header rows at the top of the grid. */
    headerRows: z.number().int().nonnegative(),
    columns: z.array(TableColumn),
    rows: z.array(TableRow),
    /** Key–value view for two-column label/value tables, else absent. */
    records: z.array(z.record(z.string(), z.string())).optional(),
    provenance: z.array(Provenance).min(1),
  })
  .strict();
export type Table = z.infer<typeof Table>;
