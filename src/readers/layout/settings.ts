/**
 * Every tolerance of the layout engine in one object: snap distances, gaps and bands. Distances are in page units
 * (PDF points / CSS px) or in ems (multiples of the font size of the text concerned), as each name says.
 * `layoutPages(pages, ids, { segmentGapEms: 2 })` overrides some and keeps the rest. The defaults were tuned on
 * the samples and the research corpus; the README table (LayoutSettings section) says what each one decides.
 */
export interface LayoutSettings {
  /** Font size assumed for a fragment that gives none (page units). */
  defaultFontSize: number;
  /** Runs on one line farther apart than this (ems) are separate segments: candidate table cells. */
  segmentGapEms: number;
  /** Two runs are on one line when their vertical overlap is at least this share of the smaller height. */
  lineOverlap: number;
  /** A second copy of a run within this distance (ems, both axes) is fake bold: dropped. */
  overprintEms: number;
  /** Two Latin/digit runs on a line get a space between them when the gap exceeds this (ems). */
  wordSpaceEms: number;
  /** A run crossing a cell border by less than this (ems) at either end is placement slack, not two cells. */
  cellOverflowEms: number;

  /** Ruling lines closer than this (page units) are one line: double borders, anti-aliasing offsets. */
  ruleSnap: number;
  /** Grid lines merge when closer than ruleSnap × this. */
  gridClusterFactor: number;
  /** Shortest segment that counts as a rule (page units); shorter ones are glyph parts and ticks. */
  minRuleLength: number;
  /** A segment whose ends differ by at most this across its direction (page units) is horizontal/vertical. */
  ruleStraightness: number;
  /** A border is present between two cells when rules cover at least this share of the cell edge. */
  borderCoverage: number;
  /** A run belongs to a grid when its centre is within this distance (page units) of the grid's frame. */
  gridFrameSlack: number;

  /** A vertical gap wider than this (ems) ends a text-aligned table. */
  alignedRowGapEms: number;
  /** Fewest lines of a text-aligned table. */
  alignedMinLines: number;
  /** Share of a text-aligned table's lines that must hold a number. */
  alignedNumericShare: number;
  /** Column boundaries come from the lines with at least this percentile's segment count (body rows). */
  alignedTypicalPercentile: number;

  /** Fewer lines than this on a page and the document's margins are used instead of the page's own. */
  minLinesForPageMargins: number;
  /** Percentile of line starts taken as the left margin (robust to centred titles). */
  leftMarginPercentile: number;
  /** Percentile of line ends taken as the right margin (robust to short last lines). */
  rightMarginPercentile: number;
  /** Lines whose font sizes differ by more than this share are not one paragraph. */
  sameSizeShare: number;
  /** A gap between lines wider than this (ems) ends a paragraph … */
  paragraphGapEms: number;
  /** … and wider than the page's usual gap between lines by more than this (ems): double-spaced text stays whole. */
  lineGapSlackEms: number;
  /** Gaps between lines wider than this (ems) are never line spacing: left out of the page's usual gap. */
  lineSpacingMaxEms: number;
  /** Fewer such gaps than this on a page and it has no usual line spacing … */
  lineSpacingMinGaps: number;
  /** … else this percentile of the gaps is its usual line spacing. */
  lineSpacingPercentile: number;
  /** Lines overlapping by more than this (ems) are not consecutive lines of a paragraph. */
  paragraphOverlapEms: number;
  /** A line starting farther right than this (ems) from the left margin is indented: a new paragraph. */
  indentEms: number;
  /** A line ending farther left than this (ems) from the right margin is short: its paragraph ends there. */
  shortLineEms: number;
  /** A centred title wraps when its first line spans at least this share of the text width. */
  centredTitleWidthShare: number;
  /** A line spanning at least this share of the text width is full: the line justified after it goes on its paragraph. */
  fullLineShare: number;
  /** Longest label (Chinese characters) before a colon that marks a spread line as label and value, not a sentence. */
  spreadLabelMaxChars: number;
  /** ... and the next line's centre is within this (ems) of the first's. */
  centredTitleOffsetEms: number;

  /** Share of the page height at the top and at the bottom where running headers and footers live. */
  furnitureBand: number;
  /** A band line is a running header/footer when it repeats on this share of the pages … */
  furnitureRepeatShare: number;
  /** … and on at least this many pages. */
  furnitureMinRepeats: number;
}

export const DEFAULT_LAYOUT_SETTINGS: Readonly<LayoutSettings> = Object.freeze({
  defaultFontSize: 12,
  segmentGapEms: 1.8,
  lineOverlap: 0.5,
  overprintEms: 0.3,
  wordSpaceEms: 0.18,
  cellOverflowEms: 0.9,

  ruleSnap: 2.5,
  gridClusterFactor: 1.6,
  minRuleLength: 4,
  ruleStraightness: 1,
  borderCoverage: 0.5,
  gridFrameSlack: 1,

  alignedRowGapEms: 2.5,
  alignedMinLines: 3,
  alignedNumericShare: 1 / 3,
  alignedTypicalPercentile: 0.75,

  minLinesForPageMargins: 8,
  leftMarginPercentile: 0.1,
  rightMarginPercentile: 0.9,
  sameSizeShare: 0.15,
  paragraphGapEms: 1.2,
  lineGapSlackEms: 0.5,
  lineSpacingMaxEms: 2.5,
  lineSpacingMinGaps: 3,
  lineSpacingPercentile: 0.5,
  paragraphOverlapEms: 0.5,
  indentEms: 1.2,
  shortLineEms: 2,
  centredTitleWidthShare: 0.7,
  fullLineShare: 0.7,
  spreadLabelMaxChars: 8,
  centredTitleOffsetEms: 1,

  furnitureBand: 0.09,
  furnitureRepeatShare: 0.4,
  furnitureMinRepeats: 3,
});

/** Defaults with `overrides` on top; rejects values that are not finite non-negative numbers. */
export function layoutSettings(overrides: Partial<LayoutSettings> = {}): LayoutSettings {
  const s: LayoutSettings = { ...DEFAULT_LAYOUT_SETTINGS };
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in DEFAULT_LAYOUT_SETTINGS)) throw new RangeError(`unknown layout setting ${k}`);
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new RangeError(`layout setting ${k} must be a finite number ≥ 0, got ${String(v)}`);
    (s as unknown as Record<string, number>)[k] = v;
  }
  return s;
}
