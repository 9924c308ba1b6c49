import type { AnyNode, Element } from "domhandler";
import type { RawRow, Warning } from "../../model/index.js";
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";
import { ElementPaths, isElement } from "./dom.js";
import { NON_TEXT_TAGS } from "./chrome.js";
import { isChrome, normalizeText, type TextStats } from "./content.js";
import { isLayoutTable, rawRows } from "./table.js";
import { addToRun, imageSource, isContentImage, mergeRuns, type ImageRun } from "./images.js";

/** A block before ids are given out (ids follow final reading order, after the title is placed). */
export type ProtoBlock =
  | { kind: "paragraph"; text: string; path: string; headingLevel?: number; role?: "caption" | "footer" }
  | { kind: "table"; rows: RawRow[]; path: string }
  /** Body images not read, in reading order: they become an image_not_read warning on the block they follow. */
  | { kind: "images"; run: ImageRun; path: string };

/** Elements that end the current paragraph and start a new one; everything else is inline. */
const BLOCK_TAGS = new Set([
  "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
  "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td",
  "th", "caption", "ul", "legend", "frameset", "frame",
]);

export interface FlowContext {
  stats: Map<Element, TextStats>;
  paths: ElementPaths;
  limits: Limits;
  warnings: Warning[];
  /** Shared across nested walkers so the limits count the whole document. */
  counters: { blocks: number; cells: number; depthWarned: boolean; lengthWarned: boolean };
}

/**
 * Walks a DOM subtree in reading order: block elements and <br> end paragraphs, inline elements don't,
 * data tables become raw tables, layout tables are read as flowing text.
 */
export class FlowWalker {
  readonly out: ProtoBlock[] = [];
  private parts: string[] = [];
  private partsLength = 0;
  private blockStack: Element[] = [];
  private headingStack: number[] = [];
  private paragraphElement: Element | null = null;
  private paragraphHeading: number | undefined;
  /** Images met inside the paragraph being read: placed after it when it ends. */
  private pendingImages: ImageRun | null = null;
  private linkDepth = 0;

  constructor(private readonly ctx: FlowContext) {}

  walk(root: Element): ProtoBlock[] {
    this.blockStack.push(root);
    this.visit(root, 0, true);
    this.flush();
    return this.out;
  }

  private append(text: string): void {
    if (this.parts.length === 0) {
      if (text.trim() === "") return;
      this.paragraphElement = this.blockStack[this.blockStack.length - 1] ?? null;
      this.paragraphHeading = this.headingStack[this.headingStack.length - 1];
    }
    if (this.partsLength >= this.ctx.limits.maxParagraphChars) {
      if (!this.ctx.counters.lengthWarned) {
        this.ctx.counters.lengthWarned = true;
        this.ctx.warnings.push({ code: "paragraph_truncated", message: `A paragraph longer than ${this.ctx.limits.maxParagraphChars} characters was cut at that length.` });
      }
      return;
    }
    const room = this.ctx.limits.maxParagraphChars - this.partsLength;
    const piece = text.length > room ? text.slice(0, room) : text;
    this.parts.push(piece);
    this.partsLength += piece.length;
  }

  private flush(): void {
    this.flushText();
    const pending = this.pendingImages;
    this.pendingImages = null;
    if (pending) this.addImages(pending);
  }

  private flushText(): void {
    if (this.parts.length === 0) return;
    const text = normalizeText(this.parts.join(""));
    this.parts = [];
    this.partsLength = 0;
    if (!text) return;
    const el = this.paragraphElement;
    const block: ProtoBlock = { kind: "paragraph", text, path: el ? this.ctx.paths.of(el) : "" };
    if (this.paragraphHeading !== undefined) block.headingLevel = this.paragraphHeading;
    this.push(block);
  }

  /** An image: after the paragraph being read, if one is open; else into the run after the last block. */
  private image(el: Element): void {
    if (!isContentImage(el, this.linkDepth > 0)) return;
    const run: ImageRun = { sources: [], count: 0 };
    addToRun(run, imageSource(el));
    if (this.parts.length > 0) {
      this.pendingImages = this.pendingImages ? mergeRuns(this.pendingImages, run) : run;
      return;
    }
    this.addImages(run);
  }

