// The loan book's request shapes: one zod schema per use case, used by the routes and by the web forms
// (so this file imports nothing but zod and runs in the browser too).
import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.ts';

export const LOAN_STATUSES = ['submitted', 'appraised', 'approved', 'rejected', 'contracted', 'active', 'closed', 'written_off'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = {
  submitted: 'Chờ thẩm định',
  appraised: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  rejected: 'Từ chối',
  contracted: 'Đã ký hợp đồng',
  active: 'Đang cho vay',
  closed: 'Đã tất toán',
  written_off: 'Đã xóa nợ',
};

export const METHOD_LABELS = { equal_principal: 'Gốc trả đều hằng tháng', bullet: 'Gốc trả một lần cuối kỳ' } as const;
export const DEBT_GROUP_LABELS = ['', 'Nhóm 1 – Nợ đủ tiêu chuẩn', 'Nhóm 2 – Nợ cần chú ý', 'Nhóm 3 – Nợ dưới tiêu chuẩn', 'Nhóm 4 – Nợ nghi ngờ', 'Nhóm 5 – Nợ có khả năng mất vốn'] as const;

const isoDate = calendarDate();
/** Whole đồng as a string of digits, more than zero. */
const positiveVnd = z.string().trim().regex(/^[1-9]\d{0,15}$/, 'Số tiền là số nguyên đồng, lớn hơn 0, chỉ gồm chữ số');
/** An amount that may be left empty (a cleared field sends ""). */
const optionalVnd = z.preprocess((v) => (v === '' ? null : v), positiveVnd.nullish());
const text = (max: number, label: string) => z.string().trim().min(1, `Cần nhập ${label}`).max(max, `${label} quá dài (tối đa ${max} ký tự)`);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const method = z.enum(['equal_principal', 'bullet'], { message: 'Phương thức trả nợ không hợp lệ' });
const months = (label: string, min: number) => z.number({ message: `${label} phải là số` }).int(`${label} phải là số nguyên`).min(min, `${label} ít nhất ${min}`).max(360, `${label} tối đa 360 tháng`);

export const SECTOR_GROUP_CODES = ['agriculture', 'non_agriculture', 'credit_fund'] as const;
export const KIND_CODES = ['HTX', 'LHHTX', 'THT', 'QTDND'] as const;

/** A new version of the lending rules (alliance_admin). */
export const LoanRulesInput = z.object({
  effectiveFrom: isoDate,
  maxAmountVnd: positiveVnd,
  maxTermMonths: months('Thời hạn tối đa', 1),
  maxGraceMonths: months('Ân hạn tối đa', 0).default(0),
  methods: z.array(method).min(1, 'Chọn ít nhất một phương thức trả nợ'),
  annualRatePercent: z.string().trim().regex(/^\d{1,2}(\.\d{1,2})?$/, 'Lãi suất %/năm, tối đa 2 chữ số thập phân, dấu chấm (ví dụ 4.8)'),
  penaltyRatePercent: z.number().int().min(100, 'Lãi phạt ít nhất 100% lãi trong hạn').max(300, 'Lãi phạt tối đa 300% lãi trong hạn').default(150),
  minMonthsSinceFounding: z.number().int().min(0).max(600).default(0),
  sectorGroups: z.array(z.enum(SECTOR_GROUP_CODES)).min(1).nullish(),
  kinds: z.array(z.enum(KIND_CODES)).min(1).nullish(),
  maxOpenLoans: z.number().int().min(1).max(100).nullish(),
  note: optionalText(1000),
}).strict();
export type LoanRulesInput = z.infer<typeof LoanRulesInput>;

export const Guarantor = z.object({
  name: text(200, 'họ tên người bảo lãnh'),
  idNumber: optionalText(20),
  relation: optionalText(200),
}).strict();

/** A loan application (fund officer, or a cooperative's manager for its own organisation). */
export const LoanApplicationInput = z.object({
  organisationId: z.string().uuid('Chọn tổ chức vay vốn'),
  purpose: text(2000, 'mục đích vay'),
  amountVnd: positiveVnd,
  termMonths: months('Thời hạn vay', 1),
  method,
  graceMonths: months('Số tháng ân hạn', 0).default(0),
  collateral: optionalText(2000),
  guarantors: z.array(Guarantor).max(10).default([]),
  /** Day the fund received a paper application (fund staff only; a manager's application is dated today). */
  appliedOn: isoDate.nullish(),
}).strict();
export type LoanApplicationInput = z.input<typeof LoanApplicationInput>;

export const AppraisalInput = z.object({
  findings: text(5000, 'kết quả thẩm định'),
  recommendation: z.enum(['approve', 'reject'], { message: 'Chọn đề xuất: cho vay hoặc không cho vay' }),
  recommendedAmountVnd: optionalVnd,
}).strict();

export const DecisionInput = z
  .object({
    decision: z.enum(['approved', 'rejected'], { message: 'Chọn phê duyệt hoặc từ chối' }),
    decisionNumber: text(100, 'số quyết định'),
    decisionDate: isoDate,
    approvedAmountVnd: optionalVnd,
    reason: optionalText(2000),
  })
  .strict()
  .refine((d) => d.decision === 'approved' || (d.reason ?? '').length > 0, { message: 'Từ chối phải nêu lý do', path: ['reason'] });

export const ContractInput = z.object({ contractNumber: text(100, 'số hợp đồng'), signedOn: isoDate }).strict();

export const DisbursementInput = z.object({ disbursedOn: isoDate, amountVnd: positiveVnd, note: optionalText(500) }).strict();

export const PaymentInput = z.object({
  paidOn: isoDate,
  amountVnd: positiveVnd,
  /** Chosen by the client once per payment form, so a second submission is recognised. */
  idempotencyKey: z.string().trim().min(8, 'Thiếu mã chống gửi trùng').max(100),
  note: optionalText(500),
}).strict();

export const RescheduleInput = z.object({
  effectiveOn: isoDate,
  newTermMonths: months('Thời hạn mới', 2),
  decisionNumber: text(100, 'số quyết định'),
  reason: text(2000, 'lý do gia hạn'),
}).strict();

export const WriteOffInput = z.object({ writtenOffOn: isoDate, decisionNumber: text(100, 'số quyết định'), reason: text(2000, 'lý do xóa nợ') }).strict();

export const AsOfQuery = z.object({ asOf: isoDate.optional() });
export const LoanListQuery = z.object({
  status: z.enum(LOAN_STATUSES).optional(),
  organisationId: z.string().uuid().optional(),
  asOf: isoDate.optional(),
});
export const DueQuery = z.object({ from: isoDate.optional(), days: z.coerce.number().int().min(1).max(366).default(30) });
export const PortfolioQuery = z.object({ asOf: isoDate.optional(), tenant: z.coerce.number().int().positive().optional() });
