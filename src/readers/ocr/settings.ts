/** Tolerances of the OCR stage, in one place. Lengths in PDF points unless named otherwise. */
export const OCR_SETTINGS = {
  /** Resolution pages are rendered at for recognition: 200 dpi reads 9 pt Chinese reliably at a third of 300 dpi's cost. */
  dpi: 200,
  /** Recognition language: Simplified Chinese; its model also reads digits and Latin letters. */
  lang: "chi_sim",
  /** Tesseract page segmentation: automatic layout analysis (columns, tables as blocks). */
  psm: 4,
  /** Segmentation for a crop read as a block of lines (a ruled cell, a merged region). */
  blockPsm: 6,
  /** Segmentation for a crop holding one line (a re-read line, a figure, a page number). */
  linePsm: 7,
  /** Segmentation for a crop holding one glyph. */
  glyphPsm: 10,
  /** Orientation detection: Tesseract's OSD model and its segmentation mode (orientation and script only). */
  osdLang: "osd",
  osdPsm: 0,
  /** A pixel darker than this (0–255) is ink. */
  inkThreshold: 140,
  /** Shortest horizontal rule: longer than the widest Chinese stroke run ("——" at 14 pt). */
  minHorizontalRule: 24,
  /** Shortest vertical rule: longer than a glyph's vertical stroke, shorter than one table row. */
  minVerticalRule: 14,
  /** Thickest ink run that is still a rule and not a filled box or a bold glyph. */
  maxRuleThickness: 3.5,
  /**
   * Paint found rules white before recognition. Off: Tesseract's own layout analysis uses the borders to split
   * cells, and on erased pages it lost figures ("27,664.22" read as ",664") in the evaluation.
   */
  eraseRules: false,
  /** A vertical rule shorter than this must meet a horizontal rule at both ends (else it is a glyph stroke). */
  minFreeVerticalRule: 60,
  /** How far a rule's end may stop short of the rule it meets (anti-aliasing, broken corners). */
  ruleJoinTolerance: 3,
  /** Most ink just beside a rule (share of its length): more is a glyph stroke among other strokes. */
  maxRuleSideInk: 0.25,
  /** Light gaps inside a rule (broken scan lines, anti-aliasing) bridged, in pixels. */
  ruleGapPx: 2,
  /** A word crosses a vertical rule when the rule lies more than this (pixels) inside both its ends. */
  ruleStraddleInsetPx: 2,
  /** Words on one recognized line closer than this many heights form one run (one cell, one amount). */
  joinGapEms: 0.6,
  /** …and a figure cut right after a separator ("5." "2%") joins across this many heights. */
  figureJoinGapEms: 1.2,
  /**
   * Line height (pixels, Tesseract's line box) the chi_sim model reads best: a bold 20 pt title read at 200 dpi
   * (72 px) came back "收文预算总表", the same line scaled to 36 px "收支预算总表" (measured on corpus titles).
   */
  lineTargetPx: 32,
  /** Lines taller than this many times lineTargetPx are re-read on their crop scaled down to lineTargetPx. */
  rereadLinesAbove: 1.25,
  /**
   * …when its words are nearly as tall as the line: words much shorter than their line box are two lines the page
   * pass merged (scaled as one, they read as garbage).
   */
  minWordShareOfLine: 0.7,
  /** A line of lone glyphs at least this many line heights apart is a letter-spaced heading ("目　　录"). */
  letterSpacedGapEms: 0.8,
  /** …of at most this many glyphs (headings, not a column of single-character cells). */
  letterSpacedMaxGlyphs: 6,
  /** Gap between the glyphs of a letter-spaced line set side by side for its re-read, in line heights. */
  closedUpGapEms: 0.15,
  /** A line with a Chinese word read with less confidence than this is read again on its own crop. */
  lineRereadBelow: 0.8,
  /** The scaled reading of a large line is kept unless its confidence is lower than the first's by more than this. */
  rereadConfidenceSlack: 0.1,
  /** Margin around a re-read line's crop, as a share of its height. */
  lineCropPadding: 0.2,
  /** A word taller than this many of the page's line heights, read with less confidence than mergedLineBelow, spans lines the layout analysis merged. */
  mergedLineHeights: 1.8,
  mergedLineBelow: 0.5,
  /** …and their region is read again as a block when it is at most this many line heights tall (not a page of text). */
  mergedRegionMaxLines: 10,
  /** A character that is the one difference from an organ word ("办公打") read with less confidence than this is read again alone. */
  vocabularyRereadBelow: 0.9,
  /** A ruled cell holding a Chinese word read with less confidence than this is read again alone, inside its borders. */
  cellRereadBelow: 0.8,
  /** …unless it is taller than this (points): a frame around a page of text is not a cell. */
  maxCellRereadHeight: 120,
  /** White margin kept around a cell's crop (pixels), as the recognizer wants paper around text. */
  cellCropMarginPx: 4,
  /** A page read with a mean confidence below this is checked for its orientation (a table printed sideways). */
  orientationCheckBelow: 0.7,
  /** Tesseract OSD's orientation confidence needed to turn a page (its own scale; ~1 is a guess, 10+ is sure). */
  minOrientationConfidence: 2,
  /** A figure below this confidence (0–1) is flagged uncertain. */
  uncertainBelow: 0.8,
  /** Margin around a figure's crop for the digit pass, in pixels. */
  cropPaddingPx: 6,
  /**
   * Default wall-clock limit for one page, milliseconds: 5–15 s is usual, but on a loaded 2-core machine photographed
   * pages took over 50 s (measured); the document's own limit still caps the sum.
   */
  pageTimeoutMs: 120_000,
  /** A run shorter than the page's Chinese runs up to this many times its height gets their height as its line box. */
  emSizeSlack: 1.25,
  /** …when at least this many such runs tell the height. */
  emMinPeers: 3,
  /** Side bearing added to each word's ink for its glyph edges, in ink line heights (SimSun digits: 2.1–2.3 pt at 16 pt, measured against poppler). */
  sideBearingEms: 0.15,
  /** Page numbers: a line in this share of the page height at its foot, at most folioMaxWidth of the page wide, centred within folioCentreSlack of the page width. */
  folioFootBand: 0.15,
  folioMaxWidth: 0.15,
  folioCentreSlack: 0.08,
  /** What a page number may hold when read again (Tesseract whitelist). */
  folioWhitelist: "0123456789-",
  /** Digits a figure may hold in the digit pass (Tesseract whitelist). */
  digitWhitelist: "0123456789.,-%",
  /** Language model for the digit pass: the Latin model reads digits alone better than the Chinese one. */
  digitLang: "eng",
} as const;
