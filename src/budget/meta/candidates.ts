/** Candidates for each meta field, read from one printed line each, with their weight and evidence. */
import type { MetaEvidence, MetaSource } from "../../model/index.js";
import { parseLabel } from "../../structure/sections/numbering.js";
import { TABLE_NUMBER } from "../../structure/tables/text.js";
import { YEAR_KIND, parseTitle, type TitleParts, type TitleSpan } from "../../structure/title.js";
import { readField } from "./fields.js";
import type { MetaLine } from "./lines.js";
import { cleanName, consolidationOf, isName, nameKey } from "./names.js";

export type Field = "fiscalYear" | "docKind" | "scope" | "entity" | "consolidation";

export interface Candidate {
  field: Field;
  value: string | number;
  /** Values compare by key (a name's spacing and bracket width do not matter). */
  key: string;
  weight: number;
  order: number;
  evidence: MetaEvidence;
}

/** Title/cover > publisher lines > captions > headings, running headers, TOC > container title > body > file name. */
export const WEIGHT: Record<MetaSource, number> = {
  title: 100, cover: 90, publisher_line: 80, caption: 60, heading: 45, running_header: 40, toc: 40, container_title: 30, body: 10, file_name: 1,
};
// A word that only hints at the scope (a field's label, 本级/汇总, a caption's or a heading's 部门/单位) weighs less
// than the scope printed as 部门预算/单位预算 in the same place.
const HINT = { label: 0.25, consolidation: 0.3, caption: 0.5, heading: 0.75 };

type Add = (field: Field, value: string | number, start: number, end: number, factor?: number) => void;

function adder(line: MetaLine, out: Candidate[], source: MetaSource = line.source): Add {
  return (field, value, start, end, factor = 1) => {
    const key = field === "entity" ? nameKey(String(value)) : String(value);
    const evidence = { ...line.at(start, end), source };
    out.push({ field, value, key, weight: WEIGHT[source] * factor, order: line.order, evidence });
  };
}

/** A title's parts: year, kind, scope, and the name when it is a publisher's (not a region, not vocabulary). */
export function titleCandidates(line: MetaLine, parts: TitleParts, strict: boolean, out: Candidate[]): void {
  const add = adder(line, out);
  if (parts.year) add("fiscalYear", parts.year.value, parts.year.start, parts.year.end + (line.text[parts.year.end] === "年" ? 1 : 0));
  add("docKind", parts.kind.value, parts.kind.start, parts.kind.end);
  if (parts.scope) add("scope", parts.scope.value, parts.scope.start, parts.kind.end);
  const name = [parts.name, parts.rest].find((n): n is TitleSpan => n !== undefined && isName(n.text, strict || n === parts.rest));
  if (name) nameCandidates(add, name.text, name.start);
  if (!name || !consolidationOf(cleanName(name.text))) titleConsolidation(add, line.text);
}

/** "某某局2026年部门预算（汇总）": 本级/汇总 printed in brackets elsewhere in the title than after the name. */
function titleConsolidation(add: Add, text: string): void {
  const m = /[（(]\s*(?:部门)?\s*(本级|汇总)\s*[）)]/.exec(text);
  if (!m) return;
  const at = m.index + m[0].indexOf(m[1]!);
  add("consolidation", m[1]!, at, at + 2);
  add("scope", m[1] === "汇总" ? "department" : "unit", at, at + 2, HINT.consolidation);
}

/** The entity, and 本级/汇总 when the name carries it (which also hints the scope: 汇总 a department, 本级 a unit). */
function nameCandidates(add: Add, printed: string, start: number): void {
  const value = cleanName(printed);
  add("entity", value, start, start + printed.length);
  const c = consolidationOf(value);
  if (!c) return;
  const at = start + printed.lastIndexOf(c);
  add("consolidation", c, at, at + 2);
  add("scope", c === "汇总" ? "department" : "unit", at, at + 2, HINT.consolidation);
}

/** "预算单位：上海市财政局": the entity, and the label's 部门/单位 word as a scope hint. */
export function fieldCandidates(line: MetaLine, out: Candidate[]): boolean {
  const f = readField(line.text);
  if (!f) return false;
  const add = adder(line, out, line.source === "cover" ? "cover" : "publisher_line");
  nameCandidates(add, line.text.slice(f.start, f.end), f.start);
  if (f.scope) add("scope", f.scope, 0, f.end, HINT.label);
  return true;
}

