/**
 * Whether a source table continues the table before it (a page break split it): a 续表 marker, a repeated header,
 * the whole caption reprinted on the next page, or data running straight on; a header printed alone above its body.
 * A continuation whose columns the reader split otherwise is laid over the first part's by its cells' boxes, and a
 * cell's tail carried over the break goes back into its cell. Strict: a table with a title of its own, columns that
 * do not fit, a classification that starts over, or a predecessor closed by its 总计 stays apart.
 */
import type { ParagraphBlock, RawRow, RawTableBlock } from "../../model/blocks.js";
import type { TablePart } from "../../model/table.js";
import type { BuiltGrid } from "./grid.js";
import type { CaptionInfo } from "./captions.js";
import { rowOrigins, rowSignature, type RowLayout } from "./layout.js";
import { buildColumns } from "./columns.js";
import { describeRows } from "./rows.js";
import { parseCellValue } from "./cell-value.js";
import { panelSegments } from "./panels.js";
import { columnEdges, fitToEdges } from "./fit.js";
import { TABLE_SETTINGS } from "./settings.js";
import { ENUMERATOR, compact, tidy } from "./text.js";

/** One source table with the paragraphs around it, before grouping. */
export interface Part {
  block: RawTableBlock;
  caption: CaptionInfo;
  /** Non-blank paragraphs between the previous table and this one. */
  gapParagraphs: ParagraphBlock[];
  /** Paragraphs after this table up to the next table. */
  after: ParagraphBlock[];
  /** The reader's grid, as printed. */
  grid: BuiltGrid;
  /** The grid without empty edge columns: what `layout` was read on (same rows). */
  view: BuiltGrid;
  layout: RowLayout;
  /** The body of the header fragment before it: laid out as one part with it (their header rows read together). */
  bodyOfHeader?: boolean;
}

export type JoinReason = NonNullable<TablePart["joinedBy"]>;

function headerSignatures(p: Part): string[] {
  return p.layout.headerBlock.filter((r) => p.layout.kinds[r] === "header").map((r) => rowSignature(p.grid, r));
}

/** The next part starts (after its title rows) with the header rows of `model`, in order. */
function repeatsHeader(model: Part, next: Part): boolean {
  const sigs = headerSignatures(model);
  const top = next.layout.titleRows;
  return sigs.length > 0 && sigs.every((s, i) => rowSignature(next.grid, top + i) === s);
}

function startsWithData(p: Part): boolean {
  const first = p.layout.kinds[p.layout.titleRows];
  return p.layout.headerBlock.length === 0 && p.layout.keyValueRows.length === 0 && (first === "data" || first === "total" || first === "subtotal");
}

/** Which columns of a part hold labels (names, codes, text), by its own header and rows. */
function columnRoles(p: Part): { labels: Set<number> } {
  const { columns } = buildColumns(p.grid, p.layout.headerBlock, p.layout.kinds, null);
  return { labels: new Set(columns.filter((c) => c.kind === "name" || c.kind === "code" || c.kind === "text").map((c) => c.index)) };
}

/**
 * The next part's top rows, read as a header on their own, print text only from the label columns of the table they
 * continue (上年结转资金 | | 结转下年资金 |): rows whose figures are blank, not column titles (a title stands over
 * its figure column: 项目 | 金额).
 */
function startsWithLabelRows(head: Part, next: Part): boolean {
  if (next.layout.keyValueRows.length > 0 || next.layout.headerBlock.length === 0 || restartsForm(head, next)) return false;
  const { labels } = columnRoles(head);
  const cells = next.layout.headerBlock.flatMap((r) => rowOrigins(next.grid, r)).filter((c) => tidy(c.text) !== "");
  return cells.length > 0 && cells.every((c) => labels.has(c.col));
}

/** The next part opens with the label the first part opens with (项目名称 | 文化艺术事业资金): the form again, for another item. */
function restartsForm(head: Part, next: Part): boolean {
  const opening = (p: Part) => compact(rowOrigins(p.grid, p.layout.titleRows).find((c) => tidy(c.text) !== "")?.text ?? "");
  const label = opening(head);
  return label !== "" && label === opening(next);
}

/** Some data row holds a figure: a money table, not a form of label/value text. */
function hasFigures(p: Part): boolean {
  return p.grid.cells.some((c) => p.layout.kinds[c.row] === "data" && parseCellValue(c.text).kind === "number");
}

/**
 * The part ends with a grand total (合计/总计 as its last row): the table is complete. "本年收入合计" is not one —
 * in a 收支总表 the 上年结转 and 总计 rows follow it.
 */
