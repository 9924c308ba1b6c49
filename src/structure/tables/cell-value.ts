/**
 * The small grammar of a table cell's figure. Strict on purpose: a cell is a number only when the whole
 * cell is one (sign, digits with valid thousands groups, optional decimals, optional %), so text such as
 * "≥10", "2019年" or "无可比性" never becomes a value.
 */
import { formatDecimal, parseDecimal } from "../../util/decimal.js";

export type ParsedCell =
  | { kind: "number"; value: string; decimals: number }
  | { kind: "percent"; value: string; decimals: number }
  | { kind: "null"; nullKind: "blank" | "dash" | "slash" }
  | { kind: "text" };

/** Full-width and typographic forms mapped to ASCII, for the characters a number cell may contain. */
const WIDTH_MAP: Record<string, string> = {
  "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8", "９": "9",
  "，": ",", "．": ".", "％": "%", "（": "(", "）": ")", "＋": "+", "−": "-", "﹣": "-",
};

/** Every dash-like character producers use for "no value": —, －, -, –, ―, ─, ‐, ━ (also repeated or spaced). */
const DASH_RUN = /^[—－\-–―─━‐‑]+(?:\s*[—－\-–―─━‐‑]+)*$/;
const SLASH = /^[/／\\＼]+$/;
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%)?$/;

export function normalizeCellText(text: string): string {
  let out = "";
  for (const ch of text) out += WIDTH_MAP[ch] ?? ch;
  // Non-breaking and ideographic spaces are layout, not content.
  return out.replace(/[\u00a0\u3000\s]+/g, " ").trim();
}

export function parseCellValue(text: string): ParsedCell {
  const t = normalizeCellText(text);
  if (t === "") return { kind: "null", nullKind: "blank" };
  if (DASH_RUN.test(t)) return { kind: "null", nullKind: "dash" };
  if (SLASH.test(t)) return { kind: "null", nullKind: "slash" };

  // Accounting negatives: "(1,234.00)".
  let body = t;
  let negative = false;
  const paren = /^\((.+)\)$/.exec(body);
  if (paren?.[1] !== undefined) {
    body = paren[1].trim();
    negative = true;
  }
  const m = NUMBER.exec(body);
  if (!m) return { kind: "text" };
  if (negative && m[1] !== undefined) return { kind: "text" }; // "(-5)" is not a figure we can trust
  const intDigits = (m[2] ?? "0").replace(/,/g, "");
  const frac = m[3] ?? "";
  const sign = negative || m[1] === "-" ? "-" : "";
  const value = formatDecimal(parseDecimal(`${sign}${intDigits}${frac ? `.${frac}` : ""}`));
  return { kind: m[4] ? "percent" : "number", value, decimals: frac.length };
}
