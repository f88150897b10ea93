// Tranches and rescheduling, hand-computed on the small loan of repayment.test.ts:
// 12 %/year, 3 months, equal principal, first disbursement 10/01/2025; penalty 150 % → 18 %/year.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoanInputError } from './loan-input-error.ts';
import { type LoanBookTerms, type LoanEvent, positionAsOf, replayLoan } from './loan-book.ts';
import { loanPositionAsOf, payoffAmountVnd } from './repayment.ts';
import { buildSchedule } from './schedule.ts';
import { scheduleInputArb } from './test-arbitraries.ts';

const terms: LoanBookTerms = { annualRatePercent: '12', penaltyRatePercent: 150, termMonths: 3, method: 'equal_principal', graceMonths: 0 };
const dues = (events: LoanEvent[], t = terms) =>
  replayLoan(t, events).state!.installments.map((i) => [i.dueDate, i.principalDueVnd, i.interestDueVnd]);

describe('several tranches', () => {
  it('one tranche gives exactly the schedule of buildSchedule', () => {
    fc.assert(
      fc.property(scheduleInputArb(60), (input) => {
        const bookTerms = { annualRatePercent: input.annualRatePercent, penaltyRatePercent: 150, termMonths: input.termMonths, method: input.method, graceMonths: input.graceMonths ?? 0 };
        const state = replayLoan(bookTerms, [{ kind: 'disbursement', on: input.disbursedOn, seq: 1, amountVnd: input.principalVnd }]).state!;
        const schedule = buildSchedule(input).installments;
        expect(state.installments.map((i) => [i.dueDate, i.principalDueVnd, i.interestDueVnd])).toEqual(
          schedule.map((i) => [i.dueDate, i.principalVnd, i.interestVnd]),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('a second tranche keeps the due dates, adds its own split and its interest from its own date', () => {
    // Tranche 1: 20,000,000 on 10/01 → 6,666,666 / 6,666,666 / 6,666,668.
    // Tranche 2: 10,000,000 on 25/01 → 3,333,333 / 3,333,333 / 3,333,334 on the same three due dates.
    // Period 1: 20,000,000 × 12 % × 31/365 = 203,835.62 → 203,836, plus the tranche from 25/01 to 10/02
    //   (16 days): 10,000,000 × 12 % × 16/365 = 52,602.74 → 52,603; together 256,439.
    // Period 2 (28 days) on 9,999,999 + 10,000,002 = 20,000,001: 184,109.60 → 184,110.
    // Period 3 (31 days) on 10,000,002: 101,917.83 → 101,918.
    const events: LoanEvent[] = [
      { kind: 'disbursement', on: '2025-01-10', seq: 1, amountVnd: 20_000_000n },
      { kind: 'disbursement', on: '2025-01-25', seq: 2, amountVnd: 10_000_000n },
    ];
    expect(dues(events)).toEqual([
      ['2025-02-10', 9_999_999n, 256_439n],
      ['2025-03-10', 9_999_999n, 184_110n],
      ['2025-04-10', 10_000_002n, 101_918n],
    ]);
    // Before the second tranche the loan was the first one alone.
    expect(dues(events.slice(0, 1))).toEqual([
      ['2025-02-10', 6_666_666n, 203_836n],
      ['2025-03-10', 6_666_666n, 122_740n],
      ['2025-04-10', 6_666_668n, 67_945n],
    ]);
    expect(positionAsOf(terms, events, '2025-01-20')?.outstandingPrincipalVnd).toBe(20_000_000n);
    expect(positionAsOf(terms, events, '2025-01-25')?.outstandingPrincipalVnd).toBe(30_000_000n);
  });

  it('a tranche on the first date is the same as one disbursement of the sum (up to the floor of the split)', () => {
    const together = dues([{ kind: 'disbursement', on: '2025-01-10', seq: 1, amountVnd: 30_000_000n }]);
    const twice = dues([
      { kind: 'disbursement', on: '2025-01-10', seq: 1, amountVnd: 15_000_000n },
      { kind: 'disbursement', on: '2025-01-10', seq: 2, amountVnd: 15_000_000n },
    ]);
    expect(twice).toEqual(together);
  });

  it('a bullet loan puts every tranche on the last instalment; grace instalments carry none', () => {
    const bullet = { ...terms, method: 'bullet' as const };
    const state = replayLoan(bullet, [
      { kind: 'disbursement', on: '2025-01-10', seq: 1, amountVnd: 20_000_000n },
      { kind: 'disbursement', on: '2025-02-20', seq: 2, amountVnd: 10_000_000n },
    ]).state!;
    expect(state.installments.map((i) => i.principalDueVnd)).toEqual([0n, 0n, 30_000_000n]);
    const grace = replayLoan({ ...terms, termMonths: 4, graceMonths: 2 }, [
      { kind: 'disbursement', on: '2025-01-10', seq: 1, amountVnd: 20_000_000n },
      { kind: 'disbursement', on: '2025-01-20', seq: 2, amountVnd: 1_000_001n },
    ]).state!;
    expect(grace.installments.map((i) => i.principalDueVnd)).toEqual([0n, 0n, 10_500_000n, 10_500_001n]);
  });

  it('refuses a tranche after the last due date', () => {
    expect(() => replayLoan(terms, [
      { kind: 'disbursement', on: '2025-01-10', seq: 1, amountVnd: 20_000_000n },
      { kind: 'disbursement', on: '2025-04-10', seq: 2, amountVnd: 1n },
    ])).toThrow(LoanInputError);
  });
});

describe('rescheduling', () => {
  const disbursed: LoanEvent = { kind: 'disbursement', on: '2025-01-10', seq: 1, amountVnd: 30_000_000n };

  it('a term extension re-spreads unpaid principal, charges penalty so far and carries interest arrears', () => {
    // On 20/03 nothing was paid: instalment 1 (due 10/02) and 2 (due 10/03) overdue, 10,000,000 each.
    // Penalty to 20/03: (10,000,000 × 38 + 10,000,000 × 10) days × 18 %/365 = 236,712.33 → 236,712.
    // Arrears: 305,753 + 184,110 = 489,863, carried into instalment 3.
    // Term 3 → 6: 30,000,000 over the 4 instalments due after 20/03 = 7,500,000 each.
    // Instalment 3 (period 10/03–10/04) keeps its 101,918 and adds 20,000,000 × 12 % × 21/365 = 138,082.19
    //   → 138,082 for the principal back from overdue: 240,000 + 489,863 = 729,863.
    // 4: 22,500,000 × 12 % × 30/365 = 221,917.81 → 221,918; 5: 15,000,000 × 31 days → 152,876.71 → 152,877;
    // 6: 7,500,000 × 30 days → 73,972.60 → 73,973.
    const events: LoanEvent[] = [disbursed, { kind: 'rescheduling', on: '2025-03-20', seq: 2, newTermMonths: 6 }];
    const { state, termMonths } = replayLoan(terms, events);
    expect(termMonths).toBe(6);
    expect(state!.installments.map((i) => [i.dueDate, i.principalDueVnd, i.interestDueVnd])).toEqual([
      ['2025-02-10', 0n, 0n],
      ['2025-03-10', 0n, 0n],
      ['2025-04-10', 7_500_000n, 729_863n],
      ['2025-05-10', 7_500_000n, 221_918n],
      ['2025-06-10', 7_500_000n, 152_877n],
      ['2025-07-10', 7_500_000n, 73_973n],
    ]);
    expect(loanPositionAsOf(state!, '2025-03-20')).toEqual({
      outstandingPrincipalVnd: 30_000_000n, overduePrincipalVnd: 0n, overdueInterestVnd: 0n,
      penaltyAccruedVnd: 236_712n, daysPastDue: 0, debtGroup: 1,
    });
    // Before the rescheduling the loan was 38 days past due (group 2).
    expect(positionAsOf(terms, events, '2025-03-19')).toMatchObject({ daysPastDue: 37, debtGroup: 2 });
    // The payoff on 20/03 is penalty + the running instalment's interest with arrears + all principal.
    expect(payoffAmountVnd(state!, '2025-03-20')).toBe(236_712n + 729_863n + 30_000_000n);
  });

  it('after maturity the first new period starts on the effective date', () => {
    // 25/04: all three overdue. New term 5 → instalments 4 (10/05) and 5 (10/06), 15,000,000 each.
    // Instalment 4 (25/04–10/05, 15 days) on 30,000,000: 147,945.21 → 147,945, plus arrears 591,781.
    const { state } = replayLoan(terms, [disbursed, { kind: 'rescheduling', on: '2025-04-25', seq: 2, newTermMonths: 5 }]);
    expect(state!.installments.slice(3).map((i) => [i.periodStart, i.dueDate, i.principalDueVnd, i.interestDueVnd])).toEqual([
      ['2025-04-25', '2025-05-10', 15_000_000n, 147_945n + 591_781n],
      ['2025-05-10', '2025-06-10', 15_000_000n, 152_877n],
    ]);
  });

  it('refuses a shorter or equal term', () => {
    expect(() => replayLoan(terms, [disbursed, { kind: 'rescheduling', on: '2025-03-20', seq: 2, newTermMonths: 3 }])).toThrow(LoanInputError);
  });
});
