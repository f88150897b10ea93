import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { millionsToVnd, parseVietnameseNumber } from './numbers.ts';

const valueOf = (cell: unknown): number | undefined => {
  const parsed = parseVietnameseNumber(cell);
  if (parsed && !parsed.ok) throw new Error(parsed.reason);
  return parsed?.value;
};

/** Writes an integer with "." between thousands, as a Vietnamese spreadsheet shows it. */
const withDots = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, '.');

describe('parseVietnameseNumber', () => {
  it('passes numbers through', () => {
    expect(parseVietnameseNumber(4806)).toEqual({ ok: true, value: 4806 });
    expect(parseVietnameseNumber(-0.25)).toEqual({ ok: true, value: -0.25 });
    expect(parseVietnameseNumber(12n)).toEqual({ ok: true, value: 12 });
  });

  it.each([
    ['1.300,5', 1300.5],
    ['2.200,5', 2200.5],
    ['2.200', 2200],
    ['2,5', 2.5],
    ['1 300,5', 1300.5],
    ['1\u00a0300\u00a0000', 1_300_000],
    ['1.300.000,25', 1_300_000.25],
    [' 45 ', 45],
    ['0,05', 0.05],
    [',5', 0.5],
    ['-1.300,5', -1300.5],
    ['\u22122,5', -2.5],
    ['1300', 1300],
    ['0012', 12],
  ])('reads "%s" as %d', (text, expected) => {
    expect(valueOf(text)).toBe(expected);
  });

  it('treats empty cells as no value', () => {
    expect(parseVietnameseNumber(undefined)).toBeUndefined();
    expect(parseVietnameseNumber(null)).toBeUndefined();
    expect(parseVietnameseNumber('')).toBeUndefined();
    expect(parseVietnameseNumber('  \u00a0')).toBeUndefined();
  });

  const junk = ['abc', '2.5', '1.30', '1.3000', '1,300.5', '1.300.5', '12.34.567', '1 30', '1,2,3', '1.300,', '-', '5%', '1e5'];
  it.each(junk)(
    'refuses "%s" with a reason instead of guessing',
    (text) => {
      const parsed = parseVietnameseNumber(text);
      expect(parsed?.ok).toBe(false);
      expect(parsed && !parsed.ok && parsed.reason).toContain(text);
    },
  );

  it('refuses non-finite numbers and cells of other types', () => {
    for (const cell of [Number.NaN, Infinity, true, new Date(0), { formula: 'A1' }, 2n ** 60n]) {
      expect(parseVietnameseNumber(cell)?.ok).toBe(false);
    }
  });

  it('reads any integer written with thousands dots, spaces or none', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(valueOf(withDots(n))).toBe(n);
        expect(valueOf(withDots(n).replaceAll('.', ' '))).toBe(n);
        expect(valueOf(String(n))).toBe(n);
      }),
    );
  });

  it('reads integer and decimal parts as written', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.stringMatching(/^\d{1,4}$/), (whole, decimals) => {
        expect(valueOf(`${withDots(whole)},${decimals}`)).toBe(Number(`${whole}.${decimals}`));
      }),
    );
  });
});

describe('millionsToVnd', () => {
  it('converts exactly', () => {
    expect(millionsToVnd(1300.5)).toBe(1_300_500_000n);
    expect(millionsToVnd(4806)).toBe(4_806_000_000n);
    expect(millionsToVnd(0.1 + 0.2)).toBe(300_000n);
    expect(millionsToVnd(1.1)).toBe(1_100_000n); // 1.1 * 1e6 = 1100000.0000000002 in floating point
    expect(millionsToVnd('380912')).toBe(380_912_000_000n);
    expect(millionsToVnd(70_000_000)).toBe(70_000_000_000_000n);
  });

  it('rounds below the đồng half up', () => {
    expect(millionsToVnd(0.0000005)).toBe(1n);
    expect(millionsToVnd(0.0000004)).toBe(0n);
    expect(millionsToVnd('1.2345675')).toBe(1_234_568n);
    expect(millionsToVnd('1.23456749')).toBe(1_234_567n);
  });

  it('agrees with the written digits for any amount with up to six decimals', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000_000 }), fc.nat({ max: 999_999 }), (whole, micro) => {
        const written = `${whole}.${String(micro).padStart(6, '0')}`;
        expect(millionsToVnd(Number(written))).toBe(BigInt(whole) * 1_000_000n + BigInt(micro));
      }),
    );
  });

  it('refuses what is not a finite decimal', () => {
    expect(() => millionsToVnd(Number.NaN)).toThrow(RangeError);
    expect(() => millionsToVnd('1.300,5')).toThrow(RangeError);
  });
});
