/**
 * Tables printed without figures, and the statements that declare a table empty or a fund absent
 * ("本部门无政府性基金预算财政拨款收支，本表为空表", "本单位无政府性基金预算安排的支出,故此表无数据").
 */
import type { Evidence, Fund, ParagraphBlock, Table } from "../../model/index.js";
import { compare } from "../../util/decimal.js";
import { pageOf, squeeze, textEvidence, type CheckInput } from "./context.js";

// "本表为空表", "此表无数据", "空表列示", "注：本部门无相关收支项目" (江苏): the table itself is declared empty.
const EMPTY_TABLE = /空表|(?:本|此|该)表(?:无|没有)(?:数据|内容)?|无数据|没有数据|数据为空|为空|无相关(?:收支|支出|收入|数据|项目)|无(?:此|该)(?:项目|项|类)/;
// "无政府性基金预算", "没有使用国有资本经营预算拨款", "未安排政府性基金": the fund is declared absent.
const NO_FUND = /(?:无|没有|未安排|未使用|不涉及|未编制|未发生|无使用)[^。；;，,]{0,24}?(政府性基金|国有资本经营)/;
// "江苏省高级人民法院2017年政府性基金支出预算支出0万元" (the 说明 of the empty table): the fund's figure stated as zero.
const ZERO_FUND = /(政府性基金|国有资本经营)[^。；;，,：:\d]{0,20}?(?<![\d.])0(?:\.0+)?(?:万元|元)/;

export interface EmptyDeclaration {
  /** The fund it says the department has none of, when it names one. */
  fund?: Fund;
  /** Whether it says a table is empty (not only that a fund is absent). */
  table: boolean;
  /** The table it is printed in, when it is a cell. */
  tableId?: string;
  page?: number;
  /** Reading position of its paragraph (the number of its "pN" id). */
  at?: number;
  evidence: Evidence;
}

/** Paragraph ids number paragraphs in reading order ("p69" after "p66"); tables are numbered apart. */
const positionOf = (id: string): number | undefined => (/^p(\d+)$/.exec(id) ? Number(id.slice(1)) : undefined);

/**
 * Where each titled table's part of the text runs: from the caption paragraph printing its title to the caption of
 * the next titled table. A note in that stretch ("本表为空表" under it) speaks for that table — where the format
 * gives no pages (HTML, Word).
 */
export function tableStretches(input: CheckInput): Map<string, { from: number; to: number }> {
  const paragraphs = [...input.paragraphs, ...(input.captions ?? [])];
  const starts: { id: string; at: number }[] = [];
  for (const t of input.tables) {
    const title = t.title ? squeeze(t.title) : "";
    if (!title) continue;
    const p = paragraphs.find((q) => squeeze(q.text).endsWith(title) && !starts.some((s) => s.at === positionOf(q.id)));
    const at = p ? positionOf(p.id) : undefined;
    if (at !== undefined) starts.push({ id: t.id, at });
  }
  starts.sort((a, b) => a.at - b.at);
  return new Map(starts.map((s, i) => [s.id, { from: s.at, to: starts[i + 1]?.at ?? Number.POSITIVE_INFINITY }]));
}

const FUND_OF: Record<string, Fund> = { 政府性基金: "government_fund", 国有资本经营: "state_capital" };

function declarationIn(text: string): { fund?: Fund; table: boolean; re: RegExp } | undefined {
  const s = squeeze(text);
  const absent = NO_FUND.exec(s)?.[1];
  const zero = absent ? undefined : ZERO_FUND.exec(s)?.[1];
  const fund = absent ?? zero;
  const table = EMPTY_TABLE.test(s);
  if (!fund && !table) return undefined;
  return { ...(fund ? { fund: FUND_OF[fund]! } : {}), table, re: absent ? NO_FUND : zero ? ZERO_FUND : EMPTY_TABLE };
}

