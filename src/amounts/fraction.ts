/**
 * Exact quotients for X分之Y fractions. A fraction is an amount only when its value is a terminating
 * decimal (denominator made of 2s and 5s once reduced): 二十五分之一百四十四 = 5.76, 十六分之五 = 0.3125.
 * 三分之一 has no exact decimal form, and the model holds exact decimals only.
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
