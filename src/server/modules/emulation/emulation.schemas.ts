// What the emulation routes accept (decision 010; the staff pages and the manager's phone send the same shapes).
import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.ts';
import { decimalText, DIRECTIONS, ScoringRule } from './emulation-scoring.ts';

export const PACT_STATES = ['draft', 'signed', 'closed'] as const;
export type PactState = (typeof PACT_STATES)[number];
export const TIE_BREAKS = ['criteria_order'] as const;

const Id = z.string().max(64);
const Text = (label: string, max: number) =>
  z
    .string({ error: `${label} phải là chữ` })
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));
const Year = z.coerce.number({ message: 'Năm là số' }).int('Năm là số nguyên').min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100');
const OrganisationIds = z.array(Id, { message: 'Thành viên: danh sách tổ chức' }).max(500, 'Thành viên: tối đa 500 tổ chức');

export const IdParams = z.object({ id: Id });
export const FileParams = z.object({ fileId: Id });
export const BlocksQuery = z.object({ year: Year.optional() });

export const CreateBlockBody = z
  .object({
    year: Year,
    name: Text('Tên khối thi đua', 200),
    organisationIds: OrganisationIds.default([]),
    headOrganisationId: Id.nullable().optional(),
    deputyOrganisationId: Id.nullable().optional(),
  })
  .strict();

export const UpdateBlockBody = z
  .object({ name: Text('Tên khối thi đua', 200).optional(), headOrganisationId: Id.nullable().optional(), deputyOrganisationId: Id.nullable().optional() })
  .strict();

export const MembersBody = z.object({ organisationIds: OrganisationIds }).strict();

const Points = (label: string) => z.coerce.number({ message: `${label} là số` }).int(`${label} là số nguyên`).min(0, `${label} không âm`).max(1000, `${label} tối đa 1000`);

export const CriterionInput = z
  .object({
    name: Text('Tên tiêu chí', 300),
    unit: Text('Đơn vị tính', 40),
    target: decimalText('Chỉ tiêu', 4),
    points: Points('Điểm chuẩn'),
    maxPoints: Points('Điểm tối đa'),
    direction: z.enum(DIRECTIONS, { message: 'Chiều đánh giá: cao hơn là tốt hơn, hoặc thấp hơn là tốt hơn' }).default('higher_better'),
    rule: ScoringRule.default({ below: 'proportional', step: '1', bonusPerStep: '0', penaltyPerStep: '0' }),
  })
  .strict()
  .refine((c) => c.maxPoints >= c.points, { message: 'Điểm tối đa: không được nhỏ hơn điểm chuẩn.', path: ['maxPoints'] });
export type CriterionInput = z.output<typeof CriterionInput>;

const Criteria = z.array(CriterionInput).max(50, 'Tối đa 50 tiêu chí');

export const CreatePactBody = z.object({ blockId: Id, title: Text('Tên giao ước', 300), criteria: Criteria.default([]) }).strict();
export const UpdatePactBody = z
  .object({ title: Text('Tên giao ước', 300).optional(), tieBreak: z.enum(TIE_BREAKS).optional(), criteria: Criteria.optional() })
  .strict();
export const SignBody = z.object({ signedOn: calendarDate('Ngày ký') }).strict();
export const CloseBody = z.object({ reviewMinutes: Text('Biên bản tổng kết', 20000) }).strict();

export const ResultsQuery = z.object({ organisationId: Id.optional() });
export const ResultsBody = z
  .object({
    organisationId: Id.optional(),
    values: z
      .array(
        z
          .object({
            criterionId: Id,
            /** null or '' removes the result. */
            value: z.union([decimalText('Kết quả', 4), z.literal(''), z.null()]),
            note: z.string().trim().max(2000, 'Ghi chú dài quá 2000 ký tự').nullable().optional(),
          })
          .strict(),
      )
      .min(1, 'Chưa có kết quả nào')
      .max(50),
  })
  .strict();
export type ResultsInput = z.output<typeof ResultsBody>;

export const EvidenceQuery = z.object({ pactId: Id, criterionId: Id, organisationId: Id.optional() });
