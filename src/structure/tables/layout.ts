/**
 * Row roles without Word's tblHeader flag: leading title rows, label/value rows, the header block
 * (multi-row, merged group cells, a 栏次 row), then data, totals, notes and blank rows.
 */
import type { RowKind, TableCell } from "../../model/table.js";
import { rowOrigins, type BuiltGrid } from "./grid.js";
import { parseCellValue } from "./cell-value.js";
import { ENUMERATOR, HEADER_WORD, compact, stripParens, tidy } from "./text.js";
import { GLUED_CODE } from "./codes.js";
import { isCaptionRow, leadingTitleRows, type OwnCaption } from "./title-rows.js";

export interface RowLayout {
  kinds: RowKind[];
  titleRows: number;
  /** Number, title, unit and entity printed in the title rows. */
  caption: OwnCaption;
  /** Grid rows of the header block of the first part (kind header or a 栏次 row inside it). */
  headerBlock: number[];
  /** Rows that are "label | value spanning the rest" (绩效目标 | …). */
  keyValueRows: number[];
}

export { rowOrigins } from "./grid.js";

function nonEmpty(cells: TableCell[]): TableCell[] {
  return cells.filter((c) => tidy(c.text) !== "");
}

const TOTAL = /(合计|总计)$/;
const SUBTOTAL = /小计$/;
const NOTE = /^(注|说明|备注|数据来源|填表说明)\s*[：:0-9１-９]/;

// "**" stands in the label columns of a 栏次 row (湖州 表05: ** | ** | 1 | 2 | 3 …).
const COLNO_MARK = /^[*＊]+$/;

export function isColnoRow(g: BuiltGrid, r: number): boolean {
  const all = nonEmpty(rowOrigins(g, r)).map((c) => compact(c.text));
  const marked = all.some((t) => COLNO_MARK.test(t));
  const texts = all.filter((t) => !COLNO_MARK.test(t));
  const ints = texts.filter((t) => /^\d{1,3}$/.test(t));
  if (ints.length === 0) return false;
  if (texts.some((t) => t === "栏次" || t === "行次")) return texts.every((t) => !/[.,%]/.test(t));
  // A bare 1, 2, 3 … row under the header (with its marks, a table of one figure column numbers only 1).
  if (ints.length !== texts.length || ints.length < (marked ? 1 : 3)) return false;
  return ints.every((t, i) => Number(t) === i + 1);
}

function isKeyValueRow(g: BuiltGrid, r: number): boolean {
  const cells = rowOrigins(g, r);
  if (g.nCols < 3 || cells.length !== 2) return false;
  const [label, value] = cells as [TableCell, TableCell];
  const lt = tidy(label.text);
  const vt = compact(stripParens(value.text));
  // Two group headers side by side ("人员经费 | 公用经费") are not a label and its value.
  if (label.colSpan !== 1 || vt === "" || HEADER_WORD.test(vt)) return false;
  return lt.length <= 16 && parseCellValue(lt).kind === "text" && value.colSpan >= 2 && label.colSpan + value.colSpan === g.nCols;
}

/** A row that carries data: a figure, a dash/slash null, a code, or a 合计 label. */
function isDataLike(g: BuiltGrid, r: number): boolean {
  const cells = nonEmpty(rowOrigins(g, r));
  const figure = cells.some((c) => {
    const t = tidy(c.text);
    const p = parseCellValue(t);
    if (p.kind === "number" || p.kind === "percent" || (p.kind === "null" && p.nullKind !== "blank")) return true;
    return GLUED_CODE.test(t);
  });
  if (figure) return true;
  // A 合计 row label with blank figures, unless the rest of the row reads as header cells (合计 | 基本支出 | …).
  const [first, ...rest] = cells;
  if (!first || !TOTAL.test(compact(first.text).replace(ENUMERATOR, ""))) return false;
  // Two or more text cells beside it (no figure, no dash) are column titles: "合计 | 一般公共预算 | 政府性基金预算".
  if (rest.length >= 2) return false;
  return rest.length === 0 || !HEADER_WORD.test(compact(stripParens(rest[0]!.text)));
}

function headerScore(g: BuiltGrid, r: number): number {
  const cells = nonEmpty(rowOrigins(g, r));
  if (cells.length === 0) return 0;
  const hits = cells.filter((c) => HEADER_WORD.test(compact(stripParens(c.text)))).length;
  return hits / cells.length;
}