function sentenceOf(p: ParagraphBlock): Evidence {
  const text = p.text.replace(/[。.\s]+$/, "");
  const start = text.length - text.trimStart().length;
  const end = Math.min(text.length, start + 120);
  return { kind: "text", blockId: p.id, start, end, quote: p.text.slice(start, end) };
}

/** Every declaration of emptiness: in paragraphs (body and captions) and in table cells (a 注 row). */
export function emptyDeclarations(input: CheckInput): EmptyDeclaration[] {
  const out: EmptyDeclaration[] = [];
  const paragraphs: readonly ParagraphBlock[] = [...input.paragraphs, ...(input.captions ?? [])];
  for (const p of paragraphs) {
    const d = declarationIn(p.text);
    if (!d || p.text.length > 300) continue;
    // The note itself is the evidence: "本部门无政府性基金预算财政拨款收支，本表为空表" says both what and why.
    const evidence = textEvidence(p, d.re) ? sentenceOf(p) : undefined;
    const page = pageOf(p);
    const at = positionOf(p.id);
    if (evidence) out.push({ ...(d.fund ? { fund: d.fund } : {}), table: d.table, ...(page !== undefined ? { page } : {}), ...(at !== undefined ? { at } : {}), evidence });
  }
  for (const t of input.tables) {
    for (const c of t.cells) {
      const d = c.text.length <= 200 ? declarationIn(c.text) : undefined;
      if (!d) continue;
      const page = pageOf(t);
      out.push({ ...(d.fund ? { fund: d.fund } : {}), table: d.table, tableId: t.id, ...(page !== undefined ? { page } : {}), evidence: { kind: "cell", tableId: t.id, row: c.row, col: c.col, quote: c.text } });
    }
  }
  return out;
}

/** No non-zero figure in the table's data and total rows. */
export function hasNoMoney(t: Table): boolean {
  const dataRows = new Set(t.rows.filter((r) => r.kind === "data" || r.kind === "total" || r.kind === "subtotal").map((r) => r.index));
  return !t.cells.some((c) => dataRows.has(c.row) && c.value?.kind === "amount" && c.value.value !== undefined && compare(c.value.value, "0") !== 0);
}

/**
 * A form, not a disclosure: not one non-zero figure in its statements or its tables. 普陀区2026单位预算模板.xls prints
 * the nine tables blank and "收入预算x,xxx万元" in its 说明; the only figures read are the zeros of its instructions
 * ("（若无，则写“本单位无机关运行经费。”）"). Every budget or final account that prints its tables states some money.
 */
export function disclosesNoFigure(amounts: readonly { yuan: string }[], tables: readonly Table[]): boolean {
  const standard = tables.some((t) => t.kind !== undefined && t.kind !== "other");
  return standard && amounts.every((a) => compare(a.yuan, "0") === 0) && tables.every(hasNoMoney);
}

/** Not one figure, zero or not, in the data and total rows: a table printed blank. */
export function printsNoFigure(t: Table): boolean {
  const dataRows = new Set(t.rows.filter((r) => r.kind === "data" || r.kind === "total" || r.kind === "subtotal").map((r) => r.index));
  return !t.cells.some((c) => dataRows.has(c.row) && c.value?.kind === "amount");
}

/**
 * The declaration that speaks for table `t` of fund `fund`: one printed in it; one naming its fund; or, on its page
 * or in its stretch of text (see tableStretches), one that declares a table empty without naming a fund.
 */
export function declarationFor(t: Table, fund: Fund | undefined, all: readonly EmptyDeclaration[], stretch?: { from: number; to: number }): EmptyDeclaration | undefined {
  const page = pageOf(t);
  const near = (d: EmptyDeclaration) => (page !== undefined && d.page === page) || (stretch !== undefined && d.at !== undefined && d.at > stretch.from && d.at < stretch.to);
  return (
    all.find((d) => d.tableId === t.id && (d.table || d.fund === fund)) ??
    all.find((d) => fund !== undefined && d.fund === fund) ??
    all.find((d) => d.table && d.fund === undefined && d.tableId === undefined && near(d))
  );
}
