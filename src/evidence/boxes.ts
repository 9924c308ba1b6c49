/**
 * Page boxes for everything derived from a PDF (README "Evidence boxes"): after facts, line items, checks and meta are
 * built, each evidence item and each amount gets the page and box of what it quotes. Text evidence is boxed by its
 * characters (the reader's geometry side table maps paragraph offsets to positions), cell evidence by its cell.
 */
import type { Block, Box, DocumentAmount, Evidence, Fact, LineItem, Meta, Table, TableCell, Validation } from "../model/index.js";
import { boxOfRange, roundBox, type PlacedRun } from "../util/geometry.js";

export interface BoxedParts {
  blocks: readonly Block[];
  tables: readonly Table[];
  amounts: DocumentAmount[];
  facts: Fact[];
  lineItems: LineItem[];
  validations: Validation[];
  meta: Meta;
}

type Placed = { page?: number; bbox?: Box };

/** Fill page/bbox in place on every evidence item, amount and table part that can be located. */
export function placeEvidenceBoxes(parts: BoxedParts, geometry: ReadonlyMap<string, PlacedRun[]>): void {
  const cells = cellFinder(parts.tables);
  const textBox = (blockId: string, start: number, end: number): Placed | undefined => {
    const runs = geometry.get(blockId);
    const found = runs ? boxOfRange(runs, start, end) : undefined;
    return found ? { page: found.page, bbox: roundBox(found.box) } : undefined;
  };
  const place = (e: Evidence | Meta["evidence"][string]): void => {
    if (e.kind === "text") assign(e, textBox(e.blockId, e.start, e.end));
    else if (e.kind === "cell") assign(e, cells(e.tableId, e.row, e.col));
  };
  for (const f of parts.facts) f.evidence.forEach(place);
  for (const item of parts.lineItems) place(item.evidence);
  for (const v of parts.validations) v.evidence.forEach(place);
  for (const e of Object.values(parts.meta.evidence)) place(e);
  for (const a of parts.amounts) assign(a, a.cell ? cells(a.cell.tableId, a.cell.row, a.cell.col) : textBox(a.blockId, a.start, a.end));
  placeTableParts(parts.tables, parts.blocks);
}

function assign(target: Placed, found: Placed | undefined): void {
  if (found?.page === undefined || !found.bbox) return;
  target.page = found.page;
  target.bbox = found.bbox;
}

/** The boxed cell at a grid position (a position inside a merged cell is the merged cell's). */
function cellFinder(tables: readonly Table[]): (tableId: string, row: number, col: number) => Placed | undefined {
  const byTable = new Map<string, { table: Table; origins: Map<string, TableCell> }>();
  for (const t of tables) byTable.set(t.id, { table: t, origins: new Map(t.cells.map((c) => [`${c.row},${c.col}`, c])) });
  return (tableId, row, col) => {
    const entry = byTable.get(tableId);
    if (!entry) return undefined;
    const pos = entry.table.grid[row]?.[col];
    const [r, c] = pos && "mergedInto" in pos ? pos.mergedInto : [row, col];
    const cell = entry.origins.get(`${r},${c}`);
    return cell?.page !== undefined && cell.bbox ? { page: cell.page, bbox: cell.bbox } : undefined;
  };
}

/** Each part of a (stitched) table: its source block's page and box. */
function placeTableParts(tables: readonly Table[], blocks: readonly Block[]): void {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  for (const t of tables) {
    for (const part of t.parts ?? []) {
      const prov = byId.get(part.blockId)?.provenance;
      if (prov?.page !== undefined && prov.bbox) {
        part.page = prov.page;
        part.bbox = prov.bbox;
      }
    }
  }
}
