/**
 * completeness: what the 操作规程 requires of a document of its kind — each required table printed (with figures, or
 * empty with a statement that it is empty), each required statement of the 说明 made, and the table of contents'
 * list of tables the tables printed. A part published apart (the tables in 附件2) fails, with a message saying so.
 */
import type { Evidence, ParagraphBlock, Table, Validation } from "../../model/index.js";
import { TABLE_CATALOG, TABLE_CONTENT, tableKindSpec } from "../catalog/index.js";
import type { FactMention } from "../facts.js";
import { paragraphEvidence, squeeze, tableEvidence, tableName, textEvidence, type CheckInput } from "./context.js";
import { declarationFor, emptyDeclarations, tableStretches, hasNoMoney, printsNoFigure, type EmptyDeclaration } from "./empty.js";
import { IMAGE_NOT_READ } from "../../readers/html/images.js";
import { REQUIREMENTS, kindName, requiredTables, type RequiredStatement, type RequiredTable } from "./requirements.js";

// "附件：北京市交通委员会2026年度部门预算报表", "附件：1.郑州市土地储备中心2015年财政预算收支总表", "报表详见附件2".
const ATTACHMENT = /附件\s*[0-9０-９一二三四五六七八九]*\s*[：:．.、]?\s*[0-9]*[.．、]?[^。；]{0,40}?(?:报表|公开表|附表|(?:预算|决算|收支|支出|收入)[^。；]{0,12}表)|(?:报表|公开表|预算表|决算表)[^。；]{0,12}(?:详见|见|另附|附后)[^。；]{0,4}附件/;

// A paragraph that is only an attached file's name: "昆明市审计局（汇总）2026年预算公开目录附表" (the page's link to its
// .xlsx), "…2026年部门预算公开表.xls". 附表 is "the attached tables"; a caption (…预算公开表) needs the file's extension.
// A file's name carries its year; a numbered heading ("五、部门预算附表") introduces tables printed below it.
const ATTACHED_FILE = /^(?![一二三四五六七八九十\d]+[、.．]|第[一二三四五六七八九十]+部分)[^。；，：:]{0,40}\d{4}年[^。；，：:]{0,40}(?:附表|表\s*\.(?:xlsx?|et|pdf|docx?|wps|zip|rar))$/i;

/** A paragraph that says the tables are published as a separate attachment. */
export function attachmentNote(input: CheckInput): Evidence | undefined {
  for (const p of [...input.paragraphs, ...(input.furniture ?? [])]) {
    if (p.text.length > 200) continue;
    const ev = textEvidence(p, ATTACHMENT) ?? textEvidence(p, ATTACHED_FILE);
    if (ev) return ev;
  }
  return undefined;
}

/** A 说明 to read: body paragraphs of some length (a tables-only edition has captions and notes only). */
export function hasNarrative(input: CheckInput): boolean {
  return input.paragraphs.reduce((n, p) => n + squeeze(p.text).length, 0) >= 150;
}

export function checkCompleteness(input: CheckInput): Validation[] {
  const { meta } = input;
  if (!meta.docKind) return [{ rule: "completeness:kind", status: "skipped", message: "the document's kind (部门预算 / 部门决算) is not known: what it must contain is not checked", evidence: [] }];
  const attachment = attachmentNote(input);
  const declarations = emptyDeclarations(input);
  const out: Validation[] = [];
  for (const r of requiredTables(meta)) out.push(tableRule(input, r, declarations, attachment));
  const narrative = hasNarrative(input);
  for (const s of REQUIREMENTS[meta.docKind].statements) out.push(...statementRules(input, s, narrative));
  const toc = tocRule(input, attachment);
  if (toc) out.push(toc);
  return out;
}

