// Properties of random loans under random payment sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatePayment,
  debtGroupForDaysPastDue,
  loanPositionAsOf,
  openLoan,
  payoffAmountVnd,
  replayPayments,
  type LoanContract,
  type LoanState,
  type Payment,
  type PaymentAllocation,
} from './repayment.ts';
import { buildSchedule } from './schedule.ts';
import { type PaymentStep, paymentStepsArb, scheduleInputArb } from './test-arbitraries.ts';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
const partsOf = (a: PaymentAllocation) => [
  a.penaltyVnd, a.overdueInterestVnd, a.overduePrincipalVnd, a.currentInterestVnd, a.currentPrincipalVnd, a.prepaymentVnd,
];
// Everything the borrower has paid so far, as recorded in the state.
const paidInState = (state: LoanState) =>
  state.penaltyPaidVnd + sum(state.installments.map((i) => i.principalPaidVnd + i.interestPaidVnd));

const loanArb = fc.record({
  input: scheduleInputArb(60),
  penaltyRatePercent: fc.constantFrom(undefined, 100, 150, 200),
});

type LoanArbValue = typeof loanArb extends fc.Arbitrary<infer T> ? T : never;

function contractOf({ input, penaltyRatePercent }: LoanArbValue): LoanContract {
  return {
    disbursedOn: input.disbursedOn,
    annualRatePercent: input.annualRatePercent,
    penaltyRatePercent,
    installments: buildSchedule(input).installments,
  };
}

function amountFor(step: PaymentStep, payoffVnd: bigint): bigint {
  const wanted =
    step.amount.kind === 'fixed' ? step.amount.vnd
    : step.amount.kind === 'perMille' ? (payoffVnd * BigInt(step.amount.of1000)) / 1000n
    : payoffVnd;
  return wanted < 1n ? 1n : wanted > payoffVnd ? payoffVnd : wanted;
}

/** Run the steps, checking the invariants after every payment; returns the payments made and the final state. */
function runPayments(contract: LoanContract, steps: PaymentStep[]): { payments: Payment[]; state: LoanState } {
  let state = openLoan(contract);
  let date = contract.disbursedOn;
  let principalRepaid = 0n;
  const payments: Payment[] = [];
  for (const step of steps) {
    date = addDays(date, step.gapDays + (payments.length === 0 ? 1 : 0));
    const payoffVnd = payoffAmountVnd(state, date);
    expect(payoffVnd).toBeGreaterThanOrEqual(0n);
    if (payoffVnd === 0n) break;
    const payment = { paidOn: date, amountVnd: amountFor(step, payoffVnd) };
    const before = paidInState(state);
    const result = allocatePayment(state, payment);
    const parts = partsOf(result.allocation);
    // Every đồng allocated exactly once, to a part and to the ledger.
    for (const part of parts) expect(part).toBeGreaterThanOrEqual(0n);
    expect(sum(parts)).toBe(payment.amountVnd);
    expect(paidInState(result.state) - before).toBe(payment.amountVnd);
    state = result.state;
    payments.push(payment);
    const a = result.allocation;
    principalRepaid += a.overduePrincipalVnd + a.currentPrincipalVnd + a.prepaymentVnd;
    checkState(state, contract, principalRepaid, date);
    if (payment.amountVnd === payoffVnd) {
      expect(loanPositionAsOf(state, addDays(date, 500))).toMatchObject({
        outstandingPrincipalVnd: 0n, overdueInterestVnd: 0n, penaltyAccruedVnd: 0n, daysPastDue: 0,
      });
    }
  }
  return { payments, state };
}

function checkState(state: LoanState, contract: LoanContract, principalRepaid: bigint, date: string): void {
  const disbursed = sum(contract.installments.map((i) => i.principalVnd));
  for (const i of state.installments) {
    expect(i.principalPaidVnd >= 0n && i.principalPaidVnd <= i.principalDueVnd).toBe(true);
    expect(i.interestPaidVnd >= 0n && i.interestPaidVnd <= i.interestDueVnd).toBe(true);
  }
  expect(state.penaltyPaidVnd <= state.penaltyChargedVnd).toBe(true);
  for (const asOf of [date, addDays(date, 17), addDays(date, 200)]) {
    const position = loanPositionAsOf(state, asOf);
    expect(position.outstandingPrincipalVnd).toBe(disbursed - principalRepaid);
    expect(position.overduePrincipalVnd <= position.outstandingPrincipalVnd).toBe(true);
    for (const amount of [position.overduePrincipalVnd, position.overdueInterestVnd, position.penaltyAccruedVnd]) {
      expect(amount).toBeGreaterThanOrEqual(0n);
    }
    expect(position.daysPastDue).toBeGreaterThanOrEqual(0);
    expect(position.debtGroup).toBe(debtGroupForDaysPastDue(position.daysPastDue));
  }
}

describe('allocatePayment properties', () => {
  it('allocates every đồng once, keeps principal consistent and never goes negative', () => {
    fc.assert(
      fc.property(loanArb, paymentStepsArb, (loan, steps) => {
        runPayments(contractOf(loan), steps);
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the posted payments gives the same state, and past positions ignore later payments', () => {
    fc.assert(
      fc.property(loanArb, paymentStepsArb, (loan, steps) => {
        const contract = contractOf(loan);
        const { payments, state } = runPayments(contract, steps);
        expect(replayPayments(contract, payments)).toEqual(state);
        for (const { paidOn } of payments) {
          const soFar = replayPayments(contract, payments.filter((p) => p.paidOn <= paidOn));
          expect(loanPositionAsOf(state, paidOn)).toEqual(loanPositionAsOf(soFar, paidOn));
          const dayBefore = addDays(paidOn, -1);
          const before = replayPayments(contract, payments.filter((p) => p.paidOn <= dayBefore));
          expect(loanPositionAsOf(state, dayBefore)).toEqual(loanPositionAsOf(before, dayBefore));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('without payments, penalty is each instalment principal × its overdue days × the penalty rate', () => {
    fc.assert(
      fc.property(loanArb, fc.integer({ min: 0, max: 4_000 }), (loan, daysAfter) => {
        const contract = contractOf(loan);
        const asOf = addDays(contract.disbursedOn, daysAfter);
        const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
        const principalDays = sum(contract.installments.map((i) =>
          i.principalVnd * BigInt(Math.max(0, dayNumber(asOf) - dayNumber(i.dueDate)))));
        const [whole, fraction = ''] = contract.annualRatePercent.split('.');
        const rate = BigInt(whole ?? '0') * 100n + BigInt(fraction.padEnd(2, '0'));
        const numerator = principalDays * rate * BigInt(contract.penaltyRatePercent ?? 150);
        const denominator = 365n * 10_000n * 100n;
        const expected = numerator / denominator + ((numerator % denominator) * 2n >= denominator ? 1n : 0n);
        expect(loanPositionAsOf(openLoan(contract), asOf).penaltyAccruedVnd).toBe(expected);
      }),
    );
  });
});
