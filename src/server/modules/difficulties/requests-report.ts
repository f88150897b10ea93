/**
 * The alliance's report on difficulties and recommendations for a year (decision 008, "Report"): what the province
 * and the year-end conference ask. Every figure is read from dates, never from today's state, so a past year's
 * report gives the same figures whenever it is printed:
 *
 *   asOf        = the report date: today (Vietnam) for this year, 31/12/Y for a past year.
 *   received    = raised in Y (the code's year).
 *   Of those, as of asOf:
 *     answeredDirectly = the alliance's own answer dated (answered_on) on or before asOf;
 *     forwarded        = its recommendation's letter dated on or before asOf;
 *     answered         = answered directly, or an answer of the agency received on or before asOf;
 *     resolved         = closed on or before asOf with outcome 'resolved';
 *     unresolved       = closed on or before asOf with outcome 'not_resolved' or 'rejected'.
 *   carriedOver = raised in or before Y and not closed on or before 31/12/Y (open at the year's end).
 *   overdue     = raised in or before Y, at asOf neither answered nor closed, and its due date before asOf
 *                 (an item of an earlier year still waiting is overdue in this year's report too). The due date
 *                 is the recommendation's once its letter is dated on or before asOf, else the difficulty's own.
 *
 * By agency (the agency the letter went to): forwarded, answered and overdue count difficulties as above; the
 * time to answer counts letters: working days from the letter's date to the date of the agency's first answer
 * (its letter date), median and 90th percentile by the nearest-rank method.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, runQueries, type Db } from '../../../db/client.ts';
import { endOfYear, todayIso } from '../../../shared/dates.ts';
import { forbidden, unauthenticated } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { loadWorkingCalendar } from '../calendar/working-days.ts';
import { UNKNOWN_COMMUNE } from '../reports/annual-report.build.ts';
import { tenantCondition, type TenantScope } from '../reports/reports.queries.ts';
import { DIFFICULTY_CATEGORIES } from './public-difficulties.words.ts';

export type RequestsReport = {
  year: number;
  received: number;
  answeredDirectly: number;
  forwarded: number;
  answered: number;
  resolved: number;
  unresolved: number;
  carriedOver: number;
  overdue: number;
  byCategory: { category: string; received: number; forwarded: number; answered: number; resolved: number; overdue: number }[];
  byAgency: { agency: string; forwarded: number; answered: number; medianWorkingDays: number | null; p90WorkingDays: number | null; overdue: number }[];
  byCommune: { communeCode: string | null; commune: string; received: number; resolved: number; overdue: number }[];
};

/** The report date of year Y: today in Vietnam while Y is not over, else its last day. */
export function reportDate(year: number, today: string = todayIso(new Date(), 'Asia/Ho_Chi_Minh')): string {
  const yearEnd = endOfYear(year);
  return today < yearEnd ? today : yearEnd;
}

/**
 * One row per difficulty the year's report looks at (received in Y, or raised before Y and open at the report date), with
 * what it counts under. Items raised after the report date are not there.
 */
function facts(scope: TenantScope, year: number, asOf: string): SQL {
  const yearEnd = endOfYear(year);
  return sql`
    select d.category, o.current_commune_code as commune_code,
           d.year = ${year} as received,
           case when forwarded.yes then r.agency_id end as agency_id,
           forwarded.yes as forwarded,
           coalesce(d.direct_answer is not null and d.answered_on <= ${asOf}::date, false) as answered_directly,
           (forwarded.yes and fa.received_on is not null) as answered_by_agency,
           coalesce(d.closed_on <= ${asOf}::date, false) as closed,
           d.outcome,
           (d.closed_on is null or d.closed_on > ${yearEnd}::date) as open_at_year_end,
           case when forwarded.yes then coalesce(r.due_on, d.due_on) else d.due_on end as due_on
    from difficulties d
    join organisations o on o.tenant_id = d.tenant_id and o.id = d.organisation_id
    left join recommendations r on r.tenant_id = d.tenant_id and r.id = d.recommendation_id
    cross join lateral (select coalesce(r.letter_date <= ${asOf}::date, false) as yes) forwarded
    left join lateral (${firstAnswer(sql`r`, asOf)}) fa on forwarded.yes
    where ${tenantCondition(scope, sql`d.tenant_id`)}
      and d.raised_on <= ${asOf}::date
      and (d.year = ${year} or (d.year < ${year} and (d.closed_on is null or d.closed_on > ${asOf}::date)))`;
}

