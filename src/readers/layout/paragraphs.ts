import type { TextLine } from "./lines.js";
import type { LayoutSettings } from "./settings.js";
import { estimateEdges } from "./fragments.js";
import { concatPlaced, joinPlacedWrapped, type PlacedText } from "./placed.js";

/** A paragraph being built: its text and the geometry needed to decide about the next line. */
export interface DraftParagraph {
  text: string;
  /** `text` with the position of each character. */
  placed: PlacedText;
  top: number;
  role?: "toc";
  /** The last line, to decide whether the paragraph continues on the next page. */
  lastLine: TextLine;
  firstLine: TextLine;
  /** Right margin of the page the paragraph ends on. */
  rightMargin: number;
  leftMargin: number;
}

/** Chinese heading numbering at the start of a line: a new block even after a full previous line. */
const HEADING_START_RE = /^\s*(第[一二三四五六七八九十百零〇\d]+[部分章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．]|\d+\.(?!\d)|[①-⑳])/;
const TERMINAL_RE = /[。；;：:！!？?]$/;
const TOC_TITLE_RE = /^目\s*录$/;
/** A TOC entry: dot leaders and/or a trailing page number. */
const TOC_ENTRY_RE = /([.．…·‥_-]{3,}|…{2,})\s*\d{1,4}$|\s\d{1,4}$/;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export interface PageParagraphInput {
  lines: TextLine[];
  /** The TOC started on an earlier page and may go on here. */
  inToc: boolean;
  /** Document-wide text margins, used when the page has too few lines to measure its own. */
  fallbackMargins?: { left: number; right: number };
  settings: LayoutSettings;
}

/** Left and right text margins from a set of lines (robust to centred titles and short last lines). */
export function measureMargins(lines: readonly TextLine[], s: LayoutSettings): { left: number; right: number } {
  return { left: percentile(lines.map((l) => l.x0), s.leftMarginPercentile), right: percentile(lines.map((l) => l.x1), s.rightMarginPercentile) };
}

/** Rebuild paragraphs of one page's body lines; returns the drafts and whether a TOC is still open. */
export function buildParagraphs(input: PageParagraphInput): { paragraphs: DraftParagraph[]; inToc: boolean } {
  const { lines, settings } = input;
  const out: DraftParagraph[] = [];
  if (lines.length === 0) return { paragraphs: out, inToc: input.inToc };
  const margins =
    lines.length < settings.minLinesForPageMargins && input.fallbackMargins ? input.fallbackMargins : measureMargins(lines, settings);
  const leftMargin = margins.left;
  const rightMargin = margins.right;
  let inToc = input.inToc && lines.slice(0, 3).some((l) => TOC_ENTRY_RE.test(l.text));
  let current: DraftParagraph | null = null;
  let prev: TextLine | null = null;
  for (const line of lines) {
    const text = line.text;
    if (TOC_TITLE_RE.test(text.replace(/\s+/g, ""))) {
      inToc = true;
      out.push(draft(line, relabeled(line, "目录"), "toc", leftMargin, rightMargin));
      current = null;
      prev = line;
      continue;
    }
    if (inToc) {
      // Each TOC line is its own entry; a wrapped entry (no page number yet) continues on the next line.
      if (current && current.role === "toc" && prev && !TOC_ENTRY_RE.test(current.text) && !HEADING_START_RE.test(text)) {
        extend(current, line);
      } else {
        current = draft(line, line.placed, "toc", leftMargin, rightMargin);
        out.push(current);
      }
      prev = line;
      continue;
    }
    if (line.segments.length > 1) {
      // Spread-out pieces on one line ("编制单位：…      单位：元") are separate statements.
      // A label ending in a colon belongs with the value spread after it ("部门：      江苏省…").
      const pieces: PlacedText[] = [];
      for (const seg of line.segments) {
        const last = pieces[pieces.length - 1];
        if (last !== undefined && /[：:]$/.test(last.text)) pieces[pieces.length - 1] = concatPlaced(last, seg.placed);
        else pieces.push(seg.placed);
      }
      for (const piece of pieces) out.push(draft(line, piece, undefined, leftMargin, rightMargin));
      current = null;
      prev = line;
      continue;
    }
    if (current && prev && continues(prev, line, leftMargin, rightMargin, settings)) {
      extend(current, line);
    } else {
      current = draft(line, line.placed, undefined, leftMargin, rightMargin);
      out.push(current);
    }
    prev = line;
  }
  return { paragraphs: out, inToc };
}

/** The next line of the paragraph, joined as a wrapped line. */
function extend(d: DraftParagraph, line: TextLine): void {
  d.placed = joinPlacedWrapped(d.placed, line.placed);
  d.text = d.placed.text;
  d.lastLine = line;
}

/** A line printed as `text` written otherwise ("目  录" → "目录"): its characters spread over the line's box. */
function relabeled(line: TextLine, text: string): PlacedText {
  const page = line.frags[0]?.page ?? 1;
  return { text, runs: [{ start: 0, end: text.length, page, top: line.top, bottom: line.bottom, edges: estimateEdges(text, line.x0, line.x1 - line.x0) }] };
}

function draft(line: TextLine, placed: PlacedText, role: "toc" | undefined, leftMargin: number, rightMargin: number): DraftParagraph {
  const d: DraftParagraph = { text: placed.text, placed, top: line.top, lastLine: line, firstLine: line, rightMargin, leftMargin };
  if (role) d.role = role;
  return d;
}

/** Does `line` continue the paragraph whose last line is `prev`? */
export function continues(prev: TextLine, line: TextLine, leftMargin: number, rightMargin: number, s: LayoutSettings): boolean {
  const em = Math.max(prev.size, line.size);
  if (Math.abs(prev.size - line.size) > em * s.sameSizeShare) return false;
  const gap = line.top - prev.bottom;
  if (gap > em * s.paragraphGapEms || gap < -em * s.paragraphOverlapEms) return false;
  // A wide centred title wraps onto a centred line below it.
  const width = rightMargin - leftMargin;
  const prevCentre = (prev.x0 + prev.x1) / 2;
  const lineCentre = (line.x0 + line.x1) / 2;
  if (
    width > 0 &&
    prev.x1 - prev.x0 >= width * s.centredTitleWidthShare &&
    line.x0 > prev.x0 + em &&
    Math.abs(prevCentre - lineCentre) <= em * s.centredTitleOffsetEms &&
    prev.segments.length === 1 &&
    line.segments.length === 1
  ) {
    return true;
  }
  // First-line indent starts a paragraph; centred titles are indented too.
  if (line.x0 > leftMargin + em * s.indentEms) return false;
  // A short previous line ended its paragraph.
  if (prev.x1 < rightMargin - em * s.shortLineEms) return false;
  if (prev.segments.length > 1 || line.segments.length > 1) return false;
  if (HEADING_START_RE.test(line.text) && TERMINAL_RE.test(prev.text)) return false;
  return true;
}
