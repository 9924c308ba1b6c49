/** What the review checks read: the document's tables, paragraphs and fact mentions, with where each came from. */
import type { AmountSpan, Evidence, Fund, Meta, ParagraphBlock, Table, Warning } from "../../model/index.js";

export type TextEvidence = Extract<Evidence, { kind: "text" }>;
import type { FactMention } from "../facts.js";
import { tableKindSpec } from "../catalog/index.js";

export interface CheckInput {
  meta: Meta;
  /** Tables with their catalog kind set (classifyTables ran). */
  tables: readonly Table[];
  /** Body paragraphs: the 说明 an auditor reads. */
  paragraphs: readonly ParagraphBlock[];
  /** Captions of tables (a 空表 note is often printed as one). */
  captions?: readonly ParagraphBlock[];
  /** Table of contents entries, running headers and the like. */
  furniture?: readonly ParagraphBlock[];
  spansByBlock: ReadonlyMap<string, AmountSpan[]>;
  /** Every statement of a fact, before merging (the document's own: a bundle unit's are left out). */
  mentions: readonly FactMention[];
  /** The readers' image_not_read warnings: pictures in the body (a table printed as a GIF) whose content is not read. */
  imagesNotRead?: readonly Warning[];
}

/** Whitespace removed: 广州's "2 0 2 6年" and a heading broken over lines read as printed. */
export const squeeze = (text: string): string => text.replace(/\s+/g, "");

/** The first match of `re` in a paragraph as evidence; the paragraph's opening when only its squeezed text matches. */
export function textEvidence(p: ParagraphBlock, re: RegExp): TextEvidence | undefined {
  const m = new RegExp(re.source, re.flags.replace("g", "")).exec(p.text);
  if (m) return { kind: "text", blockId: p.id, start: m.index, end: m.index + m[0].length, quote: m[0] };
  if (!re.test(squeeze(p.text))) return undefined;
  return paragraphEvidence(p);
}

/** A paragraph as evidence: its opening, up to a sentence. */
export function paragraphEvidence(p: ParagraphBlock, max = 80): TextEvidence {
  const end = Math.min(p.text.length, max);
  return { kind: "text", blockId: p.id, start: 0, end, quote: p.text.slice(0, end) };
}

/** A table as evidence: its first printed cell (the title row or the first header). */
export function tableEvidence(t: Table): Evidence {
  const cell = t.cells.find((c) => c.text.trim() !== "") ?? t.cells[0];
  return { kind: "cell", tableId: t.id, row: cell?.row ?? 0, col: cell?.col ?? 0, quote: cell?.text ?? "" };
}

/** How a table is named in a message: its number and title as printed, else its catalog name. */
export function tableName(t: Table): string {
  const printed = [t.number, t.title].filter((x): x is string => !!x).filter((x, i, a) => a.indexOf(x) === i).join(" ");
  return printed || tableKindSpec(t.kind)?.name || t.id;
}

export function pageOf(t: Table | ParagraphBlock): number | undefined {
  return "blockIds" in t ? t.provenance[0]?.page : t.provenance.page;
}

/** The table a mention's cell is in, if it is one. */
export function tableOf(m: FactMention, tables: readonly Table[]): Table | undefined {
  const ev = m.evidence;
  return ev.kind === "cell" ? tables.find((t) => t.id === ev.tableId) : undefined;
}

/** Mentions of a fact in one fund scope: read from tables of `kind`, or from the narrative (`kind` "text"). */
export function mentionsOf(input: CheckInput, key: string, fund: Fund, kind: string): FactMention[] {
  return input.mentions.filter((m) => {
    if (m.key !== key || (m.fund ?? "all") !== fund || m.weak || m.name !== undefined) return false;
    if (kind === "text") return m.evidence.kind === "text";
    return tableOf(m, input.tables)?.kind === kind;
  });
}

/** The first statement of a fact from a source (see mentionsOf). */
export function mentionOf(input: CheckInput, key: string, fund: Fund, kind: string): FactMention | undefined {
  return mentionsOf(input, key, fund, kind)[0];
}
