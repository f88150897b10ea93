/**
 * Who had to file the annual update of a year and who did (decision 007, "Deadline"), as SQL in one place:
 *
 * - deadline: 15 December of the year, 23:59:59 Vietnam time (UTC+7). On time = first submitted before
 *   16 December 00:00:00 +07 (so 23:59:59.999 is on time); a returned update corrected after the deadline stays
 *   on time when it was first filed before it (first_submitted_at never moves).
 * - due: an HTX, LHHTX or THT founded on or before 14 December of the year that had not ended by the deadline,
 *   by the reports' own rule (reports.queries.ts liveFacts at 15 December: dissolved_on on or before that day, or
 *   an ending status in force that day, ends it).
 * - of the due: on time and late (first submitted), missing (never submitted: no update, or a draft only), and by
 *   state, returned (waiting for the cooperative's correction) and accepted.
 */
import { sql, type SQL } from 'drizzle-orm';
import { liveFacts, tenantCondition, type TenantScope } from '../reports/reports.queries.ts';
export { UPDATE_KINDS, type UpdateKind } from './form-definition.ts';

/** The categories a compliance list can be asked for. */
export const COMPLIANCE_CATEGORIES = ['due', 'onTime', 'late', 'missing', 'returned', 'accepted'] as const;
export type ComplianceCategory = (typeof COMPLIANCE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ComplianceCategory, string> = {
  due: 'Phải cập nhật',
  onTime: 'Nộp đúng hạn',
  late: 'Nộp muộn',
  missing: 'Chưa nộp',
  returned: 'Bị trả lại, chưa sửa',
  accepted: 'Đã được chấp nhận',
};

/** The state of one organisation's update, 'not_started' when it has none. */
export const UPDATE_STATE_LABELS: Record<string, string> = {
  not_started: 'Chưa bắt đầu',
  draft: 'Đang soạn, chưa nộp',
  submitted: 'Đã nộp, chờ xác nhận',
  returned: 'Bị trả lại để sửa',
  accepted: 'Đã được chấp nhận',
};

/** The first instant that is late: 16 December 00:00:00 Vietnam time (the deadline's second is on time to its end). */
export function lateFrom(year: number): string {
  return `${year}-12-16T00:00:00+07:00`;
}

/** Whose organisations are counted: an alliance (or all), narrowed to some communes for a commune officer. */
export type ComplianceScope = { scope: TenantScope; communeCodes?: string[] | null };

/** Narrowing of a list or a count: a commune ('none' for organisations placed in no commune) and a kind. */
export type ComplianceFilters = { commune?: string; kind?: string };

/**
 * One row per organisation due to file for the year, with its update (if any) and what it counts under.
 * Columns: tenant_id, organisation_id, kind, sector_group, sector_code, area, commune_code, commune_name, update_id, state,
 * first_submitted_at, submitted_at (ISO text, UTC), on_time, late, missing, returned, accepted.
 */
export function dueUpdates({ scope, communeCodes }: ComplianceScope, year: number, filters: ComplianceFilters = {}): SQL {
  const conditions: SQL[] = [
    sql`f.counted`,
    sql`f.founded_on <= ${`${year}-12-14`}::date`,
    sql`f.kind in ('HTX', 'LHHTX', 'THT')`,
  ];
  if (communeCodes) conditions.push(communeCodes.length ? sql`f.commune_code in ${communeCodes}` : sql`false`);
  if (filters.commune === 'none') conditions.push(sql`f.commune_code is null`);
  else if (filters.commune) conditions.push(sql`f.commune_code = ${filters.commune}`);
  if (filters.kind) conditions.push(sql`f.kind = ${filters.kind}`);
  const facts = liveFacts(scope, sql`${`${year}-12-15`}::date`, sql`${`${year}-01-01`}::date`);
  return sql`
    select f.tenant_id, f.organisation_id, f.kind, f.sector_group, f.sector_code, f.area, f.commune_code, f.commune_name,
           u.id::text as update_id, coalesce(u.state, 'not_started') as state,
           to_char(u.first_submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as first_submitted_at,
           to_char(u.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as submitted_at,
           coalesce(u.first_submitted_at < ${lateFrom(year)}::timestamptz, false) as on_time,
           coalesce(u.first_submitted_at >= ${lateFrom(year)}::timestamptz, false) as late,
           u.first_submitted_at is null as missing,
           coalesce(u.state = 'returned', false) as returned,
           coalesce(u.state = 'accepted', false) as accepted
    from (${facts}) f
    left join annual_updates u
      on u.tenant_id = f.tenant_id and u.organisation_id = f.organisation_id and u.year = ${year}
         and ${tenantCondition(scope, sql`u.tenant_id`)}
    where ${sql.join(conditions, sql` and `)}`;
}

/** Counts of one group of due organisations. */
export type ComplianceCounts = { due: number; onTime: number; late: number; missing: number; returned: number; accepted: number };

export type ComplianceCountRow = ComplianceCounts & { dimension: 'all' | 'commune' | 'kind' | 'sectorGroup'; key: string | null; label: string | null };

/** Every count of the compliance view in one pass: the whole, by commune (with its name), by kind, by sector group. */
export function complianceCounts(rows: SQL): SQL {
  return sql`
    with r as (${rows})
    select case when grouping(r.commune_code) = 0 then 'commune'
                when grouping(r.kind) = 0 then 'kind'
                when grouping(r.sector_group) = 0 then 'sectorGroup'
                else 'all' end as dimension,
           coalesce(case when grouping(r.commune_code) = 0 then r.commune_code end, r.kind, r.sector_group) as key,
           max(r.commune_name) as label,
           count(*)::int as due,
           (count(*) filter (where r.on_time))::int as "onTime",
           (count(*) filter (where r.late))::int as late,
           (count(*) filter (where r.missing))::int as missing,
           (count(*) filter (where r.returned))::int as returned,
           (count(*) filter (where r.accepted))::int as accepted
    from r
    group by grouping sets ((r.commune_code), (r.kind), (r.sector_group), ())`;
}

/** The condition of a list's category on dueUpdates' columns. */
export function categoryCondition(category: ComplianceCategory): SQL {
  switch (category) {
    case 'due': return sql`true`;
    case 'onTime': return sql`d.on_time`;
    case 'late': return sql`d.late`;
    case 'missing': return sql`d.missing`;
    case 'returned': return sql`d.returned`;
    case 'accepted': return sql`d.accepted`;
  }
}

/** The organisations behind one number, with who to call: ordered by commune, then by name (Vietnamese order). */
export function complianceList(rows: SQL, category: ComplianceCategory): SQL {
  return sql`
    select d.organisation_id::text as organisation_id, o.name, o.registration_number, d.kind, o.representative, o.phone,
           o.email, d.commune_code, d.commune_name, d.state, d.update_id, d.first_submitted_at, d.submitted_at, d.on_time, d.late
    from (${rows}) d
    join organisations o on o.tenant_id = d.tenant_id and o.id = d.organisation_id
    where ${categoryCondition(category)}
    order by d.commune_name nulls last, o.name_order, o.name, o.id`;
}
