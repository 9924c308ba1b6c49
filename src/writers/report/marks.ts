/** Paragraph and cell text with recognized amounts and cited spans wrapped in <mark>. */
import type { DocumentAmount } from "../../model/index.js";
import { escapeHtml } from "./escape.js";
import { formatYuan, groupThousands } from "./format.js";

const KIND_LABEL: Record<DocumentAmount["kind"], string> = { money: "金额 money", number: "数量 number", percent: "百分比 percent" };
const APPROX_LABEL: Record<NonNullable<DocumentAmount["approx"]>, string> = {
  about: "约 about",
  more_than: "多于 more than",
  less_than: "少于 less than",
  at_least: "不少于 at least",
  at_most: "不超过 at most",
};

/** What hovering or focusing an amount shows: kind, value in 元, unit as printed, label. One line per item. */
export function amountTooltip(a: DocumentAmount): string {
  const lines = [KIND_LABEL[a.kind]];
  if (a.yuan !== undefined) lines.push(`= ${formatYuan(a.yuan)}`);
  else lines.push(`= ${groupThousands(a.value)}${a.unit ?? ""}`);
  if (a.range) lines.push(`范围 range ${a.range.minYuan ?? a.range.min ?? "−∞"} – ${a.range.maxYuan ?? a.range.max ?? "+∞"}`);
  lines.push(`单位 unit: ${a.unit ?? "—"}`);
  if (a.approx) lines.push(APPROX_LABEL[a.approx]);
  if (a.change) lines.push(a.change === "increase" ? "增加 increase" : "减少 decrease");
  lines.push(`标签 label: ${a.label?.text ?? "—"}`);
  return lines.join("\n");
}

export interface MarkSpan {
  start: number;
  end: number;
  id: string;
  amount?: DocumentAmount;
}

/**
 * Renders `text` with the given non-overlapping, sorted spans marked; all text escaped. `after(id)` may add markup
 * after a mark (the link to its box on the page image).
 */
export function renderMarkedText(text: string, marks: readonly MarkSpan[], after: (markId: string) => string = () => ""): string {
  let html = "";
  let at = 0;
  for (const m of marks) {
    if (m.start < at || m.end > text.length) continue;
    html += escapeHtml(text.slice(at, m.start));
    const inner = escapeHtml(text.slice(m.start, m.end));
    if (m.amount) {
      const tip = escapeHtml(amountTooltip(m.amount));
      html += `<mark id="${m.id}" class="amt amt-${m.amount.kind}" tabindex="0" title="${tip}" data-tip="${tip}">${inner}</mark>`;
    } else {
      html += `<mark id="${m.id}" class="ev">${inner}</mark>`;
    }
    html += after(m.id);
    at = m.end;
  }
  return html + escapeHtml(text.slice(at));
}
