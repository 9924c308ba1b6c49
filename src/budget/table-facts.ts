/**
 * Facts read from the standard tables by their catalog kind: a row table (收支总表) names facts in its label cells, a
 * column table (支出总表, 三公经费表) in its column headers on the total row. Each fact has its cell as evidence and the
 * fund of the table (or of the column or label that narrows it); they merge with the narrative's.
 */
import type { Fund, Table, TableCell, TableColumn, TableRow } from "../model/index.js";
import { FUNCTION_CLASS_NAMES, tableKindSpec, type TableKindSpec } from "./catalog/index.js";
import type { FactMention } from "./facts.js";
import { keyTakesFund } from "./keys.js";
import { cellFigure, cellIndex } from "./table-figures.js";
import { sectionFacts } from "./table-sections.js";
import { columnFact, columnFund, columnRank, compactLabel, namedPath, onExpenditureSide, type ColumnContext } from "./table-columns.js";
import { factOfLabel, type LabelFact } from "./vocabulary.js";
import { abs, add, compare, halfUlp, sub } from "../util/decimal.js";

/**
 * Facts of every standard table of the document (tables classified by the catalog beforehand). A table printed for one
 * of the bundle's units (its 部门名称 is in `units`, as meta keys them) states that unit's facts, not the document's.
 */
export function tableFacts(tables: readonly Table[], ctx: ColumnContext, unitOf: (t: Table) => string | undefined = () => undefined): FactMention[] {
  const out: FactMention[] = [];
  for (const t of tables) {
    const unit = unitOf(t);
    const spec = tableKindSpec(t.kind);
    if (!spec || spec.reading === "none") continue;
    const found = spec.reading === "sections" ? sectionFacts(t, spec, ctx) : gridFacts(t, spec, ctx);
    const stated = spec.states ? found.filter((m) => spec.states!.test(m.key)) : found;
    out.push(...(unit ? stated.map((m) => ({ ...m, entity: unit })) : stated));
  }
  return withoutWholeFundGroups(out, tables);
}

/** A row or column table's facts. */
function gridFacts(t: Table, spec: TableKindSpec, ctx: ColumnContext): FactMention[] {
  const found = spec.reading === "columns" ? columnFacts(t, spec, ctx) : [];
  // With one figure column, or columns that only say which figure (2016年度预算数 | 2016年度决算数), a column table
  // prints its facts down its label column (福州 三公表: 项目 | 预算数; 太原 决算 公开09表).
  const amounts = t.columns.filter((c) => c.kind === "amount");
  if (spec.reading === "rows" || amounts.length === 1 || amounts.every((c) => namedPath(c.path).length === 0)) found.push(...rowFacts(t, spec, ctx));
  return found;
}

const BASIC_PARTS = ["expenditure.basic.personnel", "expenditure.basic.public"] as const;
const SAYS_BASIC = /基本支出/;

/**
 * 人员经费 | 公用经费 of a table whose title does not say 基本支出 (its kind read from those headers) are the parts of
 * 基本支出 only when they add up to a 基本支出 the tables state for that fund. Otherwise they split the whole
 * fund's spending into economic groups, as pre-2018 决算 templates do (太原 2016 公开06表 "一般公共预算财政拨款决算表
 * （二）": 人员经费 + 公用经费 = 基本 + 项目 of 公开05表), and state no basic part.
 */
function withoutWholeFundGroups(mentions: FactMention[], tables: readonly Table[]): FactMention[] {
  const untitled = new Set(tables.filter((t) => !SAYS_BASIC.test(compactLabel(t.title ?? ""))).map((t) => t.id));
  const tableOf = (m: FactMention) => (m.evidence.kind === "cell" ? m.evidence.tableId : undefined);
  const dropped = new Set<FactMention>();
  for (const id of untitled) {
    const own = mentions.filter((m) => tableOf(m) === id);
    for (const fund of new Set(own.map((m) => m.fund))) {
      const parts = BASIC_PARTS.map((k) => own.find((m) => m.key === k && m.fund === fund));
      if (parts.some((m) => m === undefined)) continue;
      const stated = mentions.filter((m) => m.key === "expenditure.basic" && m.fund === fund && m.entity === undefined);
      if (stated.length > 0 && !stated.some((b) => addsUpTo(parts as FactMention[], b))) parts.forEach((m) => dropped.add(m!));
    }
  }
  return dropped.size ? mentions.filter((m) => !dropped.has(m)) : mentions;
}

