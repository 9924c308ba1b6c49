import { readFile, stat } from "node:fs/promises";
import type { Block, ExtractedDocument, ReaderBlock, Warning } from "./model/index.js";
import { SCHEMA_VERSION } from "./model/index.js";
import { ExtractError } from "./errors.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { detectFormat, readerFor } from "./readers/index.js";
import { buildSections } from "./structure/sections/index.js";
import { checkDisclosureContent } from "./budget/disclosure-content.js";
import { sha256 } from "./util/hash.js";
import { PARSER_VERSION } from "./util/version.js";

export interface ExtractOptions {
  /** The path reported in `source.path` (defaults to the file path given). */
  path?: string;
  limits?: Partial<Limits>;
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

/** Extracts a document from its bytes: reader → structure → amounts → budget facts and checks. */
export async function extractBytes(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const path = options.path ?? "<bytes>";
  if (bytes.length === 0) throw new ExtractError("empty", "The file is empty (0 bytes); it was probably cut off while downloading. Fetch it again.");
  if (bytes.length > limits.maxInputBytes) {
    throw new ExtractError("too_large", `The input is ${bytes.length} bytes, over the limit of ${limits.maxInputBytes} (raise it with --max-input-bytes).`);
  }
  const format = detectFormat(bytes);
  const reader = readerFor(format, bytes);
  const read = await reader(bytes, { path, limits });
  checkBlockLimits(read.blocks, limits);

  const warnings: Warning[] = [...read.warnings];
  const { sections, tocBlockIds, warnings: sectionWarnings } = buildSections(read.blocks);
  warnings.push(...sectionWarnings);
  const contentWarning = checkDisclosureContent(read.blocks);
  if (contentWarning) warnings.push(contentWarning);

  const blocks: Block[] = read.blocks.map((b) =>
    b.type === "paragraph"
      ? tocBlockIds.has(b.id) && !b.role ? { ...b, role: "toc" as const } : b
      : { id: b.id, type: "table" as const, tableId: b.id, provenance: b.provenance },
  );

  return {
    schemaVersion: SCHEMA_VERSION,
    parserVersion: PARSER_VERSION,
    source: { path, format, sha256: sha256(bytes), bytes: bytes.length, ...(read.encoding ? { encoding: read.encoding } : {}) },
    meta: { ...(read.title ? { title: read.title } : {}), evidence: {} },
    blocks,
    sections,
    tables: [],
    amounts: [],
    facts: [],
    validations: [],
    warnings,
  };
}

function checkBlockLimits(blocks: ReaderBlock[], limits: Limits): void {
  if (blocks.length > limits.maxBlocks) {
    throw new ExtractError("too_large", `The document has ${blocks.length} blocks, over the limit of ${limits.maxBlocks} (--max-blocks).`);
  }
  let cells = 0;
  for (const b of blocks) if (b.type === "table") for (const r of b.rows) cells += r.cells.length;
  if (cells > limits.maxCells) {
    throw new ExtractError("too_large", `The document has ${cells} table cells, over the limit of ${limits.maxCells} (--max-cells).`);
  }
}
