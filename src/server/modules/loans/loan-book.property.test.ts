// Properties of loans with several tranches, term extensions and payments in random order of dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, type LoanBookTerms, type LoanEvent, replayLoan } from './loan-book.ts';
import { LoanInputError } from './loan-input-error.ts';
import { loanPositionAsOf, outstandingPrincipalVnd, payoffAmountVnd, type LoanState, type PaymentAllocation } from './repayment.ts';
import { rateText } from './test-arbitraries.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
const partsOf = (a: PaymentAllocation) => [a.penaltyVnd, a.overdueInterestVnd, a.overduePrincipalVnd, a.currentInterestVnd, a.currentPrincipalVnd, a.prepaymentVnd];

const stepArb = fc.record({
  gapDays: fc.integer({ min: 0, max: 120 }),
  kind: fc.constantFrom('tranche', 'payment', 'payment', 'payment', 'reschedule'),
  perMille: fc.integer({ min: 1, max: 1000 }),
  extraMonths: fc.integer({ min: 1, max: 12 }),
});

const loanArb = fc.record({
  terms: fc.record({
    annualRatePercent: fc.integer({ min: 0, max: 2_000 }).map(rateText),
    penaltyRatePercent: fc.constantFrom(100, 150),
    termMonths: fc.integer({ min: 2, max: 36 }),
    method: fc.constantFrom<LoanBookTerms['method']>('equal_principal', 'bullet'),
    graceShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
  }),
  firstOn: fc.constantFrom('2024-01-31', '2024-02-29', '2025-01-10', '2023-08-31'),
  firstVnd: fc.bigInt(1n, 10n ** 10n),
  steps: fc.array(stepArb, { maxLength: 10 }),
});

describe('loan book replay', () => {
  it('principal disbursed = principal repaid + outstanding; every payment is split exactly; replay is deterministic', () => {
    fc.assert(
      fc.property(loanArb, ({ terms: t, firstOn, firstVnd, steps }) => {
        const terms: LoanBookTerms = { ...t, graceMonths: Math.floor(t.graceShare * t.termMonths) };
        const events: LoanEvent[] = [{ kind: 'disbursement', on: firstOn, seq: 1, amountVnd: firstVnd }];
        let state: LoanState = replayLoan(terms, events).state!;
        let termMonths = terms.termMonths;
        let date: string = firstOn;
        let disbursed = firstVnd;
        let repaid = 0n;
        for (const step of steps) {
          date = addDays(date, step.gapDays + 1);
          const seq = events.length + 1;
          let event: LoanEvent;
          if (step.kind === 'tranche') event = { kind: 'disbursement', on: date, seq, amountVnd: (firstVnd * BigInt(step.perMille)) / 1000n + 1n };
          else if (step.kind === 'reschedule') event = { kind: 'rescheduling', on: date, seq, newTermMonths: state.installments.length + step.extraMonths };
          else {
            const payoff = payoffAmountVnd(state, date);
            if (payoff === 0n) break;
            event = { kind: 'payment', on: date, seq, amountVnd: payoff * BigInt(step.perMille) / 1000n || 1n };
          }
          const allocations = new Map<number, PaymentAllocation>();
          try {
            state = applyEvent(state, { ...terms, termMonths }, event, allocations);
          } catch (error) {
            // A tranche after the last due date, or an extension that ends before its date, is refused.
            expect(error).toBeInstanceOf(LoanInputError);
            continue;
          }
          events.push(event);
          if (event.kind === 'disbursement') disbursed += event.amountVnd;
          if (event.kind === 'rescheduling') termMonths = event.newTermMonths;
          if (event.kind === 'payment') {
            const allocation = allocations.get(seq)!;
            expect(sum(partsOf(allocation))).toBe(event.amountVnd);
            expect(partsOf(allocation).every((p) => p >= 0n)).toBe(true);
            repaid += allocation.overduePrincipalVnd + allocation.currentPrincipalVnd + allocation.prepaymentVnd;
          }
          expect(repaid + outstandingPrincipalVnd(state)).toBe(disbursed);
          const position = loanPositionAsOf(state, date);
          expect(position.overduePrincipalVnd <= position.outstandingPrincipalVnd).toBe(true);
        }
        const replayed = replayLoan(terms, events);
        expect(replayed.state).toEqual(state);
        expect(replayed.termMonths).toBe(termMonths);
      }),
      { numRuns: 300 },
    );
  });
});
