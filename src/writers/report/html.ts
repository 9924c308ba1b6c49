/**
 * The spot-check report: one self-contained HTML page (inline CSS, no network, works from file://) that shows what
 * was read from one document and links every fact and check to the text span or table cell it came from.
 */
import { createHash } from "node:crypto";
import type { Block, Evidence, ExtractedDocument, Section, Table, Validation } from "../../model/index.js";
import { AnchorIndex, blockAnchor, sectionAnchor, tableAnchor } from "./anchors.js";
import { REPORT_CSS, REPORT_JS } from "./assets.js";
import { escapeHtml } from "./escape.js";
import { formatFactValue, formatYuan, groupThousands } from "./format.js";
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

function evidenceLink(anchors: AnchorIndex, ev: Evidence, label?: string): string {
  const where = ev.kind === "text" ? ev.blockId : `${ev.tableId} r${ev.row} c${ev.col}`;
  const text = escapeHtml(label ?? ev.quote);
  const target = anchors.targetOf(ev);
  if (!target) return `<span class="missing" title="${escapeHtml(`${where}: not in this document`)}">${text}</span>`;
  return `<a href="#${target}" title="${escapeHtml(where)}">${text}</a>`;
}

function evidenceLinks(anchors: AnchorIndex, evidence: readonly Evidence[], numbered: boolean): string {
  if (evidence.length === 0) return `<span class="empty">—</span>`;
  return `<span class="ev-links">${evidence
    .map((ev, i) => evidenceLink(anchors, ev, numbered ? `${i + 1}. ${ev.quote}` : undefined))
    .join("")}</span>`;
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

function renderNav(doc: ExtractedDocument, failed: number): string {
  const all = flattenSections(doc.sections);
  return `<nav class="toc" aria-label="目录 Contents">
<h2>报告 Report</h2>
<ul class="parts">
<li><a href="#validations">核对 Checks${failed > 0 ? ` <span class="bad">${failed} 未通过 failed</span>` : ` (${doc.validations.length})`}</a>${navFamilies(doc)}</li>
<li><a href="#facts">事实 Facts (${doc.facts.length})</a></li>
<li><a href="#warnings">警告 Warnings (${doc.warnings.length})</a></li>
<li><a href="#text">正文 Text</a></li>
</ul>
<h2>章节 Sections (${all.length})</h2>
<div class="sections">${navSections(doc.sections) || `<p class="empty">（无 none）</p>`}</div>
<h2>表格 Tables (${doc.tables.length})</h2>
<ul class="tables">${doc.tables.map((t) => `<li><a href="#${tableAnchor(t.id)}">${escapeHtml(tableCaption(t))}</a></li>`).join("")}</ul>
</nav>`;
}

function renderHeader(doc: ExtractedDocument, anchors: AnchorIndex): string {
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
    rows.push([field, `${escapeHtml(String(value))}${ev ? ` <span class="ev-links">← ${ev.kind === "file_name" ? "file name" : evidenceLink(anchors, ev)}</span>` : ""}`]);
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

function validationRow(v: Validation, anchors: AnchorIndex): string {
  return `<tr class="check status-${v.status}">
<td class="status ${v.status}">${v.status === "fail" ? "✗ 未通过 fail" : v.status === "pass" ? "✓ pass" : "– skipped"}</td>
<td><code>${escapeHtml(v.rule)}</code>${v.message ? `<br><span class="msg">${escapeHtml(v.message)}</span>` : ""}</td>
<td class="num eq">${money(v.expected)}</td><td class="num eq">${money(v.actual)}</td>
<td class="num">${money(v.difference)}</td><td class="num">${money(v.tolerance)}</td>
<td>${evidenceLinks(anchors, v.evidence, true)}</td></tr>`;
}

/** Checks grouped by family (the rule's prefix): a heading row with the family's counts, failures first within it. */
function renderValidations(doc: ExtractedDocument, anchors: AnchorIndex): string {
  if (doc.validations.length === 0) return `<section id="validations" class="part"><h2>核对 Checks</h2><p class="empty">没有可核对的等式 no checks ran.</p></section>`;
  const groups = groupValidations(doc.validations).map((g) => {
    const title = FAMILY_TITLES[g.family] ?? g.family;
    const counts = `${g.failed} 未通过 failed · ${g.items.length} checks`;
    return `<tbody class="family" id="checks-${escapeHtml(g.family)}" data-family="${escapeHtml(g.family)}"><tr class="family-head"><th colspan="7"><code>${escapeHtml(g.family)}:</code> ${escapeHtml(title)} <span class="${g.failed > 0 ? "bad" : "muted"}">${counts}</span></th></tr>
${orderValidations(g.items).map((v) => validationRow(v, anchors)).join("")}</tbody>`;
  });
  return `<section id="validations" class="part"><h2>核对 Checks</h2>
<p class="filter" hidden><label><input type="checkbox" id="checks-failed-only"> 只看未通过 failed only</label></p>
<table class="list"><thead><tr><th>结果 status</th><th>规则 rule</th><th>应为 expected</th><th>实为 actual</th><th>差额 difference</th><th>容差 tolerance</th><th>各项证据 evidence of each term</th></tr></thead>
${groups.join("\n")}</table></section>`;
}

function renderFacts(doc: ExtractedDocument, anchors: AnchorIndex): string {
  if (doc.facts.length === 0) return `<section id="facts" class="part"><h2>事实 Facts</h2><p class="empty">未识别出事实 no facts recognized.</p></section>`;
  const rows = doc.facts.map((f, i) => {
    const first = f.evidence[0];
    const target = first ? anchors.targetOf(first) : null;
    const key = escapeHtml(f.key);
    return `<tr id="fact-${i}"><td>${target ? `<a class="fact-link" href="#${target}">${key}</a>` : key}</td>
<td>${escapeHtml(f.name ?? "")}</td><td>${escapeHtml(f.fund)}</td><td>${escapeHtml(f.basis ?? "")}</td>
<td class="num">${escapeHtml(formatFactValue(f))}</td>
<td>${escapeHtml(f.raw)}</td><td>${evidenceLinks(anchors, f.evidence, false)}</td></tr>`;
  });
  return `<section id="facts" class="part"><h2>事实 Facts</h2>
<p class="filter" hidden><label>筛选 filter <input type="search" id="fact-filter" placeholder="income / 三公 …"></label></p>
<table class="list"><thead><tr><th>键 key</th><th>名称 name</th><th>资金 fund</th><th>口径 basis</th><th>值 value</th><th>原文 printed</th><th>证据 evidence</th></tr></thead>
<tbody>${rows.join("")}</tbody></table></section>`;
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

function renderBlocks(doc: ExtractedDocument, anchors: AnchorIndex): string {
  const sectionOfBlock = new Map(flattenSections(doc.sections).map((s) => [s.blockId, s]));
  const tableOf = (b: Extract<Block, { type: "table" }>) => doc.tables.find((t) => t.id === b.tableId) ?? doc.tables.find((t) => t.blockIds.includes(b.id));
  const rendered = new Set<string>();
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === "table") {
      const table = tableOf(b);
      if (table && !rendered.has(table.id)) {
        rendered.add(table.id);
        out.push(renderTable(table, doc.amounts));
      } else if (!table) {
        out.push(`<p id="${blockAnchor(b.id)}" class="role" data-role="table">${escapeHtml(b.id)}: 表格未解析 table not built</p>`);
      }
      continue;
    }
    const text = renderMarkedText(b.text, anchors.marksFor(b.id));
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
  if (rest.length > 0) out.push(`<h2 class="heading">其他表格 Other tables</h2>`, ...rest.map((t) => renderTable(t, doc.amounts)));
  return `<section id="text" class="part doc-text"><h2>正文 Text</h2>${out.join("\n")}</section>`;
}

/** Renders the report for one extracted document as a complete HTML page. */
export function renderReportHtml(doc: ExtractedDocument): string {
  const anchors = new AnchorIndex(doc);
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
${renderNav(doc, failed)}
<main>
${renderHeader(doc, anchors)}
${renderValidations(doc, anchors)}
${renderFacts(doc, anchors)}
${renderWarnings(doc)}
${renderBlocks(doc, anchors)}
</main>
</div>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
