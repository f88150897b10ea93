// Repayment schedule of a loan (fund.md, "Money conventions"): due dates, principal split and interest per
// period, all in whole đồng as bigint.
import { addMonthsClamped, daysBetween, isCalendarDate } from './calendar.ts';
import { LoanInputError } from './loan-input-error.ts';
import { parseRateHundredths, periodInterestVnd } from './money.ts';

export type RepaymentMethod = 'equal_principal' | 'bullet';
export const REPAYMENT_METHODS: readonly RepaymentMethod[] = ['equal_principal', 'bullet'];
export const MAX_TERM_MONTHS = 360;

export interface ScheduleInput {
  principalVnd: bigint;
  /** Percent per year, up to 2 decimals: "4.8", "7.25". */
  annualRatePercent: string;
  termMonths: number;
  method: RepaymentMethod;
  /** Interest-only instalments at the start; defaults to 0. */
  graceMonths?: number;
  /** 'YYYY-MM-DD'. */
  disbursedOn: string;
}

export interface ScheduledInstallment {
  n: number;
  dueDate: string;
  principalVnd: bigint;
  interestVnd: bigint;
  totalVnd: bigint;
}

export interface Schedule {
  installments: ScheduledInstallment[];
  totalInterestVnd: bigint;
}

/** Validated, normalised schedule input (rate as hundredths of a percent). */
export interface LoanTerms {
  principalVnd: bigint;
  rateHundredths: bigint;
  termMonths: number;
  method: RepaymentMethod;
  graceMonths: number;
  disbursedOn: string;
}

/** Check a schedule input and normalise it; throws LoanInputError naming the field. */
export function validateScheduleInput(input: ScheduleInput): LoanTerms {
  const { principalVnd, annualRatePercent, termMonths, method, disbursedOn } = input;
  const graceMonths = input.graceMonths ?? 0;
  if (typeof principalVnd !== 'bigint' || principalVnd <= 0n) {
    throw new LoanInputError('principalVnd', 'Số tiền vay phải là số nguyên dương (đồng).');
  }
  const rateHundredths =
    typeof annualRatePercent === 'string' ? parseRateHundredths(annualRatePercent) : undefined;
  if (rateHundredths === undefined) {
    throw new LoanInputError(
      'annualRatePercent',
      'Lãi suất năm phải từ 0 đến 100 (%), tối đa 2 chữ số thập phân, dùng dấu chấm (ví dụ 4.8).',
    );
  }
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
    throw new LoanInputError(
      'termMonths',
      `Thời hạn vay phải là số nguyên từ 1 đến ${MAX_TERM_MONTHS} tháng.`,
    );
  }
  if (!REPAYMENT_METHODS.includes(method)) {
    throw new LoanInputError('method', 'Phương thức trả nợ phải là "Gốc trả đều hằng tháng" hoặc "Gốc trả một lần cuối kỳ".');
  }
  if (!Number.isInteger(graceMonths) || graceMonths < 0 || graceMonths >= termMonths) {
    throw new LoanInputError(
      'graceMonths',
      'Thời gian ân hạn gốc phải là số nguyên không âm và nhỏ hơn thời hạn vay.',
    );
  }
  if (typeof disbursedOn !== 'string' || !isCalendarDate(disbursedOn)) {
    throw new LoanInputError(
      'disbursedOn',
      'Ngày giải ngân phải là ngày hợp lệ dạng YYYY-MM-DD.',
    );
  }
  return { principalVnd, rateHundredths, termMonths, method, graceMonths, disbursedOn };
}

/** Due date of instalment n: disbursement + n months, clamped to month end, always from the original day. */
export function dueDateOf(disbursedOn: string, n: number): string {
  return addMonthsClamped(disbursedOn, n);
}

/** Scheduled principal of each instalment (index 0 = instalment 1); adds up exactly to the principal. */
export function principalSplit(terms: LoanTerms): bigint[] {
  const { principalVnd, termMonths, method, graceMonths } = terms;
  const split = new Array<bigint>(termMonths).fill(0n);
  if (method === 'bullet') {
    split[termMonths - 1] = principalVnd;
    return split;
  }
  const amortising = BigInt(termMonths - graceMonths);
  const share = principalVnd / amortising; // bigint division floors for positive values
  for (let i = graceMonths; i < termMonths; i += 1) split[i] = share;
  split[termMonths - 1] = principalVnd - share * (amortising - 1n);
  return split;
}

/** Build the repayment schedule of a loan; throws LoanInputError on bad input. */
export function buildSchedule(input: ScheduleInput): Schedule {
  const terms = validateScheduleInput(input);
  const split = principalSplit(terms);
  const installments: ScheduledInstallment[] = [];
  let outstandingVnd = terms.principalVnd;
  let periodStart = terms.disbursedOn;
  let totalInterestVnd = 0n;
  for (let n = 1; n <= terms.termMonths; n += 1) {
    const dueDate = dueDateOf(terms.disbursedOn, n);
    const principalVnd = split[n - 1] ?? 0n;
    const days = daysBetween(periodStart, dueDate);
    const interestVnd = periodInterestVnd(outstandingVnd, terms.rateHundredths, days);
    installments.push({ n, dueDate, principalVnd, interestVnd, totalVnd: principalVnd + interestVnd });
    totalInterestVnd += interestVnd;
    outstandingVnd -= principalVnd;
    periodStart = dueDate;
  }
  return { installments, totalInterestVnd };
}
