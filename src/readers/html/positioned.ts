import type { AnyNode, Element } from "domhandler";
import type { CheerioAPI } from "cheerio";
import type { PageFragments, TextFragment } from "../layout/types.js";
import { cssLength, isElement, parseStyle, textContent } from "./dom.js";

/** More absolutely positioned text runs than this and the page is a PDF-to-HTML conversion. */
export const POSITIONED_THRESHOLD = 200;

/** A page number line as converters print it: "— 1 —", "- 12 -", "－3－". */
const PAGE_MARKER = /^\s*[—–\-－]+\s*\d+\s*[—–\-－]+\s*$/;

interface Positioned {
  el: Element;
  style: Map<string, string>;
}

function absolute(style: Map<string, string>): boolean {
  return /absolute/i.test(style.get("position") ?? "") && style.has("top") && style.has("left");
}

/** Absolutely positioned elements in document order (iterative: these pages have tens of thousands). */
function positionedElements(root: AnyNode): Positioned[] {
  const out: Positioned[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) {
      if (node.name === "script" || node.name === "style") continue;
      const raw = node.attribs["style"];
      if (raw && /absolute/i.test(raw)) {
        const style = parseStyle(raw);
        if (absolute(style)) {
          // A positioned run's children are part of it, unless it is itself a positioned page holding runs.
          const holdsRuns = node.children.some((c) => isElement(c) && /absolute/i.test(c.attribs["style"] ?? ""));
          if (!holdsRuns) {
            out.push({ el: node, style });
            continue;
          }
        }
      }
    }
    if (isElement(node) || node.type === "root") {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return out;
}

function toFragment({ style }: Positioned, text: string): TextFragment {
  const fragment: TextFragment = { text, x: cssLength(style.get("left")) ?? 0, y: cssLength(style.get("top")) ?? 0 };
  const width = cssLength(style.get("width"));
  if (width !== null && width > 0) fragment.width = width;
  const height = cssLength(style.get("font-size")) ?? cssLength(style.get("line-height")) ?? cssLength(style.get("height"));
  if (height !== null && height > 0) fragment.height = height;
  return fragment;
}

type Line = { x1: number; y1: number; x2: number; y2: number };

/** Ruling lines drawn as empty bordered boxes (div.r with border-bottom / border-right). */
function toLines({ style }: Positioned): Line[] {
  const x = cssLength(style.get("left"));
  const y = cssLength(style.get("top"));
  if (x === null || y === null) return [];
  const w = cssLength(style.get("width")) ?? 0;
  const h = cssLength(style.get("height")) ?? 0;
  const has = (side: string): boolean => style.has(`border-${side}`) || style.has("border");
  const lines: Line[] = [];
  if (w <= 1 && h > 1) return [{ x1: x, y1: y, x2: x, y2: y + h }];
  if (h <= 1 && w > 1) return [{ x1: x, y1: y, x2: x + w, y2: y }];
  if (has("top")) lines.push({ x1: x, y1: y, x2: x + w, y2: y });
  if (has("bottom")) lines.push({ x1: x, y1: y + h, x2: x + w, y2: y + h });
  if (has("left")) lines.push({ x1: x, y1: y, x2: x, y2: y + h });
  if (has("right")) lines.push({ x1: x + w, y1: y, x2: x + w, y2: y + h });
  return lines;
}

function rootOf(input: CheerioAPI | AnyNode): AnyNode | null {
  if (typeof input === "function") return input.root()[0] ?? null;
  return input;
}

/**
 * Positioned text of a PDF-to-HTML page, grouped by page: each page container (the parent of the positioned
 * runs) is one page; a single container is split at page-number markers. Null when the page is ordinary HTML.
 */
export function positionedFragments(input: CheerioAPI | AnyNode): PageFragments[] | null {
  return positionedPages(input)?.pages ?? null;
}

/** Positioned pages with the element each page came from (its container, for provenance). */
export function positionedPages(input: CheerioAPI | AnyNode): { pages: PageFragments[]; containers: (Element | null)[] } | null {
  const root = rootOf(input);
  if (!root) return null;
  const positioned = positionedElements(root);
  const withText: { p: Positioned; text: string }[] = [];
  for (const p of positioned) {
    const text = textContent(p.el).replace(/[\r\n\t]+/g, "");
    if (text.trim() !== "") withText.push({ p, text });
  }
  if (withText.length <= POSITIONED_THRESHOLD) return null;

  const pages = new Map<AnyNode, PageFragments>();
  const pageOf = (el: Element): PageFragments => {
    const container: AnyNode = el.parent ?? el;
    let page = pages.get(container);
    if (!page) {
      page = { page: pages.size + 1, fragments: [], lines: [] };
      if (isElement(container)) {
        const style = parseStyle(container.attribs["style"]);
        const width = cssLength(style.get("width"));
        const height = cssLength(style.get("height"));
        if (width !== null) page.width = width;
        if (height !== null) page.height = height;
      }
      pages.set(container, page);
    }
    return page;
  };
  const texts = new Map<Element, string>(withText.map(({ p, text }) => [p.el, text]));
  for (const p of positioned) {
    const text = texts.get(p.el);
    const page = pageOf(p.el);
    if (text !== undefined) page.fragments.push(toFragment(p, text));
    else page.lines!.push(...toLines(p));
  }
  const kept = [...pages.entries()].filter(([, p]) => p.fragments.length > 0 || (p.lines?.length ?? 0) > 0);
  const result = kept.map(([, p], i) => {
    p.page = i + 1;
    if (p.lines && p.lines.length === 0) delete p.lines;
    return p;
  });
  const containers = kept.map(([c]) => (isElement(c) ? c : null));
  if (result.length === 1) {
    const split = splitAtPageMarkers(result[0]!);
    return { pages: split, containers: split.map(() => containers[0] ?? null) };
  }
  return { pages: result, containers };
}

export function isPageMarker(text: string): boolean {
  return PAGE_MARKER.test(text);
}

/** One container holding every page: cut after each page-number line, in top-to-bottom order. */
function splitAtPageMarkers(single: PageFragments): PageFragments[] {
  const sorted = [...single.fragments].sort((a, b) => a.y - b.y || a.x - b.x);
  const markers = sorted.filter((f) => PAGE_MARKER.test(f.text)).map((f) => f.y);
  if (markers.length < 2) return [single];
  const pages: PageFragments[] = [];
  let start = -Infinity;
  for (const end of [...markers, Infinity]) {
    const fragments = sorted.filter((f) => f.y > start && f.y <= end);
    const lines = (single.lines ?? []).filter((l) => Math.min(l.y1, l.y2) > start && Math.min(l.y1, l.y2) <= end);
    if (fragments.length > 0) pages.push({ page: pages.length + 1, fragments, ...(lines.length > 0 ? { lines } : {}) });
    start = end;
  }
  return pages;
}

/** Approximate advance of a run in em: CJK and full-width characters are one em, others half. */
function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c >= 0x2e80 || (c >= 0x1100 && c <= 0x115f) ? 1 : 0.5;
  }
  return em;
}

/**
 * Reading-order lines of one page: fragments whose tops agree (within 40% of the font size) form a line,
 * sorted left to right; a gap wider than 0.4 em between runs becomes a space.
 */
export function fragmentLines(page: PageFragments): string[] {
  const sorted = [...page.fragments].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextFragment[][] = [];
  let current: TextFragment[] = [];
  let lineTop = -Infinity;
  let tolerance = 0;
  for (const f of sorted) {
    if (current.length > 0 && f.y - lineTop <= tolerance) {
      current.push(f);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [f];
    lineTop = f.y;
    tolerance = Math.max(1, 0.4 * (f.height ?? 10));
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    for (const f of line) {
      const size = f.height ?? 10;
      if (text !== "" && f.x - end > 0.4 * size) text += " ";
      text += f.text;
      end = f.x + (f.width ?? emWidth(f.text) * size);
    }
    return text;
  });
}
