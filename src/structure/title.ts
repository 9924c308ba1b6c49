import type { ParagraphBlock } from "../model/index.js";
import { parseLabel } from "./sections/numbering.js";

/** "2020年部门预算", "2015年度部门预算公开", "2016年决算公开": a year naming a budget or final account. */
export const YEAR_KIND = /((?:19|20)\d{2})\s*年\s*度?[^。，；]{0,12}?(预算|决算)/;

export interface DocumentTitle {
  title: ParagraphBlock;
  /** "栾城区委网信办" printed on its own line above a title that starts with the year. */
  entityLine?: ParagraphBlock;
}

/**
 * The document's title: among the first body paragraphs, before any numbered heading, the first short one naming a
 * year and 预算/决算. It is the document's name, not a section that wraps every other heading.
 */
export function findDocumentTitle(paragraphs: ParagraphBlock[]): DocumentTitle | null {
  const head: ParagraphBlock[] = [];
  for (const p of paragraphs) {
    if (p.role && p.role !== "body") continue;
    if (head.length >= 8 || parseLabel(p.text)) break;
    head.push(p);
  }
  const i = head.findIndex((p) => p.text.length <= 80 && YEAR_KIND.test(p.text));
  if (i < 0) return null;
  const title = head[i]!;
  const prev = head[i - 1];
  const startsWithYear = YEAR_KIND.exec(title.text)!.index === 0;
  const entityLine = startsWithYear && prev && prev.text.length <= 40 && !/[。，,：:]/.test(prev.text) ? prev : undefined;
  return entityLine ? { title, entityLine } : { title };
}
