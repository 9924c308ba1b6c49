import { readFile, stat } from "node:fs/promises";
import type { Block, ExtractedDocument, ParagraphBlock, ReaderBlock, Section, Table, Warning } from "./model/index.js";
import type { ReadResult } from "./readers/types.js";
import { SCHEMA_VERSION } from "./model/constants.js";
import { ExtractError, toExtractError } from "./errors.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import type { LayoutSettings } from "./readers/layout/settings.js";
import type { OcrMode } from "./readers/ocr/index.js";
import { detectFormat, readerFor } from "./readers/index.js";
import { buildSections } from "./structure/sections/index.js";
import { buildTables } from "./structure/tables/index.js";
import { findDocumentTitle } from "./structure/title.js";
import { checkTables } from "./budget/table-checks.js";
import { analyzeBudget, checkBudgetContent, checkDisclosureContent } from "./budget/index.js";
import { documentAmounts } from "./amounts/document.js";
import { placeEvidenceBoxes } from "./evidence/boxes.js";
import { IMAGE_NOT_READ } from "./readers/html/images.js";
import { sha256 } from "./util/hash.js";
import { PARSER_VERSION } from "./util/version.js";

export interface ExtractOptions {
  /** The path reported in `source.path` (defaults to the file path given). */
  path?: string;
  limits?: Partial<Limits>;
  /** Overrides of the layout engine's tolerances for PDFs and positioned HTML (README "Layout settings"). */
  layout?: Partial<LayoutSettings>;
  /** OCR of PDF pages: auto (default: pages without a text layer), always (every page), never. */
  ocr?: OcrMode;
}

/** Reads a file and extracts it. Throws only ExtractError. */
export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a regular file");
    if (info.size > limits.maxInputBytes) {
      throw new ExtractError("too_large", `The file is ${info.size} bytes, over the limit of ${limits.maxInputBytes} (raise it with --max-input-bytes).`, { bytes: info.size });
    }
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    throw new ExtractError("io_error", `Cannot read ${file}: ${(e as Error).message}. Check the path and permissions.`);
  }
  return extractBytes(bytes, { ...options, path: options.path ?? file, limits });
}

/** Extracts a document from its bytes: reader → structure → amounts → budget facts and checks. Throws only ExtractError. */
export async function extractBytes(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  try {
    return await extractUnguarded(bytes, options);
  } catch (e) {
    throw asTypedError(e);
  }
}

/**
 * Whatever escapes a reader or a later stage still ends as one typed error. A stack overflow comes from input nested
 * deeper than recursive code can follow (only possible when --max-xml-depth was raised far above its default).
 */
function asTypedError(e: unknown): ExtractError {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new ExtractError(
      "too_large",
      "The document is nested too deeply to process (stack exhausted); lower --max-xml-depth (default 256) so such input is refused or flattened early.",
    );
  }
  if (e instanceof RangeError && /Invalid string length|Array buffer allocation failed|Invalid array length/i.test(e.message)) {
    return new ExtractError("too_large", `The document is too large to hold in memory (${e.message}); lower --max-input-bytes or split the file.`);
  }
  return toExtractError(e);
}

