import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, parseDecimal, scaleDecimal } from './decimal.ts';

describe('parseDecimal', () => {
  it('reads numbers by their shortest spelling', () => {
    expect(parseDecimal(1300.5)).toEqual({ mantissa: 13005n, scale: 1 });
    expect(parseDecimal(0.1 + 0.2)).toEqual({ mantissa: 30000000000000004n, scale: 17 });
    expect(parseDecimal(-42)).toEqual({ mantissa: -42n, scale: 0 });
    expect(parseDecimal(1e21)).toEqual({ mantissa: 10n ** 21n, scale: 0 });
    expect(parseDecimal(1.5e-7)).toEqual({ mantissa: 15n, scale: 8 });
  });

  it('reads bigints and plain decimal strings', () => {
    expect(parseDecimal(7n * 10n ** 13n)).toEqual({ mantissa: 70_000_000_000_000n, scale: 0 });
    expect(parseDecimal(' -1300.50 ')).toEqual({ mantissa: -130050n, scale: 2 });
    expect(parseDecimal('.5')).toEqual({ mantissa: 5n, scale: 1 });
    expect(parseDecimal('+12.')).toEqual({ mantissa: 12n, scale: 0 });
  });

  it('rejects what is not a finite decimal', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, '', '.', 'abc', '1,5', '1.2.3', '1e999999999']) {
      expect(() => parseDecimal(bad)).toThrow(RangeError);
    }
  });

  it('round-trips every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const { mantissa, scale } = parseDecimal(x);
        expect(Number(`${mantissa}e-${scale}`)).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('divideRounded', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(5n, -2n)).toBe(-3n);
    expect(divideRounded(7n, 3n)).toBe(2n);
    expect(divideRounded(8n, 3n)).toBe(3n);
    expect(divideRounded(0n, 3n)).toBe(0n);
  });

  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt().filter((d) => d !== 0n), (n, d) => {
        const q = divideRounded(n, d);
        const error = q * d - n; // the quotient's error, times d
        const absD = d < 0n ? -d : d;
        expect(2n * (error < 0n ? -error : error) <= absD).toBe(true);
      }),
    );
  });

  it('refuses to divide by zero', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe('scaleDecimal', () => {
  it('rounds on the written digits, not on the binary value', () => {
    expect(scaleDecimal(1.005, 2)).toBe(101n); // (1.005).toFixed(2) gives "1.00"
    expect(scaleDecimal(0.1 + 0.2, 6)).toBe(300_000n);
    expect(scaleDecimal(1300.5, 6)).toBe(1_300_500_000n);
    expect(scaleDecimal('-2.5', 0)).toBe(-3n);
    expect(scaleDecimal(12, 3)).toBe(12_000n);
  });

  it('rejects a bad number of places', () => {
    expect(() => scaleDecimal(1, -1)).toThrow(RangeError);
    expect(() => scaleDecimal(1, 1.5)).toThrow(RangeError);
  });
});
