/**
 * Exact decimal arithmetic on the digits a number is written with, so that money and percentages never
 * pick up binary floating-point errors (0.1 + 0.2, 1.005 rounding to 1.00).
 */

/** A decimal value `mantissa / 10^scale`, e.g. 1300.5 is { mantissa: 13005n, scale: 1 }. */
export interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Reads a number (by its shortest round-trip spelling), a bigint or a plain decimal string ("-1300.5",
 * "1e-7"); throws RangeError on anything else.
 */
export function parseDecimal(value: number | bigint | string): Decimal {
  if (typeof value === 'bigint') return { mantissa: value, scale: 0 };
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`Not a finite number: ${value}`);
  }
  // String(number) is the shortest spelling that reads back as the same double: it is what people typed.
  const text = String(value).trim();
  const match = PLAIN_DECIMAL.exec(text);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match ?? [];
  // The exponent bound covers every double (5e-324 … 1.8e308) and keeps a hostile "1e999999999" cheap.
  if (!match || whole.length + fraction.length === 0 || Math.abs(Number(exponent)) > 400) {
    throw new RangeError(`Not a decimal number: "${text}"`);
  }
  const digits = BigInt(whole + fraction);
  let scale = fraction.length - Number(exponent);
  let mantissa = sign === '-' ? -digits : digits;
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { mantissa, scale };
}

/** Divides two integers rounding half away from zero (2.5 → 3, −2.5 → −3); throws on a zero divisor. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** The value × 10^places as an integer, rounded half away from zero: scaleDecimal(1.005, 2) → 101n. */
export function scaleDecimal(value: number | bigint | string, places: number): bigint {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`Bad number of places: ${places}`);
  const { mantissa, scale } = parseDecimal(value);
  if (scale <= places) return mantissa * 10n ** BigInt(places - scale);
  return divideRounded(mantissa, 10n ** BigInt(scale - places));
}
