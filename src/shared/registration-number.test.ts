import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber, computeCheckDigit } from './registration-number.ts';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const weightedSum = (first9: string): number =>
  WEIGHTS.reduce((sum, w, i) => sum + w * Number(first9[i]), 0);

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

describe('computeCheckDigit', () => {
  it('computes the digits of the sample workbook', () => {
    expect(computeCheckDigit('240102512')).toBe(5); // sum 269, mod 11 = 5
    expect(computeCheckDigit('240100969')).toBe(1); // sum 317, mod 11 = 9
    expect(computeCheckDigit('240101833')).toBe(6); // sum 290, mod 11 = 4
  });

  it('gives 0 when the sum is 10 mod 11, and nothing when it is 0 mod 11', () => {
    expect(weightedSum('000000101')).toBe(10);
    expect(computeCheckDigit('000000101')).toBe(0);
    expect(weightedSum('000000000')).toBe(0);
    expect(computeCheckDigit('000000000')).toBeUndefined();
    expect(weightedSum('000010010')).toBe(22); // 22 mod 11 = 0
    expect(computeCheckDigit('000010010')).toBeUndefined();
  });

  it('is always a digit 0–9, or undefined exactly when the sum is divisible by 11', () => {
    fc.assert(
      fc.property(nineDigits, (first9) => {
        const check = computeCheckDigit(first9);
        if (weightedSum(first9) % 11 === 0) expect(check).toBeUndefined();
        else expect(check).toBe(10 - (weightedSum(first9) % 11));
        if (check !== undefined) expect(check >= 0 && check <= 9).toBe(true);
      }),
    );
  });

  it('rejects input that is not nine digits', () => {
    expect(() => computeCheckDigit('24010251')).toThrow(RangeError);
    expect(() => computeCheckDigit('24010251a')).toThrow(RangeError);
  });
});

describe('checkRegistrationNumber', () => {
  it('accepts the numbers of the sample workbook', () => {
    for (const n of ['2401025125', '2401009691', '2401018336']) {
      expect(checkRegistrationNumber(n)).toEqual({ ok: true, normalized: n });
    }
  });

  it('trims, removes inner spaces and unifies dashes', () => {
    expect(checkRegistrationNumber(' 2401 025 125 ')).toEqual({ ok: true, normalized: '2401025125' });
    expect(checkRegistrationNumber('2401025125 - 001')).toEqual({ ok: true, normalized: '2401025125-001' });
    expect(checkRegistrationNumber('2401025125–002')).toEqual({ ok: true, normalized: '2401025125-002' });
  });

  it('rejects a wrong check digit and says which digit it should be', () => {
    const result = checkRegistrationNumber('2401025126');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('phải là 5');
  });

  it('rejects numbers whose check digit would be 10', () => {
    const result = checkRegistrationNumber('0000100100');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/không thể có chữ số kiểm tra/);
  });

  it.each(['', '   ', '240102512', '24010251250', '240102512X', '2401025125-01', '2401025125-0001', '2401025125/001'])(
    'rejects the malformed "%s" with a Vietnamese reason',
    (input) => {
      const result = checkRegistrationNumber(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(/mã số/i);
    },
  );

  it('rejects branch 000', () => {
    expect(checkRegistrationNumber('2401025125-000').ok).toBe(false);
  });

  it('accepts exactly the numbers whose last digit is the computed check digit', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), (first9, last) => {
        const ok = checkRegistrationNumber(first9 + String(last)).ok;
        expect(ok).toBe(computeCheckDigit(first9) === last);
      }),
    );
  });

  it('catches every single-digit typo in a valid number', () => {
    const validFirst9 = nineDigits.filter((d) => computeCheckDigit(d) !== undefined);
    fc.assert(
      fc.property(validFirst9, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (first9, at, delta) => {
        const valid = first9 + String(computeCheckDigit(first9));
        const typo = valid.slice(0, at) + String((Number(valid[at]) + delta) % 10) + valid.slice(at + 1);
        expect(checkRegistrationNumber(typo).ok).toBe(false);
      }),
    );
  });
});
