/**
 * Numbers as Vietnamese readers expect them ("." between thousands, "," before decimals) and the
 * percentages of a report, computed in integers so that shares add up to exactly 100.
 */
import { divideRounded, parseDecimal, scaleDecimal } from './decimal.ts';

const BILLION = 1_000_000_000n;

/** Puts "." between groups of three digits: "2772000000" → "2.772.000.000". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

/** Writes scaled / 10^decimals with Vietnamese separators: (6550n, 2) → "65,50". */
function formatScaled(scaled: bigint, decimals: number): string {
  const sign = scaled < 0n ? '-' : '';
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = groupThousands(digits.slice(0, digits.length - decimals));
  return decimals === 0 ? sign + whole : `${sign}${whole},${digits.slice(digits.length - decimals)}`;
}

/** An amount in đồng, rounded to the đồng: 2772000000n → "2.772.000.000 đ". */
export function formatVnd(amount: bigint | number): string {
  return `${formatScaled(scaleDecimal(amount, 0), 0)} đ`;
}

/** An amount in đồng as whole billions, rounded half up: 2772000000000n → "2.772 tỷ đồng". */
export function formatBillionsVnd(amount: bigint | number): string {
  return `${formatScaled(divideRounded(scaleDecimal(amount, 0), BILLION), 0)} tỷ đồng`;
}

/** A count, rounded to a whole number: 1116 → "1.116". */
export function formatCount(count: number | bigint): string {
  return formatScaled(scaleDecimal(count, 0), 0);
}

/** A percentage with a fixed number of decimals, rounded half up on its written digits: 65.5 → "65,50%". */
export function formatPercent(percent: number, decimals = 2): string {
  return `${formatScaled(scaleDecimal(percent, decimals), decimals)}%`;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`Bad number of decimals: ${decimals}`);
}

function toNonNegativeInteger(count: number | bigint): bigint {
  if (typeof count === 'bigint' ? count < 0n : !Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`Counts must be non-negative integers, got ${count}`);
  }
  return BigInt(count);
}

/**
 * Each count's share of the total in percent, with `decimals` decimals, adding up to exactly 100
 * (largest-remainder method): [731, 365, 20] → [65.5, 32.71, 1.79]. Each share is within one unit of the
 * last decimal of the exact share. Ties in remainder go to the earlier count; all zeros give all 0.
 */
export function largestRemainderPercents(counts: readonly (number | bigint)[], decimals = 2): number[] {
  checkDecimals(decimals);
  const values = counts.map(toNonNegativeInteger);
  const total = values.reduce((sum, v) => sum + v, 0n);
  if (total === 0n) return values.map(() => 0);

  // Work in units of 10^-decimals percent: 100% is 10,000 units with two decimals.
  const whole = 100n * 10n ** BigInt(decimals);
  const shares = values.map((v, index) => ({ index, units: (v * whole) / total, remainder: (v * whole) % total }));
  let left = whole - shares.reduce((sum, s) => sum + s.units, 0n);
  // Fewer units are left than there are counts, so each count gains at most one.
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.units += 1n;
    left -= 1n;
  }
  const scale = 10 ** decimals;
  return shares.map((s) => Number(s.units) / scale);
}

/**
 * `actual` as a percentage of `target`, rounded half up to `decimals` decimals, computed exactly on the
 * written digits: percentOf(101, 50) → 202, percentOf(24, 12) → 200. Undefined when the target is 0.
 */
export function percentOf(actual: number | bigint, target: number | bigint, decimals = 2): number | undefined {
  checkDecimals(decimals);
  const a = parseDecimal(actual);
  const t = parseDecimal(target);
  if (t.mantissa === 0n) return undefined;
  // actual / target = (a.m / 10^a.s) / (t.m / 10^t.s) = a.m · 10^t.s / (t.m · 10^a.s)
  const numerator = a.mantissa * 10n ** BigInt(t.scale) * 100n * 10n ** BigInt(decimals);
  const denominator = t.mantissa * 10n ** BigInt(a.scale);
  return Number(divideRounded(numerator, denominator)) / 10 ** decimals;
}

/** 20971520 → "20 MB", for messages people read. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}
