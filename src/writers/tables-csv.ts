/**
 * One table as CSV for spreadsheet users: the header line is each column's header path, then one line
 * per data/total/subtotal row. Amount cells under a merged cell are left empty (never copied), so column
 * sums stay right; merged labels (name/code/text columns) are repeated down so each line reads alone.
 * Figures are written as their exact decimal as printed ("1,234.50" → 1234.5) so spreadsheets read them
 * as numbers in any locale; null markers keep their printed form ("—", "/").
 */
import type { Table } from "../model/table.js";

const DATA_ROWS = new Set(["data", "total", "subtotal"]);
const LABEL_KINDS = new Set(["code", "name", "text"]);

function csvField(text: string): string {
  const t = text.replace(/\r\n?/g, "\n");
  return /[",\n]/.test(t) || /^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

function originText(table: Table, r: number, c: number, repeatMerged: boolean): string {
  const pos = table.grid[r]?.[c];
  if (!pos) return "";
  if ("text" in pos) return pos.text;
  if (!repeatMerged) return "";
  const [or, oc] = pos.mergedInto;
  // A label merged down from a header row is not data.
  if (or < table.titleRows + table.headerRows && (table.rows[or]?.kind === "header" || table.rows[or]?.kind === "colno")) return "";
  const origin = table.grid[or]?.[oc];
  return origin && "text" in origin ? origin.text : "";
}

export function tableToCsv(table: Table): string {
  const figures = new Map<string, string>();
  for (const cell of table.cells) if (cell.value?.value !== undefined) figures.set(`${cell.row},${cell.col}`, cell.value.value);
  const header = table.columns.map((c) => (c.header !== "" ? c.header : `列${c.index + 1}`));
  const lines = [header.map(csvField).join(",")];
  for (const row of table.rows) {
    if (!DATA_ROWS.has(row.kind)) continue;
    const fields = table.columns.map((col) => {
      // Within a row, a horizontally merged cell shows once, at its origin.
      const pos = table.grid[row.index]?.[col.index];
      const sameRow = pos && "mergedInto" in pos && pos.mergedInto[0] === row.index;
      if (sameRow) return "";
      return figures.get(`${row.index},${col.index}`) ?? originText(table, row.index, col.index, LABEL_KINDS.has(col.kind));
    });
    lines.push(fields.map((f) => csvField(f.trim())).join(","));
  }
  // BOM so spreadsheet programs read the Chinese text as UTF-8.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function safePart(text: string, max: number): string {
  const cleaned = text
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "")
    .replace(/\s+/g, "_")
    .replace(/^[._]+|[._]+$/g, "");
  return Array.from(cleaned).slice(0, max).join("");
}

/** "t3-公开01表-收支总体情况表.csv": the table id (or t<index>), number and title, filesystem-safe. */
export function tableCsvFileName(table: Table, index: number): string {
  const id = /^[A-Za-z0-9_-]+$/.test(table.id) ? table.id : `t${index}`;
  const parts = [id];
  if (table.number) parts.push(safePart(table.number, 20));
  if (table.title && table.title !== table.number) parts.push(safePart(table.title, 60));
  return `${parts.filter((p) => p !== "").join("-")}.csv`;
}
