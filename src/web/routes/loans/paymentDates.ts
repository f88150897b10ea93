/** The dates a repayment may carry, as the server rules them; kept pure so the loan page and its test agree. */

type DatedEvents = {
  disbursements: ReadonlyArray<{ disbursedOn: string }>;
  payments: ReadonlyArray<{ paidOn: string }>;
  reschedulings: ReadonlyArray<{ effectiveOn: string }>;
};

const latest = (dates: string[]) => dates.reduce((a, b) => (b > a ? b : a), '');

/**
 * The first day a repayment may be dated (server: repayment.ts checkPaymentDate, loan-lock.ts
 * requireDateBetween): the day of the last disbursement or later, not before the last payment or rescheduling.
 * '' when nothing was disbursed yet.
 */
export function firstPaymentDay(events: DatedEvents): string {
  const lastDisbursement = latest(events.disbursements.map((d) => d.disbursedOn));
  return latest([lastDisbursement, ...events.payments.map((p) => p.paidOn), ...events.reschedulings.map((r) => r.effectiveOn)]);
}

/** The date the repayment form starts with: today, unless the server would refuse today (then the first day it accepts). */
export function defaultPaymentDay(events: DatedEvents, today: string): string {
  const first = firstPaymentDay(events);
  return first > today ? first : today;
}
