// The data a loan carries between payments: its contract (schedule and rates) and, per instalment, what is
// due and what has been paid. Everything is immutable; the repayment engine returns new states.
import { daysBetween, isCalendarDate, laterOf } from './calendar.ts';
import { LoanInputError } from './loan-input-error.ts';
import { DAYS_PER_YEAR, RATE_SCALE, divideRoundHalfUp, parseRateHundredths, sumVnd } from './money.ts';
import type { ScheduledInstallment } from './schedule.ts';

export const DEFAULT_PENALTY_RATE_PERCENT = 150;

/** What the repayment engine needs to know about a loan: its schedule and its rates. */
export interface LoanContract {
  disbursedOn: string;
  /** Contract rate, percent per year with up to 2 decimals ("4.8"). */
  annualRatePercent: string;
  /** Penalty rate on overdue principal as a percent of the contract rate; default 150. */
  penaltyRatePercent?: number;
  /** The schedule, e.g. `buildSchedule(...).installments`; `totalVnd` is not needed. */
  installments: ReadonlyArray<Pick<ScheduledInstallment, 'n' | 'dueDate' | 'principalVnd' | 'interestVnd'>>;
}

/** One instalment's amounts due and paid. Principal paid includes prepayment applied to this instalment. */
export interface InstallmentPosition {
  readonly n: number;
  /** Start of the interest period: the previous due date, or the disbursement date for n = 1. */
  readonly periodStart: string;
  readonly dueDate: string;
  readonly principalDueVnd: bigint;
  /** Interest of the period; lowered when a prepayment happens before the period starts. */
  readonly interestDueVnd: bigint;
  readonly principalPaidVnd: bigint;
  readonly interestPaidVnd: bigint;
}

/** How one payment was split, in the order the parts are served. The parts add up to the payment. */
export interface PaymentAllocation {
  penaltyVnd: bigint;
  overdueInterestVnd: bigint;
  overduePrincipalVnd: bigint;
  currentInterestVnd: bigint;
  currentPrincipalVnd: bigint;
  prepaymentVnd: bigint;
}

export interface PostedPayment {
  readonly paidOn: string;
  readonly amountVnd: bigint;
  readonly allocation: PaymentAllocation;
}

/** A loan after zero or more posted payments. Penalty is settled (rounded) at each payment date. */
export interface LoanState {
  readonly contract: LoanContract;
  readonly disbursedVnd: bigint;
  readonly rateHundredths: bigint;
  readonly penaltyRatePercent: number;
  readonly installments: readonly InstallmentPosition[];
  readonly payments: readonly PostedPayment[];
  /** Penalty interest charged up to `penaltySettledOn` (rounded once per interval between payments). */
  readonly penaltyChargedVnd: bigint;
  readonly penaltyPaidVnd: bigint;
  /** Date up to which penalty has been charged: the last payment date, or the disbursement date. */
  readonly penaltySettledOn: string;
}

/** Start the repayment record of a loan from its contract; throws LoanInputError naming the field. */
export function openLoan(contract: LoanContract): LoanState {
  const { disbursedOn, annualRatePercent, installments } = contract;
  const penaltyRatePercent = contract.penaltyRatePercent ?? DEFAULT_PENALTY_RATE_PERCENT;
  if (typeof disbursedOn !== 'string' || !isCalendarDate(disbursedOn)) {
    throw new LoanInputError('disbursedOn', 'Ngày giải ngân phải là ngày hợp lệ dạng YYYY-MM-DD.');
  }
  const rateHundredths =
    typeof annualRatePercent === 'string' ? parseRateHundredths(annualRatePercent) : undefined;
  if (rateHundredths === undefined) {
    throw new LoanInputError(
      'annualRatePercent',
      'Lãi suất năm phải từ 0 đến 100 (%), tối đa 2 chữ số thập phân.',
    );
  }
  if (!Number.isInteger(penaltyRatePercent) || penaltyRatePercent < 0 || penaltyRatePercent > 1000) {
    throw new LoanInputError(
      'penaltyRatePercent',
      'Tỷ lệ lãi phạt phải là số nguyên từ 0 đến 1000 (% của lãi suất trong hạn).',
    );
  }
  if (installments.length === 0) {
    throw new LoanInputError('installments', 'Lịch trả nợ (installments) phải có ít nhất một kỳ.');
  }
  let periodStart = disbursedOn;
  const positions = installments.map((installment, index): InstallmentPosition => {
    const { dueDate, principalVnd, interestVnd } = installment;
    const wellFormed = installment.n === index + 1 && isCalendarDate(dueDate) && dueDate > periodStart;
    if (!wellFormed || principalVnd < 0n || interestVnd < 0n) {
      throw new LoanInputError(
        'installments',
        `Kỳ thứ ${index + 1} của lịch trả nợ (installments) không hợp lệ: cần đánh số 1, 2, …, ` +
          'ngày đến hạn tăng dần sau ngày giải ngân và số tiền không âm.',
      );
    }
    const position: InstallmentPosition = {
      n: installment.n,
      periodStart,
      dueDate,
      principalDueVnd: principalVnd,
      interestDueVnd: interestVnd,
      principalPaidVnd: 0n,
      interestPaidVnd: 0n,
    };
    periodStart = dueDate;
    return position;
  });
  const disbursedVnd = sumVnd(positions.map((p) => p.principalDueVnd));
  if (disbursedVnd <= 0n) {
    throw new LoanInputError('installments', 'Tổng tiền gốc của lịch trả nợ (installments) phải lớn hơn 0.');
  }
  return {
    contract,
    disbursedVnd,
    rateHundredths,
    penaltyRatePercent,
    installments: positions,
    payments: [],
    penaltyChargedVnd: 0n,
    penaltyPaidVnd: 0n,
    penaltySettledOn: disbursedOn,
  };
}

/** Principal of an instalment not yet paid. */
export function principalLeftVnd(installment: InstallmentPosition): bigint {
  return installment.principalDueVnd - installment.principalPaidVnd;
}

/** Interest of an instalment not yet paid. */
export function interestLeftVnd(installment: InstallmentPosition): bigint {
  return installment.interestDueVnd - installment.interestPaidVnd;
}

/** Principal disbursed and not yet repaid (prepayment included). */
export function outstandingPrincipalVnd(state: LoanState): bigint {
  return sumVnd(state.installments.map(principalLeftVnd));
}

/**
 * Penalty interest accrued from `state.penaltySettledOn` to `on`, rounded half up once for the interval.
 * Each instalment's unpaid principal is overdue from the day after its due date, so it bears
 * `on − max(settledOn, dueDate)` days at penaltyRatePercent % of the contract rate, actual/365.
 */
export function penaltySinceSettlementVnd(state: LoanState, on: string): bigint {
  let principalDays = 0n;
  for (const installment of state.installments) {
    const days = daysBetween(laterOf(state.penaltySettledOn, installment.dueDate), on);
    if (days > 0) principalDays += principalLeftVnd(installment) * BigInt(days);
  }
  const numerator = principalDays * state.rateHundredths * BigInt(state.penaltyRatePercent);
  return divideRoundHalfUp(numerator, DAYS_PER_YEAR * RATE_SCALE * 100n);
}
