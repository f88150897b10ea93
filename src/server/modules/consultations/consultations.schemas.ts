// What the consultations' routes accept (the pages send the same shapes).
import { z } from 'zod';
import { isValidIsoDate } from '../../../shared/dates.ts';
import { CONSULTATION_CHANNELS, CONSULTATION_FORMS, CONSULTATION_STATES, CONSULTATION_TOPICS } from './consultations.words.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const IsoDate = z.string().refine(isValidIsoDate, 'Ngày không hợp lệ (YYYY-MM-DD).');
const Id = z.string().max(64);

export const IdParams = z.object({ id: Id });

export const ExpertBody = z
  .object({
    name: text(200),
    fields: z.array(z.enum(CONSULTATION_TOPICS)).min(1).max(CONSULTATION_TOPICS.length),
    organisation: optionalText(300),
    phone: optionalText(30),
    email: z.string().trim().max(200).email().nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    note: optionalText(2000),
  })
  .strict();
export const ExpertPatchBody = ExpertBody.partial().extend({ active: z.boolean().optional() }).strict();
export const ExpertsQuery = z.object({ active: z.enum(['true', 'false']).optional() });

export const ConsultationBody = z
  .object({
    organisationId: Id.optional(),
    topic: z.enum(CONSULTATION_TOPICS),
    description: text(5000),
    channel: z.enum(CONSULTATION_CHANNELS).optional(),
    requestedOn: IsoDate.optional(),
  })
  .strict();

export const ConsultationsQuery = z.object({
  state: z.enum(CONSULTATION_STATES).optional(),
  topic: z.enum(CONSULTATION_TOPICS).optional(),
  organisationId: Id.optional(),
});

export const ScheduleBody = z.object({ expertId: Id, scheduledOn: IsoDate, form: z.enum(CONSULTATION_FORMS) }).strict();
export const SessionBody = z.object({ heldOn: IsoDate, form: z.enum(CONSULTATION_FORMS), notes: text(10_000), expertId: Id.optional() }).strict();
export const CompleteBody = z.object({ outcome: text(10_000) }).strict();
export const CancelBody = z.object({ reason: text(2000) }).strict();
export const RatingBody = z.object({ rating: z.number().int().min(1).max(5), comment: optionalText(2000) }).strict();

export const ReportQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
