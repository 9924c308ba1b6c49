import type { Table } from "../model/index.js";
import { parseLabel } from "../structure/sections/numbering.js";
import type { FactMention } from "./facts.js";
import { cellFigure, cellIndex } from "./table-figures.js";
import { keyOfLabel } from "./vocabulary.js";

// Tables whose row labels name facts ("收入总计 | 340.77", "资产总额 | —— | 9.3342").
const ROW_LABEL_TABLES = /收支(?:预算)?总(?:体情况)?表|收支总表|收支预算总表|资产占用|固定资产|国有资产/;
// Tables whose column headers name facts, read on their total (or only) row: 三公, 收入/支出 totals, 政府采购.
const COLUMN_TABLES: { title: RegExp; totalKey: string }[] = [
  { title: /三公/, totalKey: "three_public.total" },
  { title: /政府采购/, totalKey: "procurement.total" },
  // Only the department-wide 收入表/支出表: "2016年支出决算表", "部门支出总表" — not 财政拨款/基金 tables of a narrower scope.
  { title: /^(?:\d{4}\s*年度?)?(?:部门|单位)?支出(?:预算|决算)?(?:总|情况)?表/, totalKey: "expenditure.total" },
  { title: /^(?:\d{4}\s*年度?)?(?:部门|单位)?收入(?:预算|决算)?(?:总|情况)?表/, totalKey: "income.total" },
];
const FISCAL_TABLE = /财政拨款/;
// A 财政拨款 table's 上年结转 is only the fiscal part of the department's carryover (深圳 公安局: 2,347.87 of 2,616.24万元).
const FISCAL_KEYS: Record<string, string> = { "income.total": "income.fiscal_total", "expenditure.total": "expenditure.fiscal_total", "income.carryover": "income.fiscal_carryover" };
// The three funds are fiscal by nature: a 财政拨款 table states the department's figures for them.
const SOURCE_KEYS = new Set(["income.general_budget", "income.government_fund", "income.state_capital"]);

function fiscalScope(m: FactMention): FactMention[] {
  const key = FISCAL_KEYS[m.key] ?? (SOURCE_KEYS.has(m.key) ? m.key : undefined);
  return key ? [{ ...m, key }] : [];
}

const TOTAL_HEADER = /^(?:合计|总计|小计|金额合计|预算数合计)$/;

/** Facts read from the standard tables, each with its cell as evidence; they merge with the narrative's. */
export function tableFacts(tables: Table[], fiscalYear?: number): FactMention[] {
  const out: FactMention[] = [];
  for (const t of tables) {
    const title = t.title ?? "";
    // A 财政拨款收支总表 states the fiscal-appropriation totals, not the department's.
    if (ROW_LABEL_TABLES.test(title)) out.push(...rowLabelFacts(t).flatMap((m) => (FISCAL_TABLE.test(title) ? fiscalScope(m) : [m])));
    const spec = COLUMN_TABLES.find((s) => s.title.test(title));
    if (spec) out.push(...columnFacts(t, spec.totalKey, fiscalYear));
  }
  return out;
}

const strip = (s: string) => {
  const t = s.replace(/\s+/g, "");
  return parseLabel(t)?.rest ?? t;
};

/** Each label cell names the first figure to its right, up to the next label (so a 收入 | 支出 panel pair works). */
function rowLabelFacts(t: Table): FactMention[] {
  const at = cellIndex(t);
  const out: FactMention[] = [];
  for (const row of t.rows) {
    if (row.kind !== "data" && row.kind !== "total" && row.kind !== "subtotal") continue;
    for (let c = 0; c < t.nCols; c++) {
      const cell = at.get(`${row.index},${c}`);
      if (!cell || cell.value || !cell.text.trim()) continue;
      const key = keyOfLabel(strip(cell.text), t.title ?? "");
      if (!key) continue;
      for (let d = c + cell.colSpan; d < t.nCols; d++) {
        const next = at.get(`${row.index},${d}`);
        if (!next) continue;
        if (!next.value) {
          if (next.text.trim()) break;
          continue;
        }
        // Skip counts and dashes ("资产总额 | —— | 9.3342"): the figure is the first money cell.
        const fig = cellFigure(t, next);
        if (!fig) continue;
        out.push({ key, ...fig.mention });
        break;
      }
    }
  }
  return out;
}

/** Column headers name the facts; the value is on the total row, or the single data row. */
function columnFacts(t: Table, totalKey: string, fiscalYear?: number): FactMention[] {
  const at = cellIndex(t);
  const valueRows = t.rows.filter((r) => r.kind === "total");
  const dataRows = t.rows.filter((r) => r.kind === "data");
  const row = valueRows[0] ?? (dataRows.length === 1 ? dataRows[0] : undefined);
  if (!row) return [];
  const chosen = new Map<string, { mention: FactMention; current: boolean; specific: boolean }>();
  for (const col of t.columns) {
    if (col.kind !== "amount") continue;
    const key = columnKey(col.path, totalKey, t.title ?? "");
    // A lone 合计 may add more than the key's own figure (三公 + 会议费 + 培训费): a named group wins over it.
    const specific = col.path.length > 1 || !TOTAL_HEADER.test(col.path.at(-1)?.replace(/\s+/g, "") ?? "");
    if (!key) continue;
    const cell = at.get(`${row.index},${col.index}`);
    const fig = cell ? cellFigure(t, cell) : null;
    if (!fig) continue;
    // Tables that print last year beside this year: prefer the column whose header names the fiscal year.
    const current = fiscalYear !== undefined && col.path.some((p) => p.includes(String(fiscalYear)));
    const prev = chosen.get(key);
    if (!prev || (current && !prev.current) || (current === prev.current && specific && !prev.specific)) {
      chosen.set(key, { mention: { key, ...fig.mention }, current, specific });
    }
  }
  return [...chosen.values()].map((v) => v.mention);
}

/**
 * The fact a column states: its leaf header, or for a 小计/合计 leaf the group above it ("公务用车购置及运行维护费 / 小计"
 * is the vehicle total, "“三公”经费 / 小计" the 三公 total); a lone 合计 is the table's total.
 */
function columnKey(path: readonly string[], totalKey: string, title: string): string | undefined {
  const clean = path.map((p) => p.replace(/\s+/g, ""));
  const leaf = clean.at(-1) ?? "";
  if (!TOTAL_HEADER.test(leaf)) return keyOfLabel(strip(leaf), title);
  const group = clean.at(-2);
  if (!group) return totalKey;
  return keyOfLabel(strip(group), title);
}
