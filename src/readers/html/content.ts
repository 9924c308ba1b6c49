import type { AnyNode, Element } from "domhandler";
import { elementChildren, isElement, textContent } from "./dom.js";
import { NON_TEXT_TAGS, isChromeElement } from "./chrome.js";

/** How much readable text an element holds: outside links, and inside links. */
export interface TextStats {
  text: number;
  link: number;
}

/** Reading weight of a string: a Chinese character counts 2, a letter or digit 1, the rest nothing. */
export function textWeight(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) w += 2;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) w += 1;
  }
  return w;
}

/**
 * Text and link weight of every element, bottom-up in one iterative pass (scripts, styles and other
 * non-text elements count nothing).
 */
export function measureText(root: AnyNode): Map<Element, TextStats> {
  const stats = new Map<Element, TextStats>();
  // Post-order without recursion: [node, insideLink, childrenDone].
  const stack: [AnyNode, boolean, boolean][] = [[root, false, false]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [node, inLink, done] = top;
    if (node.type === "text") {
      stack.pop();
      const w = textWeight(node.data);
      if (w > 0) addToParent(stats, node, inLink ? { text: 0, link: w } : { text: w, link: 0 });
      continue;
    }
    if (!(isElement(node) || node.type === "root")) {
      stack.pop();
      continue;
    }
    if (isElement(node) && NON_TEXT_TAGS.has(node.name)) {
      stack.pop();
      continue;
    }
    if (!done) {
      top[2] = true;
      if (isElement(node)) stats.set(node, { text: 0, link: 0 });
      const childLink = inLink || (isElement(node) && node.name === "a");
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, childLink, false]);
      continue;
    }
    stack.pop();
    if (isElement(node)) addToParent(stats, node, stats.get(node)!);
  }
  return stats;
}

function addToParent(stats: Map<Element, TextStats>, node: AnyNode, add: TextStats): void {
  const parent = node.parent;
  if (!parent || !isElement(parent)) return;
  const s = stats.get(parent);
  if (!s) return;
  s.text += add.text;
  s.link += add.link;
}

/** Chrome by name, unless it holds a whole article (a wrapper unluckily named "nav-content"). */
export function isChrome(el: Element, stats: Map<Element, TextStats>): boolean {
  if (!isChromeElement(el)) return false;
  const s = stats.get(el);
  return !s || s.text < 600 || s.link > s.text;
}

/** Content containers of common Chinese government CMSs (TRS, UCAP, VSB, Hanweb …), most specific first. */
const CMS_CLASSES = ["trs_editor", "trs_ueditor", "v_news_content", "ucap-content", "article-content", "news_content", "pages_content", "con_text", "wzy_content", "detail-article", "content-txt"];
const CMS_IDS = ["ucap-content", "vsb_content", "zoom", "js_content", "artibody", "fontzoom", "article_content", "content_text", "detail_con", "mainText".toLowerCase()];

/** Tags the generic search may settle on; paragraph-level elements never become the container. */
const CONTAINER_TAGS = new Set(["body", "div", "section", "article", "main", "center", "form", "font", "td", "th", "tr", "tbody", "table", "dd", "blockquote"]);

/** Share of the parent's content a child must hold for the search to move into it. */
const DESCEND_SHARE = 0.85;

function score(el: Element, stats: Map<Element, TextStats>): number {
  const s = stats.get(el);
  return s ? Math.max(0, s.text - 2 * s.link) : 0;
}

function findCmsContainer(root: AnyNode, stats: Map<Element, TextStats>): Element | null {
  const byClass = new Map<string, Element[]>();
  const byId = new Map<string, Element>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!(isElement(node) || node.type === "root")) continue;
    if (isElement(node)) {
      if (NON_TEXT_TAGS.has(node.name)) continue;
      const id = node.attribs["id"]?.toLowerCase();
      if (id && !byId.has(id)) byId.set(id, node);
      for (const c of (node.attribs["class"] ?? "").toLowerCase().split(/\s+/)) {
        if (!c) continue;
        const list = byClass.get(c);
        if (list) list.push(node);
        else byClass.set(c, [node]);
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const has = (el: Element): boolean => {
    const s = stats.get(el);
    return !!s && s.text + s.link > 0;
  };
  const total = (el: Element): number => {
    const s = stats.get(el);
    return s ? s.text + s.link : 0;
  };
  for (const cls of CMS_CLASSES) {
    const els = (byClass.get(cls) ?? []).filter(has);
    if (els.length > 0) return els.reduce((a, b) => (total(b) > total(a) ? b : a));
  }
  for (const id of CMS_IDS) {
    const el = byId.get(id);
    if (el && has(el)) return el;
  }
  return null;
}

function isLayoutish(el: Element): boolean {
  // Descending into a data table's rows would cut the table apart; only layout tables (with nested tables) qualify.
  if (el.name === "td" || el.name === "th" || el.name === "tr" || el.name === "tbody" || el.name === "table") {
    const stack: AnyNode[] = [...el.children];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (isElement(n)) {
        if (n.name === "table") return true;
        stack.push(...n.children);
      }
    }
    return false;
  }
  return true;
}

