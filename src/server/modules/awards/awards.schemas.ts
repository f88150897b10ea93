// Request shapes of awards (decision 010), used by the routes and by the staff pages (zod and shared code only).
import { z } from 'zod';
import { AWARD_FORMS, AWARD_LEVELS, COUNCIL_RESULTS, DOSSIER_PURPOSES, PROPOSAL_STATES, RECIPIENT_KINDS } from './awards.words.ts';

const text = (max: number, label: string) =>
  z.string({ error: `Cần nhập ${label}` }).trim().min(1, `Cần nhập ${label}`).max(max, `${label} quá dài (tối đa ${max} ký tự)`);
const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự)`).nullish());
const isoDate = (label: string) => z.string({ error: `Cần nhập ${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label} phải có dạng năm-tháng-ngày`);
const optionalDate = (label: string) => z.preprocess((v) => (v === '' ? null : v), isoDate(label).nullish());
const year = z.coerce.number({ error: 'Năm khen thưởng không hợp lệ' }).int('Năm khen thưởng không hợp lệ').min(1990, 'Năm khen thưởng từ 1990').max(2100, 'Năm khen thưởng không hợp lệ');
const uuid = (label: string) => z.string({ error: `${label} không hợp lệ` }).uuid(`${label} không hợp lệ`);
const cash = (label: string) => z.coerce.number({ error: `${label} không hợp lệ` }).int(`${label} tính bằng đồng, không có số lẻ`).min(0, `${label} không được âm`).max(10_000_000_000, `${label} quá lớn`);
const votes = (label: string) => z.coerce.number({ error: `Số phiếu ${label} không hợp lệ` }).int(`Số phiếu ${label} không hợp lệ`).min(0, `Số phiếu ${label} không được âm`).max(1000, `Số phiếu ${label} quá lớn`);

export const AwardKindPatch = z
  .object({
    name: text(300, 'tên hình thức').optional(),
    active: z.boolean({ error: 'Còn sử dụng phải là có hoặc không' }).optional(),
    oncePerRecipient: z.boolean({ error: 'Chỉ tặng một lần phải là có hoặc không' }).optional(),
    minYearsBetween: z.coerce.number({ error: 'Số năm tối thiểu không hợp lệ' }).int('Số năm tối thiểu không hợp lệ').min(1, 'Số năm tối thiểu từ 1').max(50, 'Số năm tối thiểu quá lớn').nullable().optional(),
  })
  .strict();
export type AwardKindPatch = z.infer<typeof AwardKindPatch>;

/** A recipient as a proposal or a decision names it. */
const recipientShape = {
  recipientKind: z.enum(RECIPIENT_KINDS, { message: 'Đối tượng phải là tập thể hoặc cá nhân' }),
  organisationId: uuid('Tổ chức').nullish(),
  recipientName: optionalText(300, 'Tên người hoặc tập thể'),
  personPosition: optionalText(200, 'Chức vụ'),
  personBirthDate: optionalDate('Ngày sinh'),
  personIdNumber: optionalText(20, 'Số định danh'),
};

function recipientRules<T extends { recipientKind: string; organisationId?: string | null; recipientName?: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.recipientKind === 'individual' && !v.recipientName) ctx.addIssue({ code: 'custom', path: ['recipientName'], message: 'Cần nhập họ và tên người được đề nghị khen' });
  if (v.recipientKind === 'collective' && !v.organisationId && !v.recipientName) ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Cần chọn tổ chức (hoặc nhập tên tập thể)' });
}

export const RecipientInput = z.object(recipientShape).strict().superRefine(recipientRules);
export type RecipientInput = z.infer<typeof RecipientInput>;

export const ProposalInput = z
  .object({
    year,
    awardKindCode: text(60, 'hình thức khen thưởng'),
    ...recipientShape,
    achievements: optionalText(10_000, 'Thành tích'),
    blockId: uuid('Cụm, khối thi đua').nullish(),
  })
  .strict()
  .superRefine(recipientRules);
export type ProposalInput = z.infer<typeof ProposalInput>;

export const ProposalPatch = z
  .object({
    personPosition: optionalText(200, 'Chức vụ'),
    personBirthDate: optionalDate('Ngày sinh'),
    personIdNumber: optionalText(20, 'Số định danh'),
    achievements: optionalText(10_000, 'Thành tích'),
  })
  .strict();
export type ProposalPatch = z.infer<typeof ProposalPatch>;

export const ProposalListQuery = z
  .object({
    state: z.enum(PROPOSAL_STATES, { message: 'Trạng thái không hợp lệ' }).optional(),
    year: year.optional(),
  })
  .strict();

export const CouncilReviewInput = z
  .object({
    councilMetOn: isoDate('Ngày họp Hội đồng'),
    councilMembers: text(2000, 'thành phần Hội đồng'),
    votesFor: votes('đồng ý'),
    votesAgainst: votes('không đồng ý'),
    votesAbstain: votes('không biểu quyết'),
    councilResult: z.enum(COUNCIL_RESULTS, { message: 'Kết quả xét phải là đề nghị khen hoặc không đề nghị' }),
    councilNote: optionalText(2000, 'Ghi chú'),
  })
  .strict();
export type CouncilReviewInput = z.infer<typeof CouncilReviewInput>;

export const DecisionInput = z
  .object({
    number: text(60, 'số quyết định'),
    decidedOn: isoDate('Ngày quyết định'),
    issuer: text(300, 'cơ quan ban hành'),
    signerName: text(200, 'người ký'),
    signerPosition: text(200, 'chức vụ người ký'),
    awardKindCode: text(60, 'hình thức khen thưởng'),
    year,
    cashPerCollectiveVnd: cash('Tiền thưởng mỗi tập thể').default(0),
    cashPerIndividualVnd: cash('Tiền thưởng mỗi cá nhân').default(0),
    proposalIds: z.array(uuid('Hồ sơ đề nghị')).max(500, 'Tối đa 500 hồ sơ một quyết định').default([]),
    recipients: z.array(RecipientInput).max(500, 'Tối đa 500 người, tập thể một quyết định').default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.proposalIds.length + v.recipients.length === 0) ctx.addIssue({ code: 'custom', path: ['proposalIds'], message: 'Cần chọn ít nhất một hồ sơ đề nghị hoặc nhập một người, tập thể được khen' });
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const RevokeInput = z
  .object({
    revokedOn: isoDate('Ngày hủy bỏ'),
    reason: text(2000, 'lý do hủy bỏ'),
    revokeDecisionNumber: text(60, 'số quyết định hủy bỏ'),
    recoverObject: optionalText(300, 'Hiện vật thu hồi'),
    recoverCashVnd: cash('Số tiền thu hồi').nullish(),
  })
  .strict();
export type RevokeInput = z.infer<typeof RevokeInput>;

export const RegisterQuery = z
  .object({
    q: z.string().max(200, 'Từ khóa quá dài').optional(),
    form: z.enum(AWARD_FORMS, { message: 'Hình thức không hợp lệ' }).optional(),
    level: z.enum(AWARD_LEVELS, { message: 'Cấp khen không hợp lệ' }).optional(),
    year: year.optional(),
    communeCode: z.string().max(10).optional(),
    organisationId: uuid('Tổ chức').optional(),
    recipientKind: z.enum(RECIPIENT_KINDS, { message: 'Đối tượng không hợp lệ' }).optional(),
    /** Every award of the recipient of this award (a person's page: the same person, however often recognised). */
    sameRecipientAs: uuid('Khen thưởng').optional(),
    tenant: z.coerce.number().int().positive().optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type RegisterQuery = z.infer<typeof RegisterQuery>;

export const ReportQuery = z.object({ year, tenant: z.coerce.number().int().positive().optional() }).strict();

export const FilePurposeQuery = z.object({ purpose: z.enum(DOSSIER_PURPOSES, { message: 'Loại tài liệu phải là tờ trình, biên bản họp hội đồng hoặc báo cáo thành tích' }) }).strict();