function endsWithGrandTotal(p: Part): boolean {
  for (let r = p.grid.nRows - 1; r >= 0; r--) {
    const kind = p.layout.kinds[r];
    if (kind === "empty" || kind === "note") continue;
    if (kind !== "total") return false;
    const label = compact(rowOrigins(p.grid, r).find((c) => tidy(c.text) !== "")?.text ?? "").replace(ENUMERATOR, "");
    return !label.startsWith("本年");
  }
  return false;
}

/** Classification codes of the part's rows, in order (功能/经济分类 as read by the row describer). */
function rowCodes(p: Part): string[] {
  const { columns } = buildColumns(p.grid, p.layout.headerBlock, p.layout.kinds, null);
  return describeRows(p.grid, p.layout.kinds, columns)
    .map((r) => r.code)
    .filter((c): c is string => c !== undefined && /^\d{3}(\d{2}){0,2}$/.test(c));
}

/**
 * Codes are printed in ascending order (类 before its 款 and 项): a next part whose first code sorts before the
 * previous part's last one starts the classification over — another table (or another unit's copy of it).
 */
function restartsCodes(prev: Part, next: Part): boolean {
  const last = rowCodes(prev).at(-1);
  const first = rowCodes(next)[0];
  if (last === undefined || first === undefined) return false;
  return first.padEnd(7, "0") < last.padEnd(7, "0");
}

const sameText = (a: string | null, b: string | null): boolean => a === null || b === null || compact(a) === compact(b);

/** Title and number reprinted as they are on the group's first part (with the same unit and publisher if printed). */
function sameCaption(head: CaptionInfo, next: CaptionInfo): boolean {
  const numberMatch = head.number !== null && next.number !== null && compact(head.number) === compact(next.number);
  const titleMatch = head.title !== null && next.title !== null && compact(head.title) === compact(next.title);
  if (!numberMatch && !titleMatch) return false;
  if (!sameText(head.number, next.number) || !sameText(head.title, next.title)) return false;
  if (!sameText(head.publisher, next.publisher)) return false;
  return head.unit === null || next.unit === null || head.unit.unit === next.unit.unit;
}

/** Every paragraph between the two tables is the reprinted caption (no 注：, no narrative, no other heading). */
function onlyCaptionBetween(next: Part): boolean {
  const consumed = new Set(next.caption.consumed);
  return next.gapParagraphs.every((p) => consumed.has(p.id) || p.role === "header" || p.role === "footer");
}

function onNextPage(prev: Part, next: Part): boolean {
  const a = prev.block.provenance.page;
  const b = next.block.provenance.page;
  return a !== undefined && b !== undefined && b === a + 1;
}

/** The part prints header rows only: its body went to the next source table (a page break, a frame split in two). */
function headerOnly(p: Part): boolean {
  const kinds = p.layout.kinds;
  return kinds.includes("header") && kinds.every((k) => k === "header" || k === "colno" || k === "empty");
}

/** Nothing but running headers and footers between the two tables, on one page or the next. */
function adjoins(prev: Part, next: Part): boolean {
  const a = prev.block.provenance.page;
  const b = next.block.provenance.page;
  const pages = a === undefined || b === undefined || b === a || b === a + 1;
  return pages && next.gapParagraphs.every((p) => p.role === "header" || p.role === "footer");
}

/**
 * A header fragment's rows over its body's columns: as they are where the column counts agree; a one-row fragment
 * with one cell per panel of the body ("收入 | 支出" over 项目 | 金额 | 项目 | 金额) spans each cell over its panel.
 * Null when they do not fit.
 */
export function fitHeaderFragment(fragment: Part, body: Part): RawRow[] | null {
  const rows = fragment.block.rows;
  if (fragment.grid.nCols === body.grid.nCols) return [...rows];
  const edges = columnEdges(body.block.rows, body.grid.nCols);
  const boxed = edges ? fitToEdges(rows, edges) : null;
  if (boxed) return boxed;
  const cells = rows[0]?.cells ?? [];
  if (rows.length !== 1 || body.view.nCols !== body.grid.nCols || cells.some((c) => c.colSpan !== 1)) return null;
  const panels = panelSegments(buildColumns(body.view, body.layout.headerBlock, body.layout.kinds, null).columns);
  if (!panels || panels.length !== cells.length) return null;
  return [{ ...rows[0]!, cells: cells.map((c, i) => ({ ...c, col: panels[i]![0]!.index, colSpan: panels[i]!.length })) }];
}