function tableRule(input: CheckInput, r: RequiredTable, declarations: EmptyDeclaration[], attachment: Evidence | undefined): Validation {
  const rule = `completeness:table:${r.kind}`;
  const name = tableKindSpec(r.kind)?.name ?? r.kind;
  const kinds = [r.kind, ...(r.or ?? [])];
  const printed = input.tables.filter((t) => kinds.includes(t.kind ?? ""));
  const doc = kindName(input.meta);
  if (printed.length === 0) {
    const inColumns = printedAsColumns(input, r);
    if (inColumns) return { rule, status: "pass", message: `printed as ${inColumns.columns} of ${tableName(inColumns.table)} (its rows are the 经济分类 classes)`, evidence: inColumns.evidence };
    const declared = r.fund ? declarations.find((d) => d.fund === r.fund) : undefined;
    if (attachment) return { rule, status: "fail", message: `${name} is not printed in this ${doc}: the document says its tables are published as a separate attachment ("${attachment.quote}")`, evidence: [attachment] };
    const pictures = picturesNote(input);
    if (pictures) return { rule, status: "fail", message: `${name}, required in a ${doc}, is not printed as text in this document; it may be printed as a picture, which was not read (${pictures.note})`, evidence: pictures.evidence };
    if (declared) return { rule, status: "fail", message: `${name} is not printed; the document states "${declared.evidence.quote}" — a table without figures is printed empty with that statement`, evidence: [declared.evidence] };
    const named = namedIn(input, r.kind);
    if (named) return { rule, status: "fail", message: `${name}, required in a ${doc}, is not printed in this document; its 说明 refers to it ("${named.quote}")`, evidence: [named] };
    return { rule, status: "fail", message: `${name}, required in a ${doc}, is not printed in this document`, evidence: [] };
  }
  const withMoney = printed.find((t) => !hasNoMoney(t));
  if (withMoney) return { rule, status: "pass", message: `printed: ${tableName(withMoney)}`, evidence: [tableEvidence(withMoney)] };
  const t = printed[0]!;
  // Only a header was read: its body is a table of its own (stitching missed the page break), not an empty table.
  if (!t.rows.some((row) => row.kind !== "header" && row.kind !== "title")) return { rule, status: "skipped", message: `only the header of ${tableName(t)} was read (its rows may have been read as another table): not judged`, evidence: [tableEvidence(t)] };
  const declared = declarationFor(t, r.fund ?? fundOfKind(t), declarations, tableStretches(input).get(t.id));
  const zero = declared ? undefined : statedZero(input, t);
  if (zero) return { rule, status: "pass", message: `${tableName(t)} is printed without figures; the 说明 states it as zero ("${zero.evidence.quote}")`, evidence: [tableEvidence(t), zero.evidence] };
  if (declared) return { rule, status: "pass", message: `${tableName(t)} is printed empty, with the statement "${declared.evidence.quote}"`, evidence: [tableEvidence(t), declared.evidence] };
  if (!printsNoFigure(t)) return { rule, status: "pass", message: `${tableName(t)} is printed with zero figures only`, evidence: [tableEvidence(t)] };
  return { rule, status: "fail", message: `${tableName(t)} is printed without figures and without a statement that it is empty`, evidence: [tableEvidence(t)] };
}

/** A table of another kind printing the required content as columns, with figures (深圳 表8's 基本支出 column). */
function printedAsColumns(input: CheckInput, r: RequiredTable): { table: Table; columns: string; evidence: Evidence[] } | undefined {
  if (!r.printedAs) return undefined;
  const { kinds, content } = r.printedAs;
  for (const t of input.tables) {
    if (!kinds.includes(t.kind ?? "") || hasNoMoney(t)) continue;
    const columns = TABLE_CONTENT[content](t);
    if (columns.length === 0) continue;
    const evidence = columns.map((c) => headerEvidence(t, c.index));
    return { table: t, columns: `the ${columns.map((c) => c.path.join("/")).join(" and ")} column${columns.length > 1 ? "s" : ""}`, evidence };
  }
  return undefined;
}

/** A column's lowest header cell as evidence. */
function headerEvidence(t: Table, col: number): Evidence {
  const cell = t.cells.filter((c) => c.row < t.titleRows + t.headerRows && c.col <= col && col < c.col + c.colSpan && c.text.trim() !== "").at(-1);
  return cell ? { kind: "cell", tableId: t.id, row: cell.row, col: cell.col, quote: cell.text } : tableEvidence(t);
}

/** The narrative's zero for the table's own total ("“三公”经费预算数为0", "无机关运行经费"): a statement that it is empty. */
function statedZero(input: CheckInput, t: Table) {
  const spec = tableKindSpec(t.kind);
  if (!spec?.totalKey) return undefined;
  const fund = spec.totalKey.startsWith("three_public") || spec.totalKey === "operating_cost" ? "all" : spec.fund;
  // A fund table is also declared empty by the 说明's zero for that fund ("政府性基金拨款支出预算为0").
  const ofFund = (m: FactMention) => (spec.fund === "government_fund" || spec.fund === "state_capital") && ((m.fund ?? "all") === spec.fund || m.key === `income.${spec.fund}`);
  return input.mentions.find((m) => m.evidence.kind === "text" && m.yuan === "0" && ((m.key === spec.totalKey && (m.fund ?? "all") === fund) || ofFund(m)));
}

