// A later tranche of a loan disbursed in several tranches (fund.md: "disbursement (one or several tranches)").
//
// How the schedule is built — what a fund officer expects from a loan contract with one maturity:
// - The loan has ONE set of due dates, counted from the FIRST disbursement (first date + i months, clamped
//   to month end) up to the term; a later tranche never moves a due date or the maturity.
// - Each tranche's principal is spread over the instalments due after its disbursement date, by the loan's
//   method: equal_principal → floor(A / m) on each of the m instalments due after it and past the grace
//   months, the rest on the last; bullet → all on the last instalment. So the principal due per instalment
//   is the sum of each tranche's own split, and it adds up exactly to what was disbursed.
// - Interest: in the period the tranche is disbursed, the tranche bears interest from its disbursement date
//   to the period's due date (A × rate × days / 365, rounded half up, added to the period's interest); every
//   later period is charged on the principal not yet due at its start, exactly as the single-tranche
//   schedule (and the engine's prepayment repricing) does.
// - Past instalments and payments are untouched: a tranche changes only what falls due after it.
import { daysBetween, isCalendarDate } from './calendar.ts';
import { LoanInputError } from './loan-input-error.ts';
import { type InstallmentPosition, type LoanState, principalLeftVnd } from './loan-state.ts';
import { periodInterestVnd } from './money.ts';
import type { RepaymentMethod } from './schedule.ts';

/** How principal is laid on the instalments: the loan's method and its grace months. */
export interface RepaymentPlan {
  method: RepaymentMethod;
  graceMonths: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Split `amountVnd` over the instalments that carry principal: equal shares, the rest on the last. */
export function splitPrincipal(amountVnd: bigint, carriers: number): bigint[] {
  const share = amountVnd / BigInt(carriers);
  const split = new Array<bigint>(carriers).fill(share);
  split[carriers - 1] = amountVnd - share * BigInt(carriers - 1);
  return split;
}

/** Indexes of the instalments due after `on` that take principal under the plan. */
export function principalCarriers(installments: readonly InstallmentPosition[], on: string, plan: RepaymentPlan): number[] {
  const last = installments.length - 1;
  if (plan.method === 'bullet') return installments[last] && installments[last].dueDate > on ? [last] : [];
  const carriers: number[] = [];
  installments.forEach((installment, index) => {
    if (installment.dueDate > on && installment.n > plan.graceMonths) carriers.push(index);
  });
  // Past the grace months everything due after the tranche carries principal; a tranche inside the grace
  // still finds the instalments after it. If only grace instalments remain, the last one takes it all.
  if (carriers.length === 0 && installments[last] && installments[last].dueDate > on) carriers.push(last);
  return carriers;
}

/** Reprice every period starting on or after `from` on the principal not yet due at its start. */
export function repriceFrom(installments: Mutable<InstallmentPosition>[], from: string, rateHundredths: bigint): void {
  let principalNotYetDueVnd = 0n;
  for (let index = installments.length - 1; index >= 0; index -= 1) {
    const installment = installments[index]!;
    principalNotYetDueVnd += principalLeftVnd(installment);
    if (installment.periodStart < from) break;
    const days = daysBetween(installment.periodStart, installment.dueDate);
    installment.interestDueVnd = periodInterestVnd(principalNotYetDueVnd, rateHundredths, days);
  }
}

/** Add a tranche disbursed on `disbursedOn` to a loan; returns the new state (the input is not changed). */
export function addTranche(
  state: LoanState,
  tranche: { disbursedOn: string; amountVnd: bigint },
  plan: RepaymentPlan,
): LoanState {
  const { disbursedOn, amountVnd } = tranche;
  if (typeof amountVnd !== 'bigint' || amountVnd <= 0n) {
    throw new LoanInputError('amountVnd', 'Số tiền giải ngân phải là số nguyên dương (đồng).');
  }
  if (typeof disbursedOn !== 'string' || !isCalendarDate(disbursedOn)) {
    throw new LoanInputError('disbursedOn', 'Ngày giải ngân phải là ngày hợp lệ dạng YYYY-MM-DD.');
  }
  if (disbursedOn < state.contract.disbursedOn || disbursedOn < state.penaltySettledOn) {
    throw new LoanInputError('disbursedOn', 'Ngày giải ngân đợt sau không được trước lần giải ngân hay khoản trả nợ đã ghi.');
  }
  const installments = state.installments.map((i): Mutable<InstallmentPosition> => ({ ...i }));
  const carriers = principalCarriers(installments, disbursedOn, plan);
  if (carriers.length === 0) {
    throw new LoanInputError('disbursedOn', 'Ngày giải ngân đợt sau phải trước ngày đến hạn cuối cùng của khoản vay.');
  }
  splitPrincipal(amountVnd, carriers.length).forEach((part, k) => {
    installments[carriers[k]!]!.principalDueVnd += part;
  });
  const current = installments.find((i) => i.periodStart < disbursedOn && i.dueDate > disbursedOn);
  if (current) {
    current.interestDueVnd += periodInterestVnd(amountVnd, state.rateHundredths, daysBetween(disbursedOn, current.dueDate));
  }
  repriceFrom(installments, disbursedOn, state.rateHundredths);
  return { ...state, installments, disbursedVnd: state.disbursedVnd + amountVnd };
}
