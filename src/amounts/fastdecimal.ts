/**
 * String-only helpers for the recognizer's hot path. Every multiplier it applies (万, 亿, 千元 …) is a power
 * of ten, so scaling is moving the point; no BigInt or regex per figure. Results are canonical decimal
 * strings, identical to util/decimal's formatDecimal.
 */
import { mul } from "../util/decimal.js";

/** Canonical form of a plain decimal string ("007.50" → "7.5", "-0.0" → "0"). Input must be -?\d+(\.\d+)?. */
export function canonical(s: string): string {
  const negative = s.charCodeAt(0) === 45; // "-"
  let a = negative ? 1 : 0;
  let b = s.length;
  const dot = s.indexOf(".");
  const intEnd = dot < 0 ? b : dot;
  while (a < intEnd - 1 && s.charCodeAt(a) === 48) a++;
  if (dot >= 0) {
    while (b > dot + 1 && s.charCodeAt(b - 1) === 48) b--;
    if (b === dot + 1) b = dot;
  }
  const body = a === (negative ? 1 : 0) && b === s.length ? (negative ? s.slice(1) : s) : s.slice(a, b);
  if (body === "0") return "0";
  return negative ? `-${body}` : body;
}

/** value × 10^k for any integer k, exact. */
export function shift10(value: string, k: number): string {
  if (k === 0) return canonical(value);
  const negative = value.charCodeAt(0) === 45;
  const body = negative ? value.slice(1) : value;
  const dot = body.indexOf(".");
  let digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  let point = dot < 0 ? body.length : dot; // digits before the point
  point += k;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits + "0".repeat(point - digits.length);
  }
  const out = canonical(point === digits.length ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`);
  return negative && out !== "0" ? `-${out}` : out;
}

/** value × multiplier; a power-of-ten multiplier ("10000") is a point shift. */
export function scaleBy(value: string, multiplier: string): string {
  if (/^10*$/.test(multiplier)) return shift10(value, multiplier.length - 1);
  return mul(value, multiplier);
}

export function negate(value: string): string {
  if (value === "0") return "0";
  return value.charCodeAt(0) === 45 ? value.slice(1) : `-${value}`;
}