function labelOf(g: BuiltGrid, r: number): string {
  const first = nonEmpty(rowOrigins(g, r))[0];
  return first ? compact(first.text).replace(ENUMERATOR, "") : "";
}

export function rowSignature(g: BuiltGrid, r: number): string {
  const line = g.grid[r] ?? [];
  return line.map((p) => (p === null ? "" : "text" in p ? compact(p.text) : "^")).join("\u0001");
}

/** Decide each row's role. `partStarts` are the first rows of stitched continuation parts. */
export function layoutRows(g: BuiltGrid, partStarts: readonly number[] = []): RowLayout {
  const kinds: RowKind[] = new Array<RowKind>(g.nRows).fill("data");
  const { titleRows, caption } = leadingTitleRows(g, kinds);
  let r = titleRows;
  const firstPartEnd = partStarts.find((s) => s > 0) ?? g.nRows;

  const keyValueRows: number[] = [];
  while (r < firstPartEnd && isKeyValueRow(g, r)) keyValueRows.push(r++);

  const headerBlock = findHeaderBlock(g, r, firstPartEnd);
  for (const i of headerBlock) kinds[i] = isColnoRow(g, i) ? "colno" : "header";
  classifyBody(g, kinds, { titleRows, headerBlock, keyValueRows, firstPartEnd, partStarts });
  return { kinds, titleRows, caption, headerBlock, keyValueRows };
}

/** The header rows from `h0`: those above the first data-like row, or a text-only table's first header-like band. */
function findHeaderBlock(g: BuiltGrid, h0: number, firstPartEnd: number): number[] {
  let dataStart = -1;
  for (let i = h0; i < firstPartEnd; i++) {
    if (!isColnoRow(g, i) && isDataLike(g, i)) {
      dataStart = i;
      break;
    }
  }
  const headerBlock: number[] = [];
  if (dataStart > h0) {
    for (let i = h0; i < dataStart; i++) {
      // A numbered row label ("一、…", "其中：") before the first figure already belongs to the data.
      const cells = nonEmpty(rowOrigins(g, i));
      const first = cells[0];
      if (first && i > h0 && (ENUMERATOR.test(tidy(first.text)) || /^其中[：:]/.test(tidy(first.text)))) break;
      // Header cells are not numbered: a top row of numbered items only ("（十九）自然资源海洋气象等支出") is the
      // body of a table whose header is on the page before.
      if (i === h0 && cells.length > 0 && cells.every((c) => ENUMERATOR.test(tidy(c.text)))) break;
      // So does a label across the row naming the first block ("一般公共预算"): it is no column's header.
      if (i > h0 && isBlockLabelRow(g, i, cells)) break;
      headerBlock.push(i);
    }
  } else if (dataStart < 0 && h0 < firstPartEnd && headerScore(g, h0) >= (g.nCols === 2 ? 1 : 0.5) && nonEmpty(rowOrigins(g, h0)).length >= 2) {
    // (A two-column text table is label | value unless both cells read as headers.)
    // A text-only table: the first header-like row, plus the rows its merged cells reach down into.
    let end = h0;
    for (let i = h0; i <= end; i++) for (const c of rowOrigins(g, i)) end = Math.max(end, c.row + c.rowSpan - 1);
    for (let i = h0; i <= Math.min(end, firstPartEnd - 1); i++) headerBlock.push(i);
  }
  return headerBlock;
}

interface BodyContext {
  titleRows: number;
  headerBlock: readonly number[];
  keyValueRows: readonly number[];
  firstPartEnd: number;
  partStarts: readonly number[];
}

