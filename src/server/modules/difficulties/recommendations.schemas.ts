// Request shapes of recommendations, official letters, agencies, agencies' answers and letter settings
// (decision 008), used by the routes and by the staff pages (so this file imports nothing but zod and shared code).
import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.ts';
import { DIFFICULTY_CATEGORIES } from './public-difficulties.words.ts';

export const AGENCY_KINDS = ['department', 'province_committee', 'commune_committee', 'ministry', 'bank', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  department: 'Sở, ngành',
  province_committee: 'UBND tỉnh',
  commune_committee: 'UBND xã, phường',
  ministry: 'Bộ, ngành trung ương',
  bank: 'Ngân hàng',
  other: 'Khác',
};

export const RECOMMENDATION_STATES = ['draft', 'forwarded', 'answered', 'closed'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

export const RECOMMENDATION_STATE_LABELS: Record<RecommendationState, string> = {
  draft: 'Dự thảo',
  forwarded: 'Đã gửi',
  answered: 'Đã có trả lời',
  closed: 'Đã kết thúc',
};

/** Working days an agency has to answer, from the letter's date, unless staff set another due date. */
export const AGENCY_ANSWER_WORKING_DAYS = 15;

const text = (max: number, label: string) =>
  z.string({ error: `Cần nhập ${label}` }).trim().min(1, `Cần nhập ${label}`).max(max, `${label} quá dài (tối đa ${max} ký tự)`);
const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, `${label} quá dài (tối đa ${max} ký tự)`).nullish());
const id = (label: string) => z.string({ error: `${label} không hợp lệ` }).uuid(`${label} không hợp lệ`);
const ids = (label: string, max: number) =>
  z.array(id(label), { error: `Cần chọn ${label.toLowerCase()}` }).min(1, `Cần chọn ít nhất một ${label.toLowerCase()}`).max(max, `Tối đa ${max} mục`);
const category = z.enum(DIFFICULTY_CATEGORIES, { message: 'Lĩnh vực không hợp lệ' });
const agencyKind = z.enum(AGENCY_KINDS, { message: 'Loại cơ quan không hợp lệ' });

export const AgencyInput = z
  .object({
    name: text(300, 'tên cơ quan'),
    shortName: optionalText(100, 'Tên viết tắt'),
    kind: agencyKind,
    communeCode: optionalText(10, 'Mã xã, phường'),
    address: optionalText(500, 'Địa chỉ'),
    email: z.preprocess((v) => (v === '' ? null : v), z.string().trim().email('Email không hợp lệ').max(200).nullish()),
  })
  .strict();
export type AgencyInput = z.infer<typeof AgencyInput>;

export const AgencyPatch = AgencyInput.partial().extend({ active: z.boolean({ error: 'Còn sử dụng phải là có hoặc không' }).optional() }).strict();
export type AgencyPatch = z.infer<typeof AgencyPatch>;

export const AgencyListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() }).strict();

/** A draft recommendation grouping difficulties of any cooperatives of the alliance. */
export const RecommendationInput = z
  .object({
    subject: text(300, 'trích yếu (V/v)'),
    category,
    difficultyIds: ids('Khó khăn, kiến nghị', 200),
    agencyId: id('Cơ quan nhận').nullish(),
    body: optionalText(5000, 'Nội dung mở đầu'),
  })
  .strict();
export type RecommendationInput = z.infer<typeof RecommendationInput>;

export const RecommendationPatch = z
  .object({
    subject: text(300, 'trích yếu (V/v)').optional(),
    category: category.optional(),
    body: optionalText(5000, 'Nội dung mở đầu'),
    agencyId: id('Cơ quan nhận').nullish(),
    difficultyIds: ids('Khó khăn, kiến nghị', 200).optional(),
  })
  .strict();
export type RecommendationPatch = z.infer<typeof RecommendationPatch>;

/** Forwarding the draft by official letter: the number is taken then. */
export const ForwardInput = z
  .object({
    agencyId: id('Cơ quan nhận'),
    letterDate: calendarDate('Ngày công văn'),
    dueOn: calendarDate('Hạn trả lời').nullish(),
    signerName: optionalText(200, 'Người ký'),
    signerTitle: optionalText(200, 'Chức vụ người ký'),
  })
  .strict();
export type ForwardInput = z.infer<typeof ForwardInput>;

export const RecommendationListQuery = z
  .object({
    state: z.enum(RECOMMENDATION_STATES, { message: 'Trạng thái không hợp lệ' }).optional(),
    agencyId: id('Cơ quan nhận').optional(),
    overdue: z.enum(['true', 'false'], { message: 'Quá hạn phải là true hoặc false' }).optional(),
  })
  .strict();

/** An agency's answer: one letter may settle several recommendations forwarded to it. */
export const AgencyAnswerInput = z
  .object({
    agencyId: id('Cơ quan nhận'),
    letterNumber: text(100, 'số văn bản trả lời'),
    letterDate: calendarDate('Ngày văn bản trả lời'),
    receivedOn: calendarDate('Ngày nhận'),
    content: text(20000, 'nội dung trả lời'),
    recommendationIds: ids('Kiến nghị đã gửi', 100),
  })
  .strict();
export type AgencyAnswerInput = z.infer<typeof AgencyAnswerInput>;

export const LetterSettingsInput = z
  .object({
    governingBody: optionalText(200, 'Cơ quan chủ quản'),
    issuer: text(200, 'tên cơ quan ban hành'),
    symbol: z
      .string({ error: 'Cần nhập ký hiệu công văn' })
      .trim()
      .min(1, 'Cần nhập ký hiệu công văn')
      .max(40, 'Ký hiệu công văn quá dài (tối đa 40 ký tự)')
      .regex(/^[\p{L}\d][\p{L}\d.-]*$/u, 'Ký hiệu công văn chỉ gồm chữ, số, dấu gạch nối và dấu chấm (ví dụ LMHTX-VP)'),
    place: text(100, 'địa danh'),
    signerTitle: optionalText(200, 'Chức vụ người ký'),
    signerName: optionalText(200, 'Người ký'),
  })
  .strict();
export type LetterSettingsInput = z.infer<typeof LetterSettingsInput>;
