/**
 * The rows of a classification table that prints names only (杭州's 功能分类科目名称 column, 深圳's and 广州's 基本支出
 * tables by 支出项目类别): which classification, each row's level, and its code where the name maps to one.
 * The classification is the one whose 类 names the rows print most (among those the headers allow); levels come
 * from the national list and the sums (levels.ts); codes from the national list under the parent's code.
 */
import type { Classification, LineItem, TableRow } from "../../model/index.js";
import { halfUlp, printedDecimals } from "../../util/decimal.js";
import { headersAllow } from "./classification.js";
import { solveLevels, type LevelRow } from "./levels.js";
import { childCode, NATIONAL_LISTS, type NationalList } from "./national.js";
import { printedNameKey } from "../meta/names.js";

export interface NamedRow {
  row: TableRow;
  name: string;
  /** The row's figure in 元 in the table's main money column, with the text as printed and its multiplier. */
  yuan: string;
  text: string;
  multiplier: string;
}

export interface NamedLabel {
  classification: Classification;
  code: string | null;
  name: string;
  level: LineItem["level"];
  /** Whether the level came from the name alone, not from fitting the sums (so the sums can be checked). */
  levelByName: boolean;
}

const DEPTH: Readonly<Record<Classification, number>> = { function: 3, economic_dept: 2, economic_gov: 2 };
const LEVEL_NAMES: readonly LineItem["level"][] = ["类", "款", "项"];

/** Each row's label (null for rows that are no classification rows), or null when no classification fits. */
export function namedLabels(rows: readonly NamedRow[], labelHeaders: readonly string[], preferEconomic: boolean): (NamedLabel | null)[] | null {
  const classification = chooseClassification(rows, labelHeaders, preferEconomic);
  if (!classification) return null;
  const list = NATIONAL_LISTS[classification];
  const levelRows = rows.map((r, i) => levelRow(list, classification, r, rows[i - 1]));
  const { levels, byName } = solveLevels(levelRows, DEPTH[classification]);
  const parents: { code: string | null; name: string }[] = [];
  return rows.map((r, i) => {
    const level = levels[i];
    if (level === null || level === undefined) return null;
    const parent = parents[level - 2];
    const code = level === 1 ? list.classes.get(printedNameKey(r.name)) ?? null : parent ? childCode(list, parent.code, r.name, parent.name) : null;
    parents[level - 1] = { code, name: r.name };
    parents.length = level;
    return { classification, code, name: r.name, level: LEVEL_NAMES[level - 1]!, levelByName: byName[i]! };
  });
}

function chooseClassification(rows: readonly NamedRow[], labelHeaders: readonly string[], preferEconomic: boolean): Classification | null {
  const order: Classification[] = preferEconomic ? ["economic_dept", "economic_gov", "function"] : ["function", "economic_dept", "economic_gov"];
  let best: Classification | null = null;
  let bestCount = 0;
  for (const c of order) {
    if (!headersAllow(labelHeaders, c)) continue;
    const classes = NATIONAL_LISTS[c].classes;
    const count = rows.filter((r) => classes.has(printedNameKey(r.name))).length;
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return best;
}

/** What the name alone says of the row's level. A 类 name right under the same name is its 款 (其他支出 / 其他支出). */
function levelRow(list: NationalList, classification: Classification, r: NamedRow, above: NamedRow | undefined): LevelRow {
  const key = printedNameKey(r.name);
  const sameAsAbove = above !== undefined && printedNameKey(above.name) === key;
  let fixed: LevelRow["fixed"] = null;
  if (list.classes.has(key) && !sameAsAbove) fixed = 1;
  else if (classification === "function") {
    if (list.xiangNames.has(key) && !list.kuanNames.has(key)) fixed = 3;
    else if (list.kuanNames.has(key) && !list.xiangNames.has(key)) fixed = 2;
  } else if (list.kuanNames.has(key)) fixed = 2;
  return { fixed, yuan: r.yuan, halfUlp: halfUlp(printedDecimals(r.text.replace(/[,，\s]/g, "")), r.multiplier) };
}
