/** The report's page images and boxes: every size and colour they use, in one place. */

export const PAGE_SETTINGS = {
  /**
   * dpi of the page images embedded in the HTML report. At 100 dpi an A4 page is 827 px wide (landscape 1169 px),
   * about the width of the report's main column on a laptop (1400 px window: 1100 px), so one image pixel is about
   * one CSS pixel; 9 pt table figures come out 12–13 px high and read without zooming. 150 dpi would double the size
   * for nothing the column can show.
   */
  htmlDpi: 100,
  /**
   * 16 gray levels: a rendered text page is a quarter of its RGB size (measured on samples/putuo…: 28 KB a page
   * against 125 KB RGB at 100 dpi), and the boxes, drawn in colour over it, stand out from the page.
   */
  htmlBitDepth: 4 as const,
  /** dpi of `--page-images` PNGs: pasted into a document and printed, they need more pixels than a screen. */
  imageDpi: 150,
  /** A box is drawn this far (points) outside the characters or cell it frames, so its line never covers them. */
  marginPt: 1.5,
  /** Outline thickness in the `--page-images` pixels (at 150 dpi: 1.4 pt). */
  outlinePx: 3,
  /** Outline colours (RGB) in the PNGs; the HTML uses the same ones in its CSS. */
  colours: { evidence: [28, 126, 214] as const, fail: [224, 49, 49] as const },
};

export type PagesMode = "all" | "evidence" | "none";
export const PAGES_MODES: readonly PagesMode[] = ["all", "evidence", "none"];
