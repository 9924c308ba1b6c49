import type { AmountSpan, ParagraphBlock } from "../../model/index.js";
import type { FactMention } from "../facts.js";
import { clauseBefore, decimalsOf } from "./text.js";
import { COUNT_KEYS } from "../vocabulary.js";


/** Counts and areas stated in a paragraph, as facts in their own unit. */
export function countFacts(p: ParagraphBlock, spans: readonly AmountSpan[]): FactMention[] {
  const out: FactMention[] = [];
  for (const s of spans) {
    if (s.kind !== "number" || !s.unit || s.range || s.change) continue;
    const label = s.label?.text ?? clauseBefore(p.text, s.start);
    // "车辆编制16辆，实有车辆5辆": authorized, bought or disposed counts are not the fleet.
    if (/编制|购置|超编|新增|报废|处置|出租/.test(label)) continue;
    const k = COUNT_KEYS.find((c) => c.unit.test(s.unit!) && c.label.test(label));
    if (!k) continue;
    out.push({ key: k.key, yuan: s.value, raw: s.text, unit: s.unit, evidence: { kind: "text", blockId: p.id, start: s.start, end: s.end, quote: s.text }, decimals: decimalsOf(s.text), multiplier: "1" });
  }
  return out;
}
