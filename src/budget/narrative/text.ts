/** Where a figure's name and sentence are in a paragraph: the clause and sentence before an offset. */
import type { AmountSpan, ParagraphBlock } from "../../model/index.js";
import { yuanMultiplier } from "../../model/constants.js";
import type { FactMention } from "../facts.js";

const SENTENCE_END = /[。！!？?\n]/;
const CLAUSE_END = /[。；;！!？?\n]/;
const PHRASE_END = /[。；;！!？?\n，,]/;

/**
 * The clause or sentence text handed on as a figure's name and context is its last LOOKBACK characters: labels are
 * short, and a 150 KB line with no stop in it must not give every figure the whole line before it (issue #22).
 */
const LOOKBACK = 500;

/** Stop positions of the last text asked about, per stop pattern: a paragraph's figures are read one after another. */
const stopIndex = new Map<RegExp, { text: string; stops: number[] }>();

function stopsOf(text: string, stop: RegExp): number[] {
  const cached = stopIndex.get(stop);
  if (cached && cached.text === text) return cached.stops;
  const stops: number[] = [];
  for (let i = 0; i < text.length; i++) if (stop.test(text[i]!)) stops.push(i);
  stopIndex.set(stop, { text, stops });
  return stops;
}

/** Just after the last stop before `at` (0 when none): a binary search, not a scan back from every figure. */
function backTo(text: string, at: number, stop: RegExp): number {
  const stops = stopsOf(text, stop);
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stops[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : stops[lo - 1]! + 1;
}

const before = (text: string, at: number, stop: RegExp): string => text.slice(Math.max(backTo(text, at, stop), at - LOOKBACK), at);

export const sentenceStart = (text: string, at: number): number => backTo(text, at, SENTENCE_END);
/** From the last 。 or ； before `at`: the statement a figure belongs to. */
export const sentenceBefore = (text: string, at: number): string => before(text, at, CLAUSE_END);
/** From the last comma or stop before `at`: where a figure's own name is printed. */
export const clauseBefore = (text: string, at: number): string => before(text, at, PHRASE_END);

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
