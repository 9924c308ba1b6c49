import type { RulingLine, TextFragment } from "../layout/types.js";

/** A page image: 8-bit gray, row-major, 0 = black. `dpi` maps pixels to PDF points (72 per inch). */
export interface GrayBitmap {
  width: number;
  height: number;
  gray: Uint8Array;
  dpi: number;
}

/** Renders one page (1-based) to a gray bitmap at `dpi` within `timeoutMs` (the PDF reader's is PDFium's). */
export type PageRenderer = (page: number, dpi: number, timeoutMs: number) => Promise<GrayBitmap>;

/** A recognized run of text, positioned like a PDF text run, with the recognizer's confidence (0–1). */
export interface OcrFragment extends TextFragment {
  width: number;
  height: number;
  confidence: number;
  /** A figure whose characters the recognizer was unsure of: kept as read, flagged for a person. */
  uncertain?: boolean;
  /** The run was re-read on its crop with digits only (the first reading had letters among digits, or was unsure). */
  digitPass?: boolean;
}

export interface OcrPageOptions {
  /** Recognition language(s) as the engine names them. */
  lang?: string;
  /** Wall-clock limit for this page, milliseconds. */
  timeoutMs?: number;
  /** Re-read lines (large, letter-spaced, unsure) and unsure ruled cells on their own crops. */
  rereadLines?: boolean;
  /** Check a page read with little confidence for its orientation, and read it again upright. */
  orientation?: boolean;
  /** Re-read figures on their crop with a digit whitelist. */
  digitPass?: boolean;
}

export interface OcrPageResult {
  /** In PDF points, top-left origin, as the layout engine takes them. */
  fragments: OcrFragment[];
  /** Table borders found in the bitmap, in PDF points. */
  lines: RulingLine[];
  /** Page size in PDF points. */
  width: number;
  height: number;
  /** Mean confidence of the page's characters, 0–1 (1 for a page with no text). */
  confidence: number;
  engine: string;
  /** Degrees the page image was turned clockwise to be read upright (a table printed sideways); coordinates are the upright page's. */
  rotated?: number;
  /** Milliseconds spent in the recognizer (both passes) and in finding rules. */
  timing: { recognizeMs: number; rulesMs: number };
}

/** What the reader attaches to every block from an OCR'd page (needs `ocr` in the model's Provenance). */
export interface OcrProvenance {
  engine: string;
  /** Mean confidence of the characters in the block, 0–1, rounded to 2 places. */
  confidence: number;
  /** Figures in the block that the recognizer was unsure of, as read. */
  uncertain?: string[];
}
