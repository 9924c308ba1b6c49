/**
 * The paragraphs around a table that name it: title ("收支总体情况表"), official number ("公开01表"),
 * unit line ("金额单位：元"), and 续表 markers. Walks up from the table over at most a few short lines.
 */
import type { ParagraphBlock } from "../../model/blocks.js";
import type { MoneyUnit } from "../../model/table.js";
import { CONTINUATION, ENUMERATOR, TABLE_NUMBER, TITLE_ENDING, compact, tidy } from "./text.js";
import { findDeclaredUnit } from "./units.js";

export interface CaptionInfo {
  title: string | null;
  number: string | null;
  unit: MoneyUnit | null;
  continuation: boolean;
  /** The 编制单位/部门名称 line above the table, whitespace removed: a table reprinted per unit differs only here. */
  publisher: string | null;
  /** Paragraph ids to take out of the running text (caption role). */
  consumed: string[];
}

const SENTENCE = /[。！？；;]|[：:]$/;
const PUBLISHER_LINE = /^(?:编制单位|编制部门|填报单位|预算单位|单位名称|部门(?:名称)?)\s*[：:；;]/;
const MAX_CAPTION = 60;

/** Splits "公开02表 收入决算表" / "表3-1：一般公共预算支出表" into number and title. */
export function splitNumber(text: string): { number: string | null; rest: string } {
  const m = TABLE_NUMBER.exec(text);
  if (!m?.[1]) return { number: null, rest: text };
  return { number: compact(m[1]), rest: text.slice(m[0].length).trim() };
}

function isHeadingLike(p: ParagraphBlock, text: string): boolean {
  return p.headingLevel !== undefined || p.numbering !== undefined || ENUMERATOR.test(text);
}

/** `before`: the paragraphs between the previous table (or document start) and this table, in order. */
export function captionAbove(before: readonly ParagraphBlock[]): CaptionInfo {
  const info: CaptionInfo = { title: null, number: null, unit: null, continuation: false, publisher: null, consumed: [] };
  let seen = 0;
  for (let i = before.length - 1; i >= 0 && seen < 4; i--) {
    const p = before[i]!;
    const text = tidy(p.text);
    if (text === "") continue;
    seen++;
    if (CONTINUATION.test(compact(text))) {
      info.continuation = true;
      info.consumed.push(p.id);
      continue;
    }
    if (text.length > MAX_CAPTION) break;
    // "编制单位：…", "部门：…", "预算单位：…" between the title and the table name the publisher, not the table.
    if (PUBLISHER_LINE.test(text) && !findDeclaredUnit(text, "caption")) {
      info.publisher ??= compact(text);
      info.consumed.push(p.id);
      continue;
    }
    const unit = findDeclaredUnit(text, "caption");
    const { number, rest } = splitNumber(text);
    if (unit) {
      // A unit line above a title line belongs to the table before it.
      if (info.unit || info.title || info.number) break;
      info.unit = unit;
      const leftover = rest.replace(unit.raw, "").trim();
      if (PUBLISHER_LINE.test(leftover)) info.publisher ??= compact(leftover);
      if (number) info.number = number;
      if (leftover && TITLE_ENDING.test(leftover) && !SENTENCE.test(leftover)) info.title = leftover;
      info.consumed.push(p.id);
      continue;
    }
    if (number) {
      if (info.number) break;
      info.number = number;
      const restTitle = rest.replace(/^[：:\s]+/, "");
      if (restTitle && !info.title) info.title = restTitle;
      info.consumed.push(p.id);
      continue;
    }
    if (SENTENCE.test(text) || info.title || !TITLE_ENDING.test(text)) break;
    info.title = text.replace(ENUMERATOR, "").trim() || text;
    // A numbered heading that names the table stays a heading in the section tree.
    if (!isHeadingLike(p, text)) info.consumed.push(p.id);
  }
  return info;
}

/** A unit line right below a table ("单位：万元" printed under it). */
export function unitBelow(after: readonly ParagraphBlock[]): { unit: MoneyUnit; id: string } | null {
  const p = after.find((b) => tidy(b.text) !== "");
  if (!p) return null;
  const text = tidy(p.text);
  if (text.length > MAX_CAPTION || SENTENCE.test(text)) return null;
  const unit = findDeclaredUnit(text, "caption");
  if (!unit) return null;
  // Only a bare unit statement: anything else is the next table's caption.
  return text.replace(unit.raw, "").replace(/[（(][^）)]*[）)]/g, "").trim() === "" ? { unit, id: p.id } : null;
}
