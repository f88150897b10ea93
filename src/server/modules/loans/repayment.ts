// Applying a payment to a loan (fund.md, "Money conventions"):
// penalty → overdue interest → overdue principal → current interest → current principal → prepayment of
// principal from the last instalment backwards.
//
// Definitions used throughout:
// - An instalment is OVERDUE on date d when its due date is before d (due today is not yet overdue).
// - The CURRENT instalment on date d is the first one due on or after d: the one whose period contains d,
//   including the instalment due that very day. There is at most one; after maturity there is none.
//   Its interest is the whole period's interest, so paying an instalment early settles it completely.
// - A prepayment lowers the interest of the periods that start on or after the payment date (each period's
//   interest is charged on the principal not yet due at its start); the current period's interest stands.
// - Overdue principal bears penalty interest instead of contract interest; overdue interest bears none.
import { formatVnd } from '../../../shared/format.ts';
import { formatDateVi } from '../../../shared/dates.ts';
import { daysBetween, isCalendarDate } from './calendar.ts';
import { type DebtGroup, debtGroupForDaysPastDue } from './debt-group.ts';
import { LoanInputError } from './loan-input-error.ts';
import {
  type InstallmentPosition,
  type LoanContract,
  type LoanState,
  type PaymentAllocation,
  interestLeftVnd,
  openLoan,
  penaltySinceSettlementVnd,
  principalLeftVnd,
} from './loan-state.ts';
import { minVnd, periodInterestVnd, sumVnd } from './money.ts';

export * from './loan-state.ts';
export * from './debt-group.ts';

export interface Payment {
  paidOn: string;
  amountVnd: bigint;
}

