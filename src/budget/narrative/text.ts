/** Where a figure's name and sentence are in a paragraph: the clause and sentence before an offset. */
import type { AmountSpan, ParagraphBlock } from "../../model/index.js";
import { yuanMultiplier } from "../../model/constants.js";
import type { FactMention } from "../facts.js";

const SENTENCE_END = /[。！!？?\n]/;
const CLAUSE_END = /[。；;！!？?\n]/;
const PHRASE_END = /[。；;！!？?\n，,]/;

function backTo(text: string, at: number, stop: RegExp): number {
  let s = at;
  while (s > 0 && !stop.test(text[s - 1]!)) s--;
  return s;
}

export const sentenceStart = (text: string, at: number): number => backTo(text, at, SENTENCE_END);
/** From the last 。 or ； before `at`: the statement a figure belongs to. */
export const sentenceBefore = (text: string, at: number): string => text.slice(backTo(text, at, CLAUSE_END), at);
/** From the last comma or stop before `at`: where a figure's own name is printed. */
export const clauseBefore = (text: string, at: number): string => text.slice(backTo(text, at, PHRASE_END), at);

/** Decimals as printed ("500.00万元" → 2): the value is canonical ("500"), the precision lives in the text. */
export function decimalsOf(printed: string): number {
  const m = /[0-9０-９][.．]\s*([0-9０-９](?:\s*[0-9０-９])*)/.exec(printed);
  return m ? m[1]!.replace(/\s+/g, "").length : 0;
}

/** A money span of a paragraph as a mention of `key`, with its text as evidence. */
export function spanMention(p: ParagraphBlock, s: AmountSpan, key: string, yuan = s.yuan!, name?: string): FactMention {
  return {
    key,
    ...(name ? { name } : {}),
    yuan,
    raw: s.text,
    unit: s.unit,
    evidence: { kind: "text", blockId: p.id, start: s.start, end: s.end, quote: s.text },
    decimals: decimalsOf(s.text),
    multiplier: yuanMultiplier(s.unit),
  };
}
