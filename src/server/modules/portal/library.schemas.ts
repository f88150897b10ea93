// The library's words (decision 009) and the request bodies of documents, events and redirects; the staff
// pages use the same kinds and labels.
import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.ts';

export const DOCUMENT_KIND_LABELS = {
  law: 'Luật',
  resolution: 'Nghị quyết',
  decree: 'Nghị định',
  decision: 'Quyết định',
  circular: 'Thông tư',
  directive: 'Chỉ thị',
  plan: 'Kế hoạch',
  official_letter: 'Công văn',
  guidance: 'Hướng dẫn',
  other: 'Khác',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KIND_LABELS;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as [DocumentKind, ...DocumentKind[]];

export const EVENT_KIND_LABELS = {
  conference: 'Hội nghị',
  training: 'Tập huấn, bồi dưỡng',
  trade_fair: 'Hội chợ, xúc tiến thương mại',
  study_visit: 'Tham quan, học tập',
  other: 'Khác',
} as const;
export type EventKind = keyof typeof EVENT_KIND_LABELS;
export const EVENT_KINDS = Object.keys(EVENT_KIND_LABELS) as [EventKind, ...EventKind[]];

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: cần nhập chữ` })
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`);
const optionalText = (label: string, max: number) => z.string({ error: `${label}: cần nhập chữ` }).trim().max(max, `${label} dài quá ${max} ký tự`).nullish();
const uuid = (label: string) => z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${label} không hợp lệ`);

const documentFields = {
  numberSymbol: text('Số, ký hiệu', 60),
  kind: z.enum(DOCUMENT_KINDS, { error: 'Loại văn bản không hợp lệ' }),
  title: text('Trích yếu', 500),
  issuer: text('Cơ quan ban hành', 200),
  issuedOn: calendarDate('Ngày ban hành'),
  effectiveOn: calendarDate('Ngày hiệu lực').nullish(),
  summary: z.string().trim().max(5000, 'Tóm tắt dài quá 5000 ký tự').optional(),
  fileId: uuid('Tệp đính kèm').nullish(),
  published: z.boolean({ error: 'Công khai: chọn có hoặc không' }).optional(),
};
export const DocumentInput = z.object(documentFields);
export type DocumentInput = z.infer<typeof DocumentInput>;
export const DocumentPatch = z.object(documentFields).partial();
export type DocumentPatch = z.infer<typeof DocumentPatch>;

export const DocumentListQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(DOCUMENT_KINDS, { error: 'Loại văn bản không hợp lệ' }).optional(),
  year: z.coerce.number({ error: 'Năm không hợp lệ' }).int().min(1900).max(9999).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const eventFields = {
  title: text('Tên sự kiện', 300),
  kind: z.enum(EVENT_KINDS, { error: 'Loại sự kiện không hợp lệ' }),
  startsOn: calendarDate('Ngày bắt đầu'),
  endsOn: calendarDate('Ngày kết thúc').nullish(),
  place: optionalText('Địa điểm', 300),
  online: z.boolean({ error: 'Trực tuyến: chọn có hoặc không' }).optional(),
  organiser: optionalText('Đơn vị tổ chức', 200),
  summary: z.string().trim().max(5000, 'Nội dung tóm tắt dài quá 5000 ký tự').optional(),
  published: z.boolean({ error: 'Công khai: chọn có hoặc không' }).optional(),
};
export const EventInput = z.object(eventFields);
export type EventInput = z.infer<typeof EventInput>;
export const EventPatch = z.object(eventFields).partial();
export type EventPatch = z.infer<typeof EventPatch>;

export const EventListQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(EVENT_KINDS, { error: 'Loại sự kiện không hợp lệ' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const PageQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});

export const ImagePatch = z.object({
  alt: z.string().trim().min(1, 'Mô tả ảnh (alt) không được để trống').max(300, 'Mô tả ảnh dài quá 300 ký tự').optional(),
  caption: z.string().trim().max(500, 'Chú thích dài quá 500 ký tự').nullish(),
});

export const RedirectInput = z.object({
  oldPath: text('Đường dẫn cũ', 1000),
  targetPath: text('Đường dẫn mới', 1000),
});
export const RedirectDelete = z.object({ oldPath: text('Đường dẫn cũ', 1000) });
