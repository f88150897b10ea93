import { z } from 'zod';
import { calendarDate } from './calendar-date.ts';
import { normalizeRegistrationNumber } from './registration-number.ts';

// The legal forms and statuses are plain constants beside this file (the public portal loads them without zod).
import { KINDS, STATUSES } from './organisation-kinds.ts';

export { ENDED_STATUSES, KIND_LABELS, KINDS, STATUS_LABELS, STATUSES, type Kind, type Status } from './organisation-kinds.ts';

const isoDate = calendarDate();
const count = z.number().int('Phải là số nguyên').min(0, 'Không được âm').max(10_000_000);
/** Money travels as a string of digits (whole đồng) so that no amount passes through a float. */
export const moneyVnd = z.string().regex(/^\d{1,16}$/, 'Số tiền là số nguyên đồng, không âm');
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** The fields of an organisation that people edit (web form and API share this schema). */
export const OrganisationInput = z
  .object({
    kind: z.enum(KINDS, { message: 'Loại hình không hợp lệ' }),
    registrationNumber: z.string().max(40).transform(normalizeRegistrationNumber).pipe(z.string().max(20)).nullish(),
    name: z.string().trim().min(1, 'Tên không được để trống').max(300),
    shortName: optionalText(100),
    foreignName: optionalText(300),
    status: z.enum(STATUSES, { message: 'Tình trạng không hợp lệ' }),
    statusSince: isoDate.nullish(),
    foundedOn: isoDate,
    dissolvedOn: isoDate.nullish(),
    address: optionalText(500),
    registeredCommune: optionalText(100),
    registeredDistrict: optionalText(100),
    currentCommuneCode: z.string().trim().max(10).nullish(),
    sectorCode: z.string().min(1, 'Chưa chọn lĩnh vực').max(40),
    vsicCodes: z.array(z.string().regex(/^\d{4}$/, 'Mã ngành VSIC cấp 4 gồm 4 chữ số')).max(50).optional(),
    charterCapitalVnd: moneyVnd,
    membersOfficial: count,
    membersAssociatedCapital: count,
    membersAssociatedNoCapital: count,
    workers: count,
    representative: optionalText(200),
    phone: optionalText(40),
    email: z.string().trim().email('Email không hợp lệ').max(200).nullish().or(z.literal('')),
    allianceMemberSince: isoDate.nullish(),
  })
  .strict();
export type OrganisationInput = z.infer<typeof OrganisationInput>;

/** A partial update; `version` guards against overwriting someone else's change. */
export const OrganisationPatch = OrganisationInput.partial().extend({ version: z.number().int().positive().max(2_147_483_647) }).strict();
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

/** Fields a cooperative's own manager may change (the annual update); the rest belongs to the registry. */
export const MANAGER_EDITABLE_FIELDS = [
  'shortName',
  'foreignName',
  'address',
  'vsicCodes',
  'membersOfficial',
  'membersAssociatedCapital',
  'membersAssociatedNoCapital',
  'workers',
  'representative',
  'phone',
  'email',
] as const;

/** The registry's sortable columns: names in Vietnamese order, members = official + associated. */
export const SORT_FIELDS = ['name', 'foundedOn', 'charterCapital', 'members', 'commune'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const SORTS = SORT_FIELDS.flatMap((f) => [f, `-${f}`] as const) as [SortField | `-${SortField}`, ...(SortField | `-${SortField}`)[]];
export type Sort = (typeof SORTS)[number];

export const SearchQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(KINDS).optional(),
  sectorGroup: z.enum(['agriculture', 'non_agriculture', 'credit_fund']).optional(),
  status: z.enum(STATUSES).optional(),
  communeCode: z.string().max(10).optional(),
  district: z.string().max(100).optional(),
  foundedYear: z.coerce.number().int().min(1900).max(2100).optional(),
  /** A column and its direction ('-' for descending); without it: relevance for a search, else the name. */
  sort: z.enum(SORTS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
