import { z } from "zod";
import { Provenance } from "./provenance.js";

/** Auto-numbering materialized by a reader (Word list numbering), as Word renders it. */
export const Numbering = z
  .object({
    /** The rendered label, e.g. "一、", "（二）", "1.", "第一部分". */
    label: z.string(),
    numId: z.string().optional(),
    /** 0-based list level (w:ilvl). */
    level: z.number().int().nonnegative().optional(),
    /** The numFmt of the level, e.g. "chineseCounting", "decimal". */
    format: z.string().optional(),
  })
  .strict();
export type Numbering = z.infer<typeof Numbering>;

/**
 * Roles that keep a paragraph out of the section tree and the facts: a table of contents entry,
 * a running header/footer, a caption that belongs to a table.
 */
export const BlockRole = z.enum(["body", "toc", "header", "footer", "caption", "note"]);

export const ParagraphBlock = z
  .object({
    id: z.string(),
    type: z.literal("paragraph"),
    /** The text as a reader sees it on the page, auto-numbering label included. */
    text: z.string(),
    numbering: Numbering.optional(),
    /** Style name where the source has styles ("Heading 1", "标题 2"). */
    style: z.string().optional(),
    /** 1-based heading level from a heading style, outline level, or <hN>. */
    headingLevel: z.number().int().min(1).max(9).optional(),
    role: BlockRole.optional(),
    provenance: Provenance,
  })
  .strict();
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

/** In the output, a table block is a pointer into `tables` (the content lives there once). */
export const TableRefBlock = z
  .object({
    id: z.string(),
    type: z.literal("table"),
    tableId: z.string(),
    provenance: Provenance,
  })
  .strict();

export const Block = z.discriminatedUnion("type", [ParagraphBlock, TableRefBlock]);
export type Block = z.infer<typeof Block>;

/** A cell as a reader found it: spans resolved (vMerge → rowSpan), column offset when the source gives one. */
export interface RawCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Explicit 0-based grid column where the source fixes it (w:gridBefore); otherwise the next free column. */
  col?: number;
  /** Sheet and A1 reference in a spreadsheet source ("Sheet1!B7"); the table layer keeps it as TableCell.ref. */
  ref?: string;
  /** PDF: the page and box of the cell (its ruled frame, or the span of its text in an aligned table). */
  page?: number;
  bbox?: [number, number, number, number];
}
export interface RawRow {
  cells: RawCell[];
  /** Word's repeat-as-header-row flag, a hint only. */
  isHeaderHint?: boolean;
}
/** The reader-side table: rows of cells, before the table layer builds the grid. */
export interface RawTableBlock {
  id: string;
  type: "table";
  rows: RawRow[];
  provenance: Provenance;
}
/** What a reader returns: paragraphs and raw tables in reading order. */
export type ReaderBlock = ParagraphBlock | RawTableBlock;
