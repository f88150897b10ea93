// Rescheduling (cơ cấu lại thời hạn trả nợ): a term extension with a new schedule from a date.
//
// What it does, on the effective date d, to a loan whose term is extended to `newTermMonths` (counted, like
// every due date, from the first disbursement, so the day of the month stays the one of the contract):
// - Penalty interest accrued up to d is charged first (it stays owed, like any penalty charged at a payment).
// - All principal not yet paid, overdue included, is spread again over the instalments due after d up to
//   the new maturity, by the loan's method (equal shares with the rest on the last, or all on the last).
// - Interest already due and unpaid (arrears) is carried into the first instalment due after d, so the
//   rescheduled loan is no longer past due; the period running on d keeps the interest it already carried
//   and adds interest on the principal that comes back from overdue, from d to its due date. Later periods
//   are charged on the principal not yet due at their start.
// - Instalments due on or before d keep what was paid on them and no longer ask for anything.
import { addMonthsClamped, daysBetween, isCalendarDate } from './calendar.ts';
import { LoanInputError } from './loan-input-error.ts';
import {
  type InstallmentPosition,
  type LoanState,
  interestLeftVnd,
  penaltySinceSettlementVnd,
  principalLeftVnd,
} from './loan-state.ts';
import { periodInterestVnd, sumVnd } from './money.ts';
import { MAX_TERM_MONTHS } from './schedule.ts';
import { type RepaymentPlan, principalCarriers, repriceFrom, splitPrincipal } from './tranche.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Extend a loan's term from `effectiveOn`; returns the new state (the input is not changed). */
export function rescheduleLoan(
  state: LoanState,
  change: { effectiveOn: string; newTermMonths: number },
  plan: RepaymentPlan,
): LoanState {
  const { effectiveOn, newTermMonths } = change;
  if (typeof effectiveOn !== 'string' || !isCalendarDate(effectiveOn) || effectiveOn <= state.contract.disbursedOn || effectiveOn < state.penaltySettledOn) {
    throw new LoanInputError('effectiveOn', 'Ngày hiệu lực phải sau ngày giải ngân và không trước khoản trả nợ đã ghi.');
  }
  const oldTerm = state.installments.length;
  const newMaturity = addMonthsClamped(state.contract.disbursedOn, newTermMonths);
  if (!Number.isInteger(newTermMonths) || newTermMonths <= oldTerm || newTermMonths > MAX_TERM_MONTHS || newMaturity <= effectiveOn) {
    throw new LoanInputError(
      'newTermMonths',
      `Thời hạn mới phải dài hơn thời hạn hiện tại (${oldTerm} tháng), không quá ${MAX_TERM_MONTHS} tháng, và đáo hạn sau ngày hiệu lực.`,
    );
  }
  const penaltyChargedVnd = state.penaltyChargedVnd + penaltySinceSettlementVnd(state, effectiveOn);
  const unpaidPrincipalVnd = sumVnd(state.installments.map(principalLeftVnd));
  if (unpaidPrincipalVnd === 0n) {
    throw new LoanInputError('effectiveOn', 'Khoản vay đã trả hết gốc, không cần gia hạn.');
  }
  const past = state.installments.filter((i) => i.dueDate <= effectiveOn);
  const arrearsVnd = sumVnd(past.map(interestLeftVnd));
  const overduePrincipalVnd = sumVnd(past.map(principalLeftVnd));
  const kept = past.map((i): InstallmentPosition => ({ ...i, principalDueVnd: i.principalPaidVnd, interestDueVnd: i.interestPaidVnd }));

  const running = state.installments[past.length];
  const installments: Mutable<InstallmentPosition>[] = [...kept];
  for (let n = past.length + 1; n <= newTermMonths; n += 1) {
    const dueDate = addMonthsClamped(state.contract.disbursedOn, n);
    const periodStart = installments.at(-1)?.dueDate ?? state.contract.disbursedOn;
    installments.push({ n, periodStart, dueDate, principalDueVnd: 0n, interestDueVnd: 0n, principalPaidVnd: 0n, interestPaidVnd: 0n });
  }
  // The instalment running on d keeps its period and what was paid on it; after maturity the first new
  // period starts on d itself (the overdue principal bore penalty, not interest, until then).
  const first = installments[past.length]!;
  if (running && running.periodStart < effectiveOn) {
    first.interestDueVnd = running.interestDueVnd;
    first.interestPaidVnd = running.interestPaidVnd;
  } else if (first.periodStart < effectiveOn) {
    first.periodStart = effectiveOn;
  }
  const carriers = principalCarriers(installments, effectiveOn, plan);
  splitPrincipal(unpaidPrincipalVnd, carriers.length).forEach((part, k) => {
    installments[carriers[k]!]!.principalDueVnd = part;
  });
  repriceFrom(installments, effectiveOn, state.rateHundredths);
  if (running && running.periodStart < effectiveOn && overduePrincipalVnd > 0n) {
    first.interestDueVnd += periodInterestVnd(overduePrincipalVnd, state.rateHundredths, daysBetween(effectiveOn, first.dueDate));
  }
  first.interestDueVnd += arrearsVnd;
  return { ...state, installments, penaltyChargedVnd, penaltySettledOn: effectiveOn };
}
