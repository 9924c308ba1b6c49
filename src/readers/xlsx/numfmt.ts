/**
 * A numeric cell printed through its number format, the way Excel shows it: "#,##0.00" → "1,234.56",
 * "0.0%" → "12.5%", "yyyy年m月" → "2026年1月", a zero section of "-" → "-". Exact: rounding is decimal.
 */
import { abs, fixedParts, isZero, parseDecimal, plainText, roundTo, shift, toPrecision15, type Decimal } from "./decimal.js";
import { sectionsOf, type Section, type Token } from "./format-code.js";
import { formatDate } from "./datefmt.js";

/** Pick the section for a value: positive;negative;zero;text, or by [condition]. */
function pick(sections: Section[], d: Decimal): { section: Section; signed: boolean } {
  if (sections.some((s) => s.condition)) {
    const v = Number(plainText(d));
    const hit = sections.find((s) => s.condition && test(s.condition, v)) ?? sections.find((s) => !s.condition) ?? sections[0]!;
    return { section: hit, signed: hit === sections[0] || !hit.condition };
  }
  const n = Math.min(sections.length, 3);
  if (d.negative && n >= 2) return { section: sections[1]!, signed: false };
  if (isZero(d) && n >= 3) return { section: sections[2]!, signed: false };
  return { section: sections[0]!, signed: true };
}

function test(c: { op: string; value: number }, v: number): boolean {
  switch (c.op) {
    case "<": return v < c.value;
    case "<=": return v <= c.value;
    case ">": return v > c.value;
    case ">=": return v >= c.value;
    case "=": return v === c.value;
    default: return v !== c.value;
  }
}

/** General: up to 15 significant digits, no trailing zeros. */
export function generalText(d: Decimal): string {
  return plainText(toPrecision15(d));
}

interface Layout {
  intDigits: Token[];
  fracDigits: Token[];
  hasPoint: boolean;
  grouping: boolean;
  /** Thousands scaling: each comma right after the last integer placeholder divides by 1000. */
  scale: number;
  percent: number;
}

function layoutOf(tokens: Token[]): Layout {
  const l: Layout = { intDigits: [], fracDigits: [], hasPoint: false, grouping: false, scale: 0, percent: 0 };
  let pendingCommas = 0;
  for (const tok of tokens) {
    if (tok.t === "digit") {
      if (l.hasPoint) {
        l.fracDigits.push(tok);
        pendingCommas = 0;
      } else {
        if (pendingCommas > 0 && l.intDigits.length > 0) l.grouping = true;
        pendingCommas = 0;
        l.intDigits.push(tok);
      }
    } else if (tok.t === "point") {
      if (!l.hasPoint) l.scale += pendingCommas;
      pendingCommas = 0;
      l.hasPoint = true;
    } else if (tok.t === "comma") pendingCommas++;
    else if (tok.t === "percent") l.percent++;
  }
  l.scale += pendingCommas;
  return l;
}

/** The digits of |d| laid out on the placeholders. */
function digitsText(d: Decimal, l: Layout): string {
  const { int, frac } = fixedParts(d, l.fracDigits.length);
  const minInt = l.intDigits.filter((t) => t.t === "digit" && t.c === "0").length;
  let intText = int.replace(/^0+/, "");
  if (intText.length < minInt) intText = intText.padStart(minInt, "0");
  if (l.grouping) intText = intText.replace(/\B(?=(\d{3})+$)/g, ",");
  let fracText = frac;
  for (let i = l.fracDigits.length - 1; i >= 0; i--) {
    const tok = l.fracDigits[i]!;
    if (tok.t !== "digit" || tok.c === "0" || fracText[i] !== "0") break;
    fracText = fracText.slice(0, i);
  }
  return `${intText}${l.hasPoint ? "." : ""}${fracText}`;
}

/** Literal text before the first placeholder, the number, the literals after it. */
function numberSection(d: Decimal, tokens: Token[], signed: boolean): string {
  const l = layoutOf(tokens);
  if (tokens.some((t) => t.t === "exp" || t.t === "slash")) return `${signed && d.negative ? "-" : ""}${generalText(abs(d))}`;
  const scaled = shift(toPrecision15(abs(d)), 2 * l.percent - 3 * l.scale);
  const value = tokens.some((t) => t.t === "general") ? scaled : roundTo(scaled, l.fracDigits.length);
  const first = tokens.findIndex((t) => t.t === "digit" || t.t === "general");
  let out = "";
  let placed = false;
  for (const [i, tok] of tokens.entries()) {
    if (tok.t === "lit") out += tok.s;
    else if (tok.t === "percent") out += "%";
    else if (tok.t === "general" && !placed) {
      out += generalText(value);
      placed = true;
    } else if (tok.t === "digit" && !placed && i >= first) {
      out += digitsText(value, l);
      placed = true;
    }
  }
  const minus = signed && d.negative && !isZero(value) ? "-" : "";
  return minus + out;
}

/** A numeric cell's text through its format code; `date1904` from the workbook. */
export function formatNumber(stored: string, code: string, date1904 = false): string {
  const d = parseDecimal(stored);
  if (!d) return stored;
  const sections = sectionsOf(code);
  const { section, signed } = pick(sections, d);
  if (section.tokens.length === 0) return sections.length > 1 ? "" : generalText(d);
  if (section.isDate) return formatDate(d, section.tokens, date1904) ?? generalText(d);
  if (!section.tokens.some((t) => t.t === "digit" || t.t === "general")) {
    // All literal ("-" in a zero section), or text-only "@": a number under "@" shows as General.
    const lits = section.tokens.filter((t) => t.t === "lit" || t.t === "text");
    if (lits.length === 0 || lits.every((t) => t.t === "text")) return generalText(d);
    return lits.map((t) => (t.t === "lit" ? t.s : generalText(d))).join("").trim();
  }
  return numberSection(d, section.tokens, signed).trim();
}

/** A text cell through its format: the 4th section's "@" (or the first's, if it has one) holds the text. */
export function formatText(text: string, code: string): string {
  const sections = sectionsOf(code);
  const section = sections.length >= 4 ? sections[3]! : sections.find((s) => s.tokens.some((t) => t.t === "text"));
  if (!section) return text;
  return section.tokens
    .map((t) => (t.t === "text" ? text : t.t === "lit" ? t.s : ""))
    .join("")
    .trim();
}
