/**
 * Caption rows inside the grid: a tables-only edition (北京 附件2 部门预算报表, 公开表 bundles) rules its number
 * ("预算01表"), title ("收支总表"), publisher ("部门：…") and unit ("金额单位：万元") into the table's top rows. They
 * are the table's number, title, entity and unit, not data.
 */
import type { MoneyUnit, RowKind, TableCell } from "../../model/table.js";
import { rowOrigins, type BuiltGrid } from "./grid.js";
import { parseCellValue } from "./cell-value.js";
import { parseCaptionCell, unlabelledPublisher, type CaptionParts } from "./captions.js";
import { ENUMERATOR, HEADER_WORD, TITLE_ENDING, compact, stripParens, tidy } from "./text.js";

/** The table's own caption, read from its title rows. */
export interface OwnCaption {
  title: string | null;
  number: string | null;
  unit: MoneyUnit | null;
  entity: string | null;
  /** A 续表 row: the table goes on from the one before. */
  continuation: boolean;
}

type Role = "number" | "title" | "unit" | "publisher" | "meta" | "text";
interface CaptionCell {
  parts: CaptionParts;
  /** What the text left after number, unit and publisher is: a title, an unlabelled publisher, other caption text. */
  restRole: "title" | "publisher" | "text" | null;
}

const MAX_TITLE_ROWS = 6;
/** Beyond this many rows only a row that states a number, title, unit or publisher is still caption. */
const MAX_PLAIN_ROWS = 3;
const SENTENCE = /[。；;！？!?]/;
const NOTE = /^(注|说明|备注|数据来源|填表说明)\s*[：:0-9１-９]/;
const ENDS_LIKE_TABLE = /表(?:[（(][^（()）]*[）)])?$/;

/** What a cell's leftover text is, given where the cell sits. */
function restRole(g: BuiltGrid, cell: TableCell, rest: string, nCells: number, numbered: boolean, bareNames: boolean): CaptionCell["restRole"] {
  if (parseCellValue(rest).kind !== "text" || rest.length > 60 || SENTENCE.test(rest) || NOTE.test(rest)) return null;
  // "收支总表", or the words after a table number in its cell ("表3-1 一般公共预算支出情况").
  if (ENDS_LIKE_TABLE.test(rest) || numbered) return "title";
  const enumerated = ENUMERATOR.test(rest);
  if (!enumerated && TITLE_ENDING.test(rest) && cell.colSpan * 2 >= g.nCols) return "title";
  // An organisation's name: coded ("606-湖州市交通运输局"), or bare once a number or title above it opened the caption.
  if (unlabelledPublisher(rest, !bareNames)) return "publisher";
  if (nCells !== 1 || cell.colSpan !== g.nCols || g.nCols < 2 || rest.length > 40 || enumerated) return null;
  // One line across the whole width; a group header over every column ("2026年预算数") is the header's top row.
  return HEADER_WORD.test(compact(stripParens(rest))) ? null : "text";
}

/** The cells of row r read as caption matter, or null when the row is no caption row. */
function readCaptionRow(g: BuiltGrid, r: number, kinds: readonly RowKind[], bareNames = false): CaptionCell[] | null {
  // A row reached by a merge from a row above that is not caption belongs to that block.
  if ((g.cellAt[r] ?? []).some((idx) => idx >= 0 && g.cells[idx]!.row < r && kinds[g.cells[idx]!.row] !== "title")) return null;
  const cells = rowOrigins(g, r).filter((c) => tidy(c.text) !== "");
  if (cells.length === 0) return null;
  const out: CaptionCell[] = [];
  for (const cell of cells) {
    const parts = parseCaptionCell(cell.text, "title_row");
    const role = parts.rest === "" ? null : restRole(g, cell, parts.rest, cells.length, parts.number !== null, bareNames);
    if (parts.rest !== "" && role === null) return null;
    out.push({ parts, restRole: role });
  }
  return out;
}

