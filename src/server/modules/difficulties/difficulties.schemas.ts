// What the difficulties' routes accept (decision 008; the staff and manager pages send the same shapes).
import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.ts';
import { DIFFICULTY_CATEGORIES } from './public-difficulties.words.ts';

export { DIFFICULTY_CATEGORIES };
export const DIFFICULTY_CHANNELS = ['online', 'conference', 'visit', 'phone', 'staff', 'annual_update'] as const;
export const DIFFICULTY_STATES = ['received', 'handling', 'forwarded', 'answered', 'closed'] as const;
export const DIFFICULTY_OUTCOMES = ['resolved', 'not_resolved', 'rejected'] as const;
export const PUBLIC_CONSENTS = ['no', 'anonymous', 'named'] as const;

export type DifficultyState = (typeof DIFFICULTY_STATES)[number];

const Id = z.string().max(64);
const Text = (label: string, max: number) =>
  z
    .string({ error: `${label} phải là chữ` })
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));

/** A manager raises for its organisation (organisationId optional when it has one); staff for one or several. */
export const RaiseBody = z
  .object({
    organisationId: Id.optional(),
    organisationIds: z.array(Id).min(1).max(500).optional(),
    channel: z.enum(DIFFICULTY_CHANNELS).exclude(['annual_update']).optional(),
    occasion: Text('Dịp tiếp nhận', 300).optional(),
    raisedOn: calendarDate('Ngày tiếp nhận').optional(),
    category: z.enum(DIFFICULTY_CATEGORIES),
    title: Text('Tiêu đề', 300),
    description: Text('Nội dung', 8000),
    publicConsent: z.enum(PUBLIC_CONSENTS).default('no'),
  })
  .strict();
export type RaiseInput = z.output<typeof RaiseBody>;

export const FromUpdateBody = z.object({ updateId: Id, category: z.enum(DIFFICULTY_CATEGORIES).optional() }).strict();

export const ListQuery = z.object({
  state: z.enum(DIFFICULTY_STATES).optional(),
  category: z.enum(DIFFICULTY_CATEGORIES).optional(),
  agencyId: Id.optional(),
  communeCode: z.string().trim().max(10).optional(),
  organisationId: Id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListInput = z.output<typeof ListQuery>;

export const IdParams = z.object({ id: Id });
export const FileParams = z.object({ id: Id, fileId: Id });

export const TriageBody = z
  .object({
    category: z.enum(DIFFICULTY_CATEGORIES).optional(),
    title: Text('Tiêu đề', 300).optional(),
    description: Text('Nội dung', 8000).optional(),
    unitInCharge: z.union([Text('Đơn vị phụ trách', 200), z.null()]).optional(),
    dueOn: calendarDate('Hạn trả lời').optional(),
    published: z.boolean().optional(),
  })
  .strict();
export type TriageInput = z.output<typeof TriageBody>;

export const AnswerBody = z.object({ answer: Text('Nội dung trả lời', 8000), answeredOn: calendarDate('Ngày trả lời').optional() }).strict();

export const CloseBody = z.object({ outcome: z.enum(DIFFICULTY_OUTCOMES), reason: Text('Lý do', 2000).optional() }).strict();
