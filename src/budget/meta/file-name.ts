/** The file name: the last resort for a field the document does not print. */
import type { MetaEvidence } from "../../model/index.js";
import { parseTitle } from "../../structure/title.js";
import type { Candidate } from "./candidates.js";
import { cleanName, isName, nameKey } from "./names.js";

/**
 * Year, scope and entity from the file name's parts ("江苏省委办公厅_江苏省委办公厅2019年度部门预算公开表格.pdf"),
 * the part that reads as a title. Crawlers name files after the site's menu, so the name is trusted for nothing the
 * document prints; the kind is never taken from it (a document that prints no 预算/决算 is not a disclosure).
 */
export function fileNameCandidates(path: string): Candidate[] {
  const base = path.split(/[\\/]/).pop() ?? "";
  const stem = base.replace(/(?:\.[A-Za-z0-9]{1,5})+$/, "");
  for (const part of stem.split(/[_\s]+/).reverse()) {
    const t = parseTitle(part);
    if (!t) continue;
    const out: Candidate[] = [];
    const evidence: MetaEvidence = { kind: "file_name", source: "file_name", quote: part };
    const add = (field: Candidate["field"], value: string | number) =>
      out.push({ field, value, key: field === "entity" ? nameKey(String(value)) : String(value), weight: 1, order: 0, evidence });
    if (t.year) add("fiscalYear", t.year.value);
    if (t.scope) add("scope", t.scope.value);
    if (t.name && isName(t.name.text, true)) add("entity", cleanName(t.name.text));
    return out;
  }
  return [];
}
