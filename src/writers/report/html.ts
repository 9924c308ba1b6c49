/**
 * The spot-check report: one self-contained HTML page (inline CSS, no network, works from file://) that shows what
 * was read from one document and links every fact and check to the text span or table cell it came from.
 */
import { createHash } from "node:crypto";
import type { Block, Evidence, ExtractedDocument, Section, Table, Validation } from "../../model/index.js";
import { AnchorIndex, blockAnchor, sectionAnchor, tableAnchor } from "./anchors.js";
import { BoxIndex } from "./boxes.js";
import type { PageImage } from "./page-images.js";
import { pageAnchor, renderPages, toPageLink } from "./pages-html.js";
import { REPORT_CSS, REPORT_JS } from "./assets.js";
import { escapeHtml } from "./escape.js";
import { formatCheckValue, formatFactValue, formatYuan, groupThousands } from "./format.js";
import { renderMarkedText } from "./marks.js";
import { renderTable } from "./table.js";
import { FAMILY_TITLES, groupValidations } from "./families.js";

const STATUS_ORDER: Record<Validation["status"], number> = { fail: 0, skipped: 1, pass: 2 };
const META_FIELDS = ["title", "fiscalYear", "docKind", "scope", "entity", "region"] as const;

export function flattenSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.children)]);
}

/** Checks in report order: failures first, then skipped, then passes; stable within each group. */
export function orderValidations(validations: readonly Validation[]): Validation[] {
  return validations
    .map((v, i) => ({ v, i }))
    .sort((a, b) => STATUS_ORDER[a.v.status] - STATUS_ORDER[b.v.status] || a.i - b.i)
    .map(({ v }) => v);
}

/** What every part of the page needs: the anchors of the reconstruction, and the boxes of the shown pages. */
interface Ctx {
  anchors: AnchorIndex;
  boxes: BoxIndex;
}

export interface ReportOptions {
  /** PDF page images to show (writers/report/page-images.ts); evidence on them links to its box. */
  pages?: readonly PageImage[];
  /** The PDF's page count, for the pages heading ("3 / 16"). */
  pageCount?: number;
}

/** Longest quote a link shows whole; a longer one (a sentence quoted as a check's term) is cut, whole in its title. */
const LINK_QUOTE_CHARS = 40;

function shortQuote(quote: string): string {
  const chars = [...quote];
  return chars.length <= LINK_QUOTE_CHARS ? quote : `${chars.slice(0, LINK_QUOTE_CHARS - 1).join("")}…`;
}

/** A link to the evidence's box on its page when that page is shown, else to the reconstructed mark or cell. */
function evidenceLink(ctx: Ctx, ev: Evidence, label?: string): string {
  const short = shortQuote(ev.quote);
  const where = `${ev.kind === "text" ? ev.blockId : `${ev.tableId} r${ev.row} c${ev.col}`}${short === ev.quote ? "" : `: ${ev.quote}`}`;
  const text = escapeHtml(label ?? short);
  const box = ctx.boxes.boxOf(ev);
  if (box) return `<a href="#${box.id}" data-boxes="${box.id}" title="${escapeHtml(`${where} · 第 ${box.page} 页 page ${box.page}`)}">${text}</a>`;
  const target = ctx.anchors.targetOf(ev);
  if (!target) return `<span class="missing" title="${escapeHtml(`${where}: not in this document`)}">${text}</span>`;
  return `<a href="#${target}" title="${escapeHtml(where)}">${text}</a>`;
}

function evidenceLinks(ctx: Ctx, evidence: readonly Evidence[], numbered: boolean): string {
  if (evidence.length === 0) return `<span class="empty">—</span>`;
  return `<span class="ev-links">${evidence
    .map((ev, i) => evidenceLink(ctx, ev, numbered ? `${i + 1}. ${shortQuote(ev.quote)}` : undefined))
    // A space between links, so a row of them wraps between links first (a wide row overflowed a laptop screen).
    .join(" ")}</span>`;
}

function navSections(sections: readonly Section[]): string {
  if (sections.length === 0) return "";
  return `<ol>${sections
    .map(
      (s) =>
        `<li><a href="#${sectionAnchor(s)}">${s.label ? `<span class="label">${escapeHtml(s.label)}</span>` : ""}${escapeHtml(s.title)}</a>${navSections(s.children)}</li>`,
    )
    .join("")}</ol>`;
}

function tableCaption(t: Table): string {
  return [t.number, t.title].filter((x): x is string => !!x).filter((x, i, a) => a.indexOf(x) === i).join(" ") || t.id;
}

