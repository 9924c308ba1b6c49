/**
 * The paragraphs around a table that name it: title ("收支总体情况表"), official number ("公开01表"),
 * unit line ("金额单位：元"), and 续表 markers. Walks up from the table over at most a few short lines.
 */
import type { ParagraphBlock } from "../../model/blocks.js";
import type { MoneyUnit } from "../../model/table.js";
import { CONTINUATION, ENUMERATOR, META_LINE, ORG_NAME, PUBLISHER_LABEL, TABLE_NUMBER, TITLE_ENDING, TRAILING_TABLE_NUMBER, compact, tidy } from "./text.js";
import { findCaptionUnit, findDeclaredUnit } from "./units.js";

export interface CaptionInfo {
  title: string | null;
  number: string | null;
  unit: MoneyUnit | null;
  continuation: boolean;
  /**
   * The publisher named above the table ("编制单位：深圳市公安局（本级）" gives "深圳市公安局（本级）"), whitespace
   * removed, without its label: a table reprinted per unit differs only here.
   */
  publisher: string | null;
  /** Paragraph ids to take out of the running text (caption role). */
  consumed: string[];
}

const SENTENCE = /[。！？；;]|[：:]$/;
const MAX_CAPTION = 60;

/** Splits "公开02表 收入决算表" / "表3-1：一般公共预算支出表" / "收支总表  预算01表" into number and title. */
export function splitNumber(text: string): { number: string | null; rest: string } {
  const m = TABLE_NUMBER.exec(text);
  if (m?.[1]) return { number: compact(m[1]), rest: text.slice(m[0].length).trim() };
  // After the title only when what precedes it reads as one: "详见 附件1" is a sentence, not a caption.
  const t = TRAILING_TABLE_NUMBER.exec(text);
  if (t?.[1] && /[\d一二三四五六七八九十]/.test(t[1]) && TITLE_ENDING.test(text.slice(0, t.index).trim())) return { number: compact(t[1]), rest: text.slice(0, t.index).trim() };
  return { number: null, rest: text };
}

/** A 单位编码-单位名称 line as budget systems print the publisher: "606-湖州市交通运输局", "[101001]北京市财政局". */
const CODED_NAME = /^(?:\d{3,12}\s*[-－—_]\s*|[\[［【]\d{3,12}[\]］】]\s*)(\S.*)$/;

/**
 * The publisher a line names, label removed and whitespace compacted: "部门（单位）：中共烟台市委宣传部" →
 * "中共烟台市委宣传部"; "编制单位：xx  单位：万元" → "xx" (the unit statement is left out). Null when the line names none.
 */
export function publisherOf(text: string): string | null {
  const unit = findDeclaredUnit(text, "caption");
  const rest = tidy(unit ? text.replace(unit.raw, " ") : text);
  const m = PUBLISHER_LABEL.exec(rest);
  if (!m) return null;
  const value = compact(rest.slice(m[0].length));
  // "单位：" before anything but a name ("单位：个", "单位：%") is a measure, not a publisher.
  return value.length >= 2 && /[\u4e00-\u9fff]/.test(value) && !/^(?:人民币)?(?:百万元|亿元|千元|万元|元)(?:$|[^\u4e00-\u9fff]|、)/.test(value) ? value : null;
}

/**
 * An unlabelled publisher line: an organisation's name, possibly after its code ("606-湖州市交通运输局"). With
 * `codedOnly`, only a coded name: a bare name is taken only where a caption around it vouches for it.
 */
export function unlabelledPublisher(text: string, codedOnly = false): string | null {
  const t = compact(text);
  const coded = CODED_NAME.exec(t)?.[1];
  if (codedOnly && coded === undefined) return null;
  const name = coded ?? t;
  return ORG_NAME.test(name) && !TITLE_ENDING.test(name) ? name : null;
}

function isHeadingLike(p: ParagraphBlock, text: string): boolean {
  return p.headingLevel !== undefined || p.numbering !== undefined || ENUMERATOR.test(text);
}

/** A caption line as printed: one paragraph, or a paragraph and the tail its narrow cell wrapped onto the next line. */
interface CaptionLine {
  ids: string[];
  text: string;
  headingLike: boolean;
}

/** A line's tail wrapped alone ("院", "元"): a few CJK characters, no punctuation. */
const WRAPPED_TAIL = /^[\u4e00-\u9fff]{1,3}$/;

/**
 * The tail completes the line: a unit ("单位：万" + "元") it lacked, or a publisher line's organisation name
 * ("…人民法" + "院", "…委员会办" + "公厅": cut after an ending that is itself a name's).
 */
function completes(line: string, tail: string): boolean {
  const whole = line + tail;
  if (findDeclaredUnit(line, "caption")) return false;
  if (findDeclaredUnit(whole, "caption")) return true;
  const named = publisherOf(whole);
  return named !== null && ORG_NAME.test(named);
}

/**
 * The non-blank paragraphs as caption lines, a wrapped tail joined to the line it completes — the line before it, or
 * the one before that where the caption prints two fields side by side ("单位：万" / "部门名称：…" / "元").
 */
