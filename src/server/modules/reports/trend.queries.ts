/**
 * The dashboard's ten-year trend: organisations counted at each year end, founded and dissolved in each year,
 * per alliance. The counting rule stays liveFacts' own, applied in one of two ways that give the same rows
 * (reports.counting.test.ts checks both against the annual report):
 * - year by year: liveFacts at each year end over all the organisations. Cheapest for one alliance.
 * - ever ended: an organisation never dissolved and never in an ended status is counted at every date from
 *   its founding, so at a year end
 *
 *     total = organisations founded by then − those of the others (ever ended) that liveFacts does not count,
 *
 *   and liveFacts runs over the ever-ended few alone, with the status intervals computed once. Cheapest across
 *   alliances (the national roll-up), where the year-by-year way recomputes 35,000 organisations ten times.
 */
import { sql, type SQL } from 'drizzle-orm';
import { ENDED, filterConditions, liveFacts, statusIntervals, tenantCondition, type FactFilters, type TenantScope } from './reports.queries.ts';

export type TrendRow = { tenant_id: number; year: number; total: number; newly_established: number; dissolved: number };

/** A trend row of one group of what the dashboard filters by (trend by group: the national roll-up's part). */
export type TrendGroupRow = TrendRow & { kind: string; sector_code: string; sector_group: string; area: string | null };

/**
 * Either the figures of the facts that pass the filters, or the figures of every group of what the filters read
 * (kind, sector, area): the national roll-up keeps an alliance's groups and filters them itself.
 */
export type TrendSelection = { filters: FactFilters } | { byGroup: true };

const GROUP_COLUMNS = ['kind', 'sector_code', 'sector_group', 'area'] as const;

/** The condition on the facts `u` and the extra grouping columns (prefixed by `alias`) of a selection. */
function selection(select: TrendSelection, alias = 'u'): { where: SQL; columns: SQL } {
  if ('filters' in select) return { where: filterConditions(select.filters), columns: sql`` };
  return { where: sql`true`, columns: sql.raw(GROUP_COLUMNS.map((c) => `, ${alias}.${c}`).join('')) };
}
export type TrendStrategy = 'year_by_year' | 'ever_ended';

/** A year's figures from its facts `u`: counted at the year end, founded in it, dissolved in it (not converted). */
const TREND_COUNTS = sql.raw(`(count(*) filter (where u.counted))::int as total,
           (count(*) filter (where u.newly_established))::int as newly_established,
           (count(*) filter (where u.ended_in_year and u.end_status <> 'converted'))::int as dissolved`);

const yearEnds = (from: number, to: number, lastAsOf: string): SQL => sql`
  select g.y::int as year, make_date(g.y, 1, 1) as year_start, least(make_date(g.y, 12, 31), ${lastAsOf}::date) as as_of
  from generate_series(${from}::int, ${to}::int) as g(y)`;

/**
 * Live figures at the end of each year from `from` to `to` (the last one at `lastAsOf`), per alliance:
 * organisations counted, founded and dissolved in the year; the strategy by default the cheaper for the scope.
 */
export function liveTrend(
  scope: TenantScope,
  from: number,
  to: number,
  lastAsOf: string,
  select: TrendSelection = { filters: {} },
  strategy: TrendStrategy = scope.kind === 'tenant' ? 'year_by_year' : 'ever_ended',
): SQL {
  return strategy === 'year_by_year' ? trendYearByYear(scope, from, to, lastAsOf, select) : trendFromEverEnded(scope, from, to, lastAsOf, select);
}

function trendYearByYear(scope: TenantScope, from: number, to: number, lastAsOf: string, select: TrendSelection): SQL {
  const facts = liveFacts(scope, sql`y.as_of`, sql`y.year_start`);
  const { where, columns } = selection(select);
  return sql`
    with years as (${yearEnds(from, to, lastAsOf)})
    select u.tenant_id, y.year${columns},
           ${TREND_COUNTS}
    from years y
    cross join lateral (${facts}) u
    where ${where}
    group by u.tenant_id, y.year${columns}`;
}

