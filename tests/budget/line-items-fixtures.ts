/** Generated HTML disclosures for the line-item tests: a title, then each table under its caption and unit line. */
import { extractBytes } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";

export interface FixtureTable {
  caption: string;
  /** The unit line printed under the caption; 单位：万元 when not given. */
  unit?: string;
  /** Cell texts; "text|colspan|rowspan" for merged cells. */
  rows: string[][];
}

function disclosureHtml(title: string, tables: readonly FixtureTable[]): string {
  const cell = (c: string) => {
    const [text, colspan, rowspan] = c.split("|");
    return `<td${colspan ? ` colspan="${colspan}"` : ""}${rowspan ? ` rowspan="${rowspan}"` : ""}>${text}</td>`;
  };
  const body = tables
    .map((t) => `<p>${t.caption}</p>\n<p>${t.unit ?? "单位：万元"}</p>\n<table border="1">\n${t.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}\n</table>`)
    .join("\n");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<p>${title}</p>\n${body}\n</body></html>`;
}

/** A disclosure of these tables, extracted. */
export const extractTables = (title: string, tables: readonly FixtureTable[]): Promise<ExtractedDocument> =>
  extractBytes(Buffer.from(disclosureHtml(title, tables), "utf8"), { path: "fixture.html" });
