import { load, type CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import type { ParagraphBlock, ReaderBlock, Warning } from "../../model/index.js";
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";
import { BlockIds, type ReadResult, type Reader } from "../types.js";
import type { PageFragments } from "../layout/types.js";
import { decodeHtml } from "./decode.js";
import { prescanHtml } from "./prescan.js";
import { ElementPaths } from "./dom.js";
import { isChromeLine } from "./chrome.js";
import { findArticleTitle, findContentContainer, measureText, normalizeText } from "./content.js";
import { FlowWalker, type ProtoBlock } from "./flow.js";
import { fragmentLines, isPageMarker, positionedPages } from "./positioned.js";
import { imageWarning } from "./images.js";

export { decodeHtml } from "./decode.js";
export { sniffHtml } from "./sniff.js";
export { positionedFragments, fragmentLines } from "./positioned.js";

/** The HTML reader's result; `pages` carries positioned text for the layout engine (PDF-to-HTML pages). */
export interface HtmlReadResult extends ReadResult {
  pages?: PageFragments[];
}

function parse(text: string): CheerioAPI {
  try {
    return load(text);
  } catch (e) {
    throw new ExtractError("corrupt", `The HTML could not be parsed: ${e instanceof Error ? e.message : String(e)}. Open the page in a browser and save it again, or fetch it again.`);
  }
}

function toBlocks(protos: ProtoBlock[], pageOf?: (i: number) => number | undefined): ReaderBlock[] {
  const ids = new BlockIds();
  let paragraphIndex = 0;
  let tableIndex = 0;
  return protos.flatMap((b, i): ReaderBlock[] => {
    if (b.kind === "images") return [];
    const page = pageOf?.(i);
    if (b.kind === "table") {
      return [{ id: ids.table(), type: "table", rows: b.rows, provenance: { tableIndex: tableIndex++, elementPath: b.path } }];
    }
    const block: ParagraphBlock = {
      id: ids.paragraph(),
      type: "paragraph",
      text: b.text,
      provenance: { paragraphIndex: paragraphIndex++, ...(b.path ? { elementPath: b.path } : {}), ...(page ? { page } : {}) },
    };
    if (b.headingLevel !== undefined) block.headingLevel = b.headingLevel;
    if (b.role) block.role = b.role;
    return [block];
  });
}

/** One image_not_read warning per run of body images, on the block before it (the block after, at the start). */
function imageWarnings(protos: ProtoBlock[], blocks: ReaderBlock[]): Warning[] {
  const out: Warning[] = [];
  // toBlocks keeps every other proto, in order: the blocks before a run are the protos before it.
  let read = 0;
  for (const b of protos) {
    if (b.kind !== "images") {
      read++;
      continue;
    }
    const before = blocks[read - 1];
    const anchor = before ?? blocks[read];
    const text = anchor?.type === "paragraph" ? anchor.text : undefined;
    out.push(imageWarning(b.run, anchor?.id, text, before !== undefined));
  }
  return out;
}

/** Positioned pages read line by line (reading order only; tables are rebuilt later by the layout engine). */
function positionedBlocks(pages: PageFragments[], containerPaths: string[]): ReaderBlock[] {
  const protos: ProtoBlock[] = [];
  const pageNumbers: number[] = [];
  pages.forEach((page, i) => {
    for (const line of fragmentLines(page)) {
      const text = normalizeText(line);
      if (!text) continue;
      const proto: ProtoBlock = { kind: "paragraph", text, path: containerPaths[i] ?? "" };
      // Page numbers ("— 1 —") are running footers, kept out of the section tree.
      if (isPageMarker(text)) proto.role = "footer";
      protos.push(proto);
      pageNumbers.push(page.page);
    }
  });
  return toBlocks(protos, (i) => pageNumbers[i]);
}

/** The page's text decoded and pre-scanned (deep nesting flattened), with a warning for each repair made. */
function decodedHtml(bytes: Uint8Array, limits: Limits, warnings: Warning[]): { html: string; encoding: string } {
  if (bytes.length > limits.maxInputBytes) {
    throw new ExtractError("too_large", `The file is ${bytes.length} bytes, over the ${limits.maxInputBytes}-byte limit; raise --max-input-bytes if the file is trusted.`, {
      bytes: bytes.length,
    });
  }
  const decoded = decodeHtml(bytes);
  if (decoded.replacements > 0) {
    warnings.push({
      code: "encoding_replacements",
      message: `${decoded.replacements} byte sequence(s) could not be decoded as ${decoded.encoding} and were replaced with U+FFFD.`,
    });
  }
  const scanned = prescanHtml(decoded.text, limits);
  if (scanned.flattened > 0) {
    warnings.push({
      code: "html_depth_limit",
      message: `Block elements nested deeper than ${scanned.maxContainers} levels were flattened (${scanned.flattened} tags); their text is kept.`,
    });
  }
  return { html: scanned.html, encoding: decoded.encoding };
}

/** A PDF-to-HTML conversion read line by line into `result`; false when the page is not one. */
function readPositioned($: CheerioAPI, paths: ElementPaths, result: HtmlReadResult): boolean {
  const positioned = positionedPages($);
  if (!positioned) return false;
  const containerPaths = positioned.containers.map((c) => (c ? paths.of(c) : ""));
  result.blocks = positionedBlocks(positioned.pages, containerPaths);
  result.pages = positioned.pages;
  result.warnings.push({
    code: "positioned_layout",
    message: `The page is a PDF-to-HTML conversion (${positioned.pages.length} positioned pages); text is read line by line, tables are not rebuilt.`,
  });
  return true;
}

/** The article's blocks in flow order: its container walked, portal chrome dropped, its title put first when the container lacks it. */
function flowProtos(body: Element, paths: ElementPaths, limits: Limits, warnings: Warning[], docTitle: string): ProtoBlock[] {
  const stats = measureText(body);
  const container = findContentContainer(body, stats);
  const walker = new FlowWalker({
    stats,
    paths,
    limits,
    warnings,
    counters: { blocks: 0, cells: 0, depthWarned: false, lengthWarned: false },
  });
  const protos = walker.walk(container).filter((b) => b.kind !== "paragraph" || !isChromeLine(b.text));
  if (container === body) return protos;
  const title = findArticleTitle(body, container, stats, docTitle);
  const first = protos.find((b) => b.kind === "paragraph");
  const firstText = first?.kind === "paragraph" ? first.text : "";
  if (title && firstText.replace(/\s/g, "") !== title.text.replace(/\s/g, "")) {
    const proto: ProtoBlock = { kind: "paragraph", text: title.text, path: title.element ? paths.of(title.element) : "html>head>title" };
    if (title.headingLevel !== undefined) proto.headingLevel = title.headingLevel;
    protos.unshift(proto);
  }
  return protos;
}

/**
 * Read an HTML page: decode (BOM, declared charset checked against the bytes, sniffing), parse with cheerio,
 * read the article container (not the portal around it) into paragraphs and raw tables.
 */
export const readHtml: Reader = async (bytes, ctx): Promise<HtmlReadResult> => {
  const warnings: Warning[] = [];
  const decoded = decodedHtml(bytes, ctx.limits, warnings);
  const $ = parse(decoded.html);
  const docTitle = normalizeText($("title").first().text());
  const result: HtmlReadResult = { blocks: [], warnings, encoding: decoded.encoding };
  if (docTitle) result.title = docTitle;
  const paths = new ElementPaths();
  if (readPositioned($, paths, result)) return result;
  const body = ($("body")[0] ?? $("html")[0]) as Element | undefined;
  if (!body) return result;
  const protos = flowProtos(body, paths, ctx.limits, warnings, docTitle);
  result.blocks = toBlocks(protos);
  warnings.push(...imageWarnings(protos, result.blocks));
  return result;
};
