/** Chinese outline labels and digit helpers, shared by the readers and the structure stage. */
import type { NumberingStyle } from "../model/index.js";

/** A numbering label found at the start of a line. */
export interface ParsedLabel {
  /** The label exactly as printed ("一、", "（一）", "第一部分", "1）"). */
  label: string;
  style: Exclude<NumberingStyle, "none">;
  ordinal: number;
  /** The text after the label and the spaces that follow it. */
  rest: string;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100 };

/** Small Chinese numerals as used in outline labels (一 … 九十九, 一百 …). */
export function chineseOrdinal(s: string): number | null {
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else if (ch in CN_UNITS) {
      total += (digit < 0 ? 1 : digit) * CN_UNITS[ch]!;
      digit = -1;
    } else return null;
  }
  if (digit >= 0) total += digit;
  return total > 0 ? total : null;
}

/** Full-width digits to ASCII; offsets are unchanged (one UTF-16 unit each). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const CN = "[一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾佰]+";
const PATTERNS: { style: ParsedLabel["style"]; re: RegExp; ordinal: (m: RegExpExecArray) => number | null }[] = [
  { style: "part", re: new RegExp(`^第\\s*(${CN}|\\d+)\\s*(?:部分|章|节|篇)`), ordinal: (m) => num(m[1]!) },
  { style: "cn_paren", re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?`), ordinal: (m) => chineseOrdinal(m[1]!) },
  { style: "cn_dun", re: new RegExp(`^(${CN})\\s*[、．.，,]`), ordinal: (m) => chineseOrdinal(m[1]!) },
  { style: "arabic_paren", re: /^(?:[（(]\s*(\d{1,3})\s*[）)]|(\d{1,3})\s*[）)])\s*[、.．]?/, ordinal: (m) => Number(m[1] ?? m[2]) },
  // "1." but not "1.5" (a decimal) nor "2020." (a year).
  { style: "arabic_dun", re: /^(\d{1,2})\s*(?:[、，]|[.．](?!\d))/, ordinal: (m) => Number(m[1]) },
  { style: "circled", re: /^([①-⑳])/, ordinal: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1 },
];

function num(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : chineseOrdinal(s);
}

/** Parses a numbering label at the start of `text` (after leading spaces). */
export function parseLabel(text: string): ParsedLabel | null {
  const lead = /^[\s\u3000]*/.exec(text)![0].length;
  const body = text.slice(lead);
  const probe = asciiDigits(body);
  for (const { style, re, ordinal } of PATTERNS) {
    const m = re.exec(probe);
    if (!m) continue;
    const n = ordinal(m);
    if (n === null || n <= 0) continue;
    const label = body.slice(0, m[0].length).replace(/[\s\u3000]+$/, "");
    const rest = body.slice(m[0].length).replace(/^[\s\u3000]+/, "");
    return { label, style, ordinal: n, rest };
  }
  return null;
}

/** Style of a label Word rendered from auto-numbering ("一、", "（1）"). */
export function styleOfLabel(label: string): ParsedLabel["style"] | null {
  return parseLabel(`${label}x`)?.style ?? null;
}
