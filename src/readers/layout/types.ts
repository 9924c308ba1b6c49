/**
 * Positioned text, as PDF text layers and PDF-to-HTML converters give it. The layout engine turns pages of
 * fragments into paragraphs and tables; the PDF reader and the HTML reader's positioned-div path both feed it.
 */
export interface TextFragment {
  text: string;
  /** Left edge, in page units (PDF points or CSS pt/px), growing rightwards. */
  x: number;
  /** Top of the text line, growing downwards. */
  y: number;
  /** Width of the fragment where known. */
  width?: number;
  /** Line height / font size where known. */
  height?: number;
  /**
   * Measured glyph boxes where the source gives them (PDFium): left and right edge of each UTF-16 unit of `text`,
   * flattened [x0, x1, x0, x1, …]. Without them, glyphs are placed by the charWeight estimate.
   */
  charEdges?: number[];
  /**
   * Vertical extent of the glyphs' font boxes (ascent to descent) where measured, for page boxes only: `y` and
   * `height` stay the line box the layout groups by.
   */
  glyphTop?: number;
  glyphBottom?: number;
}

/** A straight ruling line (table border), in the same coordinates as the fragments. */
export interface RulingLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageFragments {
  /** 1-based page number. */
  page: number;
  width?: number;
  height?: number;
  fragments: TextFragment[];
  /** Ruling lines drawn on the page (table borders), where the source has them. */
  lines?: RulingLine[];
}