function captionLines(before: readonly ParagraphBlock[]): CaptionLine[] {
  const lines: CaptionLine[] = [];
  for (const p of before) {
    const text = tidy(p.text);
    if (text === "") continue;
    const target = WRAPPED_TAIL.test(text) ? lines.slice(-2).reverse().find((l) => completes(l.text, text)) : undefined;
    if (target) {
      target.text += text;
      target.ids.push(p.id);
      continue;
    }
    // The line after a bare outline label ("第二部分" / "太原市…2016年部门决算表") is that part's title: a heading.
    const prev = lines[lines.length - 1];
    const afterBareLabel = prev !== undefined && prev.text.replace(ENUMERATOR, "").trim() === "" && ENUMERATOR.test(prev.text);
    lines.push({ ids: [p.id], text, headingLike: afterBareLabel || isHeadingLike(p, text) });
  }
  return lines;
}

/** Reads one caption line into `info`; false when the line is no part of this table's caption (the walk stops). */
function readCaptionLine(info: CaptionInfo, line: CaptionLine): boolean {
  const { text } = line;
  if (CONTINUATION.test(compact(text))) {
    info.continuation = true;
    info.consumed.push(...line.ids);
    return true;
  }
  if (text.length > MAX_CAPTION) return false;
  const unit = findCaptionUnit(text);
  const publisher = publisherOf(text);
  // "编制单位：…", "部门（单位）：…", "单位：…局" between the title and the table name the publisher, not the table.
  if (publisher && !unit) {
    info.publisher ??= publisher;
    info.consumed.push(...line.ids);
    return true;
  }
  const { number, rest } = splitNumber(text);
  if (unit) {
    // A unit line above a title line belongs to the table before it.
    if (info.unit || info.title || info.number) return false;
    info.unit = unit;
    const leftover = rest.replace(unit.raw, "").trim();
    if (publisher) info.publisher ??= publisher;
    if (number) info.number = number;
    if (!publisher && leftover && TITLE_ENDING.test(leftover) && !SENTENCE.test(leftover)) info.title = leftover;
    info.consumed.push(...line.ids);
    return true;
  }
  if (number) {
    if (info.number) return false;
    info.number = number;
    const restTitle = rest.replace(/^[：:\s]+/, "");
    if (restTitle && !info.title) info.title = restTitle;
    info.consumed.push(...line.ids);
    return true;
  }
  if (SENTENCE.test(text) || info.title || !TITLE_ENDING.test(text)) return false;
  info.title = text.replace(ENUMERATOR, "").trim() || text;
  // A numbered heading that names the table stays a heading in the section tree.
  if (!line.headingLike) info.consumed.push(...line.ids);
  return true;
}

/** `before`: the paragraphs between the previous table (or document start) and this table, in order. */
export function captionAbove(before: readonly ParagraphBlock[]): CaptionInfo {
  const info: CaptionInfo = { title: null, number: null, unit: null, continuation: false, publisher: null, consumed: [] };
  // An organisation's bare name below the title ("606-湖州市交通运输局") is the publisher only if a title is above it.
  let unlabelled: { ids: string[]; name: string } | null = null;
  const lines = captionLines(before);
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 5); i--) {
    const line = lines[i]!;
    const name: string | null = !unlabelled && !info.title && !info.number && !info.publisher ? unlabelledPublisher(line.text) : null;
    if (name) {
      unlabelled = { ids: line.ids, name };
      continue;
    }
    if (!readCaptionLine(info, line)) break;
  }
  if (unlabelled && (info.title || info.number)) {
    info.publisher ??= unlabelled.name;
    info.consumed.push(...unlabelled.ids);
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

/** What one caption line or title-row cell states; `rest` is what is left once number, unit and publisher are read. */
export interface CaptionParts {
  number: string | null;
  unit: MoneyUnit | null;
  publisher: string | null;
  /** A date, a year, 续表, 截止时间…: caption matter that names nothing. */
  meta: boolean;
  continuation: boolean;
  rest: string;
}

const YEAR_LINE = /^[（(]?\d{4}\s*年\s*(?:度|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?[）)]?$/;

/** "预算01表 收支总表", "部门：xx  金额单位：万元", "2026年", "单位：万元" → their parts. */
export function parseCaptionCell(text: string, source: MoneyUnit["source"]): CaptionParts {
  const t = tidy(text);
  const unit = findDeclaredUnit(t, source);
  // "（单位：万元）" leaves its brackets behind.
  const { number, rest } = splitNumber(unit ? tidy(t.replace(unit.raw, " ").replace(/[（(]\s*[）)]/g, " ")) : t);
  const cleaned = rest.replace(/^[：:\s]+/, "");
  const continuation = CONTINUATION.test(compact(cleaned));
  const parts: CaptionParts = { number, unit, publisher: publisherOf(rest), meta: false, continuation, rest: cleaned };
  if (parts.publisher || continuation || META_LINE.test(parts.rest) || YEAR_LINE.test(parts.rest)) {
    parts.meta = parts.publisher === null;
    parts.rest = "";
  }
  return parts;
}
