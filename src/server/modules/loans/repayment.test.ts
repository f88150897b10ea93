// Hand-computed payment allocations on one small loan.
// 30,000,000 at 12%, equal principal over 3 months, disbursed 10/01/2025; 10,000,000 principal per instalment.
//   1: 10/02/2025, 31 days on 30,000,000: 30,000,000 × 0.12 × 31/365 = 305,753.42 → 305,753
//   2: 10/03/2025, 28 days on 20,000,000: 20,000,000 × 0.12 × 28/365 = 184,109.59 → 184,110
//   3: 10/04/2025, 31 days on 10,000,000: 10,000,000 × 0.12 × 31/365 = 101,917.81 → 101,918
// Penalty rate 150% × 12% = 18% a year: 10,000,000 overdue costs 4,931.51 a day.
import { describe, expect, it } from 'vitest';
import { LoanInputError } from './loan-input-error.ts';
import { allocatePayment, loanPositionAsOf, openLoan, payoffAmountVnd, type PaymentAllocation } from './repayment.ts';

const contract = {
  disbursedOn: '2025-01-10',
  annualRatePercent: '12',
  installments: [
    { n: 1, dueDate: '2025-02-10', principalVnd: 10_000_000n, interestVnd: 305_753n },
    { n: 2, dueDate: '2025-03-10', principalVnd: 10_000_000n, interestVnd: 184_110n },
    { n: 3, dueDate: '2025-04-10', principalVnd: 10_000_000n, interestVnd: 101_918n },
  ],
};

const split = (parts: Partial<Record<keyof PaymentAllocation, number>>): PaymentAllocation => ({
  penaltyVnd: BigInt(parts.penaltyVnd ?? 0),
  overdueInterestVnd: BigInt(parts.overdueInterestVnd ?? 0),
  overduePrincipalVnd: BigInt(parts.overduePrincipalVnd ?? 0),
  currentInterestVnd: BigInt(parts.currentInterestVnd ?? 0),
  currentPrincipalVnd: BigInt(parts.currentPrincipalVnd ?? 0),
  prepaymentVnd: BigInt(parts.prepaymentVnd ?? 0),
});