/**
 * The first answer to recommendation `r` received by the report date (one answer may settle several
 * recommendations). A lookup by index per recommendation: the plan stays the same on tables never analysed (a
 * bulk load just made), where a join of two sets was planned as a loop over both.
 */
function firstAnswer(r: SQL, asOf: string): SQL {
  return sql`
    select a.received_on, a.letter_date
    from agency_answer_recommendations ar
    join agency_answers a on a.tenant_id = ar.tenant_id and a.id = ar.answer_id
    where ar.tenant_id = ${r}.tenant_id and ar.recommendation_id = ${r}.id and a.received_on <= ${asOf}::date
    order by a.received_on, a.letter_date
    limit 1`;
}

type CountRow = {
  dimension: 'all' | 'category' | 'agency' | 'commune';
  key: string | null;
  received: number;
  answered_directly: number;
  forwarded: number;
  answered: number;
  resolved: number;
  unresolved: number;
  carried_over: number;
  overdue: number;
};

/** Every count of the report in one pass over the facts, by grouping sets. */
function counts(scope: TenantScope, year: number, asOf: string): SQL {
  return sql`
    with f as (
      select *, (answered_directly or answered_by_agency) as answered,
             coalesce(not closed and not answered_directly and not answered_by_agency and due_on < ${asOf}::date, false) as overdue
      from (${facts(scope, year, asOf)}) x
    )
    select case when grouping(category) = 0 then 'category' when grouping(agency_id) = 0 then 'agency'
                when grouping(commune_code) = 0 then 'commune' else 'all' end as dimension,
           coalesce(category, agency_id::text, commune_code) as key,
           (count(*) filter (where received))::int as received,
           (count(*) filter (where received and answered_directly))::int as answered_directly,
           (count(*) filter (where received and forwarded))::int as forwarded,
           (count(*) filter (where received and answered))::int as answered,
           (count(*) filter (where received and closed and outcome = 'resolved'))::int as resolved,
           (count(*) filter (where received and closed and outcome in ('not_resolved', 'rejected')))::int as unresolved,
           (count(*) filter (where open_at_year_end))::int as carried_over,
           (count(*) filter (where overdue))::int as overdue
    from f
    group by grouping sets ((), (category), (agency_id), (commune_code))`;
}

type LetterRow = { agency_id: string; letter_date: string; answer_letter_date: string };

/** The letters answered (of the year's difficulties), once each, with the first answer's letter date. */
function answeredLetters(scope: TenantScope, year: number, asOf: string): SQL {
  return sql`
    select r.id, r.agency_id::text as agency_id, r.letter_date::text as letter_date, fa.letter_date::text as answer_letter_date
    from recommendations r
    cross join lateral (${firstAnswer(sql`r`, asOf)}) fa
    where ${tenantCondition(scope, sql`r.tenant_id`)} and r.letter_date between ${`${year}-01-01`}::date and ${asOf}::date -- a letter never predates what it forwards
      and exists (select 1 from difficulties d where d.tenant_id = r.tenant_id and d.recommendation_id = r.id and d.year = ${year} and d.raised_on <= ${asOf}::date)`;
}

