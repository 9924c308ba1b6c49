/**
 * Excel number format codes (ECMA-376 §18.8.31) split into sections and tokens. The built-in formats are the
 * zh-CN ones, since the workbooks this tool reads were made on Chinese Excel/WPS.
 */

export type Token =
  | { t: "lit"; s: string }
  | { t: "digit"; c: "0" | "#" | "?" }
  | { t: "point" }
  | { t: "comma" }
  | { t: "percent" }
  | { t: "exp"; sign: "+" | "-" }
  | { t: "slash" }
  | { t: "text" }
  | { t: "general" }
  | { t: "date"; s: string }
  | { t: "ampm"; s: string };

export interface Section {
  tokens: Token[];
  /** [>=100] style condition. */
  condition?: { op: string; value: number };
  isDate: boolean;
}

export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0', 6: '"¥"#,##0;[Red]"¥"\\-#,##0', 7: '"¥"#,##0.00;"¥"\\-#,##0.00', 8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm",
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
  41: '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ', 42: '_ ¥* #,##0_ ;_ ¥* -#,##0_ ;_ ¥* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', 44: '_ ¥* #,##0.00_ ;_ ¥* -#,##0.00_ ;_ ¥* "-"??_ ;_ @_ ',
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** Splits at ";" outside quotes, escapes and brackets. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)$/;
const DATE_LETTERS = /[ymdhsYMDHS]/;

/** A bracketed element: a color, a condition, a locale/currency tag, an elapsed-time unit. */
function bracket(body: string, section: Section): Token | null {
  const cond = CONDITION.exec(body);
  if (cond) {
    section.condition = { op: cond[1]!, value: Number(cond[2]) };
    return null;
  }
  // [$¥-804]: a currency symbol, [$-804]: only a locale.
  if (body.startsWith("$")) {
    const symbol = body.slice(1).split("-")[0]!;
    return symbol ? { t: "lit", s: symbol } : null;
  }
  if (/^(h+|m+|s+)$/i.test(body)) return { t: "date", s: `[${body.toLowerCase()}]` };
  return null; // [Red], [Color10], [DBNum1]: display only
}

/** Tokens of one section. Unquoted characters that are no placeholder print as themselves ("元", "-", "(", " "). */
export function tokenize(code: string): Section {
  const section: Section = { tokens: [], isDate: false };
  const push = (tok: Token | null) => tok && section.tokens.push(tok);
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    const rest = code.slice(i);
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      push({ t: "lit", s: code.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      push({ t: "lit", s: code[i + 1] ?? "" });
      i++;
    }
    else if (ch === "_" || ch === "*") i++; // padding to a character's width, fill: no text of their own
    else if (ch === "[") {
      const end = code.indexOf("]", i);
      const stop = end < 0 ? code.length : end;
      push(bracket(code.slice(i + 1, stop), section));
      i = stop;
    } else if (/^general/i.test(rest)) {
      push({ t: "general" });
      i += 6;
    } else if (/^(am\/pm|a\/p|上午\/下午)/i.test(rest)) {
      const m = /^(am\/pm|a\/p|上午\/下午)/i.exec(rest)![0];
      push({ t: "ampm", s: m });
      i += m.length - 1;
    } else if (ch === "0" || ch === "#" || ch === "?") push({ t: "digit", c: ch });
    else if (ch === ".") push({ t: "point" });
    else if (ch === ",") push({ t: "comma" });
    else if (ch === "%") push({ t: "percent" });
    else if ((ch === "E" || ch === "e") && (code[i + 1] === "+" || code[i + 1] === "-")) push({ t: "exp", sign: code[++i] as "+" | "-" });
    else if (ch === "/") push({ t: "slash" });
    else if (ch === "@") push({ t: "text" });
    else if (DATE_LETTERS.test(ch)) {
      let j = i;
      while (code[j + 1]?.toLowerCase() === ch.toLowerCase()) j++;
      push({ t: "date", s: code.slice(i, j + 1).toLowerCase() });
      i = j;
    } else push({ t: "lit", s: ch });
  }
  section.isDate = section.tokens.some((t) => t.t === "date");
  return section;
}

const parsed = new Map<string, Section[]>();

/** The sections of a format code, parsed once per distinct code. */
export function sectionsOf(code: string): Section[] {
  let sections = parsed.get(code);
  if (!sections) {
    sections = splitSections(code).map(tokenize);
    parsed.set(code, sections);
  }
  return sections;
}
