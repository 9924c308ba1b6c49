/**
 * Exact decimal arithmetic on strings, backed by BigInt. Money never passes through a JS float.
 * A Decimal is stored as an integer `units` scaled by 10^-scale.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?$/;

export function parseDecimal(s: string): Decimal {
  const m = DECIMAL_RE.exec(s.trim());
  if (!m) throw new RangeError(`not a decimal: ${JSON.stringify(s)}`);
  const frac = m[3] ?? "";
  const units = BigInt((m[2] ?? "0") + frac);
  return { units: m[1] === "-" ? -units : units, scale: frac.length };
}

export function isDecimalString(s: string): boolean {
  return DECIMAL_RE.test(s.trim());
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

/** Canonical string: no exponent, no trailing fractional zeros, "-0" folded to "0". */
export function formatDecimal(d: Decimal): string {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  const neg = units < 0n;
  let digits = (neg ? -units : units).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, "0");
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return neg && units !== 0n ? `-${digits}` : digits;
}

export function add(a: string, b: string): string {
  const [x, y, scale] = align(parseDecimal(a), parseDecimal(b));
  return formatDecimal({ units: x + y, scale });
}

export function sub(a: string, b: string): string {
  const [x, y, scale] = align(parseDecimal(a), parseDecimal(b));
  return formatDecimal({ units: x - y, scale });
}

export function mul(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return formatDecimal({ units: x.units * y.units, scale: x.scale + y.scale });
}

export function neg(a: string): string {
  const x = parseDecimal(a);
  return formatDecimal({ units: -x.units, scale: x.scale });
}

export function abs(a: string): string {
  const x = parseDecimal(a);
  return formatDecimal({ units: x.units < 0n ? -x.units : x.units, scale: x.scale });
}

/** -1, 0 or 1. */
export function compare(a: string, b: string): number {
  const [x, y] = align(parseDecimal(a), parseDecimal(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sum(values: readonly string[]): string {
  return values.reduce((acc, v) => add(acc, v), "0");
}

/** Canonicalize any decimal string ("007.50" → "7.5"). */
export function normalizeDecimal(s: string): string {
  return formatDecimal(parseDecimal(s));
}

/** Number of digits after the point as printed ("13.96" → 2). */
export function printedDecimals(s: string): number {
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

/** Half a unit of the last printed digit, times a multiplier: the rounding tolerance of a printed figure. */
export function halfUlp(decimals: number, multiplier = "1"): string {
  return mul(formatDecimal({ units: 5n, scale: decimals + 1 }), multiplier);
}