/**
 * The element holding the article: a known CMS container, else the text-density search — from <body>, move
 * into the child that holds most of the remaining non-link text, while it holds at least 85% of it.
 */
export function findContentContainer(body: Element, stats: Map<Element, TextStats>): Element {
  const cms = findCmsContainer(body, stats);
  if (cms) return cms;
  let cur = body;
  for (;;) {
    const here = score(cur, stats);
    let best: Element | null = null;
    let bestScore = -1;
    for (const child of elementChildren(cur)) {
      if (NON_TEXT_TAGS.has(child.name) || isChrome(child, stats)) continue;
      const s = score(child, stats);
      if (s > bestScore) [best, bestScore] = [child, s];
    }
    if (!best || here === 0 || bestScore < DESCEND_SHARE * here) return cur;
    if (!CONTAINER_TAGS.has(best.name) || !isLayoutish(best)) return cur;
    cur = best;
  }
}

/**
 * Collapse HTML whitespace (with &nbsp; and typographic spaces such as U+2002 folded to a plain space) and
 * trim the ends, full-width spaces included; a full-width space inside a line is printed text and stays.
 */
export function normalizeText(s: string): string {
  return s.replace(/[\u200b\u200c\u200d\ufeff]/g, "").replace(/[ \t\n\r\f\u00a0\u2000-\u200a\u202f\u205f]+/g, " ").trim();
}

/** The site-specific part of a <title>: "标题_栏目_门户网站" → "标题"; "标题-政务公开" → "标题". */
export function mainTitleSegment(title: string): string {
  const parts = title.split(/\s*(?:_|\||｜|——|\s[-—–]\s|-(?!\d))\s*/).map((p) => p.trim());
  return parts.find((p) => p.length >= 4) ?? title.trim();
}

const BLOCKISH = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "ul", "ol", "table", "dl"]);

function hasBlockDescendant(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (BLOCKISH.has(n.name)) return true;
    stack.push(...n.children);
  }
  return false;
}

const TITLE_NAME = /title|biaoti|bt\b/i;
const MAX_TITLE_CHARS = 150;

function overlaps(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 6;
}

/**
 * The article's title when it sits outside the content container: the nearest heading (h1–h6, or an element
 * whose class/id says "title") before the container, preferring one that agrees with <title>, then an <h1>;
 * else the main segment of <title>.
 */
export function findArticleTitle(
  body: Element,
  container: Element,
  stats: Map<Element, TextStats>,
  docTitle: string,
): { text: string; element: Element | null; headingLevel?: number } | null {
  const ancestors = new Set<AnyNode>();
  for (let n: AnyNode | null = container; n; n = n.parent) ancestors.add(n);
  const candidates: { el: Element; text: string }[] = [];
  const stack: AnyNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === container) break;
    if (!isElement(node)) continue;
    if (NON_TEXT_TAGS.has(node.name) || isChrome(node, stats)) continue;
    const heading = /^h[1-6]$/.test(node.name);
    // A "title" box that wraps a heading and a date line is descended into, not taken whole.
    const named = TITLE_NAME.test(`${node.attribs["class"] ?? ""} ${node.attribs["id"] ?? ""}`) && !hasBlockDescendant(node);
    if ((heading || named) && !ancestors.has(node)) {
      const s = stats.get(node);
      const text = normalizeText(textContent(node));
      if (s && s.text > 0 && s.link === 0 && text.length >= 4 && text.length <= MAX_TITLE_CHARS) {
        candidates.push({ el: node, text });
        continue;
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const recent = candidates.slice(-8).reverse();
  const level = (el: Element): number | undefined => (/^h[1-6]$/.test(el.name) ? Number(el.name[1]) : undefined);
  const agreeing = recent.find((c) => overlaps(c.text, docTitle));
  if (agreeing) return { text: agreeing.text, element: agreeing.el, headingLevel: level(agreeing.el) };
  // An <h1> right before the article is its title even when <title> names only the site.
  const h1 = recent.find((c) => c.el.name === "h1");
  if (h1) return { text: h1.text, element: h1.el, headingLevel: 1 };
  const main = mainTitleSegment(docTitle);
  if (main.length >= 4) return { text: main, element: null };
  const nearest = recent[0];
  return nearest ? { text: nearest.text, element: nearest.el, headingLevel: level(nearest.el) } : null;
}
