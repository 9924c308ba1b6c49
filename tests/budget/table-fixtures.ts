/**
 * Generated HTML disclosures for the standard-table specs (standard-tables.test.ts, final-account-tables.test.ts): a
 * title line, narrative paragraphs, then each table under its caption and unit line, read end to end by extractBytes.
 */
import { extractBytes } from "../../src/extract.js";
import type { ExtractedDocument, Fact, Fund } from "../../src/model/index.js";

/** The review families (src/budget/checks) judge what a document prints; these specs are about its own arithmetic. */
export const REVIEW = /^(?:completeness|cross|change):/;

export interface TableSpec {
  /** Caption paragraphs printed above the table (each its own <p>); none: a table without a title. */
  caption?: string | string[];
  unit?: string;
  /** Cells as "text|colspan|rowspan". */
  rows: string[][];
}

export const cellHtml = (c: string) => {
  const [text, colspan, rowspan] = c.split("|");
  return `<td${colspan ? ` colspan="${colspan}"` : ""}${rowspan ? ` rowspan="${rowspan}"` : ""}>${text}</td>`;
};

/** A generated HTML disclosure: its title line, narrative paragraphs, then each table under its caption and unit line. */
export function disclosureHtml(title: string, tables: TableSpec[], paragraphs: string[] = []): string {
  const body = tables
    .map((t) => {
      const caption = (t.caption === undefined ? [] : Array.isArray(t.caption) ? t.caption : [t.caption]).map((c) => `<p>${c}</p>`).join("\n");
      const rows = t.rows.map((r) => `<tr>${r.map(cellHtml).join("")}</tr>`).join("\n");
      return `${caption}\n<p>${t.unit ?? "单位：万元"}</p>\n<table border="1">\n${rows}\n</table>`;
    })
    .join("\n");
  const paras = paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<p>${title}</p>\n${paras}\n${body}\n</body></html>`;
}

export const extractHtml = (html: string): Promise<ExtractedDocument> => extractBytes(Buffer.from(html, "utf8"), { path: "fixture.html" });

export const factOf = (doc: ExtractedDocument, key: string, fund: Fund = "all"): Fact | undefined => doc.facts.find((f) => f.key === key && f.fund === fund);
export const yuanOf = (doc: ExtractedDocument, key: string, fund: Fund = "all") => factOf(doc, key, fund)?.yuan;
export const rule = (doc: ExtractedDocument, name: string) => doc.validations.find((v) => v.rule === name);
/** key@fund → yuan of every fact, for exact comparisons of everything a table states. */
export const factMap = (doc: ExtractedDocument) => Object.fromEntries(doc.facts.map((f) => [f.fund === "all" ? f.key : `${f.key}@${f.fund}`, f.yuan]));