function navFamilies(doc: ExtractedDocument): string {
  const groups = groupValidations(doc.validations);
  if (groups.length === 0) return "";
  return `<ul class="families">${groups.map((g) => `<li><a href="#checks-${escapeHtml(g.family)}">${escapeHtml(g.family)}${g.failed > 0 ? ` <span class="bad">${g.failed}</span>` : ` (${g.items.length})`}</a></li>`).join("")}</ul>`;
}

function navPages(images: readonly PageImage[]): string {
  if (images.length === 0) return "";
  return `<li><a href="#pages">页面 Pages (${images.length})</a><p class="page-links">${images.map((i) => `<a href="#${pageAnchor(i.page)}">${i.page}</a>`).join(" ")}</p></li>`;
}

function renderNav(doc: ExtractedDocument, failed: number, images: readonly PageImage[]): string {
  const all = flattenSections(doc.sections);
  return `<nav class="toc" aria-label="目录 Contents">
<h2>报告 Report</h2>
<ul class="parts">
<li><a href="#validations">核对 Checks${failed > 0 ? ` <span class="bad">${failed} 未通过 failed</span>` : ` (${doc.validations.length})`}</a>${navFamilies(doc)}</li>
<li><a href="#facts">事实 Facts (${doc.facts.length})</a></li>
<li><a href="#line-items">明细 Line items (${doc.lineItems.length})</a></li>
<li><a href="#warnings">警告 Warnings (${doc.warnings.length})</a></li>
${navPages(images)}
<li><a href="#text">正文 Text</a></li>
</ul>
<h2>章节 Sections (${all.length})</h2>
<div class="sections">${navSections(doc.sections) || `<p class="empty">（无 none）</p>`}</div>
<h2>表格 Tables (${doc.tables.length})</h2>
<ul class="tables">${doc.tables.map((t) => `<li><a href="#${tableAnchor(t.id)}">${escapeHtml(tableCaption(t))}</a></li>`).join("")}</ul>
</nav>`;
}

function renderHeader(doc: ExtractedDocument, ctx: Ctx): string {
  const m = doc.meta;
  const rows: [string, string][] = [
    ["来源 source", escapeHtml(doc.source.path)],
    ["格式 format", escapeHtml([doc.source.format, doc.source.encoding].filter(Boolean).join(", "))],
    ["大小 size", `${groupThousands(String(doc.source.bytes))} bytes · sha256 <code>${doc.source.sha256.slice(0, 16)}…</code>`],
  ];
  for (const field of META_FIELDS) {
    const value = m[field];
    if (value === undefined) continue;
    const ev = m.evidence[field];
    rows.push([field, `${escapeHtml(String(value))}${ev ? ` <span class="ev-links">← ${ev.kind === "file_name" ? "file name" : evidenceLink(ctx, ev)}</span>` : ""}`]);
  }
  rows.push(["版本 version", `parser ${escapeHtml(doc.parserVersion)} · schema ${escapeHtml(doc.schemaVersion)}`]);
  const title = m.title ?? doc.source.path.split(/[\\/]/).pop() ?? doc.source.path;
  return `<header class="doc"><h1>${escapeHtml(title)}</h1><dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl></header>`;
}

function money(value: string | undefined): string {
  return value === undefined ? "—" : escapeHtml(formatYuan(value));
}

/** The checks in the order the report shows them: by family (families in order), failures first within each. */
export function reportOrder(validations: readonly Validation[]): Validation[] {
  return groupValidations(validations).flatMap((g) => orderValidations(g.items));
}

function validationRow(v: Validation, ctx: Ctx): string {
  const value = (x: string | undefined) => (x === undefined ? "—" : escapeHtml(formatCheckValue(v.rule, x)));
  return `<tr class="check status-${v.status}">
<td class="status ${v.status}">${v.status === "fail" ? "✗ 未通过 fail" : v.status === "pass" ? "✓ pass" : "– skipped"}</td>
<td><code>${escapeHtml(v.rule)}</code>${v.message ? `<br><span class="msg">${escapeHtml(v.message)}</span>` : ""}</td>
<td class="num eq">${value(v.expected)}</td><td class="num eq">${value(v.actual)}</td>
<td class="num">${value(v.difference)}</td><td class="num">${value(v.tolerance)}</td>
<td>${evidenceLinks(ctx, v.evidence, true)}</td></tr>`;
}

