/**
 * A list that a paragraph opens and the numbered paragraphs below it hold (北京市交通委员会 2026 p3: "（二）项目支出。
 * 项目支出预算1303674.00万元，…。其中：" then "1.事业单位经营支出900.00万元。" "2.上缴上级支出0.00万元。"): the figures
 * of those paragraphs are parts of the paragraph's last figure, as "X，其中：A，B" within one sentence.
 */
import type { AmountSpan, ParagraphBlock } from "../../model/index.js";
import { parseLabel } from "../../structure/sections/numbering.js";
import type { FactMention } from "../facts.js";
import { keyTakesFund } from "../keys.js";
import { spanMention } from "./text.js";

/** A paragraph whose last words are "其中：" (or "其中," "其中"): what follows it lists the parts. */
const ENDS_WITH_LIST = /其中\s*[：:，,]?\s*$/;

export class ParagraphList {
  private parent: FactMention | undefined;
  /** The numbering style of the list's items ("1." / "（1）"): a paragraph of another style ends the list. */
  private style: string | undefined;

  /**
   * Marks the mentions of `p` (read by its own reader) as parts of the open list's parent, if `p` is one of its
   * items, then opens a list if `p` ends with 其中.
   */
  take(p: ParagraphBlock, money: readonly AmountSpan[], mentions: FactMention[]): void {
    this.continueWith(p, mentions);
    if (!ENDS_WITH_LIST.test(p.text)) return;
    // "…预算1328.22万元，比上年增加419.84万元，…。其中：": the list is of the last level figure, not of its change.
    const levels = mentions.filter((m) => !isChange(m) && m.evidence.kind === "text" && m.evidence.blockId === p.id);
    const lastLevel = levels.at(-1);
    const last = money.filter((s) => !s.change).at(-1);
    if (!last && !lastLevel) return;
    this.parent = lastLevel && (!last || startOf(lastLevel) >= last.start) ? lastLevel : spanMention(p, last!, "(unnamed)");
    this.style = undefined;
  }

  private continueWith(p: ParagraphBlock, mentions: FactMention[]): void {
    const parent = this.parent;
    if (!parent) return;
    const item = parseLabel(p.text);
    if (!item || (this.style !== undefined && item.style !== this.style)) {
      this.parent = undefined;
      return;
    }
    this.style = item.style;
    // An item states one part, its first figure; the item's later figures detail that part ("（三）公务用车购置和运行
    // 维护费。…1157.69万元，包括公务用车购置费…"), and an item that opens with a change lists changes, not parts.
    const first = mentions.filter((m) => m.evidence.kind === "text" && m.evidence.blockId === p.id).sort((a, b) => startOf(a) - startOf(b))[0];
    if (!first || first.parent || isChange(first)) return;
    first.parent = parent;
    if (first.fund === undefined && parent.fund !== undefined && keyTakesFund(first.key)) first.fund = parent.fund;
  }
}

const isChange = (m: FactMention): boolean => m.key.startsWith("change.");
const startOf = (m: FactMention): number => (m.evidence.kind === "text" ? m.evidence.start : -1);