/**
 * The pictures the reader could not read, as a message's note and evidence: a table printed as a GIF (重庆交通委 2018)
 * or an embedded Excel sheet (太原 2016 决算) is printed, but not as text, so "not printed" would not be the truth.
 */
function picturesNote(input: CheckInput): { note: string; evidence: Evidence[] } | undefined {
  const warnings = input.imagesNotRead ?? [];
  if (warnings.length === 0) return undefined;
  const blocks = new Map([...input.paragraphs, ...(input.captions ?? []), ...(input.furniture ?? [])].map((p) => [p.id, p]));
  const at = [...new Set(warnings.map((w) => w.blockId).filter((id): id is string => id !== undefined))];
  const evidence = at.flatMap((id) => (blocks.has(id) ? [paragraphEvidence(blocks.get(id)!)] : []));
  const where = at.length > 0 ? ` at ${at.join(", ")}` : "";
  return { note: `warning ${IMAGE_NOT_READ}: pictures in the body${where}`, evidence };
}

/** A paragraph that names the table by a title of its kind ("收支预算总表支出栏…按经济分类科目编制"). */
function namedIn(input: CheckInput, kind: string): Evidence | undefined {
  const spec = tableKindSpec(kind);
  if (!spec) return undefined;
  for (const p of input.paragraphs) {
    for (const re of spec.titles) {
      // Only a table's name: /三公/ names the expense in any sentence, "收支预算总表" names the table.
      const m = new RegExp(re.source).exec(p.text);
      if (m && m[0].endsWith("表") && m[0].length >= 5) return { kind: "text", blockId: p.id, start: m.index, end: m.index + m[0].length, quote: m[0] };
    }
  }
  return undefined;
}

function fundOfKind(t: Table) {
  const f = tableKindSpec(t.kind)?.fund;
  return f === "government_fund" || f === "state_capital" ? f : undefined;
}

// A glossary entry defines the term ("“三公”经费：是指…"): it states no figure and no change.
const DEFINITION = /^[^，。]{0,24}[：:]\s*(?:是指|指|是)/;

/** The paragraphs that state a required statement: those with its narrative facts, then those that name it. */
function stating(input: CheckInput, s: RequiredStatement): { p: ParagraphBlock; ev: Evidence }[] {
  const byId = new Map(input.paragraphs.map((p) => [p.id, p]));
  const out: { p: ParagraphBlock; ev: Evidence }[] = [];
  // A set, not a search of `out`: a document of 40,000 paragraphs stays linear.
  const seen = new Set<ParagraphBlock>();
  const add = (p: ParagraphBlock, ev: Evidence) => {
    seen.add(p);
    out.push({ p, ev });
  };
  for (const m of input.mentions) {
    const ev = m.evidence;
    const p = ev.kind === "text" && s.facts?.includes(m.key) ? byId.get(ev.blockId) : undefined;
    if (p && !seen.has(p)) add(p, ev);
  }
  for (const p of input.paragraphs) {
    if (seen.has(p)) continue;
    const ev = s.patterns.map((re) => textEvidence(p, re)).find((e) => e !== undefined);
    if (ev) add(p, ev);
  }
  return out;
}

function statementRules(input: CheckInput, s: RequiredStatement, narrative: boolean): Validation[] {
  const rule = `completeness:statement:${s.id}`;
  const found = stating(input, s);
  if (found.length === 0) {
    const why = narrative ? `the 说明 does not state ${s.name}` : `the document prints no 说明 (tables only): ${s.name} is not stated in it — the 情况说明 is published separately, if at all`;
    const out: Validation[] = [{ rule, status: "fail", message: why, evidence: [] }];
    if (s.reason) out.push({ rule: `${rule}.reason`, status: "skipped", message: `no statement of ${s.name} to give a reason of its change`, evidence: [] });
    return out;
  }
  const out: Validation[] = [{ rule, status: "pass", message: `stated: "${found[0]!.ev.quote}"`, evidence: [found[0]!.ev] }];
  if (s.reason) out.push(reasonRule(input, s, found.map((f) => f.p).filter((p) => !DEFINITION.test(squeeze(p.text)) && (input.spansByBlock.get(p.id) ?? []).some((x) => x.kind === "money"))));
  return out;
}

