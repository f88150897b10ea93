// Exact integer money arithmetic shared by the schedule and the repayment engine (fund.md, "Money conventions").

/** Rates are carried as hundredths of a percent per year: 4.8 %/year → 480n. */
export const RATE_SCALE = 10_000n; // 100 % × 100 hundredths
export const DAYS_PER_YEAR = 365n;

const RATE_PATTERN = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** Parse "7.25" → 725n; undefined when not 0–100 with at most 2 decimals. */
export function parseRateHundredths(text: string): bigint | undefined {
  const match = RATE_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const whole = BigInt(match[1] ?? '0');
  const fraction = BigInt((match[2] ?? '').padEnd(2, '0'));
  const hundredths = whole * 100n + fraction;
  return hundredths <= 100n * 100n ? hundredths : undefined;
}

/** numerator / denominator rounded half up; both must be non-negative, denominator positive. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) {
    throw new RangeError('divideRoundHalfUp expects numerator ≥ 0 and denominator > 0');
  }
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Interest of one period: outstanding × rate × days / 365, rounded half up to the đồng. */
export function periodInterestVnd(outstandingVnd: bigint, rateHundredths: bigint, days: number): bigint {
  return divideRoundHalfUp(outstandingVnd * rateHundredths * BigInt(days), DAYS_PER_YEAR * RATE_SCALE);
}

/** The smaller of two amounts. */
export function minVnd(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Sum of amounts. */
export function sumVnd(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}