/** The parts add up to the total within the rounding their printed decimals allow. */
function addsUpTo(parts: readonly FactMention[], total: FactMention): boolean {
  const sum = parts.reduce((s, m) => add(s, m.yuan), "0");
  const tolerance = parts.reduce((s, m) => add(s, halfUlp(m.decimals, m.multiplier)), halfUlp(total.decimals, total.multiplier));
  return compare(abs(sub(sum, total.yuan)), tolerance) <= 0;
}

/** The fund of a fact: the label's or column's own, else the table's — for keys whose meaning does not fix it. */
function withFund(key: string, spec: TableKindSpec, own: Fund | undefined): Fund | undefined {
  if (!keyTakesFund(key)) return undefined;
  const fund = own ?? spec.fund;
  return fund === "all" ? undefined : fund;
}

function mentionOf(t: Table, cell: TableCell, key: string, fund: Fund | undefined): FactMention | null {
  const fig = cellFigure(t, cell);
  if (!fig) return null;
  return fund ? { key, fund, ...fig.mention } : { key, ...fig.mention };
}

/** Which side of a 收入 | 支出 table a column is on, from its own header or its panel's name. */
function sideOf(t: Table, col: number): "income" | "expenditure" | undefined {
  const texts = [...(t.columns[col]?.path ?? []), t.panels?.find((p) => p.columns.includes(col))?.name ?? ""].join("/");
  if (/支出/.test(texts)) return "expenditure";
  if (/收入/.test(texts)) return "income";
  return undefined;
}

/** Rows whose label cells name facts (header rows name columns). */
const LINE_ROWS: ReadonlySet<TableRow["kind"]> = new Set(["data", "total", "subtotal"]);

const TOTAL_ROW_KEYS = new Set(["expenditure.total", "expenditure.current_year"]);

/**
 * Each label cell names the best figure to its right, up to the next label (so a 收入 | 支出 panel pair works); on a
 * 支出总计 row the other columns of its panel state their own facts (上海: 基本支出 / 人员经费 / 公用经费 / 项目支出).
 */
function rowFacts(t: Table, spec: TableKindSpec, ctx: ColumnContext): FactMention[] {
  const at = cellIndex(t);
  const classCols = classListColumns(t);
  const withThisYear = thisYearColumns(t, spec);
  const carried = new Set<number>();
  const out: FactMention[] = [];
  for (const row of t.rows) {
    // A row with a classification code is a line item, not a label naming a fact.
    if (!LINE_ROWS.has(row.kind) || row.code) continue;
    for (let c = 0; c < t.nCols; c++) {
      const cell = at.get(`${row.index},${c}`);
      if (!cell || cell.value || !cell.text.trim()) continue;
      if (classCols.has(c) && FUNCTION_CLASS_NAMES.has(compactLabel(cell.text))) continue;
      const named = thisYears(rowLabelFact(t, cell, spec), withThisYear.has(c));
      // The funds listed under 上年结转 (财政拨款收支总表: （一）一般公共预算拨款 …) are parts of the carryover.
      if (named && isSourceLine(named) && carried.has(c)) continue;
      if (named && !isSourceLine(named)) carried[named.key.endsWith(".carryover") ? "add" : "delete"](c);
      if (!named) continue;
      const figures = figuresRightOf(t, at, row.index, c + cell.colSpan);
      const best = bestFigure(t, figures, ctx);
      if (!best) continue;
      const m = mentionOf(t, best, named.key, withFund(named.key, spec, named.fund));
      if (m) out.push(m);
      if (TOTAL_ROW_KEYS.has(named.key)) out.push(...splitColumns(t, spec, figures, best, ctx));
    }
  }
  return out;
}

