import type { TextLine } from "./lines.js";
import type { LayoutSettings } from "./settings.js";
import { estimateEdges } from "./fragments.js";
import { boxOfRange, concatPlaced, joinPlacedOnLine, joinPlacedWrapped, type PlacedText } from "./placed.js";
import { parseLabel, type ParsedLabel } from "../../text/numbering.js";
import { LEADER, TERMINAL_RE } from "./patterns.js";

/** A paragraph being built: its text and the geometry needed to decide about the next line. */
export interface DraftParagraph {
  text: string;
  /** `text` with the position of each character. */
  placed: PlacedText;
  top: number;
  role?: "toc";
  /** A TOC entry cut by the page break (tocEntryCut): it goes on with the next page's first line. */
  cutEntry?: boolean;
  /** The last line, to decide whether the paragraph continues on the next page. */
  lastLine: TextLine;
  firstLine: TextLine;
  /** Right margin of the page the paragraph ends on. */
  rightMargin: number;
  leftMargin: number;
}

/** Chinese heading numbering at the start of a line: a new block even after a full previous line. */
export const HEADING_START_RE = /^\s*(第[一二三四五六七八九十百零〇\d]+[部分章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．]|\d+\.(?!\d)|[①-⑳])/;
const TOC_TITLE_RE = /^目\s*录$/;
/** A TOC entry: dot leaders and/or a trailing page number. */
const TOC_ENTRY_RE = new RegExp(`${LEADER}\\s*\\d{1,4}$|\\s\\d{1,4}$`);
/** An entry's leader and page number, removed to compare the entry with a heading. */
const TOC_LEADER_RE = new RegExp(`${LEADER}?\\s*\\d{1,4}$`);
/** Dot leaders at the end of a line: the entry's title is complete (its page number may be missing). */
const LEADER_END_RE = new RegExp(`${LEADER}\\s*$`);

