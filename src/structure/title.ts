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

/** A piece of a title's text: UTF-16 offsets, end exclusive. */
export interface TitleSpan {
  start: number;
  end: number;
  text: string;
}

/** What a budget title prints, each part with its place: "<name>2026年度<name>部门预算公开". */
export interface TitleParts {
  year?: TitleSpan & { value: number };
  kind: TitleSpan & { value: "budget" | "final_account" };
  scope?: TitleSpan & { value: "department" | "unit" };
  /** The name printed before the year, or between the year and the kind words (not checked to be a publisher). */
  name?: TitleSpan;
  /** "市级", "区级" after the year: the title of a government's bundle, whose leading name is a region. */
  level?: TitleSpan;
  /** What follows the kind word and its suffix words ("公开", "情况说明"): a publisher printed after the title. */
  rest?: TitleSpan;
}

// A year without 年 is accepted only when 度/部门/单位/预算/决算 follows at once ("2018预算公开", "2018度部门预算").
const YEAR = String.raw`(?<!\d)(?<year>(?:19|20)\d{2})(?!\d)\s*(?:年\s*度?|度|(?=\s*(?:部门|单位|预算|决算)))`;
const LEAD = String.raw`(?<lead>[\s\u3000]*(?:附件\s*[\d一二三四五六七八九十]*\s*[：:]?\s*)?(?:关于)?)`;
const KIND = String.raw`\s*(?<scope>部门|单位)?\s*(?:整体)?\s*(?:收支)?\s*(?<kind>预算|决算)`;
const WITH_YEAR = new RegExp(`^${LEAD}(?<pre>.*?)${YEAR}\\s*(?<level>[省市区县州旗]级)?(?<mid>.*?)${KIND}`, "d");
const WITHOUT_YEAR = new RegExp(`^${LEAD}(?<pre>.*?)${KIND}`, "d");
const SUFFIX = /^(?:信息)?(?:公开)?(?:编制)?(?:情况)?(?:说明|报告)?(?:公开)?(?:报表|表格|表)?/;

/**
 * Reads a title line (or cover lines joined): "国家信访局2024年度部门决算", "2026年深圳市公安局（本级）部门预算",
 * "上海市2026年市级单位预算", "2018年度江苏省高级人民法院预算公开". Null when it names no 预算/决算.
 */
export function parseTitle(text: string): TitleParts | null {
  const m = WITH_YEAR.exec(text) ?? WITHOUT_YEAR.exec(text);
  if (!m?.indices?.groups || !m.groups) return null;
  const at = (name: string): TitleSpan | undefined => {
    const r = m.indices!.groups![name];
    return r && r[1] > r[0] ? { start: r[0], end: r[1], text: text.slice(r[0], r[1]) } : undefined;
  };
  const kind = at("kind")!;
  const parts: TitleParts = { kind: { ...kind, value: kind.text === "决算" ? "final_account" : "budget" } };
  const year = at("year");
  if (year) parts.year = { ...year, value: Number(year.text) };
  const scope = at("scope");
  if (scope) parts.scope = { ...scope, value: scope.text === "单位" ? "unit" : "department" };
  const level = at("level");
  if (level) parts.level = level;
  const name = trimName(text, at("mid")) ?? trimName(text, at("pre"));
  if (name) parts.name = name;
  const tail = text.slice(kind.end);
  const suffix = SUFFIX.exec(tail)![0].length;
  const rest = trimName(text, { start: kind.end + suffix, end: text.length, text: tail.slice(suffix) });
  if (rest) parts.rest = rest;
  return parts;
}

/** A name without the spaces, quotes and joining words (的, 关于) around it; undefined when nothing is left. */
function trimName(text: string, span: TitleSpan | undefined): TitleSpan | undefined {
  if (!span) return undefined;
  let { start, end } = span;
  while (start < end && /[\s\u3000“”"《》（(:：]/.test(text[start]!)) start++;
  for (;;) {
    const t = text.slice(start, end);
    const cut = /(?:[\s\u3000“”"《》:：_|｜\-—]|的|关于)$/.exec(t);
    if (!cut || end - cut[0].length <= start) break;
    end -= cut[0].length;
  }
  return end > start ? { start, end, text: text.slice(start, end) } : undefined;
}
