import type { NumberingStyle, ParagraphBlock, ReaderBlock, Section, Warning } from "../../model/index.js";
import { parseLabel, type ParsedLabel } from "./numbering.js";
import { findTypedToc, findUntitledToc } from "./toc.js";

export { parseLabel, chineseOrdinal } from "./numbering.js";

/** A paragraph recognized as a heading, before it is placed in the tree. */
interface HeadingCandidate {
  block: ParagraphBlock;
  label: string;
  title: string;
  style: NumberingStyle;
  ordinal?: number;
  recognizedBy: Section["recognizedBy"];
  /** Stack key: the numbering style, or "h<N>" for unnumbered style/outline headings. */
  key: string;
}

const MAX_TITLE = 40;
/** How many sections of one numbering style may be open at once (a list restarted inside its own item). */
const MAX_SAME_STYLE_NESTING = 2;
const SENTENCE_END = /[。！？!?；;]/;

/**
 * Builds the section tree the way a careful reader does: a numbering style's depth comes from the order in which
 * styles open (not a fixed table), sequence continuity decides sibling vs. nested (a (一) after （二） opens a deeper
 * list), and numbered list items (long or sentence-like lines, in runs that read as lists) are not headings.
 */
export function buildSections(blocks: ReaderBlock[], skip: ReadonlySet<string> = new Set()): {
  sections: Section[];
  tocBlockIds: Set<string>;
  warnings: Warning[];
} {
  const paragraphs = blocks.filter((b): b is ParagraphBlock => b.type === "paragraph");
  const body = paragraphs.filter((p) => !p.role || p.role === "body");
  const tocBlockIds = new Set([...findTypedToc(body), ...findUntitledToc(body)]);
  const excluded = (p: ParagraphBlock) => skip.has(p.id) || tocBlockIds.has(p.id) || (p.role !== undefined && p.role !== "body");

  const candidates = new Map<string, HeadingCandidate>();
  const runs = new ListRuns();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (excluded(p)) continue;
    const c = classify(p, titleLine(paragraphs[i + 1]));
    if (!c) continue;
    candidates.set(p.id, c.heading);
    if (c.heading.ordinal !== undefined && c.numberedOnly) runs.add(c.heading, c.qualifies);
  }
  const position = new Map(blocks.map((b, i) => [b.id, i]));
  for (const id of runs.itemIds((a, b) => position.get(b)! - position.get(a)! === 1)) candidates.delete(id);

  return { sections: placeInTree(blocks, candidates), tocBlockIds, warnings: [] };
}

/** Decides whether a paragraph reads as a heading; `qualifies` is false for sentence-like numbered lines. */
/** A short unnumbered line that can be the title of a label printed alone on the line above ("第一部分" / "部门概况"). */
function titleLine(next: ParagraphBlock | undefined): string | undefined {
  if (!next || (next.role && next.role !== "body")) return undefined;
  const t = next.text.trim();
  return t && t.length <= MAX_TITLE && !parseLabel(t) && !SENTENCE_END.test(t) ? t : undefined;
}

function classify(p: ParagraphBlock, nextTitle?: string): { heading: HeadingCandidate; qualifies: boolean; numberedOnly: boolean } | null {
  const text = p.text.trim();
  if (!text) return null;
  const parsed: ParsedLabel | null = parseLabel(p.numbering?.label ? p.numbering.label + "\u0000" : text);
  const label = parsed ? (p.numbering?.label ?? parsed.label) : "";
  const rest = parsed ? (p.numbering?.label ? text.slice(text.indexOf(p.numbering.label) + p.numbering.label.length).trim() : parsed.rest) : text;
  const recognizedBy: Section["recognizedBy"] = [];
  if (p.headingLevel !== undefined) recognizedBy.push(p.style ? "style" : "outline");
  if (p.numbering) recognizedBy.push("numbering");
  else if (parsed) recognizedBy.push("pattern");

  if (parsed) {
    let title = rest.replace(/[：:]$/, "").trim();
    // A label alone on its line takes its title from the next line ("第一部分" / "太原市发展和改革委员会部门概况").
    if (!title && nextTitle && (parsed.style === "part" || parsed.style === "cn_dun")) title = nextTitle;
    let qualifies = title.length > 0 && title.length <= MAX_TITLE && !SENTENCE_END.test(title.replace(/[。.]$/, "")) && !/[，,、。]$/.test(title);
    // "（一）基本支出：指为保障机构正常运转…" is a glossary entry, not a heading.
    const definition = /^[^：:]{1,20}[：:]\s*(?:指|是指|即|系指|是)/.test(rest);
    if (definition) qualifies = false;
    // "一、收入预算。本部门……" — a short lead sentence after a major label is the heading of what follows.
    if (!qualifies && !definition && (parsed.style === "cn_dun" || parsed.style === "part" || parsed.style === "cn_paren")) {
      const lead = /^([^。：:，,；;]{2,20})[。：:]/.exec(rest);
      if (lead) {
        title = lead[1]!.trim();
        qualifies = true;
      }
    }
    if (p.headingLevel !== undefined) qualifies = title.length > 0;
    const heading: HeadingCandidate = {
      block: p, label, title: qualifies ? title : rest, style: parsed.style, ordinal: parsed.ordinal, recognizedBy, key: parsed.style,
    };
    return { heading, qualifies, numberedOnly: p.headingLevel === undefined };
  }
  if (p.headingLevel !== undefined && text.length <= 80) {
    const heading: HeadingCandidate = { block: p, label: "", title: text, style: "none", recognizedBy, key: `h${p.headingLevel}` };
    return { heading, qualifies: true, numberedOnly: false };
  }
  return null;
}