/** The rows below the header: data, totals, and each continuation part's reprinted caption and header band. */
function classifyBody(g: BuiltGrid, kinds: RowKind[], ctx: BodyContext): void {
  const { titleRows, headerBlock, keyValueRows, firstPartEnd, partStarts } = ctx;
  const headerSigs = headerBlock.filter((i) => kinds[i] === "header").map((i) => rowSignature(g, i));
  // Only header rows that print something can be recognized again further down.
  const textSigs = headerSigs.filter((sig) => /[^\u0001^]/.test(sig));
  const headerTexts = new Set(headerBlock.flatMap((i) => nonEmpty(rowOrigins(g, i)).map((c) => compact(c.text))));
  // A 合计 row printed right under the header is reprinted with it on every page (佛山 决算 收入决算表).
  const bandTotalSigs: string[] = [];
  const afterHeader = headerBlock.length > 0 ? headerBlock[headerBlock.length - 1]! + 1 : -1;
  for (let i = afterHeader; i >= 0 && i < firstPartEnd && bodyKind(g, i) === "total"; i++) bandTotalSigs.push(rowSignature(g, i));
  const inHeader = new Set(headerBlock);
  const starts = new Set(partStarts.filter((s) => s > 0));
  let partHead = false; // true while walking the top rows of a continuation part
  for (let i = titleRows; i < g.nRows; i++) {
    if (starts.has(i)) partHead = true;
    if (inHeader.has(i) || keyValueRows.includes(i)) continue;
    const sig = rowSignature(g, i);
    if (partHead) {
      const head = partHeadKind(g, i, kinds, sig, { headerSigs, headerTexts, bandTotalSigs });
      if (head) {
        kinds[i] = head;
        continue;
      }
      partHead = false;
    }
    // The header repeated inside one source table (a reader that kept two pages together) is not data either.
    kinds[i] = textSigs.includes(sig) ? "header" : bodyKind(g, i);
  }
}

/**
 * A top row of a continuation part: its caption, or the page's reprinted header band — header rows (also when a merge
 * came out differently), the 栏次 row, and a 合计 row that stood under the header on the first page. Null: data begins.
 */
function partHeadKind(
  g: BuiltGrid,
  i: number,
  kinds: RowKind[],
  sig: string,
  band: { headerSigs: readonly string[]; headerTexts: ReadonlySet<string>; bandTotalSigs: readonly string[] },
): RowKind | null {
  if (isCaptionRow(g, i, kinds)) return "title";
  if (band.headerSigs.includes(sig) || readsAsHeader(g, i, band.headerTexts) || band.bandTotalSigs.includes(sig)) return "header";
  if (isColnoRow(g, i)) return "colno";
  return null;
}

/** Every non-empty cell of the row is a header text of the table (at least two of them), none a figure. */
function readsAsHeader(g: BuiltGrid, r: number, headerTexts: ReadonlySet<string>): boolean {
  const cells = nonEmpty(rowOrigins(g, r));
  if (cells.length < 2) return false;
  return cells.every((c) => headerTexts.has(compact(c.text)) && parseCellValue(c.text).kind === "text");
}

/**
 * One text cell from the first column across at least half the row, nothing carried down from above: a label
 * that names the block below it ("一般公共预算", "（一）基本支出"), not a data row.
 */
function isBlockLabelRow(g: BuiltGrid, r: number, cells: readonly TableCell[]): boolean {
  if (cells.length !== 1 || g.nCols < 3) return false;
  const only = cells[0]!;
  if (only.col !== 0 || only.colSpan < Math.ceil(g.nCols / 2) || parseCellValue(only.text).kind !== "text") return false;
  // A 合计/小计 row with blank figures is still the total.
  const label = compact(only.text).replace(ENUMERATOR, "");
  if (TOTAL.test(label) || SUBTOTAL.test(label)) return false;
  // It names the rows below it, so figures (or codes) follow right under it.
  if (r + 1 >= g.nRows || !isDataLike(g, r + 1)) return false;
  return (g.cellAt[r] ?? []).every((idx) => idx < 0 || g.cells[idx]?.row === r);
}

function bodyKind(g: BuiltGrid, r: number): RowKind {
  const own = rowOrigins(g, r);
  const cells = nonEmpty(own);
  if (cells.length === 0) return own.length > 0 || (g.cellAt[r] ?? []).every((i) => i < 0) ? "empty" : "data";
  if (isColnoRow(g, r)) return "colno";
  const first = cells[0]!;
  const t = tidy(first.text);
  if (NOTE.test(t) && cells.length === 1) return "note";
  if (cells.length === 1 && first.colSpan === g.nCols && g.nCols > 1 && parseCellValue(t).kind === "text") return "note";
  if (isBlockLabelRow(g, r, cells)) return "note";
  const label = labelOf(g, r);
  if (SUBTOTAL.test(label)) return "subtotal";
  if (TOTAL.test(label)) return "total";
  return "data";
}
