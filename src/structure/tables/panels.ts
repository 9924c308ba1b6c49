/** Side-by-side panels of a table (收入 项目 | 金额 | 支出 项目 | 金额): a label column after a figure column starts one. */
import type { TableColumn } from "../../model/table.js";

const isLabel = (c: TableColumn): boolean => c.kind === "name" || c.kind === "code";
const isFigure = (c: TableColumn): boolean => c.kind === "amount" || c.kind === "percent" || c.kind === "count";

/** The columns cut into panels, each with a label and a figure column; null when the table is one panel. */
export function panelSegments(columns: readonly TableColumn[]): TableColumn[][] | null {
  const segments: TableColumn[][] = [];
  let sawFigure = false;
  for (const c of columns) {
    if (isLabel(c) && sawFigure) {
      segments.push([]);
      sawFigure = false;
    }
    if (segments.length === 0) segments.push([]);
    segments[segments.length - 1]!.push(c);
    if (isFigure(c)) sawFigure = true;
  }
  if (segments.length < 2 || !segments.every((s) => s.some(isLabel) && s.some(isFigure))) return null;
  return segments;
}