/** A loan's position on a date; amounts are what is owed at the end of that day's payments. */
export interface LoanPosition {
  outstandingPrincipalVnd: bigint;
  /** Principal of instalments due before the as-of date and still unpaid. */
  overduePrincipalVnd: bigint;
  /** Interest of instalments due before the as-of date and still unpaid. */
  overdueInterestVnd: bigint;
  /** Penalty interest charged or accrued up to the as-of date and not yet paid. */
  penaltyAccruedVnd: bigint;
  daysPastDue: number;
  debtGroup: DebtGroup;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Amount that would close the loan if paid on `paidOn` (penalty, all interest due so far, all principal). */
export function payoffAmountVnd(state: LoanState, paidOn: string): bigint {
  checkPaymentDate(state, paidOn);
  const penaltyVnd = state.penaltyChargedVnd - state.penaltyPaidVnd + penaltySinceSettlementVnd(state, paidOn);
  const current = currentIndex(state.installments, paidOn);
  const lastInterestIndex = current === -1 ? state.installments.length - 1 : current;
  const interestVnd = sumVnd(state.installments.slice(0, lastInterestIndex + 1).map(interestLeftVnd));
  return penaltyVnd + interestVnd + sumVnd(state.installments.map(principalLeftVnd));
}

/** Apply one payment to a loan; returns how it was split and the loan's new state. */
export function allocatePayment(
  state: LoanState,
  payment: Payment,
): { allocation: PaymentAllocation; state: LoanState } {
  const { paidOn, amountVnd } = payment;
  if (typeof amountVnd !== 'bigint' || amountVnd <= 0n) {
    throw new LoanInputError('amountVnd', 'Số tiền trả phải là số nguyên dương (đồng).');
  }
  const payoffVnd = payoffAmountVnd(state, paidOn);
  if (amountVnd > payoffVnd) {
    throw new LoanInputError(
      'amountVnd',
      `Số tiền trả vượt quá số tiền cần để tất toán khoản vay vào ngày ${formatDateVi(paidOn)} (${formatVnd(payoffVnd)}).`,
    );
  }
  const penaltyChargedVnd = state.penaltyChargedVnd + penaltySinceSettlementVnd(state, paidOn);
  const installments = state.installments.map((i): Mutable<InstallmentPosition> => ({ ...i }));
  const overdue = installments.filter((i) => i.dueDate < paidOn);
  const currentAt = currentIndex(installments, paidOn);
  const current = currentAt === -1 ? [] : installments.slice(currentAt, currentAt + 1);
  const later = currentAt === -1 ? [] : installments.slice(currentAt + 1).reverse();

  let leftVnd = amountVnd;
  const take = (wantedVnd: bigint): bigint => {
    const takenVnd = minVnd(leftVnd, wantedVnd);
    leftVnd -= takenVnd;
    return takenVnd;
  };
  const payInterest = (list: Mutable<InstallmentPosition>[]) =>
    sumVnd(
      list.map((i) => {
        const paidVnd = take(interestLeftVnd(i));
        i.interestPaidVnd += paidVnd;
        return paidVnd;
      }),
    );
  const payPrincipal = (list: Mutable<InstallmentPosition>[]) =>
    sumVnd(
      list.map((i) => {
        const paidVnd = take(principalLeftVnd(i));
        i.principalPaidVnd += paidVnd;
        return paidVnd;
      }),
    );

  const allocation: PaymentAllocation = {
    penaltyVnd: take(penaltyChargedVnd - state.penaltyPaidVnd),
    overdueInterestVnd: payInterest(overdue),
    overduePrincipalVnd: payPrincipal(overdue),
    currentInterestVnd: payInterest(current),
    currentPrincipalVnd: payPrincipal(current),
    prepaymentVnd: payPrincipal(later),
  };
  if (allocation.prepaymentVnd > 0n) repriceLaterPeriods(installments, currentAt + 1, state.rateHundredths);

  const nextState: LoanState = {
    ...state,
    installments,
    payments: [...state.payments, { paidOn, amountVnd, allocation }],
    penaltyChargedVnd,
    penaltyPaidVnd: state.penaltyPaidVnd + allocation.penaltyVnd,
    penaltySettledOn: paidOn,
  };
  return { allocation, state: nextState };
}

/** Rebuild a loan's state from its contract and its payments (in date order). */
export function replayPayments(contract: LoanContract, payments: readonly Payment[]): LoanState {
  let state = openLoan(contract);
  for (const payment of payments) state = allocatePayment(state, payment).state;
  return state;
}

/** Position of a loan as of a date, counting only payments made on or before that date. */
export function loanPositionAsOf(state: LoanState, asOf: string): LoanPosition {
  if (typeof asOf !== 'string' || !isCalendarDate(asOf) || asOf < state.contract.disbursedOn) {
    throw new LoanInputError(
      'asOf',
      'Ngày xem số dư phải là ngày hợp lệ dạng YYYY-MM-DD, không trước ngày giải ngân.',
    );
  }
  if (asOf < state.penaltySettledOn) {
    const paymentsSoFar = state.payments.filter((p) => p.paidOn <= asOf);
    return loanPositionAsOf(replayPayments(state.contract, paymentsSoFar), asOf);
  }
  const overdue = state.installments.filter((i) => i.dueDate < asOf);
  const firstUnpaid = overdue.find((i) => principalLeftVnd(i) > 0n || interestLeftVnd(i) > 0n);
  const daysPastDue = firstUnpaid ? daysBetween(firstUnpaid.dueDate, asOf) : 0;
  return {
    outstandingPrincipalVnd: sumVnd(state.installments.map(principalLeftVnd)),
    overduePrincipalVnd: sumVnd(overdue.map(principalLeftVnd)),
    overdueInterestVnd: sumVnd(overdue.map(interestLeftVnd)),
    penaltyAccruedVnd: state.penaltyChargedVnd - state.penaltyPaidVnd + penaltySinceSettlementVnd(state, asOf),
    daysPastDue,
    debtGroup: debtGroupForDaysPastDue(daysPastDue),
  };
}

/** Index of the current instalment on `date` (first due on or after it), or -1 after maturity. */
export function currentIndex(installments: readonly InstallmentPosition[], date: string): number {
  return installments.findIndex((i) => i.dueDate >= date);
}

function checkPaymentDate(state: LoanState, paidOn: string): void {
  if (typeof paidOn !== 'string' || !isCalendarDate(paidOn)) {
    throw new LoanInputError('paidOn', 'Ngày trả phải là ngày hợp lệ dạng YYYY-MM-DD.');
  }
  if (paidOn < state.contract.disbursedOn) {
    throw new LoanInputError('paidOn', 'Ngày trả không được trước ngày giải ngân.');
  }
  if (paidOn < state.penaltySettledOn) {
    throw new LoanInputError(
      'paidOn',
      `Ngày trả không được trước khoản trả đã ghi ngày ${formatDateVi(state.penaltySettledOn)}; ` +
        'hãy ghi các khoản trả theo thứ tự ngày.',
    );
  }
}

// Interest of period j is charged on the principal of instalments j…n still unpaid at its start.
function repriceLaterPeriods(installments: Mutable<InstallmentPosition>[], from: number, rateHundredths: bigint): void {
  let principalNotYetDueVnd = 0n;
  for (let index = installments.length - 1; index >= from; index -= 1) {
    const installment = installments[index];
    if (!installment) continue;
    principalNotYetDueVnd += principalLeftVnd(installment);
    const days = daysBetween(installment.periodStart, installment.dueDate);
    installment.interestDueVnd = periodInterestVnd(principalNotYetDueVnd, rateHundredths, days);
  }
}
