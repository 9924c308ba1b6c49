/**
 * Exact decimal arithmetic on a cell's stored number ("1234.5600000000001", "1.2E-3"): the value is digits × 10^exp
 * held as a BigInt, so formatting never goes through a float and money stays exactly as the sheet shows it.
 */

export interface Decimal {
  negative: boolean;
  /** Non-negative integer mantissa. */
  digits: bigint;
  exp: number;
}

const NUMBER = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/** The stored text of a numeric cell → a Decimal; null when it is no number. */
export function parseDecimal(text: string): Decimal | null {
  const m = NUMBER.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] ?? "";
  return normalize({ negative: m[1] === "-", digits: BigInt(`${m[2]}${frac}` || "0"), exp: Number(m[4] ?? 0) - frac.length });
}

/** Trailing zeros folded into the exponent; zero is never negative. */
function normalize(d: Decimal): Decimal {
  let { digits, exp } = d;
  if (digits === 0n) return { negative: false, digits: 0n, exp: 0 };
  while (digits % 10n === 0n) {
    digits /= 10n;
    exp++;
  }
  return { negative: d.negative, digits, exp };
}

export function isZero(d: Decimal): boolean {
  return d.digits === 0n;
}

export function abs(d: Decimal): Decimal {
  return { ...d, negative: false };
}

/** × 10^k: percent (k = 2), thousands scaling by a trailing comma (k = −3). */
export function shift(d: Decimal, k: number): Decimal {
  return normalize({ ...d, exp: d.exp + k });
}

/** Drops `k` low digits, rounding half away from zero (as Excel displays). */
function dropDigits(d: Decimal, k: number): Decimal {
  if (k <= 0) return d;
  const p = 10n ** BigInt(k);
  let q = d.digits / p;
  if ((d.digits % p) * 2n >= p) q += 1n;
  return normalize({ negative: d.negative, digits: q, exp: d.exp + k });
}

/** Excel keeps 15 significant digits: 1234.5600000000001 is 1234.56 on screen. */
export function toPrecision15(d: Decimal): Decimal {
  return dropDigits(d, d.digits.toString().length - 15);
}

/** Rounded to `places` decimals. */
export function roundTo(d: Decimal, places: number): Decimal {
  return dropDigits(d, -places - d.exp);
}

/** Integer and fraction digits of |d| with exactly `places` fraction digits (d already rounded to them). */
export function fixedParts(d: Decimal, places: number): { int: string; frac: string } {
  const r = roundTo(d, places);
  const scaled = r.exp + places >= 0 ? r.digits * 10n ** BigInt(r.exp + places) : r.digits;
  const s = scaled.toString().padStart(places + 1, "0");
  return { int: s.slice(0, s.length - places), frac: s.slice(s.length - places) };
}

/** Shortest plain text of d: "1234.56", "-0.5", "1200". */
export function plainText(d: Decimal): string {
  const n = normalize(d);
  const sign = n.negative ? "-" : "";
  if (n.exp >= 0) return `${sign}${n.digits.toString()}${"0".repeat(n.exp)}`;
  const { int, frac } = fixedParts(abs(n), -n.exp);
  return `${sign}${int}.${frac}`;
}

/** d as a float, for date serials only (never for money). */
export function toNumber(d: Decimal): number {
  return Number(plainText(d));
}
