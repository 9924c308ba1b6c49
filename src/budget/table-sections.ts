/**
 * Tables that stack small tables in one grid, each under its heading row and with its own header row (山西 决算
 * 公开08表 部门决算公开相关信息统计表: "一、政府采购情况" / 项目 | 行次 | 采购预算 | 采购金额 …, "二、机关运行经费" /
 * 项目 | 统计数 …, "三、国有资产占用情况" / 车辆数合计（辆） …). Each section is read as the standard table its heading
 * names (by the catalog): a row's label names its fact in the section's words (货物 under 政府采购 is procurement.goods),
 * a lone 合计 is the section's total, and where no row names a fact of its own and no 合计 is printed, the section's
 * total is the sum of its rows (机关运行经费 = 行政单位 + 参照公务员法管理事业单位, as the template prints it).
 */
import type { Table, TableCell } from "../model/index.js";
import { kindOfTitle, type TableKindSpec } from "./catalog/index.js";
import type { FactMention } from "./facts.js";
import { cellFigure } from "./table-figures.js";
import { columnRank, compactLabel, type ColumnContext } from "./table-columns.js";
import { COUNT_KEYS, factOfLabel } from "./vocabulary.js";
import { add } from "../util/decimal.js";

interface Section {
  heading: string;
  /** The standard table the heading names; the table's own entry where it names none. */
  spec: TableKindSpec;
  /** Column → header text, from the section's header row (or the table's header, or the section above's). */
  headers: Map<number, string>;
  /** Column → the last outline line of that label column ("三、政府采购支出"): the words its lines below are read in. */
  lineHeads: Map<number, string>;
  mentions: FactMention[];
  /** The figures of rows that name no fact: the parts of the section's total where it prints none. */
  unnamed: TableCell[];
  total: boolean;
}

// A header row opens with the name of the label column; 行次 and 栏次 columns number the lines, they state nothing.
const HEADER_LEAD = /^(?:项目|项目名称|名称|指标|内容)$/;
const LINE_NUMBER = /^(?:行次|栏次|序号)$/;
const LONE_TOTAL = /^(?:合计|总计|小计)$/;

const BRACKETED_UNIT = /[（(]([^（）()]{1,4})[）)]$/;

/** The facts of a stacked statistics table, each section read as the standard table its heading names. */
export function sectionFacts(t: Table, spec: TableKindSpec, ctx: ColumnContext): FactMention[] {
  // A table titled 决算 states its 决算 figures (采购金额 over 采购预算) whatever the document's kind was read as.
  const basis: ColumnContext = ctx.basis ? ctx : /决算/.test(t.title ?? "") ? { ...ctx, basis: "final" } : ctx;
  const byRow = new Map<number, TableCell[]>();
  for (const c of t.cells) {
    const line = byRow.get(c.row);
    if (line) line.push(c);
    else byRow.set(c.row, [c]);
  }
  const headers = new Map(t.columns.filter((c) => c.path.length > 0).map((c) => [c.index, c.path.join("/")]));
  const lead = headerHeading(t);
  const first = lead ? kindOfTitle(compactLabel(lead)) : undefined;
  let section: Section = { heading: lead ?? t.title ?? "", spec: first ?? spec, headers, lineHeads: new Map(), mentions: [], unnamed: [], total: false };
  const sections = [section];
  for (const row of t.rows) {
    if (row.kind === "header" || row.kind === "title" || row.kind === "colno") continue;
    const cells = (byRow.get(row.index) ?? []).filter((c) => c.text.trim()).sort((a, b) => a.col - b.col);
    const figures = cells.filter((c) => c.value && c.value.kind !== "null");
    if (isHeading(t, cells, figures)) {
      section = { heading: cells[0]!.text, spec: kindOfTitle(compactLabel(cells[0]!.text)) ?? spec, headers: section.headers, lineHeads: new Map(), mentions: [], unnamed: [], total: false };
      sections.push(section);
    } else if (figures.length === 0 && HEADER_LEAD.test(compactLabel(cells[0]?.text ?? ""))) {
      section.headers = headerTexts(cells, section.headers);
    } else {
      const own = cells.filter((c) => !isLineNumber(t, section, c.col));
      for (const [label, figs] of panels(own)) readLine(t, section, label, figs.filter((c) => c.value!.kind !== "null"), basis);
    }
  }
  return sections.flatMap((s) => [...s.mentions, ...summedTotal(t, s)]);
}

/** The first section's heading where the header block holds it above every column ("一、政府采购情况 / 采购金额"). */
function headerHeading(t: Table): string | undefined {
  const tops = new Set(t.columns.filter((c) => c.path.length > 1).map((c) => c.path[0]!));
  const [top] = tops;
  return tops.size === 1 && t.columns.every((c) => c.path.length === 0 || c.path[0] === top) ? top : undefined;
}

