/**
 * The table layer: reader tables (+ the paragraphs around them) → Tables with a faithful grid, header
 * paths, units per table and column, typed cells, codes, records, and continuations stitched together.
 */
import type { ParagraphBlock, RawRow, ReaderBlock } from "../../model/blocks.js";
import type { Warning } from "../../model/budget.js";
import type { MoneyUnit, Table, TableColumn, TablePart } from "../../model/table.js";
import { buildGrid, dropEmptyEdgeColumns, type BuiltGrid } from "./grid.js";
import { layoutRows } from "./layout.js";
import { buildColumns } from "./columns.js";
import { buildRecords, describeRows, typeCells } from "./rows.js";
import { captionAbove, unitBelow, type CaptionInfo } from "./captions.js";
import type { OwnCaption } from "./title-rows.js";
import { alignedRows, continuationReason, continuesHeaderFragment, fitHeaderFragment, joinTail, wrappedTailColumn, type Part } from "./stitch.js";
import { panelSegments } from "./panels.js";
import { tidy } from "./text.js";

export { parseCellValue, type ParsedCell } from "./cell-value.js";
export { findDeclaredUnit, findHeaderUnit } from "./units.js";
export { publisherOf } from "./captions.js";
export { buildGrid } from "./grid.js";

export interface BuildTablesResult {
  tables: Table[];
  /** paragraph block ids consumed as a table's title/unit/number caption, or 续表 markers. */
  captionBlockIds: Set<string>;
  /** RawTableBlock id → the Table id it was stitched into (a continuation maps to the first part's id). */
  tableIdByBlock: Map<string, string>;
  warnings: Warning[];
}

function isParagraph(b: ReaderBlock): b is ParagraphBlock {
  return b.type === "paragraph";
}

/**
 * The caption above the table completed by the one in its own title rows: what is printed outside wins, the grid
 * fills what it leaves open. Stitching compares these, so a table whose caption is ruled into its grid is not taken
 * for the previous table's continuation.
 */
function withOwnCaption(above: CaptionInfo, own: OwnCaption): CaptionInfo {
  return {
    ...above,
    title: above.title ?? own.title,
    number: above.number ?? own.number,
    unit: above.unit ?? own.unit,
    publisher: above.publisher ?? own.entity,
    continuation: above.continuation || own.continuation,
  };
}

/** The reader's grid without empty edge columns. */
function gridOf(rows: readonly RawRow[], blockId: string): BuiltGrid {
  return dropEmptyEdgeColumns(buildGrid(rows, blockId), blockId);
}

/** The caption's unit, else a bare unit line printed right below the table (taken out of the running text). */
function tableUnit(caption: CaptionInfo, last: Part, captionIds: Set<string>): MoneyUnit | null {
  if (caption.unit) return caption.unit;
  const below = unitBelow(last.after);
  if (!below || captionIds.has(below.id)) return null;
  captionIds.add(below.id);
  return below.unit;
}

function assemble(parts: Part[], joins: (TablePart["joinedBy"] | undefined)[], captionIds: Set<string>, warnings: Warning[]): Table {
  const first = parts[0]!;
  const rows: RawRow[] = [];
  const partInfo: TablePart[] = [];
  for (const [i, p] of parts.entries()) {
    const info: TablePart = { blockId: p.block.id, firstRow: rows.length, nRows: p.block.rows.length };
    const join = joins[i];
    if (join) info.joinedBy = join;
    partInfo.push(info);
    rows.push(...p.block.rows);
    if (i > 0 && p.grid.nCols !== first.grid.nCols) {
      warnings.push({ code: "table_continuation_columns", message: `continuation ${p.block.id} has ${p.grid.nCols} columns, ${first.block.id} has ${first.grid.nCols}`, blockId: p.block.id });
    }
  }
  const g = parts.length === 1 ? first.view : gridOf(rows, first.block.id);
  if (parts.length > 1) warnings.push(...g.warnings.filter((w) => !first.grid.warnings.includes(w)));
  // A header fragment and its body are laid out as one part: the body's own header rows continue the fragment's.
  const starts = partInfo.filter((_, i) => !parts[i]!.bodyOfHeader).map((p) => p.firstRow);
  const layout = parts.length === 1 ? first.layout : layoutRows(g, starts);

  const unit = tableUnit(first.caption, parts[parts.length - 1]!, captionIds);
  const { columns, sharedHeaderUnit } = buildColumns(g, layout.headerBlock, layout.kinds, unit);
  const number = first.caption.number;
  const title = first.caption.title ?? number;

  const table: Table = {
    id: first.block.id,
    blockIds: parts.map((p) => p.block.id),
    title,
    number,
    entity: first.caption.publisher,
    unit: unit ?? sharedHeaderUnit,
    nRows: g.nRows,
    nCols: g.nCols,
    cells: [],
    grid: g.grid,
    titleRows: layout.titleRows,
    headerRows: layout.headerBlock.length,
    columns,
    rows: describeRows(g, layout.kinds, columns),
    provenance: parts.map((p) => p.block.provenance),
    parts: partInfo,
  };
  table.cells = typeCells(g, layout.kinds, columns, table.rows);
  const panels = detectPanels(columns);
  if (panels) table.panels = panels;
  const records = buildRecords(g, layout.kinds, layout.keyValueRows, columns);
  if (records) table.records = records;
  if (columns.some((c) => c.kind === "amount" && c.unit === null)) {
    warnings.push({ code: "table_unit_missing", message: `table ${table.id}: no money unit is printed for its amount columns`, blockId: table.id });
  }
  return table;
}

