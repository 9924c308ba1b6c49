import type { ReaderBlock, Warning } from "../model/index.js";
import type { Limits } from "../limits.js";
import type { PageFragments } from "./layout/types.js";
import type { LayoutSettings } from "./layout/settings.js";
import type { PlacedRun } from "./layout/placed.js";
import type { OcrMode } from "./ocr/index.js";

export interface ReadContext {
  /** The input path as given (for messages only; formats are detected from bytes). */
  path: string;
  limits: Limits;
  /** Overrides of the layout engine's tolerances (README "Layout settings"); positioned text only. */
  layout?: Partial<LayoutSettings>;
  /** When PDF pages are recognized by OCR (default auto: only pages without a text layer). */
  ocr?: OcrMode;
}

/** What every reader returns: blocks in reading order, recoverable problems as warnings. */
export interface ReadResult {
  blocks: ReaderBlock[];
  warnings: Warning[];
  /** Text encoding used to decode the source, where it has one. */
  encoding?: string;
  /** A title the container states outside the body (HTML <title>, docx core properties). */
  title?: string;
  /** Positioned text (PDF text layers, PDF-to-HTML pages) for the layout engine, by page. */
  pages?: PageFragments[];
  /** PDF: each page's size in points (ExtractedDocument.pages). */
  pageSizes?: { number: number; width: number; height: number }[];
  /**
   * PDF: where each paragraph's characters are printed, by block id (text offsets → page boxes). A side table for
   * the evidence boxes, never serialized.
   */
  geometry?: Map<string, PlacedRun[]>;
}

/** A reader turns the bytes of one format into the block model. It throws only ExtractError. */
export type Reader = (bytes: Uint8Array, ctx: ReadContext) => Promise<ReadResult>;

/** Allocates stable block ids in reading order: p0, p1 … for paragraphs, t0, t1 … for tables. */
export class BlockIds {
  private p = 0;
  private t = 0;
  paragraph(): string {
    return `p${this.p++}`;
  }
  table(): string {
    return `t${this.t++}`;
  }
}
