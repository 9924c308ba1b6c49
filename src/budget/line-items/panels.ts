/**
 * The side-by-side panels of a classification table, each its own label columns (code, name) and money columns:
 * 人员经费 | 公用经费 in a 基本支出表 print a second code and name on the same grid row. A label column after a
 * figure column starts a new panel. The first panel's code and name are the row's (read by the table layer);
 * a later panel's are read from its own cells here, with the table layer's code readers.
 */
import type { Table, TableCell, TableColumn, TableRow } from "../../model/index.js";
import { parseCodeCell, SplitCodeReader, splitGluedCode } from "../../structure/tables/codes.js";
import { tidy } from "../../structure/tables/text.js";

export interface Panel {
  /** The header cells of its code and name columns (what they say the codes are). */
  labelHeaders: string[];
  money: TableColumn[];
  /** The code and name of a data row in this panel, null when the row has none here. */
  label(row: TableRow): { code: string; name: string } | null;
  /** The name printed in this panel's name column ("" where none): what a names-only table is read by. */
  name(row: TableRow): string;
}

const FIGURE_KINDS = new Set(["amount", "percent", "count"]);
// A classification's name column the table layer left as text: "部门预算支出经济分类科目" (烟台) has no 名称;
// 深圳 and 广州 head their 基本支出 tables' names "支出项目类别（资金使用单位）".
const isName = (c: TableColumn) =>
  c.kind === "name" || (c.kind === "text" && /科目(?:名称)?$|名称$|类别(?:[（(][^）)]*[）)])?$/.test(tidy(c.path.at(-1) ?? "")));
const isLabel = (c: TableColumn) => c.kind === "code" || isName(c);

export function tablePanels(t: Table, cells: ReadonlyMap<string, TableCell>): Panel[] {
  const groups: TableColumn[][] = [[]];
  let sawFigure = false;
  for (const c of t.columns) {
    if (isLabel(c) && sawFigure) {
      groups.push([]);
      sawFigure = false;
    }
    if (FIGURE_KINDS.has(c.kind)) sawFigure = true;
    groups.at(-1)!.push(c);
  }
  return groups.map((cols, i) => ({
    labelHeaders: cols.filter(isLabel).flatMap((c) => c.path),
    money: cols.filter((c) => c.kind === "amount"),
    label: i === 0 ? rowLabel(cols, cells) : panelLabel(cols, cells),
    name: panelName(i === 0, cols, cells),
  }));
}

// "30101-基本工资" is split into 30101 and "-基本工资" by the glued-code reader: the separator is not the name.
const cleanName = (name: string) => name.replace(/^[-－—:：\s]+/, "");

/** The first panel: the row's code and name, the name read from a name-like text column where the row has none. */
function rowLabel(cols: readonly TableColumn[], cells: ReadonlyMap<string, TableCell>): Panel["label"] {
  const nameCol = cols.find(isName);
  return (row) => {
    const name = cleanName(row.name || tidy(cellText(cells, row, nameCol)));
    if (row.code !== undefined) return name !== "" ? { code: row.code, name } : null;
    // 广州 prints the code in brackets before the name: "[2011105]派驻派出机构", "[30101]基本工资".
    return splitGluedCode(name);
  };
}

function panelName(first: boolean, cols: readonly TableColumn[], cells: ReadonlyMap<string, TableCell>): Panel["name"] {
  const nameCol = cols.find(isName);
  return (row) => cleanName((first && row.name) || tidy(cellText(cells, row, nameCol)));
}

function cellText(cells: ReadonlyMap<string, TableCell>, row: TableRow, c: TableColumn | undefined): string {
  return (c && cells.get(`${row.index},${c.index}`)?.text) ?? "";
}

/** A later panel's code (split 类|款|项, whole, or glued to the name) and name. Rows must be read in order. */
function panelLabel(cols: readonly TableColumn[], cells: ReadonlyMap<string, TableCell>): Panel["label"] {
  const codeCols = cols.filter((c) => c.kind === "code");
  const split = codeCols.filter((c) => /^(类|款|项)$/.test(tidy(c.path.at(-1) ?? "")));
  const reader = split.length === 2 || split.length === 3 ? new SplitCodeReader() : null;
  const nameCol = cols.find(isName);
  return (row) => {
    const text = (c: TableColumn | undefined) => cellText(cells, row, c);
    let code = reader
      ? reader.read([text(split[0]), text(split[1]), text(split[2])])
      : codeCols.map((c) => parseCodeCell(text(c))).find((x) => x !== null) ?? null;
    let name = tidy(text(nameCol));
    const glued = code === null ? splitGluedCode(name) : null;
    if (glued) ({ code, name } = glued);
    name = cleanName(name);
    return code !== null && name !== "" ? { code, name } : null;
  };
}
