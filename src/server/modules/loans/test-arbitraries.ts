// fast-check generators for random loans, shared by the property tests (not production code).
import fc from 'fast-check';
import type { RepaymentMethod, ScheduleInput } from './schedule.ts';

/** Hundredths of a percent → "7.25"-style text. */
export function rateText(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A calendar date between 2000 and ~2045, computed independently of the code under test. */
export const calendarDateArb = fc
  .integer({ min: 0, max: 16_500 })
  .map((offset) => new Date(Date.UTC(2000, 0, 1 + offset)).toISOString().slice(0, 10));

/** Valid schedule inputs; the day of the month leans towards 28–31 where the clamping happens. */
export function scheduleInputArb(maxTermMonths = 120): fc.Arbitrary<ScheduleInput> {
  return fc
    .record({
      principalVnd: fc.oneof(fc.bigInt(1n, 1_000n), fc.bigInt(1n, 10n ** 13n)),
      rateHundredths: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(480, 725, 1_000)),
      termMonths: fc.integer({ min: 1, max: maxTermMonths }),
      method: fc.constantFrom<RepaymentMethod>('equal_principal', 'bullet'),
      graceShare: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      disbursedOn: fc.oneof(calendarDateArb, fc.constantFrom('2024-01-31', '2023-12-29', '2024-02-29', '2023-08-31')),
    })
    .map(({ rateHundredths, graceShare, termMonths, ...rest }) => ({
      ...rest,
      termMonths,
      annualRatePercent: rateText(rateHundredths),
      graceMonths: Math.floor(graceShare * termMonths),
    }));
}

/** One step of a payment sequence: days after the previous payment, and how much of the payoff to pay. */
export interface PaymentStep {
  gapDays: number;
  amount: { kind: 'fixed'; vnd: bigint } | { kind: 'perMille'; of1000: number } | { kind: 'payoff' };
}

export const paymentStepsArb: fc.Arbitrary<PaymentStep[]> = fc.array(
  fc.record({
    gapDays: fc.oneof(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 400 })),
    amount: fc.oneof(
      fc.bigInt(1n, 2_000_000n).map((vnd) => ({ kind: 'fixed' as const, vnd })),
      fc.integer({ min: 1, max: 1_000 }).map((of1000) => ({ kind: 'perMille' as const, of1000 })),
      fc.constant({ kind: 'payoff' as const }),
    ),
  }),
  { maxLength: 12 },
);