/**
 * Label columns that print 本年收入合计 or 年初结转和结余 lines: their source lines ("一、财政拨款收入", 太原 2016 决算
 * 公开01表) are this year's income, as beside those columns of a 收入表.
 */
function thisYearColumns(t: Table, spec: TableKindSpec): Set<number> {
  const out = new Set<number>();
  const lines = new Set(t.rows.filter((r) => LINE_ROWS.has(r.kind) && !r.code).map((r) => r.index));
  for (const cell of t.cells) {
    if (!lines.has(cell.row) || cell.value || !cell.text.trim()) continue;
    if (/^income\.(?:carryover|current_year)$/.test(rowLabelFact(t, cell, spec)?.key ?? "")) out.add(cell.col);
  }
  return out;
}

/** A line naming one fund's money: a source on the income side, that fund's expenditure on the other. */
function isSourceLine(f: LabelFact): boolean {
  return /^income\.(?:general_budget|government_fund|state_capital)$/.test(f.key) || (f.key === "expenditure.total" && f.fund !== undefined);
}

/** Label columns that list 功能分类 classes (a summary's expenditure side): there a class name is not a fact. */
function classListColumns(t: Table): Set<number> {
  const count = new Map<number, number>();
  for (const cell of t.cells) if (FUNCTION_CLASS_NAMES.has(compactLabel(cell.text))) count.set(cell.col, (count.get(cell.col) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n >= 3).map(([c]) => c));
}

const LONE_TOTAL_LABEL = /^(?:总计|合计)$/;

/**
 * A label's fact on its side of the table: a lone 总计 is the table's total (a 基本支出表's is the basic expenditure),
 * or its side's; a source's name heads that fund's expenditure.
 */
function rowLabelFact(t: Table, cell: TableCell, spec: TableKindSpec): LabelFact | undefined {
  const label = compactLabel(cell.text);
  const side = sideOf(t, cell.col);
  if (LONE_TOTAL_LABEL.test(label)) return spec.totalKey ? { key: spec.totalKey } : side ? { key: `${side}.total` } : undefined;
  const named = factOfLabel(label, t.title ?? "");
  return side === "expenditure" ? onExpenditureSide(named, "expenditure.total") : named;
}

/** The figure cells of a row from column `from` up to the next label cell. */
function figuresRightOf(t: Table, at: Map<string, TableCell>, row: number, from: number): TableCell[] {
  const out: TableCell[] = [];
  for (let d = from; d < t.nCols; d++) {
    const next = at.get(`${row},${d}`);
    // 行次 numbers between a label and its figure (决算 总表) are neither.
    if (!next || t.columns[d]?.kind === "colno") continue;
    if (!next.value) {
      if (next.text.trim()) break;
      continue;
    }
    out.push(next);
  }
  return out;
}

/** The first money cell of the best-ranked column ("资产总额 | —— | 9.3342" skips the dash). */
function bestFigure(t: Table, cells: readonly TableCell[], ctx: ColumnContext): TableCell | undefined {
  let best: { cell: TableCell; rank: number } | undefined;
  for (const cell of cells) {
    if (!cellFigure(t, cell)) continue;
    const rank = columnRank(t.columns[cell.col]?.path ?? [], ctx);
    if (!best || rank > best.rank) best = { cell, rank };
  }
  return best?.cell;
}

/** The named columns beside a total's own figure on its row: 基本支出, 人员经费, 项目支出 … */
function splitColumns(t: Table, spec: TableKindSpec, figures: readonly TableCell[], own: TableCell, ctx: ColumnContext): FactMention[] {
  const cols = figures.filter((c) => c !== own).map((c) => t.columns[c.col]).filter((c): c is TableColumn => c !== undefined);
  return chooseColumns(t, cols, figures, spec, ctx).filter((m) => m.key.startsWith("expenditure.") && !TOTAL_ROW_KEYS.has(m.key));
}