/**
 * A table whose header rows broke off above its body (江苏高院 财政拨款收支预算总表: "收入 | 支出" at the foot of one
 * page, the rest on the next): the body has no caption of its own and follows with nothing printed between.
 */
export function continuesHeaderFragment(group: readonly Part[], next: Part): boolean {
  const head = group[0];
  if (group.length !== 1 || !head || !headerOnly(head) || next.caption.title !== null || next.caption.number !== null) return false;
  return !next.caption.continuation && !headerOnly(next) && adjoins(head, next) && fitHeaderFragment(head, next) !== null;
}

/** Why `next` continues the group (its parts so far, first to last), or null when it is a table of its own. */
export function continuationReason(group: readonly Part[], next: Part): JoinReason | null {
  const head = group[0];
  const prev = group[group.length - 1];
  if (!head || !prev) return null;
  if (next.caption.continuation) return "continuation_marker";
  if (next.grid.nCols !== prev.grid.nCols) return null;
  // The header may be repeated on every page, or only where the previous part carries one: compare with both.
  const repeated = repeatsHeader(head, next) || repeatsHeader(prev, next);
  if (next.caption.title !== null || next.caption.number !== null) {
    // A PDF export that reprints title, number, 部门名称 and unit above each page's slice of the table. Anything else
    // with a title of its own is a new table.
    if (!sameCaption(head.caption, next.caption) || !onNextPage(prev, next) || !onlyCaptionBetween(next)) return null;
    if (!hasFigures(head) || head.layout.keyValueRows.length > 0 || endsWithGrandTotal(prev) || restartsCodes(prev, next)) return null;
    if (repeated) return "repeated_header";
    return startsWithData(next) ? "same_columns" : null;
  }
  if (restartsCodes(prev, next)) return null;
  if (repeated) return "repeated_header";
  // A bare continuation: nothing printed between the two tables, and the second starts straight with data.
  const bare = startsWithData(next) || startsWithLabelRows(head, next);
  if (next.gapParagraphs.length === 0 && bare && !endsWithGrandTotal(prev)) return "same_columns";
  return null;
}

/**
 * `next` laid over the columns of the group's first part by the boxes of its cells, where the reader split the
 * columns differently (人大 2017 收支预算总表 p9: 4 columns under the 6 of p7). Null when the columns already agree,
 * or the boxes are missing or do not place every cell on the first part's column edges.
 */
export function alignedRows(head: Part, next: Part): RawRow[] | null {
  if (next.grid.nCols === head.grid.nCols) return null;
  const edges = columnEdges(head.block.rows, head.grid.nCols);
  return edges ? fitToEdges(next.block.rows, edges) : null;
}

/**
 * A cell's text cut by the page break: the next part's first row prints only the tail ("业支出" under
 * "八、社会保障和就", "小计" under "当年收入"), in a column where the part before ends with text. Its column, else null.
 */
export function wrappedTailColumn(prev: Part, next: Part): number | null {
  if (next.grid.nCols !== prev.grid.nCols || next.grid.nRows < 2 || !onNextPage(prev, next)) return null;
  const top = rowOrigins(next.grid, 0);
  const texts = top.filter((c) => tidy(c.text) !== "");
  const tail = texts.length === 1 ? texts[0]! : undefined;
  if (!tail || top.some((c) => c.rowSpan > 1)) return null;
  const t = compact(tail.text);
  if (t.length > TABLE_SETTINGS.maxWrappedTail || /[\d０-９]/.test(t) || ENUMERATOR.test(t)) return null;
  const idx = prev.grid.cellAt[prev.grid.nRows - 1]?.[tail.col] ?? -1;
  const above = prev.grid.cells[idx];
  return above && tidy(above.text) !== "" && !/[。；;：:）)]$/.test(tidy(above.text)) && parseCellValue(above.text).kind === "text" ? tail.col : null;
}

/** The tail appended to the cell above it, and the row it was printed on dropped: [prev's rows, next's rows]. */
export function joinTail(prev: Part, next: Part, col: number): [RawRow[], RawRow[]] {
  const target = prev.grid.cellAt[prev.grid.nRows - 1]![col]!;
  const tail = rowOrigins(next.grid, 0).find((c) => c.col === col)!;
  // Grid cells are made one per raw cell, in reading order: the target's index finds its raw cell.
  let k = 0;
  const rows = prev.block.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (k++ === target ? { ...c, text: `${c.text.trimEnd()}${tidy(tail.text)}` } : c)) }));
  return [rows, next.block.rows.slice(1)];
}
