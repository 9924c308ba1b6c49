/** Character classes and joining rules for rebuilding Chinese text from positioned runs. */

const CJK_RE = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/;

export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/** Advance of a character in ems, an estimate used to place split points inside a run of known width. */
export function charWeight(ch: string): number {
  if (/\s/.test(ch)) return 0.35;
  if (isCjk(ch)) return 1;
  return 0.5;
}

export function textWeight(text: string): number {
  let w = 0;
  for (const ch of text) w += charWeight(ch);
  return w;
}

function lastChar(s: string): string {
  const chars = Array.from(s);
  return chars[chars.length - 1] ?? "";
}

function firstChar(s: string): string {
  return Array.from(s)[0] ?? "";
}

/**
 * Two runs on one line: a space only between Latin/digit runs that are visibly apart; CJK never gets one,
 * because PDF producers split Chinese text into arbitrary glyph runs.
 */
export function joinOnLine(left: string, right: string, gap: number, fontSize: number, wordSpaceEms: number): string {
  if (left === "") return right;
  if (right === "") return left;
  const a = lastChar(left);
  const b = firstChar(right);
  if (/\s/.test(a) || /\s/.test(b)) return left + right;
  if (isCjk(a) || isCjk(b)) return left + right;
  return gap > fontSize * wordSpaceEms ? `${left} ${right}` : left + right;
}

/**
 * A line wrapped into the next one: Chinese, numbers and units are glued back ("1,234." + "56万元");
 * only Latin words keep a space between them.
 */
export function joinWrapped(prev: string, next: string): string {
  const left = prev.replace(/\s+$/, "");
  const right = next.replace(/^\s+/, "");
  if (left === "") return right;
  if (right === "") return left;
  const a = lastChar(left);
  const b = firstChar(right);
  if (/[A-Za-z]/.test(a) && /[A-Za-z]/.test(b)) return `${left} ${right}`;
  return left + right;
}