/** Each label with the figures up to the next label: a row of 项目 | 统计数 | 项目 | 统计数 panels states two lines. */
function panels(cells: readonly TableCell[]): [TableCell, TableCell[]][] {
  const out: [TableCell, TableCell[]][] = [];
  for (const c of cells) {
    if (!c.value) out.push([c, []]);
    else out.at(-1)?.[1].push(c);
  }
  return out;
}

/** A heading row: one text spanning the grid, or an outline heading ("二、机关运行经费"), never a blank line's label. */
function isHeading(t: Table, cells: readonly TableCell[], figures: readonly TableCell[]): boolean {
  return cells.length === 1 && figures.length === 0 && (cells[0]!.colSpan >= t.nCols - 1 || OUTLINE_HEADING.test(cells[0]!.text.trim()));
}
const OUTLINE_HEADING = /^[一二三四五六七八九十]+[、.．]/;

/**
 * Column → header text of a header row, each merged cell's text over every column it covers. A 行次 column numbers
 * the lines of every section: a later header row that leaves it blank keeps it.
 */
function headerTexts(cells: readonly TableCell[], above: ReadonlyMap<number, string>): Map<number, string> {
  const out = new Map([...above].filter(([, h]) => LINE_NUMBER.test(h)));
  for (const c of cells) for (let k = 0; k < c.colSpan; k++) out.set(c.col + k, c.text.replace(/\s+/g, ""));
  return out;
}

function isLineNumber(t: Table, s: Section, col: number): boolean {
  return t.columns[col]?.kind === "colno" || LINE_NUMBER.test(s.headers.get(col)?.split("/").at(-1) ?? "");
}

/** One line of a section: its label's fact (or the section's total, or a part of it) with its best figure. */
function readLine(t: Table, s: Section, label: TableCell, figures: readonly TableCell[], ctx: ColumnContext): void {
  const best = bestOf(figures, s, ctx);
  if (!best) return;
  const name = compactLabel(label.text);
  if (OUTLINE_HEADING.test(label.text.trim())) s.lineHeads.set(label.col, name);
  const count = countLine(t, name, best);
  if (count) return void s.mentions.push(count);
  const fig = cellFigure(t, best);
  if (!fig || BRACKETED_UNIT.test(name)) return;
  const key = LONE_TOTAL.test(name) ? s.spec.totalKey : factOfLabel(name, `${compactLabel(s.heading)} ${s.lineHeads.get(label.col) ?? ""}`)?.key;
  if (LONE_TOTAL.test(name)) s.total = true;
  if (key && (!s.spec.states || s.spec.states.test(key))) s.mentions.push({ key, ...fig.mention });
  else if (!key) s.unnamed.push(best);
}

/** The figure of the line's best-ranked column: this year's, the 决算 (采购金额) over the 预算 (采购预算). */
function bestOf(figures: readonly TableCell[], s: Section, ctx: ColumnContext): TableCell | undefined {
  let best: { cell: TableCell; rank: number } | undefined;
  for (const cell of figures) {
    const rank = columnRank([s.headers.get(cell.col) ?? ""], ctx);
    if (!best || rank > best.rank) best = { cell, rank };
  }
  return best?.cell;
}

/** "车辆数合计（辆） | 20": a count in the unit its label names, never 元. */
function countLine(t: Table, name: string, cell: TableCell): FactMention | undefined {
  const unit = BRACKETED_UNIT.exec(name)?.[1];
  const value = cell.value && (cell.value.kind === "amount" || cell.value.kind === "count") ? cell.value.value : undefined;
  if (!unit || value === undefined) return undefined;
  const bare = name.replace(BRACKETED_UNIT, "");
  const line = COUNT_KEYS.find((k) => k.unit.test(unit) && k.label.test(bare));
  if (!line) return undefined;
  const evidence = { kind: "cell" as const, tableId: t.id, row: cell.row, col: cell.col, quote: cell.text };
  return { key: line.key, yuan: value, raw: `${cell.text}${unit}`, unit, evidence, decimals: 0, multiplier: "1" };
}

/** The section's total as the sum of its lines, where it prints no 合计 and no line names a fact of its own. */
function summedTotal(t: Table, s: Section): FactMention[] {
  const key = s.spec.totalKey;
  if (!key || s.total || s.mentions.length > 0 || s.unnamed.length === 0) return [];
  const parts = s.unnamed.map((c) => cellFigure(t, c)!);
  const [first, ...rest] = parts;
  const yuan = parts.reduce((sum, p) => add(sum, p.yuan), "0");
  const decimals = Math.max(...parts.map((p) => p.mention.decimals));
  const raw = `${parts.map((p) => p.cell.text).join(" + ")}${first!.mention.unit ?? ""}`;
  return [{ key, ...first!.mention, yuan, raw, decimals, also: rest.map((p) => p.mention.evidence) }];
}