describe('allocatePayment', () => {
  it('an instalment paid on its due date is current: interest, then principal, no penalty', () => {
    const { allocation, state } = allocatePayment(openLoan(contract), { paidOn: '2025-02-10', amountVnd: 10_305_753n });
    expect(allocation).toEqual(split({ currentInterestVnd: 305_753, currentPrincipalVnd: 10_000_000 }));
    expect(loanPositionAsOf(state, '2025-02-10')).toMatchObject({ outstandingPrincipalVnd: 20_000_000n, daysPastDue: 0, debtGroup: 1 });
  });

  it('an instalment paid early settles the whole period interest', () => {
    const { allocation, state } = allocatePayment(openLoan(contract), { paidOn: '2025-02-01', amountVnd: 10_305_753n });
    expect(allocation).toEqual(split({ currentInterestVnd: 305_753, currentPrincipalVnd: 10_000_000 }));
    expect(loanPositionAsOf(state, '2025-02-20')).toMatchObject({ overdueInterestVnd: 0n, daysPastDue: 0, penaltyAccruedVnd: 0n });
  });

  it('a late payment serves penalty, overdue interest, overdue principal, then the current instalment', () => {
    const loan = openLoan(contract);
    // 20/02: 10 days late. Penalty 10,000,000 × 18% × 10/365 = 49,315.07 → 49,315.
    expect(loanPositionAsOf(loan, '2025-02-20')).toEqual({
      outstandingPrincipalVnd: 30_000_000n,
      overduePrincipalVnd: 10_000_000n,
      overdueInterestVnd: 305_753n,
      penaltyAccruedVnd: 49_315n,
      daysPastDue: 10,
      debtGroup: 2,
    });
    // 25/02: 15 days late. Penalty 10,000,000 × 18% × 15/365 = 73,972.60 → 73,973.
    // 10,500,000 − 73,973 − 305,753 − 10,000,000 = 120,274 goes to instalment 2's interest (184,110 due).
    const { allocation, state } = allocatePayment(loan, { paidOn: '2025-02-25', amountVnd: 10_500_000n });
    expect(allocation).toEqual(split({
      penaltyVnd: 73_973, overdueInterestVnd: 305_753, overduePrincipalVnd: 10_000_000, currentInterestVnd: 120_274,
    }));
    expect(loanPositionAsOf(state, '2025-02-25')).toEqual({
      outstandingPrincipalVnd: 20_000_000n, overduePrincipalVnd: 0n, overdueInterestVnd: 0n, penaltyAccruedVnd: 0n,
      daysPastDue: 0, debtGroup: 1,
    });
    // 11/03: instalment 2 (63,836 interest left + 10,000,000) one day late; penalty 4,931.51 → 4,932.
    expect(loanPositionAsOf(state, '2025-03-11')).toEqual({
      outstandingPrincipalVnd: 20_000_000n, overduePrincipalVnd: 10_000_000n, overdueInterestVnd: 63_836n,
      penaltyAccruedVnd: 4_932n, daysPastDue: 1, debtGroup: 1,
    });
    // Looking back before the payment replays only the earlier payments.
    expect(loanPositionAsOf(state, '2025-02-20').penaltyAccruedVnd).toBe(49_315n);
  });

  it('the remainder prepays from the last instalment and lowers the interest of later periods', () => {
    // 20/01, inside period 1: instalment 1 in full, then 15,000,000 prepaid: 10,000,000 to instalment 3,
    // 5,000,000 to instalment 2. Period 2 (10/02–10/03, 28 days) now runs on 5,000,000:
    // 5,000,000 × 0.12 × 28/365 = 46,027.40 → 46,027; period 3 runs on nothing.
    const { allocation, state } = allocatePayment(openLoan(contract), { paidOn: '2025-01-20', amountVnd: 25_305_753n });
    expect(allocation).toEqual(split({ currentInterestVnd: 305_753, currentPrincipalVnd: 10_000_000, prepaymentVnd: 15_000_000 }));
    expect(state.installments.map((i) => [i.principalPaidVnd, i.interestDueVnd])).toEqual([
      [10_000_000n, 305_753n],
      [5_000_000n, 46_027n],
      [10_000_000n, 0n],
    ]);
    expect(payoffAmountVnd(state, '2025-03-10')).toBe(5_046_027n);
    const closed = allocatePayment(state, { paidOn: '2025-03-10', amountVnd: 5_046_027n });
    expect(closed.allocation).toEqual(split({ currentInterestVnd: 46_027, currentPrincipalVnd: 5_000_000 }));
    expect(loanPositionAsOf(closed.state, '2026-01-01')).toMatchObject({ outstandingPrincipalVnd: 0n, daysPastDue: 0, penaltyAccruedVnd: 0n });
  });

  it('a prepayment on a due date lowers the period that starts that day', () => {
    // 10/02: instalment 1 plus 10,000,000 prepaid to instalment 3. Period 2 starts that day on 10,000,000:
    // 10,000,000 × 0.12 × 28/365 = 92,054.79 → 92,055.
    const { allocation, state } = allocatePayment(openLoan(contract), { paidOn: '2025-02-10', amountVnd: 20_305_753n });
    expect(allocation.prepaymentVnd).toBe(10_000_000n);
    expect(state.installments[1]?.interestDueVnd).toBe(92_055n);
    expect(state.installments[2]?.interestDueVnd).toBe(0n);
  });

  it('after maturity everything is overdue and penalty runs on each instalment from its own due date', () => {
    // 25/04 with nothing paid: 74 + 46 + 15 = 135 days of 10,000,000 overdue.
    // Penalty 10,000,000 × 18% × 135/365 = 665,753.42 → 665,753; interest 305,753 + 184,110 + 101,918 = 591,781.
    const loan = openLoan(contract);
    expect(loanPositionAsOf(loan, '2025-04-25')).toMatchObject({ daysPastDue: 74, debtGroup: 2, penaltyAccruedVnd: 665_753n });
    expect(payoffAmountVnd(loan, '2025-04-25')).toBe(31_257_534n);
    const { allocation } = allocatePayment(loan, { paidOn: '2025-04-25', amountVnd: 31_257_534n });
    expect(allocation).toEqual(split({ penaltyVnd: 665_753, overdueInterestVnd: 591_781, overduePrincipalVnd: 30_000_000 }));
  });

  it('the penalty rate is a parameter', () => {
    // 100% of 12%: 10,000,000 × 12% × 15/365 = 49,315.07 → 49,315.
    const loan = openLoan({ ...contract, penaltyRatePercent: 100 });
    expect(loanPositionAsOf(loan, '2025-02-25').penaltyAccruedVnd).toBe(49_315n);
  });

  it('rejects a payment above the payoff amount, before disbursement, out of order, or not positive', () => {
    const loan = openLoan(contract);
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof LoanInputError ? error.field : 'not a LoanInputError';
      }
      return 'no error';
    };
    // Payoff on 20/01: 305,753 + 30,000,000.
    expect(payoffAmountVnd(loan, '2025-01-20')).toBe(30_305_753n);
    expect(fieldOf(() => allocatePayment(loan, { paidOn: '2025-01-20', amountVnd: 30_305_754n }))).toBe('amountVnd');
    expect(fieldOf(() => allocatePayment(loan, { paidOn: '2025-01-20', amountVnd: 0n }))).toBe('amountVnd');
    expect(fieldOf(() => allocatePayment(loan, { paidOn: '2025-01-09', amountVnd: 1n }))).toBe('paidOn');
    // On the disbursement day itself a payment is taken like any other of the first period, split to the đồng.
    const sameDay = allocatePayment(loan, { paidOn: '2025-01-10', amountVnd: 1_000_000n }).allocation;
    expect(Object.values(sameDay).reduce((a, b) => a + b, 0n)).toBe(1_000_000n);
    expect(sameDay.currentInterestVnd).toBe(305_753n);
    expect(payoffAmountVnd(loan, '2025-01-10')).toBe(30_305_753n);
    const later = allocatePayment(loan, { paidOn: '2025-02-10', amountVnd: 1n }).state;
    expect(fieldOf(() => allocatePayment(later, { paidOn: '2025-02-09', amountVnd: 1n }))).toBe('paidOn');
    expect(fieldOf(() => allocatePayment(later, { paidOn: '2025-02-10', amountVnd: 1n }))).toBe('no error');
  });
});

