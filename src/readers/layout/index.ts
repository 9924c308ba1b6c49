import type { ParagraphBlock, RawRow, ReaderBlock, Warning } from "../../model/index.js";
import type { BlockIds } from "../types.js";
import { findAlignedTables } from "./aligned.js";
import { normalizeFragments, type Frag } from "./fragments.js";
import { removeFurniture, type PageLines } from "./furniture.js";
import { fillGrid, findGridTables, insideGrid } from "./grid.js";
import { buildLines } from "./lines.js";
import { buildParagraphs, HEADING_START_RE, measureMargins, NO_TOC, type DraftParagraph, type TocState } from "./paragraphs.js";
import { boxOfRange, joinPlacedWrapped, roundBox, trimPlaced, type PageBox, type PlacedRun } from "./placed.js";
import { TERMINAL_RE } from "./patterns.js";
import { layoutSettings, type LayoutSettings } from "./settings.js";
import type { PageFragments } from "./types.js";

export type { PageFragments, TextFragment, RulingLine } from "./types.js";
export { boxOfRange, roundBox, type PageBox, type PlacedRun } from "./placed.js";
export { DEFAULT_LAYOUT_SETTINGS, layoutSettings, type LayoutSettings } from "./settings.js";

type Item =
  | { kind: "paragraph"; top: number; page: number; draft: DraftParagraph }
  | { kind: "table"; top: number; page: number; rows: RawRow[]; box: PageBox };

export interface LayoutOptions {
  /** Give blocks and cells their page boxes and return each paragraph's character positions (PDF sources). */
  boxes?: boolean;
}

export interface LayoutResult {
  blocks: ReaderBlock[];
  warnings: Warning[];
  /** With `boxes`: each paragraph's character positions, by block id (never serialized). */
  geometry?: Map<string, PlacedRun[]>;
}


/**
 * Turn pages of positioned text (and ruling lines) into paragraphs and raw tables in reading order.
 * Independent of the source: the PDF reader and the positioned-HTML path both call it. `overrides` replace some of
 * the tolerances (settings.ts); the rest keep their defaults.
 */
export function layoutPages(
  pages: PageFragments[],
  ids: BlockIds,
  overrides: Partial<LayoutSettings> = {},
  options: LayoutOptions = {},
): LayoutResult {
  const s = layoutSettings(overrides);
  const warnings: Warning[] = [];
  const items: Item[][] = [];
  const pageLines: PageLines[] = [];
  const ordered = [...pages].sort((a, b) => a.page - b.page);
  for (const page of ordered) {
    const frags = normalizeFragments(page.fragments, s, page.page);
    const boxPage = options.boxes ? page.page : undefined;
    const pageItems: Item[] = [];
    let free: Frag[] = frags;
    for (const grid of findGridTables(page.lines ?? [], s)) {
      const inside = free.filter((f) => insideGrid(grid, f, s.gridFrameSlack));
      if (inside.length === 0) continue;
      free = free.filter((f) => !insideGrid(grid, f, s.gridFrameSlack));
      pageItems.push({ kind: "table", top: grid.top, page: page.page, rows: fillGrid(grid, inside, s, boxPage), box: [grid.x0, grid.top, grid.x1, grid.bottom] });
    }
    items.push(pageItems);
    const pl: PageLines = { page: page.page, lines: buildLines(free, s) };
    if (page.height !== undefined) pl.height = page.height;
    if (page.width !== undefined) pl.width = page.width;
    pageLines.push(pl);
  }
  removeFurniture(pageLines, s);

  let toc: TocState = NO_TOC;
  const marginsOf = documentMargins(pageLines, s);
  pageLines.forEach((pl, idx) => {
    const pageItems = items[idx] ?? [];
    const tableLines = addAlignedTables(pl, pageItems, s, options.boxes === true);
    // Text between aligned tables is laid out as separate runs so a paragraph never spans a table.
    let run: typeof pl.lines = [];
    const flush = (): void => {
      const fallback = marginsOf(pl);
      const built = buildParagraphs({ lines: run, toc, settings: s, ...(fallback ? { fallbackMargins: fallback } : {}) });
      toc = built.toc;
      for (const d of built.paragraphs) pageItems.push({ kind: "paragraph", top: d.top, page: pl.page, draft: d });
      run = [];
    };
    pl.lines.forEach((line, i) => {
      if (tableLines.has(i)) flush();
      else run.push(line);
    });
    flush();
    pageItems.sort((a, b) => a.top - b.top);
  });

  return { ...toBlocks(joinAcrossPages(items, s), ids, options), warnings };
}

/** The page's tables aligned by text (no rules) into `pageItems`; returns the indexes of the lines they take. */
function addAlignedTables(pl: PageLines, pageItems: Item[], s: LayoutSettings, boxes: boolean): Set<number> {
  const tableLines = new Set<number>();
  for (const t of findAlignedTables(pl.lines, s, boxes ? pl.page : undefined)) {
    for (let i = t.start; i < t.end; i++) tableLines.add(i);
    const lines = pl.lines.slice(t.start, t.end);
    const box: PageBox = [Math.min(...lines.map((l) => l.x0)), lines[0]?.top ?? 0, Math.max(...lines.map((l) => l.x1)), Math.max(...lines.map((l) => l.bottom))];
    pageItems.push({ kind: "table", top: pl.lines[t.start]?.top ?? 0, page: pl.page, rows: t.rows, box });
  }
  return tableLines;
}

