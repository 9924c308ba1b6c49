import type { AnyNode, Element } from "domhandler";
import type { RawRow } from "../../model/index.js";
import { elementChildren, isElement } from "./dom.js";
import type { TextStats } from "./content.js";

/** A cell holding this much text is page layout, not a figure in a data table (~800 Chinese characters). */
const LAYOUT_CELL_WEIGHT = 1600;

function containsTable(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === "table") return true;
    stack.push(...n.children);
  }
  return false;
}

interface RowElement {
  tr: Element;
  /** Rows of one section (thead/tbody/tfoot) share a rowspan="0" horizon. */
  section: Element;
  inHead: boolean;
}

/** The table's own rows in source order, not those of tables nested in its cells. */
export function tableRows(table: Element): RowElement[] {
  const rows: RowElement[] = [];
  for (const child of elementChildren(table)) {
    if (child.name === "tr") rows.push({ tr: child, section: table, inHead: false });
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") {
      for (const tr of elementChildren(child)) if (tr.name === "tr") rows.push({ tr, section: child, inHead: child.name === "thead" });
    }
  }
  return rows;
}

export function tableCells(tr: Element): Element[] {
  return elementChildren(tr).filter((c) => c.name === "td" || c.name === "th");
}

/**
 * A table used to lay the page out rather than to hold figures: it nests other tables, is a single cell,
 * or has a cell holding a whole article. Such tables are read as flowing text.
 */
export function isLayoutTable(table: Element, stats: Map<Element, TextStats>): boolean {
  if (containsTable(table)) return true;
  const rows = tableRows(table);
  let cells = 0;
  for (const { tr } of rows) {
    for (const cell of tableCells(tr)) {
      cells++;
      const s = stats.get(cell);
      if (s && s.text + s.link > LAYOUT_CELL_WEIGHT) return true;
    }
  }
  return cells === 1;
}

function spanAttr(el: Element, name: string): number {
  const raw = el.attribs[name];
  if (raw === undefined) return 1;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  // Browsers clamp absurd spans (colspan ≤ 1000, rowspan ≤ 65534); so do we, to bound the grid.
  return n === 0 ? 0 : Math.min(n, name === "colspan" ? 1000 : 65534);
}

/** Rows of cells with their spans as written; rowspan="0" (to the end of the section) is resolved. */
export function rawRows(table: Element, cellText: (cell: Element) => string): RawRow[] {
  const rows = tableRows(table);
  const out: RawRow[] = [];
  rows.forEach(({ tr, section, inHead }, r) => {
    const cells = tableCells(tr);
    let rest = 0;
    for (let k = r; k < rows.length && rows[k]!.section === section; k++) rest++;
    const row: RawRow = {
      cells: cells.map((cell) => {
        const rowSpan = spanAttr(cell, "rowspan");
        const colSpan = spanAttr(cell, "colspan");
        return { text: cellText(cell), colSpan: colSpan === 0 ? 1 : colSpan, rowSpan: rowSpan === 0 ? rest : rowSpan };
      }),
    };
    if (inHead || (cells.length > 0 && cells.every((c) => c.name === "th"))) row.isHeaderHint = true;
    out.push(row);
  });
  return out;
}