/** A label and its value spread along a line ("部门：…", "金额单位：万元", "编制单位:"), never one sentence. */
function labelPattern(s: LayoutSettings): RegExp {
  return new RegExp(`^[\\u4e00-\\u9fff]{1,${Math.max(1, Math.floor(s.spreadLabelMaxChars))}}[：:]|[：:]$`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Where a table of contents stands after a run of lines, handed to the next run (and page). */
export interface TocState {
  /** A TOC is open: it may go on in the next run. */
  open: boolean;
  /** Its last entry: the TOC goes on in the next run where that entry was cut, or where its numbering goes on. */
  last?: { size: number; cut: boolean; label: ParsedLabel | null };
  /** Its first entry without blanks, leader and page number ("第一部分部门概况"): printed again, it starts the body. */
  firstEntry?: string;
}

export const NO_TOC: Readonly<TocState> = Object.freeze({ open: false });

export interface PageParagraphInput {
  lines: TextLine[];
  /** The TOC as the previous run left it. */
  toc: TocState;
  /** Document-wide text margins, used when the page has too few lines to measure its own. */
  fallbackMargins?: { left: number; right: number };
  settings: LayoutSettings;
}

/** Left and right text margins from a set of lines (robust to centred titles and short last lines). */
export function measureMargins(lines: readonly TextLine[], s: LayoutSettings): { left: number; right: number } {
  return { left: percentile(lines.map((l) => l.x0), s.leftMarginPercentile), right: percentile(lines.map((l) => l.x1), s.rightMarginPercentile) };
}

/** The text of a TOC entry or heading as compared: no blanks, no leader, no page number. */
function entryKey(text: string): string {
  return text.replace(/\s+/g, "").replace(TOC_LEADER_RE, "");
}

/**
 * A TOC entry cut by a page break: one line running to the right margin with no page number, no leader and no
 * closing punctuation. (An entry with page numbers cut this way shows its number on the next page's first lines.)
 */
function tocEntryCut(d: DraftParagraph, rightMargin: number, s: LayoutSettings): boolean {
  return (
    d.role === "toc" &&
    d.firstLine === d.lastLine &&
    !TOC_ENTRY_RE.test(d.text) &&
    !LEADER_END_RE.test(d.text) &&
    !TERMINAL_RE.test(d.text) &&
    d.lastLine.x1 >= rightMargin - d.lastLine.size * s.shortLineEms
  );
}

/**
 * Does the TOC left open by the previous run go on at the top of `lines`? When its entries (page numbers) do, when
 * its last entry was cut, or when the first line, in the same type, numbers the next entry ("十一、…" then "十二、…").
 */
function tocGoesOn(toc: TocState, lines: readonly TextLine[], s: LayoutSettings): boolean {
  if (!toc.open) return false;
  if (lines.slice(0, 3).some((l) => TOC_ENTRY_RE.test(l.text))) return true;
  const first = lines[0];
  const last = toc.last;
  if (!first || !last || Math.abs(first.size - last.size) > last.size * s.sameSizeShare) return false;
  if (last.cut) return true;
  const label = parseLabel(first.text);
  return label !== null && last.label !== null && label.style === last.label.style && label.ordinal === last.label.ordinal + 1;
}

/** A run being laid out: the drafts so far, the open paragraph, the TOC. */
interface Building {
  out: DraftParagraph[];
  current: DraftParagraph | null;
  toc: TocState;
  /** The run's first TOC entry, while its key is not in `toc` yet. */
  firstEntry?: DraftParagraph;
  left: number;
  right: number;
}

/** Rebuild paragraphs of one page's body lines; returns the drafts and where the TOC stands. */
export function buildParagraphs(input: PageParagraphInput): { paragraphs: DraftParagraph[]; toc: TocState } {
  const { lines, settings } = input;
  if (lines.length === 0) return { paragraphs: [], toc: input.toc };
  const margins =
    lines.length < settings.minLinesForPageMargins && input.fallbackMargins ? input.fallbackMargins : measureMargins(lines, settings);
  const b: Building = { out: [], current: null, toc: { ...input.toc, open: tocGoesOn(input.toc, lines, settings) }, left: margins.left, right: margins.right };
  const lineGap = usualLineGap(lines, settings);
  let prev: TextLine | null = null;
  for (const line of lines) {
    if (addTocLine(b, line)) {
      prev = line;
      continue;
    }
    const justified: TextLine | null = b.current && prev ? justifiedLine(prev, line, b.left, b.right, settings, lineGap) : null;
    if (b.current && justified) {
      extend(b.current, justified);
      prev = justified;
      continue;
    }
    if (line.segments.length > 1) {
      b.out.push(...spreadPieces(line, b.left, b.right));
      b.current = null;
    } else if (b.current && prev && continues(prev, line, b.left, b.right, settings, lineGap)) {
      extend(b.current, line);
    } else {
      b.current = draft(line, line.placed, undefined, b.left, b.right);
      b.out.push(b.current);
    }
    prev = line;
  }
  // A TOC entry is cut when it reaches the document's text margin (a TOC page's own lines are all short).
  const textRight = Math.max(b.right, input.fallbackMargins?.right ?? 0);
  return { paragraphs: b.out, toc: closeToc(b.toc, b.out, b.firstEntry, textRight, settings) };
}

/** A line read as part of the 目录 (its title, an entry, an entry's wrapped part); false for a body line. */
function addTocLine(b: Building, line: TextLine): boolean {
  const text = line.text;
  if (TOC_TITLE_RE.test(text.replace(/\s+/g, ""))) {
    b.toc.open = true;
    delete b.toc.firstEntry;
    delete b.firstEntry;
    b.out.push(draft(line, relabeled(line, "目录"), "toc", b.left, b.right));
    b.current = null;
    return true;
  }
  if (!b.toc.open) return false;
  // Each TOC line is its own entry; a wrapped entry (no page number yet) continues on the next line.
  if (b.current && b.current.role === "toc" && !TOC_ENTRY_RE.test(b.current.text) && !HEADING_START_RE.test(text)) {
    extend(b.current, line);
    return true;
  }
  // The outline printed again from its first entry is the body starting.
  const first = b.toc.firstEntry ?? (b.firstEntry ? entryKey(b.firstEntry.text) : undefined);
  if (first !== undefined && entryKey(text) === first) {
    b.toc.open = false;
    b.current = null;
    return false;
  }
  b.current = draft(line, line.placed, "toc", b.left, b.right);
  b.firstEntry ??= b.current;
  b.out.push(b.current);
  return true;
}

/** The TOC state after a run: its first entry remembered, and whether its last entry goes on. */
function closeToc(toc: TocState, out: DraftParagraph[], firstEntry: DraftParagraph | undefined, textRight: number, s: LayoutSettings): TocState {
  if (!toc.open) return { open: false };
  const state: TocState = { open: true };
  const first = toc.firstEntry ?? (firstEntry ? entryKey(firstEntry.text) : undefined);
  if (first !== undefined) state.firstEntry = first;
  const last = out[out.length - 1];
  if (last?.role === "toc") {
    last.cutEntry = tocEntryCut(last, textRight, s);
    state.last = { size: last.lastLine.size, cut: last.cutEntry, label: parseLabel(last.text) };
  }
  return state;
}

/**
 * A line of a paragraph whose words justification spread apart ("各增加      1463.8万元，增长"): it follows a full
 * line of the paragraph, runs to the right margin and holds no label ("部门：…", "单位："). Returns it closed up
 * into one segment.
 */
function justifiedLine(prev: TextLine, line: TextLine, leftMargin: number, rightMargin: number, s: LayoutSettings, lineGap: number): TextLine | null {
  if (line.segments.length < 2 || prev.segments.length > 1) return null;
  if (prev.x1 - prev.x0 < (rightMargin - leftMargin) * s.fullLineShare) return null;
  if (line.x1 < rightMargin - line.size * s.shortLineEms) return null;
  const label = labelPattern(s);
  if (line.segments.some((seg) => label.test(seg.text))) return null;
  let placed = line.segments[0]!.placed;
  for (let i = 1; i < line.segments.length; i++) {
    const seg = line.segments[i]!;
    placed = joinPlacedOnLine(placed, seg.placed, seg.x0 - line.segments[i - 1]!.x1, line.size, s.wordSpaceEms);
  }
  const closed: TextLine = { ...line, text: placed.text, placed, segments: [{ frags: line.frags, x0: line.x0, x1: line.x1, text: placed.text, placed }] };
  return continues(prev, closed, leftMargin, rightMargin, s, lineGap) ? closed : null;
}

/**
 * Spread-out pieces on one line ("编制单位：…      单位：元") are separate statements.
 * A label ending in a colon belongs with the value spread after it ("部门：      江苏省…").
 */
function spreadPieces(line: TextLine, leftMargin: number, rightMargin: number): DraftParagraph[] {
  const pieces: PlacedText[] = [];
  for (const seg of line.segments) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && /[：:]$/.test(last.text)) pieces[pieces.length - 1] = concatPlaced(last, seg.placed);
    else pieces.push(seg.placed);
  }
  return pieces.map((piece) => draft(line, piece, undefined, leftMargin, rightMargin));
}

