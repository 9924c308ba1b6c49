/**
 * One Table as an HTML grid: cells placed from `grid` with their rowSpan/colSpan, title and header rows in <thead>
 * (header cells as <th>), each cell addressable by id so cell evidence can link to it.
 */
import type { DocumentAmount, Table, TableCell } from "../../model/index.js";
import { cellAmountAnchor, cellAnchor, tableAnchor } from "./anchors.js";
import { escapeHtml } from "./escape.js";
import { formatYuan } from "./format.js";
import { renderMarkedText } from "./marks.js";

function cellTitle(cell: TableCell, table: Table): string | null {
  const v = cell.value;
  if (!v) return cell.ref ?? null;
  const column = table.columns[cell.col];
  const parts: string[] = [];
  // A spreadsheet cell says where it is in the workbook ("收支总表!B6"), so a figure can be found in Excel.
  if (cell.ref) parts.push(cell.ref);
  if (column?.header) parts.push(column.header);
  if (v.kind === "null") parts.push(`空 (${v.nullKind ?? "blank"})`);
  else if (v.yuan !== undefined) parts.push(formatYuan(v.yuan));
  else if (v.value !== undefined) parts.push(`${v.kind} ${v.value}`);
  return parts.join("\n");
}

/** "单位：万元" plus any column whose unit differs from the table's. */
export function unitNote(table: Table): string | null {
  const notes: string[] = [];
  if (table.unit) notes.push(table.unit.raw);
  for (const c of table.columns) {
    if (c.unit && c.unit.unit !== table.unit?.unit) notes.push(`${c.header || `列${c.index + 1}`}：${c.unit.unit}`);
  }
  return notes.length > 0 ? notes.join("；") : null;
}

/** `after(cellId)` may add markup at the end of a cell (the link to its box on the page image). */
export function renderTable(table: Table, amounts: readonly DocumentAmount[], after: (cellId: string) => string = () => ""): string {
  const cellAt = new Map<string, TableCell>();
  for (const c of table.cells) cellAt.set(`${c.row},${c.col}`, c);
  const cellAmounts = new Map<string, DocumentAmount[]>();
  for (const a of amounts) {
    if (a.cell?.tableId !== table.id) continue;
    const key = `${a.cell.row},${a.cell.col}`;
    cellAmounts.set(key, [...(cellAmounts.get(key) ?? []), a]);
  }
  const headEnd = table.titleRows + table.headerRows;
  const nRows = Math.max(table.nRows, table.grid.length);

  const rowHtml = (r: number): string => {
    const kind = table.rows[r]?.kind ?? (r < headEnd ? "header" : "data");
    const isHeader = r < headEnd && kind !== "title";
    let html = "";
    const gridRow = table.grid[r] ?? [];
    for (let c = 0; c < Math.max(table.nCols, gridRow.length); c++) {
      const pos = gridRow[c];
      if (pos && "mergedInto" in pos) continue;
      const cell = cellAt.get(`${r},${c}`);
      if (!cell) {
        // A hole in the grid (a short source row): keep the columns aligned.
        html += `<td class="void"></td>`;
        continue;
      }
      const tag = isHeader ? "th" : "td";
      const span = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}`;
      const title = cellTitle(cell, table);
      const cls = cell.value && cell.value.kind !== "null" ? ` class="num"` : "";
      const marks = (cellAmounts.get(`${r},${c}`) ?? [])
        .filter((a) => a.end <= cell.text.length)
        .sort((x, y) => x.start - y.start)
        .map((a) => ({ start: a.start, end: a.end, id: cellAmountAnchor(a), amount: a }));
      const id = cellAnchor(table.id, r, c);
      html += `<${tag} id="${id}"${span}${cls}${isHeader ? ` scope="col"` : ""}${title ? ` title="${escapeHtml(title)}"` : ""}>${renderMarkedText(cell.text, marks)}${after(id)}</${tag}>`;
    }
    return `<tr class="row-${kind}">${html}</tr>`;
  };

  const head: string[] = [];
  const body: string[] = [];
  for (let r = 0; r < nRows; r++) (r < headEnd ? head : body).push(rowHtml(r));

  const caption = [table.number, table.title].filter((x): x is string => !!x && x !== "").filter((x, i, a) => a.indexOf(x) === i);
  const unit = unitNote(table);
  const sheets = [...new Set(table.provenance.map((p) => p.sheet).filter((s): s is string => !!s))];
  const sheet = sheets.length > 0 ? ` <span class="sheet">工作表 ${escapeHtml(sheets.join("、"))}</span>` : "";
  return `<figure class="table" id="${tableAnchor(table.id)}">
<figcaption><span class="tid">${escapeHtml(table.id)}</span> ${escapeHtml(caption.join(" ") || "（无标题 untitled）")} <span class="size">${table.nRows}×${table.nCols}</span>${sheet}${unit ? ` <span class="unit">${escapeHtml(unit)}</span>` : ""}</figcaption>
<div class="scroll"><table>${head.length ? `<thead>${head.join("")}</thead>` : ""}<tbody>${body.join("")}</tbody></table></div>
</figure>`;
}