/**
 * The value at percentile p of sorted values by the nearest-rank method: the smallest value with at least p% of
 * the values at or below it, i.e. sorted[ceil(p/100 × n) − 1]. Always one of the values (a whole number of days).
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const collator = new Intl.Collator('vi');

/** The report of a year for a scope (no access check: callers check it). */
export async function computeRequestsReport(db: Db, scope: TenantScope, year: number, today?: string): Promise<RequestsReport> {
  const asOf = reportDate(year, today);
  const [rows, letters, calendar] = await runQueries(db, [
    () => queryRows<CountRow>(db, counts(scope, year, asOf)),
    () => queryRows<LetterRow>(db, answeredLetters(scope, year, asOf)),
    () => loadWorkingCalendar(db),
  ] as const);

  const of = (dimension: CountRow['dimension']) => rows.filter((r) => r.dimension === dimension && (dimension === 'all' || r.key !== null || dimension === 'commune'));
  const all = of('all')[0];
  const days = new Map<string, number[]>();
  for (const l of letters) {
    const list = days.get(l.agency_id) ?? [];
    list.push(calendar.workingDaysBetween(l.letter_date, l.answer_letter_date));
    days.set(l.agency_id, list);
  }
  const agencyIds = of('agency').map((r) => r.key!);
  const names = new Map(
    agencyIds.length === 0
      ? []
      : (await queryRows<{ id: string; name: string }>(db, sql`select id::text as id, name from agencies where id::text in (${sql.join(agencyIds.map((id) => sql`${id}`), sql`, `)})`)).map((a) => [a.id, a.name]),
  );
  const communeCodes = of('commune').map((r) => r.key).filter((c): c is string => c !== null);
  const communes = new Map(
    communeCodes.length === 0
      ? []
      : (await queryRows<{ code: string; name: string }>(db, sql`select code, name from admin_units where version = '2025' and level = 'commune' and code in (${sql.join(communeCodes.map((c) => sql`${c}`), sql`, `)})`)).map((c) => [c.code, c.name]),
  );
  const category = (key: string) => rows.find((r) => r.dimension === 'category' && r.key === key);

  return {
    year,
    received: all?.received ?? 0,
    answeredDirectly: all?.answered_directly ?? 0,
    forwarded: all?.forwarded ?? 0,
    answered: all?.answered ?? 0,
    resolved: all?.resolved ?? 0,
    unresolved: all?.unresolved ?? 0,
    carriedOver: all?.carried_over ?? 0,
    overdue: all?.overdue ?? 0,
    byCategory: DIFFICULTY_CATEGORIES.map((key) => {
      const r = category(key);
      return { category: key, received: r?.received ?? 0, forwarded: r?.forwarded ?? 0, answered: r?.answered ?? 0, resolved: r?.resolved ?? 0, overdue: r?.overdue ?? 0 };
    }),
    byAgency: of('agency')
      .map((r) => {
        const sorted = (days.get(r.key!) ?? []).sort((a, b) => a - b);
        return {
          agency: names.get(r.key!) ?? r.key!,
          forwarded: r.forwarded,
          answered: r.answered,
          medianWorkingDays: nearestRank(sorted, 50),
          p90WorkingDays: nearestRank(sorted, 90),
          overdue: r.overdue,
        };
      })
      .sort((a, b) => collator.compare(a.agency, b.agency)),
    byCommune: of('commune')
      .map((r) => ({ communeCode: r.key, commune: r.key === null ? UNKNOWN_COMMUNE : (communes.get(r.key) ?? r.key), received: r.received, resolved: r.resolved, overdue: r.overdue }))
      .sort((a, b) => (a.communeCode === null ? 1 : b.communeCode === null ? -1 : collator.compare(a.commune, b.commune))),
  };
}

const REPORT_READERS = ['alliance_admin', 'alliance_staff'] as const;

/**
 * Whose difficulties the actor may report on: its own alliance's (alliance_admin, alliance_staff; another ?tenant=
 * is refused), or for the national viewer the alliance asked for or the whole country.
 */
export function requestsReportScope(actor: Actor, requestedTenant?: number): TenantScope {
  if (actor.kind !== 'user') throw unauthenticated();
  if (actor.role === 'national_viewer') return requestedTenant ? { kind: 'tenant', tenantId: requestedTenant } : { kind: 'national' };
  if (!(REPORT_READERS as readonly string[]).includes(actor.role) || actor.tenantId === null) throw forbidden();
  if (requestedTenant !== undefined && requestedTenant !== actor.tenantId) throw forbidden();
  return { kind: 'tenant', tenantId: actor.tenantId };
}

