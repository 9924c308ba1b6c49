/**
 * Whether a source table continues the table before it (a page break split it): a 续表 marker, a repeated header,
 * the whole caption reprinted on the next page, or data running straight on. Strict: a table with a title of its
 * own, another column count, a classification that starts over, or a predecessor closed by its 总计 stays apart.
 */
import type { ParagraphBlock, RawTableBlock } from "../../model/blocks.js";
import type { TablePart } from "../../model/table.js";
import type { BuiltGrid } from "./grid.js";
import type { CaptionInfo } from "./captions.js";
import { rowOrigins, rowSignature, type RowLayout } from "./layout.js";
import { buildColumns } from "./columns.js";
import { describeRows } from "./rows.js";
import { parseCellValue } from "./cell-value.js";
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
  if (next.gapParagraphs.length === 0 && startsWithData(next) && !endsWithGrandTotal(prev)) return "same_columns";
  return null;
}