// How far after a statement its reason may come: "具体变动情况如下：" and then one paragraph per item (昆明).
const REASON_WINDOW = 6;
const PART_HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)/;

/** The reason of a change is in a paragraph that states the figure, or in the few after it (its items). */
function reasonRule(input: CheckInput, s: RequiredStatement, stating: ParagraphBlock[]): Validation {
  const rule = `completeness:statement:${s.id}.reason`;
  if (stating.length === 0) return { rule, status: "skipped", message: `${s.name} is named but no figure of it is stated: no change to explain`, evidence: [] };
  const index = new Map(input.paragraphs.map((p, i) => [p.id, i]));
  for (const p of stating) {
    const i = index.get(p.id)!;
    for (const [j, q] of input.paragraphs.slice(i, i + 1 + REASON_WINDOW).entries()) {
      // The next numbered part (六、经费收支增加的原因) explains something else.
      if (j > 0 && PART_HEADING.test(q.text)) break;
      const ev = textEvidence(q, s.reason!);
      if (ev) return { rule, status: "pass", message: `the change of ${s.name} is explained: "${ev.quote}"`, evidence: [paragraphEvidence(p), ev] };
    }
  }
  return { rule, status: "fail", message: `${s.name} is stated but not why it changed (no 原因 / 持平 in its paragraphs)`, evidence: stating.slice(0, 3).map((p) => paragraphEvidence(p)) };
}

// "九、财政拨款“三公”经费支出表……12", "表5 一般公共预算支出情况表（按功能分类科目）": a numbered table title. Read on
// the text as printed: squeezed, "表5一般…" and "表一收支总表" could not be told apart.
const TOC_ENTRY = /^(?:(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|公开\d*表\d*|表\d+|表[一二三四五六七八九十]+(?=[\s、.．：:]))[\s、.．：:]*)?(.+?表)\s*(?:[（(][^）)]*[）)])?[\s.…·\d]*$/;

/** The catalog kind a table of contents entry names ("九、财政拨款“三公”经费支出表" → three_public). */
export function tocTableKind(text: string): string | undefined {
  const m = TOC_ENTRY.exec(text.replace(/\s+/g, " ").trim());
  if (!m) return undefined;
  const title = squeeze(m[1]!);
  return TABLE_CATALOG.find((s) => s.titles.some((re) => re.test(title)))?.id;
}

function tocRule(input: CheckInput, attachment: Evidence | undefined): Validation | undefined {
  const entries = (input.furniture ?? []).filter((p) => p.role === "toc").map((p) => ({ p, kind: tocTableKind(p.text) })).filter((e) => e.kind !== undefined);
  if (entries.length < 2) return undefined;
  const printed = new Set(input.tables.map((t) => t.kind));
  const missing = entries.filter((e) => !printed.has(e.kind));
  const listed = new Set(entries.map((e) => e.kind));
  const unlisted = input.tables.filter((t) => t.kind && t.kind !== "other" && t.kind !== "performance" && !listed.has(t.kind));
  const evidence: Evidence[] = entries.map((e) => paragraphEvidence(e.p));
  if (missing.length === 0 && unlisted.length === 0) return { rule: "completeness:toc", status: "pass", message: `the table of contents lists ${entries.length} tables, each printed`, evidence };
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`lists ${missing.map((e) => `"${squeeze(e.p.text).replace(/[.…·\d]+$/, "")}"`).join(", ")}, not printed`);
  if (unlisted.length > 0) parts.push(`does not list ${[...new Set(unlisted.map(tableName))].join(", ")}, printed`);
  const pictures = missing.length > 0 && !attachment ? picturesNote(input) : undefined;
  const where = attachment && missing.length > 0 ? ` (the document says its tables are a separate attachment: "${attachment.quote}")` : pictures ? ` (some may be printed as pictures, which were not read: ${pictures.note})` : "";
  return { rule: "completeness:toc", status: "fail", message: `the table of contents ${parts.join("; ")}${where}`, evidence: [...evidence, ...unlisted.map(tableEvidence), ...(attachment ? [attachment] : [])] };
}