/**
 * Width of the unbreakable figure or Latin word a line starts with, with the unit printed against it ("2555.8万元",
 * "23.5%", "PPP"); 0 when it starts otherwise. Word processors move such a figure whole to the next line.
 */
function leadingTokenWidth(line: TextLine): number {
  const token = /^[0-9A-Za-z][0-9A-Za-z.,%]*(?:万元|亿元|元|％)?/.exec(line.placed.text.trimStart());
  if (!token) return 0;
  const lead = line.placed.text.length - line.placed.text.trimStart().length;
  const box = boxOfRange(line.placed.runs, lead, lead + token[0].length)?.box;
  return box ? box[2] - box[0] : 0;
}

/** The next line of the paragraph, joined as a wrapped line. */
function extend(d: DraftParagraph, line: TextLine): void {
  d.placed = joinPlacedWrapped(d.placed, line.placed);
  d.text = d.placed.text;
  d.lastLine = line;
}

/** A line printed as `text` written otherwise ("目  录" → "目录"): its characters spread over the line's box. */
function relabeled(line: TextLine, text: string): PlacedText {
  // buildLines makes a line only from runs, so it has a first run and its page.
  const page = line.frags[0]!.page;
  return { text, runs: [{ start: 0, end: text.length, page, top: line.top, bottom: line.bottom, edges: estimateEdges(text, line.x0, line.x1 - line.x0) }] };
}

