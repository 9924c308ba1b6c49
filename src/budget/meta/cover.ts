/** The cover: the first lines of the body, and among them the title, possibly printed over two or three lines. */
import type { ParagraphBlock } from "../../model/index.js";
import { parseLabel } from "../../structure/sections/numbering.js";
import { parseTitle, type TitleParts } from "../../structure/title.js";
import { compact } from "../../structure/tables/text.js";
import { blockOrder, type MetaLine, type PlacedEvidence } from "./lines.js";
import { isName } from "./names.js";

export interface Cover {
  /** The cover's paragraphs, title lines included. */
  lines: ParagraphBlock[];
  /** The title's lines joined ("2026年度" + "无锡市交通运输局（本级）" + "单位预算公开"), as one line. */
  title?: { line: MetaLine; parts: TitleParts; blocks: ParagraphBlock[] };
}

const DATE = /^[（(]?[\d〇○零一二三四五六七八九十]{2,4}年[\d〇○零一二三四五六七八九十]{1,2}月(?:[\d〇○零一二三四五六七八九十]{1,3}日)?[）)]?$/;
const IMPRINT = /(?:印制|印发|制发|编制|编印|发布)$/;
const AMOUNT = /\d(?:[\d.,]*)\s*(?:[万亿千]?元|%)/;

/**
 * The first body paragraphs of the first page, before any numbered heading, and before the first caption or TOC
 * line (`before`, a block order): a tables-only edition's first body line is a table's, not a cover's.
 */
export function coverOf(paragraphs: readonly ParagraphBlock[], before: number): Cover {
  const lines: ParagraphBlock[] = [];
  const page = paragraphs[0]?.provenance.page;
  for (const p of paragraphs) {
    if (lines.length >= 10 || parseLabel(p.text) || p.provenance.page !== page || blockOrder(p) >= before) break;
    lines.push(p);
  }
  // A document whose first body text is deep inside (after tables or a TOC) has no cover.
  if (page !== undefined && page > 2) return { lines: [] };
  const title = titleOf(lines);
  return title ? { lines, title } : { lines };
}

/** A line that can be part of a title: short, no sentence or field punctuation, no amount, not a date or an imprint. */
function titleish(p: ParagraphBlock): boolean {
  const t = compact(p.text);
  if (t.length === 0 || t.length > 60 || /[。；;！？!?，,]/.test(t) || AMOUNT.test(t) || DATE.test(t) || IMPRINT.test(t) || /^目录$/.test(t)) return false;
  return !/[：:]/.test(t) || /^附件\d*[：:]/.test(t);
}

/** The kind line and the lines above it that it needs for a year and a name; one line below when the name follows. */
function titleOf(lines: ParagraphBlock[]): Cover["title"] | undefined {
  const k = lines.findIndex((p) => titleish(p) && /预算|决算/.test(p.text) && parseTitle(p.text));
  if (k < 0) return undefined;
  let lo = k;
  let parts = parseTitle(lines[k]!.text)!;
  const named = (t: TitleParts) => t.name !== undefined && isName(t.name.text, false);
  while (lo > 0 && k - lo < 2 && titleish(lines[lo - 1]!) && (!parts.year || !named(parts))) {
    const joined = parseTitle(joinText(lines.slice(lo - 1, k + 1)));
    if (!joined) break;
    lo--;
    parts = joined;
  }
  let hi = k;
  const below = lines[k + 1];
  if (!named(parts) && below && titleish(below) && !/预算|决算|\d{4}/.test(below.text)) {
    const joined = parseTitle(joinText(lines.slice(lo, k + 2)));
    if (joined?.rest && isName(joined.rest.text, true)) [hi, parts] = [hi + 1, joined];
  }
  // "关于太原市发展和改革委员会2016年部门决算" over "和“三公”经费决算的公开": a line that opens with a conjunction goes on.
  if (lines[hi + 1] && titleish(lines[hi + 1]!) && TITLE_GOES_ON.test(lines[hi + 1]!.text)) hi++;
  const year = parts.year ? undefined : yearBelow(lines, lo, hi);
  if (year) [hi, parts] = [hi + 1, { ...parts, year }];
  const blocks = lines.slice(lo, hi + 1);
  return { line: joinedLine(blocks), parts, blocks };
}

const TITLE_GOES_ON = /^[\s\u3000]*(?:和|及|与|暨|以及)/;
const YEAR_LINE = /^[\s\u3000（(]*((?:19|20)\d{2})\s*年\s*度?[\s\u3000）)]*$/;

/** "某某局部门预算" over "2026年度": the year printed alone on the line below the title. */
function yearBelow(lines: ParagraphBlock[], lo: number, hi: number): TitleParts["year"] {
  const m = lines[hi + 1] ? YEAR_LINE.exec(lines[hi + 1]!.text) : null;
  if (!m) return undefined;
  const start = joinText(lines.slice(lo, hi + 1)).length + m[0].indexOf(m[1]!);
  return { start, end: start + 4, text: m[1]!, value: Number(m[1]) };
}

function joinText(blocks: readonly ParagraphBlock[]): string {
  return blocks.map((b) => b.text).join("");
}

/** One line over several paragraphs: evidence falls in the paragraph where the span starts (cut at its end). */
function joinedLine(blocks: ParagraphBlock[]): MetaLine {
  const starts: number[] = [];
  let n = 0;
  for (const b of blocks) {
    starts.push(n);
    n += b.text.length;
  }
  const at = (start: number, end: number): PlacedEvidence => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > start) i--;
    const b = blocks[i]!;
    const s = start - starts[i]!;
    const e = Math.min(end - starts[i]!, b.text.length);
    return { kind: "text", blockId: b.id, start: s, end: e, quote: b.text.slice(s, e), source: "title" };
  };
  return { text: joinText(blocks), source: "title", order: blockOrder(blocks[0]!), at };
}
