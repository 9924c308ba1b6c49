import type { Evidence, Meta, ParagraphBlock } from "../model/index.js";
import { findDocumentTitle, YEAR_KIND } from "../structure/title.js";

const REGION = /^(.{1,12}?(?:省|自治区|市|自治州|地区|盟|区|县|旗|镇|乡|街道))(?=.)/;

/**
 * Reads meta from the document's title (structure/title.ts): "<entity>\n2020年部门预算信息公开情况说明" or
 * "<entity>2020年度部门决算"; the container's title (HTML <title>) when the body has none.
 */
export function readMeta(paragraphs: ParagraphBlock[], containerTitle?: string, captions: readonly ParagraphBlock[] = []): Meta {
  const meta: Meta = { evidence: {} };
  const ev = (p: ParagraphBlock, start: number, end: number): Evidence => ({ kind: "text", blockId: p.id, start, end, quote: p.text.slice(start, end) });
  const found = findDocumentTitle(paragraphs);
  const title = found?.title;
  const entityLine = found?.entityLine;
  if (title) {
    const m = YEAR_KIND.exec(title.text)!;
    meta.title = entityLine ? `${entityLine.text}${title.text}` : title.text;
    meta.evidence.title = ev(title, 0, title.text.length);
    meta.fiscalYear = Number(m[1]);
    meta.evidence.fiscalYear = ev(title, m.index, m.index + m[1]!.length + 1);
    meta.docKind = m[2] === "决算" ? "final_account" : "budget";
    const kindAt = m.index + m[0].length - 2;
    meta.evidence.docKind = ev(title, kindAt, kindAt + 2);
    const scope = /(部门|单位)\s*(?:整体)?\s*(?:预算|决算)/.exec(title.text);
    if (scope) {
      meta.scope = scope[1] === "单位" ? "unit" : "department";
      meta.evidence.scope = ev(title, scope.index, scope.index + scope[0].length);
    }
    if (entityLine) {
      meta.entity = entityLine.text.trim();
      meta.evidence.entity = ev(entityLine, 0, entityLine.text.length);
    } else if (m.index > 0) {
      const lead = /^(?:关于|有关)/.exec(title.text)?.[0].length ?? 0;
      const name = title.text.slice(lead, m.index).replace(/[\s“”"（(的]+$/, "").trim();
      if (name) {
        meta.entity = name;
        meta.evidence.entity = ev(title, lead, lead + name.length);
      }
    }
    if (meta.entity) {
      const r = REGION.exec(meta.entity);
      if (r && meta.evidence.entity?.kind === "text") {
        meta.region = r[1]!;
        const e = meta.evidence.entity;
        meta.evidence.region = { ...e, end: e.start + r[1]!.length, quote: r[1]! };
      }
    }
  } else if (containerTitle) {
    meta.title = containerTitle;
    const m = YEAR_KIND.exec(containerTitle);
    if (m) {
      meta.fiscalYear = Number(m[1]);
      meta.docKind = m[2] === "决算" ? "final_account" : "budget";
    }
  }
  if (!title) fromCaptions(meta, captions, ev);
  return meta;
}

const PUBLISHER = /^(?:部门|编制单位|编制部门|预算单位|单位名称|填报单位)\s*[：:；;]\s*(\S.{1,40}?)\s*$/;

/**
 * Table-only editions (江苏 "公开表格" PDFs) print no title: the year comes from the first table title that names one
 * ("2019年政府采购预算表"), the entity from the publisher line above the tables ("部门：江苏省人大常委会办公厅").
 */
function fromCaptions(meta: Meta, captions: readonly ParagraphBlock[], ev: (p: ParagraphBlock, start: number, end: number) => Evidence): void {
  for (const p of captions) {
    const m = YEAR_KIND.exec(p.text);
    if (m && meta.fiscalYear === undefined) {
      meta.fiscalYear = Number(m[1]);
      meta.evidence.fiscalYear = ev(p, m.index, m.index + m[1]!.length + 1);
      meta.docKind = m[2] === "决算" ? "final_account" : "budget";
      const kindAt = m.index + m[0].length - 2;
      meta.evidence.docKind = ev(p, kindAt, kindAt + 2);
    }
    const e = PUBLISHER.exec(p.text.trim());
    if (e && meta.entity === undefined) {
      const start = p.text.indexOf(e[1]!);
      meta.entity = e[1]!;
      meta.evidence.entity = ev(p, start, start + e[1]!.length);
    }
  }
}
