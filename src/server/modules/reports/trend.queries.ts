/**
 * The dashboard's ten-year trend: organisations counted at each year end, founded and dissolved in each year,
 * per alliance. The counting rule stays liveFacts' own, applied in one of two ways that give the same rows
 * (reports.counting.test.ts checks both against the annual report):
 * - year by year: liveFacts at each year end over all the organisations (kept as the reference the tests hold
 *   the other to).
 * - ever ended: an organisation never dissolved and never in an ended status is counted at every date from
 *   its founding, so at a year end (the default, for an alliance as for the nation)
 *
 *     total = organisations founded by then − those of the others (ever ended) that liveFacts does not count,
 *
 *   and liveFacts runs over the ever-ended few alone, with the status intervals computed once. Cheapest across
 *   alliances (the national roll-up), where the year-by-year way recomputes 35,000 organisations ten times.
 */
import { sql, type SQL } from 'drizzle-orm';
import { ENDED, filterConditions, liveFacts, statusIntervals, tenantCondition, type FactFilters, type TenantScope } from './reports.queries.ts';

export type TrendRow = { tenant_id: number; year: number; total: number; newly_established: number; dissolved: number };
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
  filters: FactFilters = {},
  // "Ever ended" for every scope: the year-by-year way recomputes the status intervals at each of the ten year
  // ends, the longest statement of the demo's dashboard (65 ms of CPU against 22–43 ms; bench/db-holds.ts).
  strategy: TrendStrategy = 'ever_ended',
): SQL {
  return strategy === 'year_by_year' ? trendYearByYear(scope, from, to, lastAsOf, filters) : trendFromEverEnded(scope, from, to, lastAsOf, filters);
}

function trendYearByYear(scope: TenantScope, from: number, to: number, lastAsOf: string, filters: FactFilters): SQL {
  const facts = liveFacts(scope, sql`y.as_of`, sql`y.year_start`);
  return sql`
    with years as (${yearEnds(from, to, lastAsOf)})
    select u.tenant_id, y.year,
           ${TREND_COUNTS}
    from years y
    cross join lateral (${facts}) u
    where ${filterConditions(filters)}
    group by u.tenant_id, y.year`;
}

function trendFromEverEnded(scope: TenantScope, from: number, to: number, lastAsOf: string, filters: FactFilters): SQL {
  // The ever-ended organisations once per year end (the year's dates as columns), against their own status
  // intervals: a join the planner hashes. (Each year's facts as a lateral subquery over a common table made it
  // scan that table once per organisation: 80 s for 3,000 dissolved of 35,000 in one alliance.)
  const facts = liveFacts(scope, sql`o.trend_as_of`, sql`o.trend_year_start`, {
    intervals: sql`ended_intervals`,
    organisations: sql`ended_years`,
    columns: sql`o.trend_year`,
  });
  return sql`
    with years as (${yearEnds(from, to, lastAsOf)}),
    intervals as materialized (${statusIntervals(scope)}),
    ever_ended as materialized (
      select o.* from organisations o
      where ${tenantCondition(scope, sql`o.tenant_id`)}
        and (o.dissolved_on is not null
             or exists (select 1 from intervals i where i.tenant_id = o.tenant_id and i.organisation_id = o.id and i.status in ${ENDED}))
    ),
    -- Organisations founded by each year end, counted by year of founding (years before the first one in one
    -- bucket): a few rows an alliance, where grouping by the day founded made 30,000 rows to join with every year.
    -- Every year end is 31 December but the last (lastAsOf, in the last year): founded after it counts nowhere.
    founded as (
      select u.tenant_id, greatest(extract(year from u.founded_on)::int, ${from - 1}::int) as founded_year, count(*)::int as n
      from (
        select o.tenant_id, o.founded_on, o.kind, s.group_key as sector_group, o.sector_code, o.registered_district as area
        from organisations o join sectors s on s.code = o.sector_code
        where ${tenantCondition(scope, sql`o.tenant_id`)} and o.founded_on <= ${lastAsOf}::date
      ) u
      where ${filterConditions(filters)}
      group by 1, 2
    ),
    born as (
      select f.tenant_id, y.year, sum(f.n)::int as founded,
             (coalesce(sum(f.n) filter (where f.founded_year = y.year), 0))::int as newly_established
      from years y join founded f on f.founded_year <= y.year
      group by f.tenant_id, y.year
    ),
    ended_intervals as materialized (
      select i.* from intervals i
      where exists (select 1 from ever_ended o where o.tenant_id = i.tenant_id and o.id = i.organisation_id)
    ),
    ended_years as (
      select o.*, y.year as trend_year, y.as_of as trend_as_of, y.year_start as trend_year_start
      from years y join ever_ended o on o.founded_on <= y.as_of
    ),
    ended as (
      select u.tenant_id, u.trend_year as year,
             (count(*) filter (where not u.counted))::int as uncounted,
             (count(*) filter (where u.ended_in_year and u.end_status <> 'converted'))::int as dissolved
      from (${facts}) u
      where ${filterConditions(filters)}
      group by u.tenant_id, u.trend_year
    )
    select b.tenant_id, b.year, b.founded - coalesce(e.uncounted, 0) as total, b.newly_established, coalesce(e.dissolved, 0) as dissolved
    from born b left join ended e on e.tenant_id = b.tenant_id and e.year = b.year`;
}

/** The same trend figures from the frozen facts of closed years, per alliance and year. */
export function frozenTrend(scope: TenantScope, from: number, to: number, filters: FactFilters = {}): SQL {
  return sql`
    select u.tenant_id, u.year,
           ${TREND_COUNTS}
    from report_closure_organisations u
    where u.year between ${from} and ${to} and ${tenantCondition(scope, sql`u.tenant_id`)} and ${filterConditions(filters)}
    group by u.tenant_id, u.year`;
}

