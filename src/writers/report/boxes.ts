/**
 * The boxes of a PDF's evidence on its pages: one box per distinct (page, bbox) that some fact, line item, check
 * term or meta field cites, with the reconstruction element it links back to. The HTML and the annotated PNGs
 * draw the same boxes.
 */
import type { Box, Evidence, ExtractedDocument, Table } from "../../model/index.js";
import type { AnchorIndex } from "./anchors.js";

export interface DrawnBox {
  /** Element id in the report ("bx-7-0": page 7, first box on it). */
  id: string;
  page: number;
  bbox: Box;
  /** A failed check cites it (drawn red). */
  failed: boolean;
  /** The reconstruction element of the first citation (a text mark or a table cell), or null. */
  target: string | null;
  /** Who cites it, for the box's tooltip ("income.total 12,121,164元"). */
  labels: string[];
}

export interface Citation {
  ev: Evidence;
  label: string;
  failed: boolean;
}

/** Every evidence item the report shows, with a label saying who cites it. */
export function citations(doc: ExtractedDocument): Citation[] {
  const out: Citation[] = [];
  for (const f of doc.facts) for (const ev of f.evidence) out.push({ ev, label: `${f.key} ${f.raw}`, failed: false });
  for (const item of doc.lineItems) out.push({ ev: item.evidence, label: `${item.code ?? ""} ${item.name} · ${item.measure}`.trim(), failed: false });
  for (const v of doc.validations) for (const ev of v.evidence) out.push({ ev, label: v.rule, failed: v.status === "fail" });
  for (const [field, ev] of Object.entries(doc.meta.evidence)) if (ev.kind !== "file_name") out.push({ ev, label: `meta ${field}`, failed: false });
  return out;
}

type PageOf = (ev: Evidence) => number | undefined;

/**
 * The page an evidence item is on: its own `page`, else its cell's or its block's (a document whose boxes are not
 * all known still shows the pages its evidence is on). A table's cells are indexed by position the first time one
 * of them is cited, so a table of 100,000 cited cells is read once, not once a citation.
 */
function evidencePageOf(doc: ExtractedDocument): PageOf {
  const tables = new Map<string, Table>();
  for (const t of doc.tables) if (!tables.has(t.id)) tables.set(t.id, t);
  const cellPages = new Map<string, Map<string, number | undefined>>();
  const cellPagesOf = (t: Table) => {
    let pages = cellPages.get(t.id);
    if (!pages) {
      pages = new Map();
      for (const c of t.cells) if (!pages.has(`${c.row},${c.col}`)) pages.set(`${c.row},${c.col}`, c.page);
      cellPages.set(t.id, pages);
    }
    return pages;
  };
  let blockPages: Map<string, number | undefined> | undefined;
  return (ev) => {
    if (ev.page !== undefined) return ev.page;
    if (ev.kind === "cell") {
      const table = tables.get(ev.tableId);
      return table && (cellPagesOf(table).get(`${ev.row},${ev.col}`) ?? table.provenance[0]?.page);
    }
    if (!blockPages) {
      blockPages = new Map();
      for (const b of doc.blocks) if (!blockPages.has(b.id)) blockPages.set(b.id, b.provenance.page);
    }
    return blockPages.get(ev.blockId);
  };
}

/** The pages that hold evidence, ascending. */
export function evidencePages(doc: ExtractedDocument): number[] {
  const pageOf = evidencePageOf(doc);
  const pages = new Set<number>();
  for (const { ev } of citations(doc)) {
    const page = pageOf(ev);
    if (page !== undefined) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}

const boxKey = (page: number, bbox: Box): string => `${page}|${bbox.map((v) => v.toFixed(1)).join(",")}`;

/** The boxes on the pages that are shown; evidence on other pages (or without a box) has none. */
export class BoxIndex {
  private readonly byKey = new Map<string, DrawnBox>();
  private readonly byTarget = new Map<string, DrawnBox>();
  private readonly byPage = new Map<number, DrawnBox[]>();

  constructor(doc: ExtractedDocument, anchors: AnchorIndex, shownPages: ReadonlySet<number>) {
    for (const { ev, label, failed } of citations(doc)) {
      if (ev.page === undefined || !ev.bbox || !shownPages.has(ev.page)) continue;
      const key = boxKey(ev.page, ev.bbox);
      let box = this.byKey.get(key);
      if (!box) {
        const onPage = this.byPage.get(ev.page) ?? [];
        box = { id: `bx-${ev.page}-${onPage.length}`, page: ev.page, bbox: ev.bbox, failed: false, target: anchors.targetOf(ev), labels: [] };
        onPage.push(box);
        this.byPage.set(ev.page, onPage);
        this.byKey.set(key, box);
        if (box.target && !this.byTarget.has(box.target)) this.byTarget.set(box.target, box);
      }
      box.failed ||= failed;
      if (!box.labels.includes(label)) box.labels.push(label);
    }
  }

  /** The box an evidence item is drawn as, if its page is shown and its box known. */
  boxOf(ev: Evidence): DrawnBox | undefined {
    return ev.page !== undefined && ev.bbox ? this.byKey.get(boxKey(ev.page, ev.bbox)) : undefined;
  }

  /** The box that links back to a reconstruction element (a mark or a cell), so the element can link to it. */
  boxOfTarget(elementId: string): DrawnBox | undefined {
    return this.byTarget.get(elementId);
  }

  onPage(page: number): readonly DrawnBox[] {
    return this.byPage.get(page) ?? [];
  }

  get size(): number {
    return this.byKey.size;
  }
}
