import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBillionsVnd,
  formatCount,
  formatPercent,
  formatVnd,
  largestRemainderPercents,
  percentOf,
} from './format.ts';

describe('formatVnd', () => {
  it('writes whole đồng with thousands dots', () => {
    expect(formatVnd(2_772_000_000n)).toBe('2.772.000.000 đ');
    expect(formatVnd(380_912_000_000n)).toBe('380.912.000.000 đ');
    expect(formatVnd(70_000_000_000_000n)).toBe('70.000.000.000.000 đ');
    expect(formatVnd(999)).toBe('999 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatVnd(-1500)).toBe('-1.500 đ');
  });

  it('rounds a fractional amount half up to the đồng', () => {
    expect(formatVnd(1234.5)).toBe('1.235 đ');
    expect(formatVnd(1234.49)).toBe('1.234 đ');
  });

  it('reads back as the same amount for any bigint', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (amount) => {
        const text = formatVnd(amount);
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})* đ$/);
        expect(BigInt(text.replace(/\.| đ/g, ''))).toBe(amount);
      }),
    );
  });
});

describe('formatBillionsVnd', () => {
  it('writes whole billions', () => {
    expect(formatBillionsVnd(2_772_000_000_000n)).toBe('2.772 tỷ đồng');
    expect(formatBillionsVnd(380_912_000_000n)).toBe('381 tỷ đồng');
    expect(formatBillionsVnd(2_500_000_000)).toBe('3 tỷ đồng');
    expect(formatBillionsVnd(2_499_999_999n)).toBe('2 tỷ đồng');
    expect(formatBillionsVnd(0n)).toBe('0 tỷ đồng');
  });
});

describe('formatCount', () => {
  it('writes thousands dots', () => {
    expect(formatCount(1116)).toBe('1.116');
    expect(formatCount(42_000)).toBe('42.000');
    expect(formatCount(6_000_000)).toBe('6.000.000');
    expect(formatCount(731)).toBe('731');
    expect(formatCount(0)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('writes a decimal comma and fixed decimals', () => {
    expect(formatPercent(65.5)).toBe('65,50%');
    expect(formatPercent(1.79)).toBe('1,79%');
    expect(formatPercent(202)).toBe('202,00%');
    expect(formatPercent(100)).toBe('100,00%');
    expect(formatPercent(1234.5)).toBe('1.234,50%');
    expect(formatPercent(65.5, 0)).toBe('66%');
    expect(formatPercent(2 / 3, 1)).toBe('0,7%');
  });

  it('rounds half up on the written digits', () => {
    expect(formatPercent(1.005)).toBe('1,01%'); // (1.005).toFixed(2) gives "1.00"
    expect(formatPercent(0.125)).toBe('0,13%');
    expect(formatPercent(-0.001)).toBe('0,00%');
  });
});

describe('largestRemainderPercents', () => {
  it('matches the year-end report examples', () => {
    expect(largestRemainderPercents([731, 365, 20])).toEqual([65.5, 32.71, 1.79]);
    expect(largestRemainderPercents([145, 80, 4])).toEqual([63.32, 34.93, 1.75]);
  });

  it('handles the edge cases', () => {
    expect(largestRemainderPercents([])).toEqual([]);
    expect(largestRemainderPercents([0, 0, 0])).toEqual([0, 0, 0]);
    expect(largestRemainderPercents([5])).toEqual([100]);
    expect(largestRemainderPercents([0, 7])).toEqual([0, 100]);
    expect(largestRemainderPercents([1, 1, 1])).toEqual([33.34, 33.33, 33.33]); // ties go to the first
    expect(largestRemainderPercents([1, 1, 1], 0)).toEqual([34, 33, 33]);
    expect(largestRemainderPercents([2n, 1n], 1)).toEqual([66.7, 33.3]);
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => largestRemainderPercents([1, -1])).toThrow(RangeError);
    expect(() => largestRemainderPercents([1.5])).toThrow(RangeError);
    expect(() => largestRemainderPercents([Number.NaN])).toThrow(RangeError);
    expect(() => largestRemainderPercents([1], -1)).toThrow(RangeError);
  });

  it('adds up to exactly 100.00, each share within 0.01 of the exact one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const percents = largestRemainderPercents(counts);
        expect(percents).toHaveLength(counts.length);
        const hundredths = percents.map((p) => Math.round(p * 100));
        for (const [i, p] of percents.entries()) {
          expect(p * 100).toBeCloseTo(hundredths[i] ?? Number.NaN, 6); // whole hundredths
          if (total > 0) {
            // |share − exact| < 0.01  ⇔  |hundredths · total − count · 10000| < total, in exact integers
            const diff = BigInt(hundredths[i] ?? 0) * BigInt(total) - BigInt(counts[i] ?? 0) * 10_000n;
            expect(diff < BigInt(total) && -diff < BigInt(total)).toBe(true);
          }
        }
        expect(hundredths.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : 10_000);
      }),
    );
  });

  it('never gives a larger count a smaller share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 10 }), (counts) => {
        const percents = largestRemainderPercents(counts);
        for (let i = 0; i < counts.length; i++) {
          for (let j = 0; j < counts.length; j++) {
            if ((counts[i] ?? 0) > (counts[j] ?? 0)) {
              expect(percents[i] ?? 0).toBeGreaterThanOrEqual(percents[j] ?? 0);
            }
          }
        }
      }),
    );
  });
});

describe('percentOf', () => {
  it('computes the share of a plan achieved', () => {
    expect(percentOf(101, 50)).toBe(202);
    expect(percentOf(24, 12)).toBe(200);
    expect(percentOf(731, 1116)).toBe(65.5);
    expect(percentOf(365, 1116)).toBe(32.71);
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(2, 3, 0)).toBe(67);
  });

  it('rounds half up exactly, also with decimal inputs', () => {
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 8, 0)).toBe(13);
    expect(percentOf(1, 16)).toBe(6.25);
    expect(percentOf(1, 16, 1)).toBe(6.3);
    expect(percentOf(0.3, 0.1 + 0.2)).toBe(100); // exactly 99.999999999999986…%, which rounds to 100
    expect(percentOf(12.5, 50)).toBe(25);
    expect(percentOf(3n, 4n)).toBe(75);
    expect(percentOf(-1, 8)).toBe(-12.5);
  });

  it('has no percentage of a zero target', () => {
    expect(percentOf(5, 0)).toBeUndefined();
  });

  it('agrees with exact integer arithmetic', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (actual, target) => {
        const expected = Math.floor((2 * actual * 10_000 + target) / (2 * target)); // safe: < 2^53
        expect(Math.round(percentOf(actual, target)! * 100)).toBe(expected);
      }),
    );
  });
});
