/**
 * Element ids of the report, and which element each piece of evidence links to. Every id is built from
 * document ids through `safeId`, so two different targets never share an id and no id needs escaping.
 */
import type { DocumentAmount, Evidence, ExtractedDocument, Section, Table } from "../../model/index.js";

/** Keeps ASCII letters and digits, writes every other character as _<hex>_ (injective, CSS- and URL-safe). */
export function safeId(raw: string): string {
  return raw.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

export const sectionAnchor = (section: Section): string => `sec-${safeId(section.id)}`;
export const blockAnchor = (blockId: string): string => `b-${safeId(blockId)}`;
export const spanAnchor = (blockId: string, start: number, end: number): string => `s-${safeId(blockId)}-${start}-${end}`;
export const tableAnchor = (tableId: string): string => `t-${safeId(tableId)}`;
export const cellAnchor = (tableId: string, row: number, col: number): string => `c-${safeId(tableId)}-${row}-${col}`;
export const cellAmountAnchor = (amount: DocumentAmount): string => `a-${safeId(amount.id)}`;

/** A highlighted span of a paragraph: a recognized amount, or evidence that is not an amount (e.g. meta's "2020年"). */
export interface TextMark {
  start: number;
  end: number;
  id: string;
  amount?: DocumentAmount;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/** Every text span the report cites: facts, validations and meta evidence. */
function citedTextSpans(doc: ExtractedDocument): Extract<Evidence, { kind: "text" }>[] {
  const all: Evidence[] = [
    ...doc.facts.flatMap((f) => f.evidence),
    ...doc.validations.flatMap((v) => v.evidence),
    ...Object.values(doc.meta.evidence).filter((e): e is Extract<typeof e, Evidence> => e.kind !== "file_name"),
  ];
  return all.filter((e): e is Extract<Evidence, { kind: "text" }> => e.kind === "text");
}

/**
 * Decides the marks of every paragraph once, so the text renderer and every evidence link agree on ids.
 * Amounts come first; a cited span that equals an amount reuses its mark; one that overlaps nothing gets its own
 * mark; one that overlaps a mark links to that mark (nested marks would make :target ambiguous).
 */
export class AnchorIndex {
  private readonly marks = new Map<string, TextMark[]>();
  private readonly textLength = new Map<string, number>();
  private readonly tables = new Map<string, Table>();

  constructor(doc: ExtractedDocument) {
    for (const b of doc.blocks) if (b.type === "paragraph") this.textLength.set(b.id, b.text.length);
    for (const t of doc.tables) this.tables.set(t.id, t);

    const amountsByBlock = new Map<string, DocumentAmount[]>();
    for (const a of doc.amounts) {
      if (a.cell) continue;
      const list = amountsByBlock.get(a.blockId) ?? [];
      list.push(a);
      amountsByBlock.set(a.blockId, list);
    }
    for (const [blockId, amounts] of amountsByBlock) {
      const placed: TextMark[] = [];
      for (const a of [...amounts].sort((x, y) => x.start - y.start || y.end - x.end)) {
        if (!this.fits(blockId, a) || placed.some((m) => overlaps(m, a) > 0)) continue;
        placed.push({ start: a.start, end: a.end, id: spanAnchor(blockId, a.start, a.end), amount: a });
      }
      this.marks.set(blockId, placed);
    }
    for (const ev of citedTextSpans(doc)) {
      if (!this.fits(ev.blockId, ev) || ev.end <= ev.start) continue;
      const placed = this.marks.get(ev.blockId) ?? [];
      if (placed.some((m) => overlaps(m, ev) > 0)) continue;
      placed.push({ start: ev.start, end: ev.end, id: spanAnchor(ev.blockId, ev.start, ev.end) });
      this.marks.set(ev.blockId, placed);
    }
    for (const list of this.marks.values()) list.sort((x, y) => x.start - y.start);
  }

  private fits(blockId: string, span: { start: number; end: number }): boolean {
    const len = this.textLength.get(blockId);
    return len !== undefined && span.start <= span.end && span.end <= len;
  }

  /** The marks of one paragraph, in text order, never overlapping. */
  marksFor(blockId: string): readonly TextMark[] {
    return this.marks.get(blockId) ?? [];
  }

  /** The element id a piece of evidence links to, or null when the document has no such block or table. */
  targetOf(ev: Evidence): string | null {
    if (ev.kind === "text") {
      const marks = this.marksFor(ev.blockId);
      const exact = marks.find((m) => m.start === ev.start && m.end === ev.end);
      if (exact) return exact.id;
      let best: TextMark | undefined;
      for (const m of marks) if (overlaps(m, ev) > 0 && (!best || overlaps(m, ev) > overlaps(best, ev))) best = m;
      if (best) return best.id;
      return this.textLength.has(ev.blockId) ? blockAnchor(ev.blockId) : null;
    }
    const table = this.tables.get(ev.tableId);
    if (!table) return null;
    // Evidence may name a position covered by a merged cell; the element is the cell's origin.
    const pos = table.grid[ev.row]?.[ev.col];
    const [row, col] = pos && "mergedInto" in pos ? pos.mergedInto : [ev.row, ev.col];
    return cellAnchor(table.id, row, col);
  }
}
