/**
 * One linear pass over the decoded page before the HTML parser sees it, for the two inputs that would otherwise
 * cost unbounded time or memory inside the parser:
 * - block containers (div, section, ul …) nested thousands deep: parse5 scans its open-element stack on every such
 *   start tag ("close a p in button scope"), so 100,000 nested divs take minutes. Containers past the depth limit
 *   are flattened: their tags become <br> (the paragraph breaks stay, the text stays, the nesting goes).
 * - a single run of text longer than the paragraph limit (a 50 MB paragraph): refused before parsing, since the
 *   parser would hold several copies of it.
 */
import { ExtractError } from "../../errors.js";

/** Start tags that make parse5 search its stack; they are never closed implicitly by a sibling. */
const CONTAINERS = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
  "figure", "footer", "form", "header", "hgroup", "main", "menu", "nav", "ol", "section", "summary", "ul",
]);
/** Elements whose content is raw text up to their end tag (a "<div>" inside a script is not markup). */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

export interface PrescanResult {
  /** The page, with over-deep containers flattened (the input itself when nothing was). */
  html: string;
  /** The container depth past which tags were flattened. */
  maxContainers: number;
  /** How many container tags (start + end) were replaced by <br>. */
  flattened: number;
}

export interface PrescanLimits {
  maxXmlDepth: number;
  maxParagraphChars: number;
}

const isNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x2d;

export function prescanHtml(html: string, limits: PrescanLimits): PrescanResult {
  const n = html.length;
  // Open containers, innermost last; `dropped` marks those flattened.
  const stack: { name: string; dropped: boolean }[] = [];
  const openCount = new Map<string, number>();
  let kept = 0;
  const cuts: [number, number][] = [];
  let textStart = 0;
  let i = 0;

  // Half the depth limit for containers leaves the other half for the inline elements inside them.
  const maxContainers = Math.max(1, Math.floor(limits.maxXmlDepth / 2));
  const checkText = (end: number): void => {
    // Only a long run is worth a closer look; whitespace-only runs are layout and cost nothing downstream.
    if (end - textStart > limits.maxParagraphChars && html.slice(textStart, end).trim().length > limits.maxParagraphChars) {
      throw new ExtractError(
        "too_large",
        `The page has a run of ${end - textStart} characters without markup, over the paragraph limit of ${limits.maxParagraphChars}; raise --max-paragraph-chars if the file is trusted.`,
        { maxParagraphChars: limits.maxParagraphChars },
      );
    }
  };

  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith("<!--", lt)) {
      checkText(lt);
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      textStart = i;
      continue;
    }
    const closing = next === 0x2f; // "/"
    const nameAt = closing ? lt + 2 : lt + 1;
    if (!isNameStart(html.charCodeAt(nameAt)) && next !== 0x21 && next !== 0x3f) {
      i = lt + 1; // a literal "<" in text
      continue;
    }
    checkText(lt);
    let j = nameAt;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    const name = html.slice(nameAt, j).toLowerCase();
    // The tag ends at the first ">" outside a quoted attribute value.
    let quote = 0;
    for (; j < n; j++) {
      const c = html.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        // Quotes only open attribute values after "=" (a stray apostrophe elsewhere is just a character).
        if (/=\s*$/.test(html.slice(Math.max(nameAt, j - 8), j))) quote = c;
      } else if (c === 0x3e) break;
    }
    const tagEnd = Math.min(j + 1, n);
    i = tagEnd;
    textStart = i;
    if (!closing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s>/]`, "gi");
      close.lastIndex = i;
      const m = close.exec(html);
      i = m ? m.index : n;
      textStart = i;
      continue;
    }
    if (!CONTAINERS.has(name)) continue;
    if (!closing) {
      const dropped = kept >= maxContainers;
      stack.push({ name, dropped });
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      if (dropped) cuts.push([lt, tagEnd]);
      else kept++;
      continue;
    }
    // An end tag closes the innermost open element of its name (and, implicitly, everything inside it).
    if ((openCount.get(name) ?? 0) === 0) continue;
    for (;;) {
      const top = stack.pop()!;
      openCount.set(top.name, openCount.get(top.name)! - 1);
      if (!top.dropped) kept--;
      if (top.name === name) {
        if (top.dropped) cuts.push([lt, tagEnd]);
        break;
      }
    }
  }
  checkText(n);
  if (cuts.length === 0) return { html, flattened: 0, maxContainers };
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(at, start), "<br>");
    at = end;
  }
  parts.push(html.slice(at));
  return { html: parts.join(""), flattened: cuts.length, maxContainers };
}
