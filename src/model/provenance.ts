import { z } from "zod";

/**
 * A box on a PDF page in points, origin at the page's top-left, y growing downwards: [x0, y0, x1, y1] (the convention
 * of poppler's `-bbox` and pdfplumber). OCR'd pages use the same coordinates.
 */
export const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof Box>;

/** Where a block came from in its source, so every number can be traced back. */
export const Provenance = z
  .object({
    /** Package part or stream the block was read from, e.g. "word/document.xml", "textbox". */
    part: z.string().optional(),
    /** 0-based index among the source's body paragraphs (docx, doc) or text lines grouped as paragraphs. */
    paragraphIndex: z.number().int().nonnegative().optional(),
    /** 0-based index among the source's tables. */
    tableIndex: z.number().int().nonnegative().optional(),
    /** 1-based line in a plain-text source. */
    line: z.number().int().positive().optional(),
    /** CSS-like element path in an HTML source, e.g. "html>body>div#content>p:nth-of-type(3)". */
    elementPath: z.string().optional(),
    /** 1-based page where the format knows pages (PDF). */
    page: z.number().int().positive().optional(),
    /** The block's box on `page` (PDF): for a paragraph continued on the next page, the box of its part on `page`. */
    bbox: Box.optional(),
    /** Worksheet name in a spreadsheet source (.xlsx, .xls). */
    sheet: z.string().optional(),
    /** Cells of that sheet the block was read from, in A1 notation: "A1:F20" for a table, "A3" for a paragraph. */
    range: z.string().optional(),
    /** Set when the block was read by OCR from a page image: the recognizer, its confidence, figures it was unsure of. */
    ocr: z
      .object({
        engine: z.string(),
        confidence: z.number().min(0).max(1),
        uncertain: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Provenance = z.infer<typeof Provenance>;

/** Evidence for a derived value: a span of a paragraph's text, or a table cell. */
export const TextEvidence = z
  .object({
    kind: z.literal("text"),
    blockId: z.string(),
    /** UTF-16 offsets into the block's `text`, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    quote: z.string(),
    /** PDF: the page and box of the quoted characters (not of the whole paragraph). */
    page: z.number().int().positive().optional(),
    bbox: Box.optional(),
  })
  .strict();
export const CellEvidence = z
  .object({
    kind: z.literal("cell"),
    tableId: z.string(),
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
    quote: z.string(),
    /** PDF: the page and box of the cell. */
    page: z.number().int().positive().optional(),
    bbox: Box.optional(),
  })
  .strict();
export const Evidence = z.discriminatedUnion("kind", [TextEvidence, CellEvidence]);
export type Evidence = z.infer<typeof Evidence>;