function trendFromEverEnded(scope: TenantScope, from: number, to: number, lastAsOf: string, select: TrendSelection): SQL {
  // Each year's statuses, already in force at its end: liveFacts' own interval condition then holds for all.
  const facts = liveFacts(scope, sql`y.as_of`, sql`y.year_start`, {
    intervals: sql`(select * from year_end_statuses s where s.year = y.year)`,
    organisations: sql`ever_ended`,
  });
  const { where, columns } = selection(select);
  return sql`
    with years as (${yearEnds(from, to, lastAsOf)}),
    intervals as materialized (${statusIntervals(scope)}),
    ever_ended as materialized (
      select o.* from organisations o
      where ${tenantCondition(scope, sql`o.tenant_id`)}
        and (o.dissolved_on is not null
             or exists (select 1 from intervals i where i.tenant_id = o.tenant_id and i.organisation_id = o.id and i.status in ${ENDED}))
    ),
    founded as (
      select u.tenant_id, u.founded_on${columns}, count(*)::int as n
      from (
        select o.tenant_id, o.founded_on, o.kind, s.group_key as sector_group, o.sector_code, o.registered_district as area
        from organisations o join sectors s on s.code = o.sector_code
        where ${tenantCondition(scope, sql`o.tenant_id`)}
      ) u
      where ${where}
      group by u.tenant_id, u.founded_on${columns}
    ),
    born as (
      select f.tenant_id, y.year${selection(select, 'f').columns}, sum(f.n)::int as founded,
             (coalesce(sum(f.n) filter (where f.founded_on >= y.year_start), 0))::int as newly_established
      from years y join founded f on f.founded_on <= y.as_of
      group by f.tenant_id, y.year${selection(select, 'f').columns}
    ),
    -- The status in force at each year end, for the ever-ended organisations' intervals alone: one pass.
    year_end_statuses as materialized (
      select y.year, i.tenant_id, i.organisation_id, i.status, i.valid_from, null::date as valid_to
      from years y
      join intervals i on i.valid_from <= y.as_of and (i.valid_to is null or i.valid_to > y.as_of)
      where exists (select 1 from ever_ended o where o.tenant_id = i.tenant_id and o.id = i.organisation_id)
    ),
    ended as (
      select u.tenant_id, y.year${columns},
             (count(*) filter (where not u.counted))::int as uncounted,
             (count(*) filter (where u.ended_in_year and u.end_status <> 'converted'))::int as dissolved
      from years y
      cross join lateral (${facts}) u
      where ${where}
      group by u.tenant_id, y.year${columns}
    )
    -- Added up rather than joined: groups match on a null area too, and hash where a join on it could not.
    select x.tenant_id, x.year${selection(select, 'x').columns},
           (sum(x.founded) - sum(x.uncounted))::int as total, sum(x.newly_established)::int as newly_established, sum(x.dissolved)::int as dissolved
    from (
      select b.tenant_id, b.year${selection(select, 'b').columns}, b.founded, b.newly_established, 0 as uncounted, 0 as dissolved from born b
      union all
      select e.tenant_id, e.year${selection(select, 'e').columns}, 0, 0, e.uncounted, e.dissolved from ended e
    ) x
    group by x.tenant_id, x.year${selection(select, 'x').columns}`;
}

/** The same trend figures from the frozen facts of closed years, per alliance and year. */
export function frozenTrend(scope: TenantScope, from: number, to: number, select: TrendSelection = { filters: {} }): SQL {
  const { where, columns } = selection(select);
  return sql`
    select u.tenant_id, u.year${columns},
           ${TREND_COUNTS}
    from report_closure_organisations u
    where u.year between ${from} and ${to} and ${tenantCondition(scope, sql`u.tenant_id`)} and ${where}
    group by u.tenant_id, u.year${columns}`;
}