function draft(line: TextLine, placed: PlacedText, role: "toc" | undefined, leftMargin: number, rightMargin: number): DraftParagraph {
  const d: DraftParagraph = { text: placed.text, placed, top: line.top, lastLine: line, firstLine: line, rightMargin, leftMargin };
  if (role) d.role = role;
  return d;
}

/** The page's usual gap between consecutive lines of one size (its line spacing); 0 with too few lines to tell. */
function usualLineGap(lines: readonly TextLine[], s: LayoutSettings): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const gap = b.top - a.bottom;
    // Lines far apart (a sparse page, blocks spread down a cover) tell nothing about the line spacing.
    if (a.size === b.size && gap > 0 && gap <= a.size * s.lineSpacingMaxEms) gaps.push(gap);
  }
  return gaps.length >= s.lineSpacingMinGaps ? percentile(gaps, s.lineSpacingPercentile) : 0;
}

/**
 * Does `line` continue the paragraph whose last line is `prev`? `lineGap` is the page's usual gap between lines:
 * on a page set with wide line spacing, a gap that wide is no paragraph break.
 */
export function continues(prev: TextLine, line: TextLine, leftMargin: number, rightMargin: number, s: LayoutSettings, lineGap = 0): boolean {
  const em = Math.max(prev.size, line.size);
  if (Math.abs(prev.size - line.size) > em * s.sameSizeShare) return false;
  const gap = line.top - prev.bottom;
  if (gap > Math.max(em * s.paragraphGapEms, lineGap + em * s.lineGapSlackEms) || gap < -em * s.paragraphOverlapEms) return false;
  // A wide centred title wraps onto a centred line below it, inset at both ends (a body line indented at the left
  // only, "（七）…" under a full line, starts a paragraph); a line ending a sentence is no title.
  const width = rightMargin - leftMargin;
  const prevCentre = (prev.x0 + prev.x1) / 2;
  const lineCentre = (line.x0 + line.x1) / 2;
  if (
    width > 0 &&
    prev.x1 - prev.x0 >= width * s.centredTitleWidthShare &&
    line.x0 > prev.x0 + em &&
    line.x1 < prev.x1 - em &&
    !TERMINAL_RE.test(prev.text) &&
    Math.abs(prevCentre - lineCentre) <= em * s.centredTitleOffsetEms &&
    prev.segments.length === 1 &&
    line.segments.length === 1
  ) {
    return true;
  }
  // First-line indent starts a paragraph; centred titles are indented too.
  if (line.x0 > leftMargin + em * s.indentEms) return false;
  // A short previous line ended its paragraph, unless the next line starts with a figure or word too wide for the
  // room left ("…拟购买服务" then "2555.8万元。": a number is never broken).
  if (prev.x1 < rightMargin - em * s.shortLineEms && !(leadingTokenWidth(line) > rightMargin - prev.x1 && !TERMINAL_RE.test(prev.text))) return false;
  if (prev.segments.length > 1 || line.segments.length > 1) return false;
  if (HEADING_START_RE.test(line.text) && TERMINAL_RE.test(prev.text)) return false;
  return true;
}