// A year in a comparison ("比2025年预算增加") or a column ("2025年预算数", "预算执行") is not the document's year.
const COMPARISON_BEFORE = /(?:比|较|与|同比|对比|上年)\s*$/;
const COMPARISON_AFTER = /^\s*(?:数|执行|调整)/;
const SCOPE_WORDS = /(部门|单位)\s*(?:整体)?\s*(?:预算|决算)(?!\s*(?:部门)?经济分类)/g;

/** Year, kind and scope printed in any line: "2026年部门预算…", "…决算表", "第一部分部门概况". */
export function printedCandidates(line: MetaLine, out: Candidate[]): void {
  const add = adder(line, out);
  const text = line.text;
  for (const m of text.matchAll(new RegExp(YEAR_KIND.source, "g"))) {
    const end = m.index + m[0].length;
    if (COMPARISON_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index)) || COMPARISON_AFTER.test(text.slice(end))) continue;
    if (line.source === "body" && !/^\d{4}\s*年\s*度?\s*(?:部门|单位)?\s*(?:预算|决算)$/.test(m[0])) continue;
    add("fiscalYear", Number(m[1]), m.index, m.index + m[1]!.length + 1);
    // "一般公共预算财政拨款支出决算": 预算 names a fund there; the clause is a 决算's when 决算 is in it.
    const clause = /^[^。，；]*/.exec(text.slice(m.index))![0];
    const at = clause.includes("决算") ? m.index + clause.indexOf("决算") : end - 2;
    add("docKind", text.slice(at, at + 2) === "决算" ? "final_account" : "budget", at, at + 2);
  }
  if (line.source === "caption" && /表\s*$/.test(text)) captionKind(add, text);
  for (const m of text.matchAll(SCOPE_WORDS)) add("scope", m[1] === "单位" ? "unit" : "department", m.index, m.index + m[0].length);
  scopeHints(line, add);
}

/** A table's title names the kind even without a year ("收入支出决算总表"). */
function captionKind(add: Add, text: string): void {
  const at = text.lastIndexOf("决算") >= 0 ? text.lastIndexOf("决算") : text.lastIndexOf("预算");
  if (at >= 0) add("docKind", text.slice(at, at + 2) === "决算" ? "final_account" : "budget", at, at + 2);
}

const CAPTION_SCOPE = /^(?:19|20)\d{2}\s*年\s*度?\s*(部门|预算单位|单位)/;
const HEADING_SCOPE = /(部门|单位)\s*(?:概况|基本情况|主要职[能责]|机构设置)/;

/** "2026年预算单位…表", "2025年部门…表"; "第一部分部门概况", "一、单位主要职能". */
function scopeHints(line: MetaLine, add: Add): void {
  const lead = TABLE_NUMBER.exec(line.text)?.[0].length ?? 0;
  const c = line.source === "caption" ? CAPTION_SCOPE.exec(line.text.slice(lead)) : null;
  if (c) add("scope", c[1] === "部门" ? "department" : "unit", lead + c.index, lead + c[0].length, HINT.caption);
  const h = line.source === "heading" || line.source === "toc" ? HEADING_SCOPE.exec(line.text) : null;
  if (h) add("scope", h[1] === "部门" ? "department" : "unit", h.index, h.index + h[0].length, HINT.heading);
}

const ABOUT = /^(.+?)(?:概况|基本情况|主要职[能责])\s*$/;

/** A publisher named in a caption, heading, TOC line or running header: "第一部分广州市生态环境局概况". */
export function namedCandidates(line: MetaLine, out: Candidate[]): void {
  const label = parseLabel(line.text);
  const lead = label ? line.text.length - label.rest.length : 0;
  const rest = line.text.slice(lead);
  const parts = parseTitle(rest);
  if (parts) {
    const name = [parts.name, parts.rest].find((n): n is TitleSpan => n !== undefined && isName(n.text, true));
    if (name) nameCandidates(adder(line, out), name.text, lead + name.start);
    return;
  }
  const about = line.source === "caption" ? null : ABOUT.exec(rest);
  if (about && isName(about[1]!, true)) nameCandidates(adder(line, out), about[1]!, lead);
}
