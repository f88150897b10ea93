// Properties of random schedules, checked against an independent re-implementation of fund.md's rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchedule } from './schedule.ts';
import { scheduleInputArb } from './test-arbitraries.ts';

// fund.md: disbursement + i months; the last day of the month when that month is shorter.
function expectedDueDate(disbursedOn: string, i: number): string {
  const [year, month, day] = disbursedOn.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + i, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

// outstanding × rate% × days / 365 rounded half up, via quotient and remainder.
function expectedInterest(outstanding: bigint, ratePercent: string, days: number): bigint {
  const [whole, fraction = ''] = ratePercent.split('.');
  const rateHundredths = BigInt(whole ?? '0') * 100n + BigInt(fraction.padEnd(2, '0'));
  const numerator = outstanding * rateHundredths * BigInt(days);
  const denominator = 365n * 100n * 100n;
  const quotient = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? quotient + 1n : quotient;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('buildSchedule properties', () => {
  it('principal adds up to the loan, split as fund.md says', () => {
    fc.assert(
      fc.property(scheduleInputArb(360), (input) => {
        const { installments } = buildSchedule(input);
        const principals = installments.map((i) => i.principalVnd);
        expect(principals.reduce((a, b) => a + b, 0n)).toBe(input.principalVnd);
        const grace = input.method === 'bullet' ? input.termMonths - 1 : (input.graceMonths ?? 0);
        const share = input.principalVnd / BigInt(input.termMonths - grace);
        principals.forEach((principal, index) => {
          if (index < grace) expect(principal).toBe(0n);
          else if (index < input.termMonths - 1) expect(principal).toBe(share);
          else expect(principal).toBe(input.principalVnd - share * BigInt(input.termMonths - grace - 1));
        });
      }),
    );
  });

  it('due dates and every period interest follow the formula, amounts never negative', () => {
    fc.assert(
      fc.property(scheduleInputArb(), (input) => {
        const { installments, totalInterestVnd } = buildSchedule(input);
        let outstanding = input.principalVnd;
        let previous = input.disbursedOn;
        let interestSum = 0n;
        installments.forEach((installment, index) => {
          expect(installment.n).toBe(index + 1);
          expect(installment.dueDate).toBe(expectedDueDate(input.disbursedOn, index + 1));
          const days = dayNumber(installment.dueDate) - dayNumber(previous);
          expect(days).toBeGreaterThanOrEqual(28);
          expect(installment.interestVnd).toBe(expectedInterest(outstanding, input.annualRatePercent, days));
          expect(installment.totalVnd).toBe(installment.principalVnd + installment.interestVnd);
          expect(installment.principalVnd >= 0n && installment.interestVnd >= 0n).toBe(true);
          outstanding -= installment.principalVnd;
          previous = installment.dueDate;
          interestSum += installment.interestVnd;
        });
        expect(outstanding).toBe(0n);
        expect(totalInterestVnd).toBe(interestSum);
      }),
    );
  });
});
