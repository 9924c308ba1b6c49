/**
 * Decimal strings into DECIMAL(20,4) without a float and without rounding: a value with more than 4 significant
 * decimals or 16 integer digits does not fit, and is stored NULL (counted in documents.inexact_values) rather than
 * rounded — the JSON, CSV and NDJSON keep it exact.
 */
import { DECIMAL_PRECISION, DECIMAL_SCALE } from "./schema.js";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const INT_DIGITS = DECIMAL_PRECISION - DECIMAL_SCALE;
const ZEROS = "0".repeat(DECIMAL_SCALE);

/** The value × 10^4 as an integer, or null when `s` is not a decimal string or does not fit. */
export function scaledDecimal(s: string): bigint | null {
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const int = m[2]!.replace(/^0+(?=\d)/, "");
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (int.length > INT_DIGITS || frac.length > DECIMAL_SCALE) return null;
  return BigInt(`${m[1]}${int}${(frac + ZEROS).slice(0, DECIMAL_SCALE)}`);
}

/** True when the value is absent or stored exactly. */
export function fitsDecimal(s: string | null | undefined): boolean {
  return s === null || s === undefined || scaledDecimal(s) !== null;
}
