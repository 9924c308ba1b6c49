/**
 * Exact arithmetic for fractions (X分之Y, 3/5). A terminating quotient (denominator made of 2s and 5s once reduced)
 * is an exact decimal: 二十五分之一百四十四 = 5.76, 十六分之五 = 0.3125. 三分之一 has none: it is kept as a reduced
 * rational, with a rounded value for display.
 */
import { formatDecimal, parseDecimal } from "../util/decimal.js";

/** Longest decimal expansion tried; 2^k·5^m denominators of any real figure terminate well before. */
const MAX_FRACTION_DIGITS = 64;

/** numerator ÷ denominator as an exact decimal string, or null when it does not terminate (or ÷ 0). */
export function divideExact(numerator: string, denominator: string): string | null {
  const n = parseDecimal(numerator);
  const d = parseDecimal(denominator);
  const num = n.units * 10n ** BigInt(d.scale);
  const den = d.units * 10n ** BigInt(n.scale);
  if (den === 0n) return null;
  let scaled = num;
  for (let digits = 0; digits <= MAX_FRACTION_DIGITS; digits++) {
    if (scaled % den === 0n) return formatDecimal({ units: scaled / den, scale: digits });
    scaled *= 10n;
  }
  return null;
}

/** An exact rational: signed numerator over a positive denominator, reduced. */
export interface Rational {
  numerator: bigint;
  denominator: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** whole + numerator/denominator (decimal strings) as a reduced rational; null for ÷ 0. */
export function rational(numerator: string, denominator: string, whole = "0"): Rational | null {
  const n = parseDecimal(numerator);
  const d = parseDecimal(denominator);
  const w = parseDecimal(whole);
  // n/10^ns ÷ d/10^ds = n·10^ds / (d·10^ns); the whole part over the same denominator, at its own scale.
  let num = n.units * 10n ** BigInt(d.scale);
  let den = d.units * 10n ** BigInt(n.scale);
  if (den === 0n) return null;
  if (den < 0n) [num, den] = [-num, -den];
  num = num * 10n ** BigInt(w.scale) + w.units * den;
  den *= 10n ** BigInt(w.scale);
  const g = gcd(num, den) || 1n;
  return { numerator: num / g, denominator: den / g };
}

/** A rational's value rounded half away from zero to `digits` decimals, as a canonical decimal string. */
export function roundRational(r: Rational, digits: number): string {
  const scaled = r.numerator * 10n ** BigInt(digits);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  let q = abs / r.denominator;
  if ((abs % r.denominator) * 2n >= r.denominator) q++;
  return formatDecimal({ units: negative ? -q : q, scale: digits });
}
