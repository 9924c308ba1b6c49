/**
 * Zeros stated in words: "“三公”经费预算数为0", "本单位无机关运行经费", "未安排购置车辆", "年初不编制因公出国（境）费用预算".
 * The recognizer reads no money there (no unit, no figure), yet the document says the fact is 0. Such a statement is
 * weak: it stands only where no figure of the same fact is printed (see `weak` in facts.ts).
 */
import type { ParagraphBlock } from "../../model/index.js";
import type { FactMention } from "../facts.js";
import { factOfLabel, type LabelFact } from "../vocabulary.js";
import { clauseBefore } from "./text.js";

// "…为0。" with no unit after it: a money zero the recognizer does not read as money.
const IS_ZERO = /(?:为|是)\s*(?:0(?:\.0+)?|零)(?![\d.．%万元亿千百])/g;
// "无X", "没有X", "未安排X", "不编制X预算": the statement that there is none of X.
const NONE_OF = /(?:没有|未安排|不安排|未编制|不编制|未发生|无)([^，,。；;、：:]{2,24}?)(?:预算|支出)?(?=[，,。；;、]|$)/g;

/** The subject a zero is stated for, when the vocabulary names it. */
function subjectOf(label: string, context: string): LabelFact | undefined {
  // The measure words go, not 支出: "政府性基金拨款支出预算为0" is the fund's expenditure, not its income.
  const l = label.replace(/(?:预算数|决算数|预算|决算|安排)+$/, "");
  return factOfLabel(l, context);
}

function zeroMention(p: ParagraphBlock, f: LabelFact, start: number, end: number): FactMention {
  const quote = p.text.slice(start, end);
  return { key: f.key, ...(f.fund ? { fund: f.fund } : {}), yuan: "0", raw: quote, unit: null, evidence: { kind: "text", blockId: p.id, start, end, quote }, decimals: 0, multiplier: "1", weak: true };
}

export function zeroStatements(p: ParagraphBlock, context: string): FactMention[] {
  const out: FactMention[] = [];
  for (const m of p.text.matchAll(IS_ZERO)) {
    const f = subjectOf(clauseBefore(p.text, m.index), context);
    if (f) out.push(zeroMention(p, f, m.index, m.index + m[0].length));
  }
  for (const m of p.text.matchAll(NONE_OF)) {
    // "未安排购置车辆和单位价值100万元以上设备": each of the things there are none of.
    for (const part of m[1]!.split(/[和及与]/)) {
      const f = subjectOf(part, context);
      if (f) out.push(zeroMention(p, f, m.index, m.index + m[0].length));
    }
  }
  return out;
}