/**
 * Groups numbered lines into runs of one list (same style, consecutive ordinals). A run is a list of items, not of
 * headings, when fewer than half its members read as headings: "1）负责…。2）统筹…" stays a list even if one item is short.
 */
class ListRuns {
  private open = new Map<string, { members: { id: string; ok: boolean; ordinal: number }[]; last: number }>();
  private closed: { id: string; ok: boolean; ordinal: number }[][] = [];
  private order: string[] = [];

  add(h: HeadingCandidate, ok: boolean): void {
    const run = this.open.get(h.key);
    if (run && h.ordinal === run.last + 1) {
      run.members.push({ id: h.block.id, ok, ordinal: h.ordinal });
      run.last = h.ordinal;
      // Continuing an outer list closes the lists opened inside it.
      const idx = this.order.indexOf(h.key);
      for (const k of this.order.splice(idx + 1)) this.close(k);
      return;
    }
    if (run) this.close(h.key);
    this.order = this.order.filter((k) => k !== h.key);
    this.order.push(h.key);
    this.open.set(h.key, { members: [{ id: h.block.id, ok, ordinal: h.ordinal ?? 0 }], last: h.ordinal ?? 0 });
  }

  private close(key: string): void {
    const run = this.open.get(key);
    if (run) this.closed.push(run.members);
    this.open.delete(key);
  }

  /** `adjacent(a, b)`: nothing stands between blocks a and b. */
  itemIds(adjacent: (a: string, b: string) => boolean): string[] {
    for (const k of [...this.open.keys()]) this.close(k);
    const ids: string[] = [];
    for (const members of this.closed) {
      const ok = members.filter((m) => m.ok).length;
      // Three or more numbered lines back to back, none with text of its own, enumerate things (units, names).
      // So do two such lines that continue a list begun in running text ("附件：1.… / 2.… / 3.…").
      const backToBack = members.every((m, i) => i === 0 || adjacent(members[i - 1]!.id, m.id));
      const bare = backToBack && (members.length >= 3 || (members.length === 2 && members[0]!.ordinal > 1));
      if (bare || ok * 2 < members.length || ok === 0) ids.push(...members.map((m) => m.id));
      else ids.push(...members.filter((m) => !m.ok).map((m) => m.id));
    }
    return ids;
  }
}

interface OpenSection {
  section: Section;
  key: string;
  ordinal?: number;
}

function placeInTree(blocks: ReaderBlock[], candidates: Map<string, HeadingCandidate>): Section[] {
  const roots: Section[] = [];
  const stack: OpenSection[] = [];
  let n = 0;
  for (const b of blocks) {
    const c = candidates.get(b.id);
    if (!c) {
      stack.at(-1)?.section.blockIds.push(b.id);
      continue;
    }
    popForHeading(stack, c);
    const section: Section = {
      id: `s${n++}`,
      level: stack.length + 1,
      label: c.label,
      title: c.title,
      numberingStyle: c.style,
      ...(c.ordinal !== undefined ? { ordinal: c.ordinal } : {}),
      recognizedBy: c.recognizedBy,
      blockId: b.id,
      blockIds: [],
      children: [],
    };
    (stack.at(-1)?.section.children ?? roots).push(section);
    stack.push({ section, key: c.key, ordinal: c.ordinal });
  }
  return roots;
}

/** Pops the stack so that the heading lands as a sibling of its list's previous member, or nested as a new list. */
function popForHeading(stack: OpenSection[], c: HeadingCandidate): void {
  const level = /^h(\d)$/.exec(c.key);
  if (level) {
    // Style/outline headings: a level-N heading closes open headings of level ≥ N, and numbered lists inside them.
    const n = Number(level[1]);
    const idx = stack.findIndex((o) => /^h\d$/.test(o.key) && Number(o.key.slice(1)) >= n);
    if (idx >= 0) stack.length = idx;
    return;
  }
  // Continuity first: the open list whose last member is this one's predecessor; else the innermost of that style.
  let idx = c.ordinal !== undefined ? findLastIndex(stack, (o) => o.key === c.key && o.ordinal === c.ordinal! - 1) : -1;
  if (idx < 0) idx = findLastIndex(stack, (o) => o.key === c.key);
  if (idx < 0) return; // a style not open yet: it nests under the current heading
  const open = stack[idx]!;
  // A restart at 1 of a style that is open (and past 1) begins a deeper list: (一) after （二）. A style nests inside
  // itself at most once, so a document that restarts "一、" thousands of times stays a flat list, not a deep tree.
  const openOfStyle = stack.filter((o) => o.key === c.key).length;
  if (c.ordinal === 1 && (open.ordinal ?? 0) >= 1 && openOfStyle < MAX_SAME_STYLE_NESTING) return;
  stack.length = idx;
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}
