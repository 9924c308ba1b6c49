import type { Meta, MetaEvidence, ParagraphBlock, Table } from "../../model/index.js";
import { parseTitle } from "../../structure/title.js";
import { fieldCandidates, namedCandidates, printedCandidates, titleCandidates, type Candidate, type Field } from "./candidates.js";
import { coverOf, type Cover } from "./cover.js";
import { decide, otherUnits } from "./decide.js";
import { fileNameCandidates } from "./file-name.js";
import { blockOrder, containerLine, paragraphLine, sourceOf, tableLines, type MetaLine } from "./lines.js";
import { REGION } from "./names.js";
import { tableEntityCandidates } from "./tables.js";

/**
 * Meta is read from every place it is printed — the cover's title lines, the publisher fields (预算单位：…), table
 * captions and title rows, headings, the TOC, running headers, the container's title — each a candidate with its
 * evidence, and decided by the weight of its place (decide.ts). The file name is the last resort.
 */
export interface MetaInput {
  /** Body paragraphs, in reading order. */
  paragraphs: ParagraphBlock[];
  /** Caption paragraphs of tables and unclassified ones: a table-only edition's year and publisher are printed there. */
  captions: readonly ParagraphBlock[];
  /** Running headers and footers, cover and TOC lines (role set by the readers and the section builder). */
  furniture: readonly ParagraphBlock[];
  tables: readonly Table[];
  /** The container's title (HTML <title>). */
  containerTitle?: string;
  /** The source path: the file name is the last resort, used only when the document prints nothing. */
  sourcePath?: string;
}

const FIELDS: readonly Field[] = ["fiscalYear", "docKind", "scope", "entity", "consolidation"];

export function readMeta(input: MetaInput): Meta {
  const cover = coverOf(input.paragraphs.filter((p) => !p.role || p.role === "body"), coverBound(input));
  const candidates = allCandidates(input, cover);
  const meta: Meta = { evidence: {} };
  setTitle(meta, cover, input.containerTitle);
  for (const field of FIELDS) {
    // Scope and 本级/汇总 say something only about a budget or final account (a README's "部门" is no scope).
    if ((field === "scope" || field === "consolidation") && meta.docKind === undefined) continue;
    const c = decide(candidates, field);
    if (!c) continue;
    (meta as Record<string, unknown>)[field] = c.value;
    meta.evidence[field] = c.evidence;
  }
  if (meta.entity) {
    setRegion(meta);
    const units = otherUnits(candidates, meta.entity);
    if (units.length) meta.units = units;
  }
  return meta;
}

/** The first caption or TOC line: the cover comes before it. */
function coverBound(input: MetaInput): number {
  let min = Infinity;
  for (const p of [...input.captions, ...input.furniture]) if (p.role === "caption" || p.role === "toc") min = Math.min(min, blockOrder(p));
  return min;
}

function allCandidates(input: MetaInput, cover: Cover): Candidate[] {
  const candidates = [...coverCandidates(cover), ...printedLines(input, cover).flatMap(lineCandidates), ...tableEntityCandidates(input.tables)];
  if (input.containerTitle) candidates.push(...containerCandidates(input.containerTitle));
  // The file name fills only what a document that prints 预算/决算 somewhere leaves out.
  if (input.sourcePath && candidates.some((c) => c.field === "docKind")) {
    const printed = new Set(candidates.map((c) => c.field));
    candidates.push(...fileNameCandidates(input.sourcePath).filter((c) => !printed.has(c.field)));
  }
  return candidates;
}

function coverCandidates(cover: Cover): Candidate[] {
  const out: Candidate[] = [];
  if (cover.title) titleCandidates(cover.title.line, cover.title.parts, false, out);
  return out;
}

/** Every paragraph once (body, captions and furniture overlap), in reading order; then the tables' title rows. */
function printedLines(input: MetaInput, cover: Cover): MetaLine[] {
  const inCover = new Set(cover.lines.map((p) => p.id));
  const inTitle = new Set(cover.title?.blocks.map((p) => p.id) ?? []);
  const byId = new Map<string, ParagraphBlock>();
  for (const p of [...input.paragraphs, ...input.captions, ...input.furniture]) if (!byId.has(p.id) && !inTitle.has(p.id)) byId.set(p.id, p);
  const paragraphs = [...byId.values()].sort((a, b) => blockOrder(a) - blockOrder(b));
  return [...paragraphs.map((p) => paragraphLine(p, inCover.has(p.id) ? "cover" : sourceOf(p), blockOrder(p))), ...tableLines(input.tables)];
}

const NAMING = new Set(["caption", "heading", "toc", "running_header"]);

function lineCandidates(line: MetaLine): Candidate[] {
  const out: Candidate[] = [];
  if (fieldCandidates(line, out)) return out;
  printedCandidates(line, out);
  if (NAMING.has(line.source)) namedCandidates(line, out);
  return out;
}

function containerCandidates(title: string): Candidate[] {
  const parts = parseTitle(title);
  const out: Candidate[] = [];
  if (parts) titleCandidates(containerLine(title), parts, false, out);
  return out;
}

/** The title as printed (its lines joined); the container's title when the body prints none. */
function setTitle(meta: Meta, cover: Cover, containerTitle: string | undefined): void {
  if (cover.title) {
    const { line, parts, blocks } = cover.title;
    meta.title = line.text;
    const where = line.at(parts.kind.start, parts.kind.end);
    const block = blocks.find((b) => where.kind === "text" && b.id === where.blockId) ?? blocks[0]!;
    meta.evidence.title = { kind: "text", blockId: block.id, start: 0, end: block.text.length, quote: block.text, source: "title" };
  } else if (containerTitle) {
    meta.title = containerTitle;
    meta.evidence.title = containerLine(containerTitle).at(0, containerTitle.length);
  }
}

/** The region the entity's name starts with, evidenced by the same place (a prefix of its quote). */
function setRegion(meta: Meta): void {
  const m = REGION.exec(meta.entity!);
  const r = m?.[1];
  const e = meta.evidence.entity;
  const at = m ? m[0].length - r!.length : 0;
  if (!r || !e || e.quote.slice(at, at + r.length) !== r) return;
  meta.region = r;
  const ev: MetaEvidence = e.kind === "text" ? { ...e, start: e.start + at, end: e.start + at + r.length, quote: r } : { ...e, quote: r };
  meta.evidence.region = ev;
}