function rolesOf(cells: readonly CaptionCell[]): Role[] {
  const roles: Role[] = [];
  for (const { parts, restRole } of cells) {
    if (parts.number) roles.push("number");
    if (parts.unit) roles.push("unit");
    if (parts.publisher) roles.push("publisher");
    if (parts.meta) roles.push("meta");
    if (restRole) roles.push(restRole);
  }
  return roles;
}

const STATES: ReadonlySet<Role> = new Set(["number", "title", "unit", "publisher"]);

/**
 * Row r continues the caption: no role said twice in the row ("2025年 | 2026年" is a header) nor a number, title or
 * unit said again (a list of tables repeats 表N | title on every row).
 */
function extendsCaption(roles: readonly Role[], seen: Set<Role>, r: number): boolean {
  const twice = (k: Role) => roles.filter((x) => x === k).length > 1;
  if ((["number", "title", "unit", "meta"] as Role[]).some(twice)) return false;
  if ((["number", "title", "unit"] as Role[]).some((k) => roles.includes(k) && seen.has(k))) return false;
  return r < MAX_PLAIN_ROWS || roles.some((k) => STATES.has(k));
}

/** Marks the leading caption rows "title" and reads the table's own caption from them. */
export function leadingTitleRows(g: BuiltGrid, kinds: RowKind[]): { titleRows: number; caption: OwnCaption } {
  const caption: OwnCaption = { title: null, number: null, unit: null, entity: null, continuation: false };
  const seen = new Set<Role>();
  let plain: string | null = null;
  let r = 0;
  for (; r < g.nRows && r < MAX_TITLE_ROWS; r++) {
    const cells = readCaptionRow(g, r, kinds, seen.has("number") || seen.has("title"));
    if (!cells) {
      // A row merged under a title cell, or a blank spacer between two caption rows, is part of the caption.
      const spacer = seen.size > 0 && isBlank(g, r) && r + 1 < g.nRows && readCaptionRow(g, r + 1, kinds) !== null;
      if (!spacer && !underTitle(g, r, kinds)) break;
      kinds[r] = "title";
      continue;
    }
    const roles = rolesOf(cells);
    // Two table numbers in a row, one under the other, are a list of tables, not a caption.
    if (roles.includes("number") && nextHasNumber(g, r, kinds)) break;
    if (!extendsCaption(roles, seen, r)) break;
    for (const k of roles) seen.add(k);
    kinds[r] = "title";
    for (const { parts, restRole } of cells) {
      caption.continuation ||= parts.continuation;
      caption.number ??= parts.number;
      caption.unit ??= parts.unit;
      caption.entity ??= parts.publisher ?? (restRole === "publisher" ? unlabelledPublisher(parts.rest) : null);
      if (restRole === "title") caption.title ??= parts.rest;
      if (restRole === "text") plain ??= parts.rest;
    }
  }
  caption.title ??= plain;
  return { titleRows: r, caption };
}

function isBlank(g: BuiltGrid, r: number): boolean {
  return rowOrigins(g, r).every((c) => tidy(c.text) === "");
}

/** A row wholly covered by a title cell merged down over it: part of that title. */
function underTitle(g: BuiltGrid, r: number, kinds: readonly RowKind[]): boolean {
  const line = g.cellAt[r] ?? [];
  if (r === 0 || rowOrigins(g, r).length > 0 || !line.some((i) => i >= 0)) return false;
  return line.every((i) => i < 0 || kinds[g.cells[i]!.row] === "title");
}

function nextHasNumber(g: BuiltGrid, r: number, kinds: readonly RowKind[]): boolean {
  const next = r + 1 < g.nRows ? readCaptionRow(g, r + 1, kinds) : null;
  return next !== null && next.some((c) => c.parts.number !== null);
}

/** A continuation part's own top row reprinting the caption (number, title, unit …) on its page. */
export function isCaptionRow(g: BuiltGrid, r: number, kinds: readonly RowKind[]): boolean {
  return readCaptionRow(g, r, kinds) !== null;
}
