/**
 * Images in an article's body. A portal prints a table or a scanned page as a picture (重庆交通委 2018 prints its
 * 8 budget tables as GIFs): the reader has no text for it, and says so with an `image_not_read` warning naming the
 * images and the block they follow, so a later check can tell "printed as a picture" from "not printed".
 */
import type { AnyNode, Element } from "domhandler";
import type { Warning } from "../../model/index.js";
import { cssLength, parseStyle } from "./dom.js";

export const IMAGE_NOT_READ = "image_not_read";

/** What counts as content, not an icon, bullet or spacer (sizes in CSS px as declared; pt converted). */
export const IMAGE_SETTINGS = {
  /** A declared width below this is an icon or a bullet (the smallest table picture in the corpus is 559 px). */
  minWidthPx: 120,
  /** A declared height below this is a rule, a spacer or a one-line banner. */
  minHeightPx: 32,
  /** Sources named in one warning; the rest are counted. */
  maxSourcesNamed: 20,
  /** Characters of a source kept (a data: URI is cut). */
  maxSourceChars: 200,
  /** Characters of the anchoring block's text quoted in the warning, enough to find it. */
  quotedBlockChars: 40,
  /** CSS px per point (96 px to 72 pt an inch). */
  pxPerPt: 4 / 3,
} as const;

/** A run of body images that follow the same block (or open the page). */
export interface ImageRun {
  sources: string[];
  count: number;
}

/** A declared length in px: "750", "750px", "700.0pt" (1pt = 4/3 px); undefined for %, auto or none. */
function declaredPx(attr: string | undefined, styleValue: string | undefined): number | undefined {
  for (const v of [styleValue, attr]) {
    if (!v || /%|auto/i.test(v)) continue;
    const n = cssLength(v);
    if (n !== null) return /pt\s*$/i.test(v) ? n * IMAGE_SETTINGS.pxPerPt : n;
  }
  return undefined;
}

/** The element next to `el` on one side, past whitespace-only text. */
function neighbour(el: Element, side: "prev" | "next"): AnyNode | null {
  let n = el[side];
  while (n && n.type === "text" && n.data.trim() === "") n = n[side];
  return n;
}

/** A picture beside a link is its icon: the file-type GIF before "西南大学2024年度部门预算.pdf". */
function besideLink(el: Element): boolean {
  return [neighbour(el, "prev"), neighbour(el, "next")].some((n) => n !== null && n.type === "tag" && (n as Element).name === "a");
}

/** An image of the text, not page furniture: not a link's button or icon, and not declared icon-sized. */
export function isContentImage(el: Element, inLink: boolean): boolean {
  if (inLink || besideLink(el)) return false;
  const style = parseStyle(el.attribs["style"]);
  const width = declaredPx(el.attribs["width"], style.get("width"));
  const height = declaredPx(el.attribs["height"], style.get("height"));
  if (width !== undefined && width < IMAGE_SETTINGS.minWidthPx) return false;
  if (height !== undefined && height < IMAGE_SETTINGS.minHeightPx) return false;
  return true;
}

/** The image's source as written (lazy-loading pages keep it in data-src); its alt text when it has none. */
export function imageSource(el: Element): string {
  const src = el.attribs["src"] || el.attribs["data-src"] || el.attribs["data-original"] || el.attribs["alt"] || "(no source)";
  return src.length > IMAGE_SETTINGS.maxSourceChars ? `${src.slice(0, IMAGE_SETTINGS.maxSourceChars)}…` : src;
}

/** Adds one image to a run, naming at most maxSourcesNamed of them. */
export function addToRun(run: ImageRun, source: string): void {
  run.count++;
  if (run.sources.length < IMAGE_SETTINGS.maxSourcesNamed) run.sources.push(source);
}

/** Appends `from` to `into` (its sources up to the limit, its count whole); returns `into`. */
export function mergeRuns(into: ImageRun, from: ImageRun): ImageRun {
  for (const source of from.sources) if (into.sources.length < IMAGE_SETTINGS.maxSourcesNamed) into.sources.push(source);
  into.count += from.count;
  return into;
}

/** What a `image_not_read` warning says: what was not read, why it matters, the sources named, and where. */
export interface NotReadParts {
  /** "An image in the page's text was", "3 pictures in the document's body were". */
  what: string;
  /** What such a picture may be: "a table or a page printed as a picture". */
  mayBe: string;
  named: readonly string[];
  /** How many there are in all (more than `named` when the list was cut). */
  count: number;
  /** The block they stand by, and the words that say how ("At", "They come after"). */
  blockId: string | undefined;
  blockText: string | undefined;
  placeWords: string;
}

/** The one `image_not_read` warning text, for the HTML and the Word readers. */
export function notReadWarning(p: NotReadParts): Warning {
  const more = p.count > p.named.length ? ` and ${p.count - p.named.length} more` : "";
  const quote = p.blockText ? ` ("${p.blockText.slice(0, IMAGE_SETTINGS.quotedBlockChars)}")` : "";
  const where = p.blockId ? ` ${p.placeWords} ${p.blockId}${quote}.` : "";
  const message = `${p.what} not read (${p.mayBe} has no text here): ${p.named.join(", ")}${more}.${where}`;
  return { code: IMAGE_NOT_READ, message, ...(p.blockId ? { blockId: p.blockId } : {}) };
}

/** The warning for a run of images after (or, at the page's start, before) the block `blockId`. */
export function imageWarning(run: ImageRun, blockId: string | undefined, blockText: string | undefined, after: boolean): Warning {
  const what = run.count === 1 ? "An image in the page's text was" : `${run.count} images in the page's text were`;
  const mayBe = "a table or a page printed as a picture";
  return notReadWarning({ what, mayBe, named: run.sources, count: run.count, blockId, blockText, placeWords: `They come ${after ? "after" : "before"}` });
}
