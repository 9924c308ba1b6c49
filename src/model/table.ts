import { z } from "zod";
import { Box, Provenance } from "./provenance.js";
import { DecimalString } from "./amount.js";

/** A money unit with its exact multiplier to 元. */
export const MoneyUnit = z
  .object({
    /** As printed: "单位：万元", "金额单位：元", "预算数（万元）". */
    raw: z.string(),
    unit: z.enum(["元", "千元", "万元", "百万元", "亿元"]),
    multiplier: DecimalString,
    /** Where the unit was declared: a paragraph near the table, a title row inside it, or a header cell. */
    source: z.enum(["caption", "title_row", "header_cell"]).optional(),
  })
  .strict();
export type MoneyUnit = z.infer<typeof MoneyUnit>;

export { MONEY_UNIT_MULTIPLIERS, yuanMultiplier } from "./constants.js";

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
export type CellValue = z.infer<typeof CellValue>;

export const TableCell = z
  .object({
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
    rowSpan: z.number().int().positive(),
    colSpan: z.number().int().positive(),
    text: z.string(),
    /** Where the cell is in a spreadsheet source: sheet and A1 reference as Excel writes them ("Sheet1!B7", "'收支 总表'!C9"). */
    ref: z.string().optional(),
    /** PDF: the page the cell is printed on and its box there (a stitched table's cells span pages). */
    page: z.number().int().positive().optional(),
    bbox: Box.optional(),
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
export type GridPosition = z.infer<typeof GridPosition>;

export const ColumnKind = z.enum(["code", "name", "amount", "percent", "count", "text", "colno"]);
export type ColumnKind = z.infer<typeof ColumnKind>;

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
export type TableColumn = z.infer<typeof TableColumn>;

/**
 * title: a leading row carrying the title, number, unit or 编制单位/截止时间 (not data);
 * colno: a 栏次/行次 numbering row; note: a 注： row or a full-width section label; empty: all cells blank.
 */
export const RowKind = z.enum(["title", "header", "data", "total", "subtotal", "colno", "note", "empty"]);
export type RowKind = z.infer<typeof RowKind>;

export const TableRow = z
  .object({
    index: z.number().int().nonnegative(),
    kind: RowKind,
    /** Classification code (功能分类 类/款/项, 经济分类) when the row has one. */
    code: z.string().optional(),
    name: z.string().optional(),
  })
  .strict();
export type TableRow = z.infer<typeof TableRow>;

/** One source table a (possibly stitched) table was built from, and the grid rows it contributed. */
export const TablePart = z
  .object({
    blockId: z.string(),
    firstRow: z.number().int().nonnegative(),
    nRows: z.number().int().nonnegative(),
    /** How this part was recognized as a continuation of the previous one. */
    joinedBy: z.enum(["continuation_marker", "repeated_header", "same_columns", "header_fragment"]).optional(),
    /** PDF: the page of this part and its box there. */
    page: z.number().int().positive().optional(),
    bbox: Box.optional(),
  })
  .strict();
export type TablePart = z.infer<typeof TablePart>;

export const Table = z
  .object({
    id: z.string(),
    /** The block ids this table was read from (more than one when stitched from parts). */
    blockIds: z.array(z.string()).min(1),
    title: z.string().nullable(),
    /** Official number when printed: "公开01表", "表3-1", "附表". */
    number: z.string().nullable(),
    /** The 编制单位/部门名称/单位 printed with the table (above it or in its leading rows), null when none. */
    entity: z.string().nullable().optional(),
    /** The standard table this is (a catalog id, README "Standard tables"), or "other". Set by the budget stage. */
    kind: z.string().optional(),
    /** What identified the kind: the title (or number) as printed, or the header cells of its signature. */
    kindEvidence: z.object({ by: z.enum(["title", "number", "header_signature"]), quote: z.string() }).strict().nullable().optional(),
    /** The money unit declared for the table, null when none is printed. */
    unit: MoneyUnit.nullable(),
    nRows: z.number().int().nonnegative(),
    nCols: z.number().int().nonnegative(),
    cells: z.array(TableCell),
    grid: z.array(z.array(GridPosition)),
    /** Leading rows that carry the title/unit/编制单位 inside the table (kind "title"); the header follows them. */
    titleRows: z.number().int().nonnegative().default(0),
    /** Number of rows in the header block (kind "header", plus a 栏次 row inside it); rows[].kind says which. */
    headerRows: z.number().int().nonnegative(),
    columns: z.array(TableColumn),
    rows: z.array(TableRow),
    /**
     * Key–value view of text tables: a label/value row ("绩效目标 | …") or a two-column label/value table gives
     * {label: value}; a data row of a text-only table under a header gives {column header: cell text}.
     */
    records: z.array(z.record(z.string(), z.string())).optional(),
    provenance: z.array(Provenance).min(1),
    /**
     * Side-by-side panels of one table (收入 | 支出 in a 收支总表; 人员经费 | 公用经费): each a label column and its
     * figures. Absent when the table has one panel.
     */
    panels: z.array(z.object({ name: z.string(), columns: z.array(z.number().int().nonnegative()).min(1) }).strict()).optional(),
    /** The source tables this one was built from (more than one when stitched). */
    parts: z.array(TablePart).min(1).optional(),
  })
  .strict();
export type Table = z.infer<typeof Table>;