/** A part with its rows replaced (a header fragment widened over its body's columns), grid and layout rebuilt. */
function refit(p: Part, rows: RawRow[]): Part {
  const block = { ...p.block, rows };
  const grid = buildGrid(rows, block.id);
  const view = dropEmptyEdgeColumns(grid, block.id);
  return { ...p, block, grid, view, layout: layoutRows(view) };
}

/**
 * How `p` continues the group, if it does: as the body of a header fragment (the fragment rebuilt over its columns);
 * or laid over the group's columns by its cells' boxes where the reader split them otherwise, a cell's tail carried
 * over the page break put back into that cell (`last`: the group's last part rebuilt).
 */
function continuation(group: Part[], p: Part): { reason: NonNullable<TablePart["joinedBy"]>; next: Part; last?: Part } | null {
  if (continuesHeaderFragment(group, p)) return { reason: "header_fragment", next: { ...p, bodyOfHeader: true }, last: refit(group[0]!, fitHeaderFragment(group[0]!, p)!) };
  const aligned = alignedRows(group[0]!, p);
  const next = aligned ? refit(p, aligned) : p;
  const prev = group[group.length - 1]!;
  const col = wrappedTailColumn(prev, next);
  if (col !== null) {
    const [prevRows, nextRows] = joinTail(prev, next, col);
    const last = refit(prev, prevRows);
    const rest = refit(next, nextRows);
    const reason = continuationReason([...group.slice(0, -1), last], rest);
    if (reason) return { reason, next: rest, last };
  }
  const reason = continuationReason(group, next);
  return reason ? { reason, next } : null;
}

export function buildTables(blocks: ReaderBlock[]): BuildTablesResult {
  const warnings: Warning[] = [];
  const captionBlockIds = new Set<string>();
  const tableIdByBlock = new Map<string, string>();

  // Pass 1: each source table on its own, with the paragraphs around it.
  const parts: Part[] = [];
  let pending: ParagraphBlock[] = [];
  for (const block of blocks) {
    if (isParagraph(block)) {
      pending.push(block);
      continue;
    }
    const prev = parts[parts.length - 1];
    if (prev) prev.after = pending;
    const grid = buildGrid(block.rows, block.id);
    warnings.push(...grid.warnings);
    // Rows are laid out on the grid without its empty edge columns; continuations compare the reader's grids.
    const view = dropEmptyEdgeColumns(grid, block.id);
    const layout = layoutRows(view);
    parts.push({
      block,
      caption: withOwnCaption(captionAbove(pending), layout.caption),
      gapParagraphs: pending.filter((p) => tidy(p.text) !== ""),
      after: [],
      grid,
      view,
      layout,
    });
    pending = [];
  }
  const last = parts[parts.length - 1];
  if (last) last.after = pending;

  // Pass 2: group continuations, then build one Table per group.
  const groups: { parts: Part[]; joins: (TablePart["joinedBy"] | undefined)[] }[] = [];
  for (const p of parts) {
    const group = groups[groups.length - 1];
    const joined = group ? continuation(group.parts, p) : null;
    if (group && joined) {
      if (joined.last) group.parts[group.parts.length - 1] = joined.last;
      group.parts.push(joined.next);
      group.joins.push(joined.reason);
    } else groups.push({ parts: [p], joins: [undefined] });
    for (const id of p.caption.consumed) captionBlockIds.add(id);
  }
  const tables = groups.map((g) => assemble(g.parts, g.joins, captionBlockIds, warnings));
  for (const [i, g] of groups.entries()) for (const p of g.parts) tableIdByBlock.set(p.block.id, tables[i]!.id);
  return { tables, captionBlockIds, tableIdByBlock, warnings };
}

/**
 * Splits the columns where a label column follows a figure column: "收入 项目 | 金额 | 支出 项目 | 金额 …" is two
 * panels. A panel is named by the header its columns share at the top ("收入"), else by its label column.
 */
function detectPanels(columns: readonly TableColumn[]): { name: string; columns: number[] }[] | undefined {
  const segments = panelSegments(columns);
  if (!segments) return undefined;
  // Each panel must sit under a header of its own ("收入", "支出 / 功能分类"); otherwise it is one table whose first
  // columns merely describe the rest.
  const names = segments.map(sharedHeader);
  if (names.some((n) => n === null)) return undefined;
  return segments.map((s, i) => ({ name: names[i]!, columns: s.map((c) => c.index) }));
}

/** The header path all columns of a panel share above their own leaf, joined with " / "; null when none. */
function sharedHeader(cols: readonly TableColumn[]): string | null {
  const first = cols[0]!.path;
  let n = 0;
  while (n < first.length - 1 && cols.every((c) => c.path.length > n + 1 && c.path[n] === first[n])) n++;
  return n > 0 ? first.slice(0, n).join(" / ") : null;
}
