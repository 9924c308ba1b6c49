import type { ParagraphBlock } from "../../model/index.js";
import { parseLabel } from "./numbering.js";

const TOC_TITLE = /^目\s*录$/;
// Dot leaders or a trailing page number after spaces/tab: "一、部门职责……1", "收支总表 .......... 5"
const TOC_ENTRY = /(?:[.．·…‥_—-]{3,}|…{1,}|\t)\s*\d{1,3}\s*$/;

const norm = (s: string) => s.replace(/[\s\u3000.．·…‥_—-]+/g, "").replace(/\d+$/, "");

/**
 * Ids of a typed table of contents: the "目录" title and the entries after it. An entry has dot leaders and a page
 * number, or is a short line whose text appears again later in the document (the real heading).
 */
export function findTypedToc(paragraphs: ParagraphBlock[]): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < paragraphs.length; i++) {
    if (!TOC_TITLE.test(paragraphs[i]!.text.trim())) continue;
    ids.add(paragraphs[i]!.id);
    const later = (from: number) => new Set(paragraphs.slice(from).map((p) => norm(p.text)));
    let rest: Set<string> | null = null;
    let j = i + 1;
    for (; j < paragraphs.length; j++) {
      const p = paragraphs[j]!;
      const t = p.text.trim();
      if (TOC_ENTRY.test(t)) {
        ids.add(p.id);
        continue;
      }
      rest ??= later(j + 1);
      if (t.length <= 40 && rest.has(norm(t))) {
        ids.add(p.id);
        continue;
      }
      break;
    }
    i = j - 1;
  }
  return ids;
}

const MIN_OUTLINE_RUN = 6;

/**
 * A table of contents printed without a "目录" title: a run of short numbered lines with no text between them,
 * after which the document starts its outline again (a line of the run reappears as a heading below it).
 */
export function findUntitledToc(paragraphs: ParagraphBlock[]): Set<string> {
  const ids = new Set<string>();
  const headingLike = (p: ParagraphBlock) => p.text.trim().length <= 40 && parseLabel(p.text.trim()) !== null;
  for (let i = 0; i < paragraphs.length; i++) {
    if (!headingLike(paragraphs[i]!)) continue;
    let j = i;
    while (j < paragraphs.length && headingLike(paragraphs[j]!)) j++;
    if (j - i >= MIN_OUTLINE_RUN) {
      const run = new Set(paragraphs.slice(i, j).map((p) => norm(p.text)));
      // The first numbered line after the run (within a few lines) restarts the outline.
      const next = paragraphs.slice(j, j + 4).find(headingLike);
      if (next && run.has(norm(next.text))) for (const p of paragraphs.slice(i, j)) ids.add(p.id);
    }
    i = j;
  }
  return ids;
}
