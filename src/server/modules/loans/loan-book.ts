// A loan's whole history as a list of dated events (tranches, reschedulings, payments), replayed through the
// money engine in (date, sequence) order. The database keeps the events; everything else is computed.
import { LoanInputError } from './loan-input-error.ts';
import {
  type LoanPosition,
  type LoanState,
  type PaymentAllocation,
  allocatePayment,
  loanPositionAsOf,
  openLoan,
  payoffAmountVnd,
} from './repayment.ts';
import { rescheduleLoan } from './rescheduling.ts';
import { buildSchedule, type RepaymentMethod } from './schedule.ts';
import { addTranche } from './tranche.ts';

/** The terms a loan was approved and contracted under. */
export interface LoanBookTerms {
  annualRatePercent: string;
  penaltyRatePercent: number;
  termMonths: number;
  method: RepaymentMethod;
  graceMonths: number;
}

export type LoanEvent =
  | { kind: 'disbursement'; on: string; seq: number; amountVnd: bigint }
  | { kind: 'rescheduling'; on: string; seq: number; newTermMonths: number }
  | { kind: 'payment'; on: string; seq: number; amountVnd: bigint };

export interface ReplayedLoan {
  /** Undefined until the first tranche is disbursed. */
  state: LoanState | undefined;
  /** The allocation of each payment event, by its sequence number. */
  allocations: Map<number, PaymentAllocation>;
  termMonths: number;
}

/** Events in the order they apply: by date, then by the order they were recorded. */
export function sortEvents(events: readonly LoanEvent[]): LoanEvent[] {
  return [...events].sort((a, b) => (a.on === b.on ? a.seq - b.seq : a.on < b.on ? -1 : 1));
}

/** Replays a loan's events (those on or before `until`, when given) and returns its state. */
export function replayLoan(terms: LoanBookTerms, events: readonly LoanEvent[], until?: string): ReplayedLoan {
  let state: LoanState | undefined;
  let termMonths = terms.termMonths;
  const allocations = new Map<number, PaymentAllocation>();
  for (const event of sortEvents(events)) {
    if (until !== undefined && event.on > until) break;
    state = applyEvent(state, { ...terms, termMonths }, event, allocations);
    if (event.kind === 'rescheduling') termMonths = event.newTermMonths;
  }
  return { state, allocations, termMonths };
}

/** Applies one event to a loan's state (undefined before the first tranche). */
export function applyEvent(
  state: LoanState | undefined,
  terms: LoanBookTerms,
  event: LoanEvent,
  allocations?: Map<number, PaymentAllocation>,
): LoanState {
  const plan = { method: terms.method, graceMonths: terms.graceMonths };
  if (event.kind === 'disbursement') {
    if (!state) {
      const schedule = buildSchedule({
        principalVnd: event.amountVnd,
        annualRatePercent: terms.annualRatePercent,
        termMonths: terms.termMonths,
        method: terms.method,
        graceMonths: terms.graceMonths,
        disbursedOn: event.on,
      });
      return openLoan({
        disbursedOn: event.on,
        annualRatePercent: terms.annualRatePercent,
        penaltyRatePercent: terms.penaltyRatePercent,
        installments: schedule.installments,
      });
    }
    return addTranche(state, { disbursedOn: event.on, amountVnd: event.amountVnd }, plan);
  }
  if (!state) throw new LoanInputError('disbursedOn', 'Khoản vay chưa giải ngân.');
  if (event.kind === 'rescheduling') {
    return rescheduleLoan(state, { effectiveOn: event.on, newTermMonths: event.newTermMonths }, plan);
  }
  const { allocation, state: next } = allocatePayment(state, { paidOn: event.on, amountVnd: event.amountVnd });
  allocations?.set(event.seq, allocation);
  return next;
}

/** Position of a loan as of a date; undefined when nothing was disbursed by then. */
export function positionAsOf(terms: LoanBookTerms, events: readonly LoanEvent[], asOf: string): LoanPosition | undefined {
  const { state } = replayLoan(terms, events, asOf);
  return state ? loanPositionAsOf(state, asOf) : undefined;
}

/** True when nothing at all is owed on the loan on `on` (principal, interest due so far, penalty). */
export function isSettled(state: LoanState, on: string): boolean {
  return payoffAmountVnd(state, on) === 0n;
}