describe('days past due and debt group', () => {
  // Instalment 1 (due 10/02/2025) left unpaid.
  it.each([
    ['2025-02-10', 0, 1],
    ['2025-02-19', 9, 1],
    ['2025-02-20', 10, 2],
    ['2025-05-11', 90, 2], // 28 (Feb) + 31 (Mar) + 30 (Apr) + 1
    ['2025-05-12', 91, 3],
    ['2025-08-09', 180, 3], // + 31 (May) + 30 (Jun) + 31 (Jul) − 1 from 10/05
    ['2025-08-10', 181, 4],
    ['2026-02-05', 360, 4], // 10/02/2026 is 365 days on; 5 days earlier
    ['2026-02-06', 361, 5],
  ])('as of %s: %i days past due, group %i', (asOf, days, group) => {
    expect(loanPositionAsOf(openLoan(contract), asOf)).toMatchObject({ daysPastDue: days, debtGroup: group });
  });

  it('counts from the earliest instalment not fully paid, even when 1 đồng is missing', () => {
    // 10/02: 1 đồng short; interest comes first, so 9,999,999 of principal is paid and 1 đồng stays overdue.
    // As of 10/03 that instalment is 28 days past due, though instalment 2 falls due only that day.
    const { state } = allocatePayment(openLoan(contract), { paidOn: '2025-02-10', amountVnd: 10_305_752n });
    expect(loanPositionAsOf(state, '2025-03-10')).toMatchObject({
      daysPastDue: 28, debtGroup: 2, overdueInterestVnd: 0n, overduePrincipalVnd: 1n,
    });
  });
});