/** Checks grouped by family (the rule's prefix): a heading row with the family's counts, failures first within it. */
function renderValidations(doc: ExtractedDocument, ctx: Ctx): string {
  if (doc.validations.length === 0) return `<section id="validations" class="part"><h2>核对 Checks</h2><p class="empty">没有可核对的等式 no checks ran.</p></section>`;
  const groups = groupValidations(doc.validations).map((g) => {
    const title = FAMILY_TITLES[g.family] ?? g.family;
    const counts = `${g.failed} 未通过 failed · ${g.items.length} checks`;
    return `<tbody class="family" id="checks-${escapeHtml(g.family)}" data-family="${escapeHtml(g.family)}"><tr class="family-head"><th colspan="7"><code>${escapeHtml(g.family)}:</code> ${escapeHtml(title)} <span class="${g.failed > 0 ? "bad" : "muted"}">${counts}</span></th></tr>
${orderValidations(g.items).map((v) => validationRow(v, ctx)).join("")}</tbody>`;
  });
  return `<section id="validations" class="part"><h2>核对 Checks</h2>
<p class="filter" hidden><label><input type="checkbox" id="checks-failed-only"> 只看未通过 failed only</label></p>
<table class="list"><thead><tr><th>结果 status</th><th>规则 rule</th><th>应为 expected</th><th>实为 actual</th><th>差额 difference</th><th>容差 tolerance</th><th>各项证据 evidence of each term</th></tr></thead>
${groups.join("\n")}</table></section>`;
}

/**
 * The link of a fact's or line item's name: to the first box of its evidence on a shown page (data-boxes lists all
 * of them, for the script to highlight), else to the reconstructed mark or cell of its first evidence.
 */
function citedLink(ctx: Ctx, evidence: readonly Evidence[], cls: string, text: string): string {
  const boxes = [...new Set(evidence.map((ev) => ctx.boxes.boxOf(ev)?.id).filter((id): id is string => !!id))];
  const first = evidence[0];
  const target = boxes[0] ?? (first ? ctx.anchors.targetOf(first) : null);
  if (!target) return text;
  return `<a class="${cls}" href="#${target}"${boxes.length > 0 ? ` data-boxes="${boxes.join(" ")}"` : ""}>${text}</a>`;
}

function renderFacts(doc: ExtractedDocument, ctx: Ctx): string {
  if (doc.facts.length === 0) return `<section id="facts" class="part"><h2>事实 Facts</h2><p class="empty">未识别出事实 no facts recognized.</p></section>`;
  const rows = doc.facts.map((f, i) => {
    return `<tr id="fact-${i}"><td class="key">${citedLink(ctx, f.evidence, "fact-link", escapeHtml(f.key))}</td>
<td>${escapeHtml(f.name ?? "")}</td><td>${escapeHtml(f.fund)}</td><td>${escapeHtml(f.basis ?? "")}</td>
<td class="num">${escapeHtml(formatFactValue(f))}</td>
<td class="printed">${escapeHtml(f.raw)}</td><td class="evidence">${evidenceLinks(ctx, f.evidence, false)}</td></tr>`;
  });
  return `<section id="facts" class="part"><h2>事实 Facts</h2>
<p class="filter" hidden><label>筛选 filter <input type="search" id="fact-filter" placeholder="income / 三公 …"></label></p>
<table class="list facts"><thead><tr><th>键 key</th><th>名称 name</th><th>资金 fund</th><th>口径 basis</th><th>值 value</th><th>原文 printed</th><th>证据 evidence</th></tr></thead>
<tbody>${rows.join("")}</tbody></table></section>`;
}

/** Line items in a closed <details> (a budget prints hundreds): each row links to its cell's box or cell. */
function renderLineItems(doc: ExtractedDocument, ctx: Ctx): string {
  const head = `<section id="line-items" class="part"><h2>明细 Line items</h2>`;
  if (doc.lineItems.length === 0) return `${head}<p class="empty">无 none.</p></section>`;
  const rows = doc.lineItems.map((item, i) => `<tr id="item-${i}"><td>${escapeHtml(item.tableId)}</td><td>${escapeHtml(item.code ?? "—")}</td>
<td>${citedLink(ctx, [item.evidence], "item-link", escapeHtml(item.name))}</td><td>${escapeHtml(item.level)}</td><td>${escapeHtml(item.measure)}</td><td>${escapeHtml(item.fund)}</td>
<td class="num">${money(item.yuan)}</td><td class="evidence">${evidenceLinks(ctx, [item.evidence], false)}</td></tr>`);
  return `${head}<details><summary>${doc.lineItems.length} 项 items (表 table, 科目编码 code, 名称 name, 级次 level, 列 column, 资金 fund, 金额 amount)</summary>
<table class="list items"><thead><tr><th>表 table</th><th>编码 code</th><th>名称 name</th><th>级次 level</th><th>列 column</th><th>资金 fund</th><th>金额 amount</th><th>证据 evidence</th></tr></thead>
<tbody>${rows.join("")}</tbody></table></details></section>`;
}

