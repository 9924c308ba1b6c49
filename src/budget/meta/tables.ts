/** The publisher a table carries (`Table.entity`: its 编制单位/部门名称 line, read by the table layer). */
import type { Table } from "../../model/index.js";
import { compact } from "../../structure/tables/text.js";
import { WEIGHT, type Candidate } from "./candidates.js";
import { cleanName, isName, nameKey } from "./names.js";

/** One candidate per table with an entity, evidenced by the cell that prints it (a table without one is skipped). */
export function tableEntityCandidates(tables: readonly Table[]): Candidate[] {
  const out: Candidate[] = [];
  for (const [i, t] of tables.entries()) {
    if (!t.entity || !isName(t.entity, false)) continue;
    const want = compact(t.entity);
    const cell = t.cells.find((c) => c.row < Math.max(t.titleRows, 3) && compact(c.text).includes(want));
    if (!cell) continue;
    const start = Math.max(0, cell.text.indexOf(t.entity));
    const value = cleanName(t.entity);
    out.push({
      field: "entity",
      value,
      key: nameKey(value),
      weight: WEIGHT.publisher_line,
      order: 1e9 + i * 1000 + cell.row,
      evidence: { kind: "cell", tableId: t.id, row: cell.row, col: cell.col, quote: cell.text.slice(start, start + t.entity.length), source: "publisher_line" },
    });
  }
  return out;
}