  /** Consecutive images share one run (one marker), so a page of 100 000 <img> costs one block. */
  private addImages(run: ImageRun): void {
    const last = this.out[this.out.length - 1];
    if (last?.kind === "images") mergeRuns(last.run, run);
    else this.out.push({ kind: "images", run, path: "" });
  }

  private push(block: ProtoBlock): void {
    if (++this.ctx.counters.blocks > this.ctx.limits.maxBlocks) {
      throw new ExtractError("too_large", `The page has more than ${this.ctx.limits.maxBlocks} blocks; raise --max-blocks to read it.`, {
        maxBlocks: this.ctx.limits.maxBlocks,
      });
    }
    this.out.push(block);
  }

  private visit(node: AnyNode, depth: number, isRoot = false): void {
    if (node.type === "text") {
      this.append(node.data);
      return;
    }
    if (!isElement(node)) return;
    if (depth > this.ctx.limits.maxXmlDepth) {
      if (!this.ctx.counters.depthWarned) {
        this.ctx.counters.depthWarned = true;
        this.ctx.warnings.push({ code: "html_depth_limit", message: `Elements nested deeper than ${this.ctx.limits.maxXmlDepth} levels were skipped.` });
      }
      return;
    }
    const name = node.name;
    // An <img> has no text, but a picture in the body is reported (images.ts).
    if (NON_TEXT_TAGS.has(name) && name !== "img") return;
    if (!isRoot && isChrome(node, this.ctx.stats)) return;
    if (name === "img") {
      this.image(node);
      return;
    }
    if (name === "br") {
      this.flush();
      return;
    }
    if (name === "table" && !isLayoutTable(node, this.ctx.stats)) {
      this.flush();
      this.emitTable(node);
      return;
    }
    const block = BLOCK_TAGS.has(name);
    const heading = /^h[1-6]$/.test(name) ? Number(name[1]) : undefined;
    if (block) {
      this.flush();
      if (!isRoot) this.blockStack.push(node);
    }
    if (heading !== undefined) this.headingStack.push(heading);
    if (name === "a") this.linkDepth++;
    for (const child of node.children) this.visit(child, depth + 1);
    if (name === "a") this.linkDepth--;
    if (heading !== undefined) this.headingStack.pop();
    if (block) {
      this.flush();
      if (!isRoot) this.blockStack.pop();
    }
  }

  private emitTable(table: Element): void {
    const path = this.ctx.paths.of(table);
    const caption = table.children.find((c): c is Element => isElement(c) && c.name === "caption");
    if (caption) {
      const text = this.cellText(caption);
      if (text) this.push({ kind: "paragraph", text, path: this.ctx.paths.of(caption), role: "caption" });
    }
    const cellImages: ImageRun = { sources: [], count: 0 };
    const rows = rawRows(table, (cell) => this.cellText(cell, cellImages));
    const cellCount = rows.reduce((n, r) => n + r.cells.length, 0);
    this.ctx.counters.cells += cellCount;
    if (this.ctx.counters.cells > this.ctx.limits.maxCells) {
      throw new ExtractError("too_large", `The page has more than ${this.ctx.limits.maxCells} table cells; raise --max-cells to read it.`, {
        maxCells: this.ctx.limits.maxCells,
      });
    }
    // Spacer tables (no text in any cell) carry nothing.
    if (rows.some((r) => r.cells.some((c) => c.text !== ""))) this.push({ kind: "table", rows, path });
    // A picture inside a table's cell follows the table (a layout table holding a picture is read as flow).
    if (cellImages.count > 0) this.addImages(cellImages);
  }

  /** A cell's text: its own paragraphs and <br> lines joined by "\n". */
  private cellText(cell: Element, images?: ImageRun): string {
    const inner = new FlowWalker({ ...this.ctx, counters: { ...this.ctx.counters, blocks: 0 } });
    const blocks = inner.walk(cell);
    for (const b of blocks) if (b.kind === "images" && images) mergeRuns(images, b.run);
    const readable = blocks.filter((b) => b.kind !== "images");
    return readable.map((b) => (b.kind === "paragraph" ? b.text : b.kind === "table" ? b.rows.map((r) => r.cells.map((c) => c.text).join(" ")).join("\n") : "")).join("\n");
  }
}