/** Where a block is shown: its paragraph, or the table built from it (table blocks have no element of their own). */
function blockTarget(doc: ExtractedDocument, blockId: string): string | null {
  const block = doc.blocks.find((b) => b.id === blockId);
  if (!block) return null;
  if (block.type === "paragraph") return blockAnchor(blockId);
  const table = doc.tables.find((t) => t.id === block.tableId) ?? doc.tables.find((t) => t.blockIds.includes(blockId));
  return table ? tableAnchor(table.id) : blockAnchor(blockId);
}

function renderWarnings(doc: ExtractedDocument): string {
  const items = doc.warnings.map((w) => {
    const target = w.blockId ? blockTarget(doc, w.blockId) : null;
    const where = w.blockId ? (target ? ` <a href="#${target}">${escapeHtml(w.blockId)}</a>` : ` (${escapeHtml(w.blockId)})`) : "";
    return `<li><code>${escapeHtml(w.code)}</code> ${escapeHtml(w.message)}${where}</li>`;
  });
  return `<section id="warnings" class="part"><h2>警告 Warnings</h2>${items.length ? `<ul>${items.join("")}</ul>` : `<p class="empty">无 none.</p>`}</section>`;
}

function renderBlocks(doc: ExtractedDocument, ctx: Ctx): string {
  const { anchors } = ctx;
  const pageLinkOf = (elementId: string) => toPageLink(ctx.boxes.boxOfTarget(elementId));
  const sectionOfBlock = new Map(flattenSections(doc.sections).map((s) => [s.blockId, s]));
  const tableOf = (b: Extract<Block, { type: "table" }>) => doc.tables.find((t) => t.id === b.tableId) ?? doc.tables.find((t) => t.blockIds.includes(b.id));
  const rendered = new Set<string>();
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === "table") {
      const table = tableOf(b);
      if (table && !rendered.has(table.id)) {
        rendered.add(table.id);
        out.push(renderTable(table, doc.amounts, pageLinkOf));
      } else if (!table) {
        out.push(`<p id="${blockAnchor(b.id)}" class="role" data-role="table">${escapeHtml(b.id)}: 表格未解析 table not built</p>`);
      }
      continue;
    }
    const text = renderMarkedText(b.text, anchors.marksFor(b.id), pageLinkOf);
    const section = sectionOfBlock.get(b.id);
    if (section) {
      const h = Math.min(6, section.level + 1);
      out.push(`<h${h} class="heading" id="${sectionAnchor(section)}"><span id="${blockAnchor(b.id)}">${text}</span></h${h}>`);
    } else if (b.role && b.role !== "body") {
      out.push(`<p id="${blockAnchor(b.id)}" class="role" data-role="${escapeHtml(b.role)}">${text}</p>`);
    } else {
      out.push(`<p id="${blockAnchor(b.id)}">${text}</p>`);
    }
  }
  // Tables no block points to (should not happen, but never hide what was read).
  const rest = doc.tables.filter((t) => !rendered.has(t.id));
  if (rest.length > 0) out.push(`<h2 class="heading">其他表格 Other tables</h2>`, ...rest.map((t) => renderTable(t, doc.amounts, pageLinkOf)));
  return `<section id="text" class="part doc-text"><h2>正文 Text</h2>${out.join("\n")}</section>`;
}

/** Renders the report for one extracted document as a complete HTML page. */
export function renderReportHtml(doc: ExtractedDocument, options: ReportOptions = {}): string {
  const anchors = new AnchorIndex(doc);
  const images = options.pages ?? [];
  const ctx: Ctx = { anchors, boxes: new BoxIndex(doc, anchors, new Set(images.map((i) => i.page))) };
  const failed = doc.validations.filter((v) => v.status === "fail").length;
  // Only this exact script may run: if escaping ever missed, injected markup still could not execute.
  const scriptHash = createHash("sha256").update(REPORT_JS).digest("base64");
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'`;
  const title = doc.meta.title ?? doc.source.path.split(/[\\/]/).pop() ?? "report";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="disclosure-extract ${escapeHtml(doc.parserVersion)}">
<title>${escapeHtml(title)} — disclosure-extract</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<div class="layout">
${renderNav(doc, failed, images)}
<main>
${renderHeader(doc, ctx)}
${renderValidations(doc, ctx)}
${renderFacts(doc, ctx)}
${renderLineItems(doc, ctx)}
${renderWarnings(doc)}
${renderPages(images, ctx.boxes, options.pageCount)}
${renderBlocks(doc, ctx)}
</main>
</div>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