/**
 * The text margins of the document's pages of one width, for a page with too few lines to measure its own: a
 * landscape table page's notes are not measured against the portrait text pages (nor the other way round).
 */
function documentMargins(pageLines: readonly PageLines[], s: LayoutSettings): (pl: PageLines) => { left: number; right: number } | undefined {
  const widthKey = (pl: PageLines): number => Math.round(pl.width ?? 0);
  const measured = new Map<number, { left: number; right: number } | undefined>();
  const single = (pls: readonly PageLines[]) => pls.flatMap((pl) => pl.lines).filter((l) => l.segments.length === 1);
  const all = single(pageLines);
  const whole = all.length > 0 ? measureMargins(all, s) : undefined;
  return (pl) => {
    const key = widthKey(pl);
    if (!measured.has(key)) {
      const lines = single(pageLines.filter((q) => widthKey(q) === key));
      measured.set(key, lines.length > 0 ? measureMargins(lines, s) : whole);
    }
    return measured.get(key);
  };
}

/** Blocks of the laid-out items in reading order; with `boxes`, their boxes and the paragraphs' character positions. */
function toBlocks(merged: Item[], ids: BlockIds, options: LayoutOptions): { blocks: ReaderBlock[]; geometry?: Map<string, PlacedRun[]> } {
  const blocks: ReaderBlock[] = [];
  const geometry = new Map<string, PlacedRun[]>();
  let paragraphIndex = 0;
  let tableIndex = 0;
  for (const item of merged) {
    if (item.kind === "table") {
      const provenance = { page: item.page, tableIndex: tableIndex++, ...(options.boxes ? { bbox: roundBox(item.box) } : {}) };
      blocks.push({ id: ids.table(), type: "table", rows: item.rows, provenance });
    } else {
      const placed = trimPlaced(item.draft.placed);
      const text = placed.text;
      if (!text) continue;
      const block: ParagraphBlock = {
        id: ids.paragraph(),
        type: "paragraph",
        text,
        provenance: { page: item.page, paragraphIndex: paragraphIndex++ },
      };
      if (item.draft.role) block.role = item.draft.role;
      if (options.boxes) {
        geometry.set(block.id, placed.runs);
        const onPage = placed.runs.filter((r) => r.page === item.page);
        const box = boxOfRange(onPage, 0, text.length)?.box;
        if (box) block.provenance.bbox = roundBox(box);
      }
      blocks.push(block);
    }
  }
  return options.boxes ? { blocks, geometry } : { blocks };
}

/**
 * A paragraph cut by a page break: the last body paragraph of a page runs to the right margin without
 * closing punctuation, and the next page starts with an unindented body line. A TOC entry cut by the break
 * (tocEntryCut) goes on with the next page's first entry unless that one starts a numbered heading.
 */
function joinAcrossPages(pages: Item[][], s: LayoutSettings): Item[] {
  const out: Item[] = [];
  for (const pageItems of pages) {
    const first = pageItems[0];
    const last = out[out.length - 1];
    if (first?.kind === "paragraph" && last?.kind === "paragraph" && endPage(last) + 1 === first.page && (bodyCut(last.draft, first.draft, s) || tocCut(last.draft, first.draft, s))) {
      last.draft.placed = joinPlacedWrapped(last.draft.placed, first.draft.placed);
      last.draft.text = last.draft.placed.text;
      // The joined paragraph now ends where the page's first one ended (a paragraph may run over several pages).
      last.draft.lastLine = first.draft.lastLine;
      last.draft.rightMargin = first.draft.rightMargin;
      last.draft.cutEntry = first.draft.cutEntry === true;
      out.push(...pageItems.slice(1));
    } else {
      out.push(...pageItems);
    }
  }
  return out;
}

/** The page a paragraph's last line is printed on. */
function endPage(item: Item & { kind: "paragraph" }): number {
  return item.draft.lastLine.frags[0]?.page ?? item.page;
}

/** A body paragraph running to the margin at the foot of a page, and an unindented body line heading the next. */
function bodyCut(last: DraftParagraph, first: DraftParagraph, s: LayoutSettings): boolean {
  return (
    !first.role &&
    !last.role &&
    !TERMINAL_RE.test(last.text) &&
    last.lastLine.segments.length === 1 &&
    last.lastLine.x1 >= last.rightMargin - last.lastLine.size * s.shortLineEms &&
    first.firstLine.x0 <= first.leftMargin + first.firstLine.size * s.indentEms &&
    sameSize(first.firstLine, last.lastLine, s)
  );
}

/** A TOC entry cut at the foot of a page, and the next page's first TOC line (not a numbered entry of its own). */
function tocCut(last: DraftParagraph, first: DraftParagraph, s: LayoutSettings): boolean {
  return first.role === "toc" && last.cutEntry === true && !HEADING_START_RE.test(first.text) && sameSize(first.firstLine, last.lastLine, s);
}

function sameSize(a: DraftParagraph["firstLine"], b: DraftParagraph["firstLine"], s: LayoutSettings): boolean {
  return Math.abs(a.size - b.size) <= b.size * s.sameSizeShare;
}