async function extractUnguarded(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractedDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const path = options.path ?? "<bytes>";
  if (bytes.length === 0) throw new ExtractError("empty", "The file is empty (0 bytes); it was probably cut off while downloading. Fetch it again.");
  if (bytes.length > limits.maxInputBytes) {
    throw new ExtractError("too_large", `The input is ${bytes.length} bytes, over the limit of ${limits.maxInputBytes} (raise it with --max-input-bytes).`);
  }
  const format = detectFormat(bytes);
  const reader = readerFor(format, bytes);
  const read = await reader(bytes, { path, limits, ...(options.layout ? { layout: options.layout } : {}), ...(options.ocr ? { ocr: options.ocr } : {}) });
  checkBlockLimits(read.blocks, limits);
  // The reader's raw rows are not kept past the structure stage (on a 500,000-cell page they are 51 MB).
  const { blocks, tables, sections, warnings, contentWarning } = structure(read);
  const { geometry, pageSizes, title, encoding } = read;
  const imagesNotRead = read.warnings.filter((w) => w.code === IMAGE_NOT_READ);
  read.blocks = [];

  const bodyParagraphs = blocks.filter((b): b is ParagraphBlock => b.type === "paragraph" && (b.role === undefined || b.role === "body"));
  const { amounts, spansByBlock } = documentAmounts(bodyParagraphs, tables);
  const { meta, facts, lineItems, validations } = analyzeBudget({
    paragraphs: bodyParagraphs,
    captions: blocks.filter((b): b is ParagraphBlock => b.type === "paragraph" && (b.role === "caption" || b.role === undefined)),
    sections,
    spansByBlock,
    furniture: blocks.filter((b): b is ParagraphBlock => b.type === "paragraph" && b.role !== undefined && b.role !== "body" && b.role !== "caption"),
    tables,
    sourcePath: path,
    imagesNotRead,
    ...(title ? { containerTitle: title } : {}),
  });
  validations.push(...checkTables(tables));
  const budgetWarning = contentWarning ? null : checkBudgetContent(facts, tables);
  if (budgetWarning) warnings.push(budgetWarning);
  // PDF: every evidence item and amount gets the page box of what it quotes (positions come only from PDF readers).
  if (geometry) placeEvidenceBoxes({ blocks, tables, amounts, facts, lineItems, validations, meta }, geometry);

  return {
    schemaVersion: SCHEMA_VERSION,
    parserVersion: PARSER_VERSION,
    source: { path, format, sha256: sha256(bytes), bytes: bytes.length, ...(encoding ? { encoding } : {}) },
    ...(pageSizes && pageSizes.length > 0 ? { pages: pageSizes } : {}),
    meta,
    blocks,
    sections,
    tables,
    amounts,
    facts,
    lineItems,
    validations,
    warnings,
  };
}

/** Structure stage: tables built from the raw rows, captions and the 目录 marked, the section tree. */
function structure(read: ReadResult): { blocks: Block[]; tables: Table[]; sections: Section[]; warnings: Warning[]; contentWarning: Warning | null } {
  const warnings: Warning[] = [...read.warnings];
  const { tables, captionBlockIds, tableIdByBlock, warnings: tableWarnings } = buildTables(read.blocks);
  warnings.push(...tableWarnings);
  // Captions belong to their table, not to the section tree or the narrative facts.
  const readerBlocks: ReaderBlock[] = read.blocks.map((b) => (b.type === "paragraph" && captionBlockIds.has(b.id) && !b.role ? { ...b, role: "caption" as const } : b));
  // The document's title names the document; it is not a section that wraps every heading.
  const docTitle = findDocumentTitle(readerBlocks.filter((b): b is ParagraphBlock => b.type === "paragraph"));
  const titleIds = new Set([docTitle?.title.id, docTitle?.entityLine?.id].filter((id): id is string => id !== undefined));
  const { sections, tocBlockIds, warnings: sectionWarnings } = buildSections(readerBlocks, titleIds);
  warnings.push(...sectionWarnings);
  const contentWarning = checkDisclosureContent(read.blocks);
  if (contentWarning) warnings.push(contentWarning);
  const blocks: Block[] = readerBlocks.map((b) =>
    b.type === "paragraph"
      ? tocBlockIds.has(b.id) && !b.role ? { ...b, role: "toc" as const } : b
      : { id: b.id, type: "table" as const, tableId: tableIdByBlock.get(b.id) ?? b.id, provenance: b.provenance },
  );
  return { blocks, tables, sections, warnings, contentWarning };
}

function checkBlockLimits(blocks: ReaderBlock[], limits: Limits): void {
  if (blocks.length > limits.maxBlocks) {
    throw new ExtractError("too_large", `The document has ${blocks.length} blocks, over the limit of ${limits.maxBlocks}; raise --max-blocks if the file is trusted.`);
  }
  let cells = 0;
  for (const b of blocks) if (b.type === "table") for (const r of b.rows) cells += r.cells.length;
  if (cells > limits.maxCells) {
    throw new ExtractError("too_large", `The document has ${cells} table cells, over the limit of ${limits.maxCells}; raise --max-cells if the file is trusted.`);
  }
}