/** Column headers name the facts; the value is on the total row, the single data row, or the row of this year. */
function columnFacts(t: Table, spec: TableKindSpec, ctx: ColumnContext): FactMention[] {
  const at = cellIndex(t);
  const row = valueRow(t, at, ctx);
  if (!row) return [];
  const cells = t.columns.map((c) => at.get(`${row.index},${c.index}`)).filter((c): c is TableCell => c !== undefined);
  return chooseColumns(t, t.columns.filter((c) => c.kind === "amount"), cells, spec, ctx);
}

/**
 * The total row; else the one data row; else, where the data rows are labelled by year (深圳 三公表: 2025年 | 2026年 |
 * 增减变化金额), the row of the document's year.
 */
function valueRow(t: Table, at: Map<string, TableCell>, ctx: ColumnContext): TableRow | undefined {
  const total = t.rows.find((r) => r.kind === "total");
  if (total) return total;
  const data = t.rows.filter((r) => r.kind === "data");
  if (data.length === 1) return data[0];
  // A unit's line above its coded class rows is its total (深圳 表3: 深圳市公安局（本级） | | | 204,397.58 …).
  if (data.length > 1 && !data[0]!.code && data.slice(1).every((r) => r.code)) return data[0];
  const labels = (r: TableRow) => t.columns.filter((c) => c.kind !== "amount").map((c) => at.get(`${r.index},${c.index}`)?.text ?? "");
  const ranked = data.map((r) => ({ r, rank: columnRank(labels(r), ctx) })).sort((a, b) => b.rank - a.rank);
  return ranked[0] && ranked[0].rank > 0 && (ranked[1]?.rank ?? -Infinity) < ranked[0].rank ? ranked[0].r : undefined;
}

/**
 * Beside a 上年结转 or 本年收入合计 column a 收入表's source columns are this year's income ("财政拨款收入" is the fiscal
 * 本年收入; the 总计 adds what was carried over); without either they are the whole of it.
 */
function thisYears(f: LabelFact | undefined, carried: boolean): LabelFact | undefined {
  return f && carried && f.key === "income.total" && f.fund ? { key: "income.current_year", fund: f.fund } : f;
}

const LONE_TOTAL = /^(?:合计|总计|小计|金额合计)$/;

/**
 * One figure per fact among the columns: the best-ranked column (this year, 决算数), and a named group over a lone 合计
 * (which may add 会议费 and 培训费 to the 三公).
 */
function chooseColumns(t: Table, cols: readonly TableColumn[], cells: readonly TableCell[], spec: TableKindSpec, ctx: ColumnContext): FactMention[] {
  const chosen = new Map<string, { mention: FactMention; rank: number; specific: boolean }>();
  const carried = t.columns.some((c) => c.kind === "amount" && /^income\.(?:carryover|current_year)$/.test(columnFact(c.path, spec.totalKey, "")?.key ?? ""));
  for (const col of cols) {
    const named = thisYears(columnFact(col.path, spec.totalKey, t.title ?? ""), carried);
    const cell = cells.find((c) => c.col === col.index);
    if (!named || !cell) continue;
    const fund = withFund(named.key, spec, named.fund ?? columnFund(col));
    const m = mentionOf(t, cell, named.key, fund);
    if (!m) continue;
    const rank = columnRank(col.path, ctx);
    const headers = namedPath(col.path);
    const specific = headers.length > 1 || !LONE_TOTAL.test(headers.at(-1) ?? "");
    const id = `${named.key}@${fund ?? "all"}`;
    const prev = chosen.get(id);
    if (!prev || rank > prev.rank || (rank === prev.rank && specific && !prev.specific)) chosen.set(id, { mention: m, rank, specific });
  }
  return [...chosen.values()].filter((v) => v.rank > -4).map((v) => v.mention);
}
