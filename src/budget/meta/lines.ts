/** Every printed line meta can be read from, with the place it was printed and its evidence. */
import type { MetaEvidence, MetaSource, ParagraphBlock, Table } from "../../model/index.js";
import { parseLabel } from "../../structure/sections/numbering.js";
import { TITLE_ENDING, compact } from "../../structure/tables/text.js";

/** Evidence in a block or a cell (the file name's evidence is built apart). */
export type PlacedEvidence = Exclude<MetaEvidence, { kind: "file_name" }>;

export interface MetaLine {
  text: string;
  source: MetaSource;
  /** Reading order, for "the first printed" among equals. */
  order: number;
  /** Evidence for text[start, end). */
  at(start: number, end: number): PlacedEvidence;
}

/** A line of one paragraph: evidence is a span of its text. */
export function paragraphLine(p: ParagraphBlock, source: MetaSource, order: number): MetaLine {
  return {
    text: p.text,
    source,
    order,
    at: (start, end) => ({ kind: "text", blockId: p.id, start, end, quote: p.text.slice(start, end), source }),
  };
}

/** The numeric tail of a block id: readers number blocks in reading order ("p12"). */
export function blockOrder(p: ParagraphBlock): number {
  const m = /(\d+)$/.exec(p.id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/** Where a paragraph outside the cover was printed, by the role the readers and the section builder gave it. */
export function sourceOf(p: ParagraphBlock): MetaSource {
  switch (p.role) {
    case "caption":
      return "caption";
    case "toc":
      return "toc";
    case "header":
    case "footer":
      return "running_header";
    case "note":
      return "body";
    default: {
      if (parseLabel(p.text) || p.headingLevel !== undefined) return "heading";
      // An unclassified short line ending like a table's title is that table's caption.
      const t = compact(p.text);
      return t.length <= 50 && TITLE_ENDING.test(t) && /表/.test(t) ? "caption" : "body";
    }
  }
}

/** The title rows of each table (title, number, 编制单位 printed inside the grid): one line per cell. */
export function tableLines(tables: readonly Table[]): MetaLine[] {
  const out: MetaLine[] = [];
  // Table block ids are numbered apart from paragraphs: their lines come after every paragraph, in table order.
  for (const [i, t] of tables.entries()) {
    const order = TABLE_ORDER + i * 1000;
    const titleRows = new Set(t.rows.filter((r) => r.kind === "title").map((r) => r.index));
    for (const c of t.cells) {
      if (!titleRows.has(c.row) || !c.text.trim()) continue;
      out.push({
        text: c.text,
        source: "caption",
        order: order + c.row,
        at: (start, end) => ({ kind: "cell", tableId: t.id, row: c.row, col: c.col, quote: c.text.slice(start, end), source: "caption" }),
      });
    }
  }
  return out;
}

const TABLE_ORDER = 1e9;

/** The container's title (HTML <title>, PDF Info Title): no block holds it, so its evidence names none. */
export function containerLine(title: string): MetaLine {
  return {
    text: title,
    source: "container_title",
    order: Number.MAX_SAFE_INTEGER - 1,
    at: (start, end) => ({ kind: "text", blockId: CONTAINER_TITLE_ID, start, end, quote: title.slice(start, end), source: "container_title" }),
  };
}

/** The pseudo block id of container-title evidence (not a block of the document). */
export const CONTAINER_TITLE_ID = "container-title";
