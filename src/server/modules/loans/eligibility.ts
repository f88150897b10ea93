// Eligibility of an application under the lending rules in force: each refusal says why, in Vietnamese, and
// names the field it is about.
import { formatDateVi } from '../../../shared/dates.ts';
import { formatVnd } from '../../../shared/format.ts';
import { KIND_LABELS, STATUS_LABELS, type Kind, type Status } from '../../../shared/organisation.ts';
import { SECTOR_GROUPS } from '../../../shared/sectors.ts';
import { addMonthsClamped } from './calendar.ts';
import { METHOD_LABELS } from './loans.schemas.ts';

export interface RulesForEligibility {
  effectiveFrom: string;
  maxAmountVnd: bigint;
  maxTermMonths: number;
  maxGraceMonths: number;
  methods: string[];
  minMonthsSinceFounding: number;
  sectorGroups: string[] | null;
  kinds: string[] | null;
  maxOpenLoans: number | null;
}

export interface Borrower {
  name: string;
  status: string;
  foundedOn: string;
  kind: string;
  sectorGroup: string | null;
  /** Loans of the borrower applied for, approved or running (not rejected, closed or written off). */
  openLoans: number;
}

export interface Request {
  amountVnd: bigint;
  termMonths: number;
  method: string;
  graceMonths: number;
}

export type Eligibility = { ok: true } | { ok: false; field: string; reason: string };

/** Whole months from `from` to `on` (a month counts once its day, clamped to month end, is reached). */
export function wholeMonthsBetween(from: string, on: string): number {
  let months = 0;
  while (addMonthsClamped(from, months + 1) <= on) months += 1;
  return months;
}

const groupName = (code: string) => SECTOR_GROUPS.find((g) => g.code === code)?.name ?? code;

/** Checks a borrower and its request against a version of the rules, on the date `on`. */
export function checkEligibility(rules: RulesForEligibility, borrower: Borrower, request: Request, on: string): Eligibility {
  const refuse = (field: string, reason: string): Eligibility => ({ ok: false, field, reason });
  const since = `(quy định có hiệu lực từ ${formatDateVi(rules.effectiveFrom)})`;
  if (borrower.status !== 'active') {
    const label = STATUS_LABELS[borrower.status as Status] ?? borrower.status;
    return refuse('organisationId', `${borrower.name} đang ở trạng thái “${label}”; chỉ tổ chức đang hoạt động mới được vay vốn của Quỹ.`);
  }
  const age = wholeMonthsBetween(borrower.foundedOn, on);
  if (age < rules.minMonthsSinceFounding) {
    return refuse('organisationId', `${borrower.name} thành lập ngày ${formatDateVi(borrower.foundedOn)}, mới hoạt động ${age} tháng; quy định của Quỹ yêu cầu ít nhất ${rules.minMonthsSinceFounding} tháng ${since}.`);
  }
  if (rules.kinds && !rules.kinds.includes(borrower.kind)) {
    const allowed = rules.kinds.map((k) => KIND_LABELS[k as Kind] ?? k).join(', ');
    return refuse('organisationId', `Quỹ chỉ cho vay các loại hình: ${allowed}; ${borrower.name} là ${KIND_LABELS[borrower.kind as Kind] ?? borrower.kind} ${since}.`);
  }
  if (rules.sectorGroups && !rules.sectorGroups.includes(borrower.sectorGroup ?? '')) {
    const allowed = rules.sectorGroups.map(groupName).join('; ');
    return refuse('organisationId', `Quỹ chỉ cho vay các nhóm ngành: ${allowed}; ${borrower.name} thuộc nhóm “${groupName(borrower.sectorGroup ?? '')}” ${since}.`);
  }
  if (rules.maxOpenLoans !== null && borrower.openLoans >= rules.maxOpenLoans) {
    return refuse('organisationId', `${borrower.name} đang có ${borrower.openLoans} khoản vay hoặc hồ sơ chưa tất toán; quy định cho phép tối đa ${rules.maxOpenLoans} ${since}.`);
  }
  if (request.amountVnd > rules.maxAmountVnd) {
    return refuse('amountVnd', `Số tiền đề nghị vay ${formatVnd(request.amountVnd)} vượt mức cho vay tối đa ${formatVnd(rules.maxAmountVnd)} ${since}.`);
  }
  if (request.termMonths > rules.maxTermMonths) {
    return refuse('termMonths', `Thời hạn vay ${request.termMonths} tháng vượt thời hạn tối đa ${rules.maxTermMonths} tháng ${since}.`);
  }
  if (!rules.methods.includes(request.method)) {
    const allowed = rules.methods.map((m) => METHOD_LABELS[m as keyof typeof METHOD_LABELS] ?? m).join(', ');
    return refuse('method', `Quỹ chỉ áp dụng phương thức trả nợ: ${allowed} ${since}.`);
  }
  if (request.graceMonths > rules.maxGraceMonths) {
    return refuse('graceMonths', `Thời gian ân hạn ${request.graceMonths} tháng vượt mức tối đa ${rules.maxGraceMonths} tháng ${since}.`);
  }
  if (request.graceMonths >= request.termMonths) {
    return refuse('graceMonths', 'Thời gian ân hạn phải ngắn hơn thời hạn vay.');
  }
  return { ok: true };
}
