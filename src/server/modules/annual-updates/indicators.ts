/**
 * The year-end report's indicators that only the annual update knows (issue 13, item 7): revenue, profit, average
 * revenue of an organisation, a worker's average income, workers, members by class, and the share of the
 * organisations due that filed. Counted from the ACCEPTED updates of the year of the organisations due (compliance.ts),
 * always with what they rest on: "based on N accepted updates of M due". A submitted update not yet verified
 * counts nowhere here.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import type { FactFilters, TenantScope } from '../reports/reports.queries.ts';
import { dueUpdates } from './compliance.ts';

export type UpdateIndicators = {
  year: number;
  basedOn: { accepted: number; due: number };
  /** accepted ÷ due, in percent with two decimals; null when nothing is due. */
  acceptedPercent: number | null;
  /** Sums over the accepted updates that give the figure (whole đồng, as text: beyond 2^53 nationally). */
  revenueVnd: string;
  profitBeforeTaxVnd: string;
  /** Revenue ÷ the accepted updates that give a revenue; null when none does. */
  averageRevenueVnd: string | null;
  /** A worker's average monthly income: each organisation's average weighted by its workers. */
  averageIncomeVnd: string | null;
  workers: number;
  members: { official: number; associatedCapital: number; associatedNoCapital: number; total: number };
};

type Row = {
  due: number;
  accepted: number;
  revenue: string | null;
  revenue_count: number;
  profit: string | null;
  income: string | null;
  workers: number | null;
  official: number | null;
  associated_capital: number | null;
  associated_no_capital: number | null;
  members_total: number | null;
};

const number = (key: string) => sql.raw(`(case when jsonb_typeof(u.values->'${key}') = 'number' then (u.values->>'${key}')::numeric end)`);

function filterConditions(filters: FactFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.kind) parts.push(sql`d.kind = ${filters.kind}`);
  if (filters.sectorGroup) parts.push(sql`d.sector_group = ${filters.sectorGroup}`);
  if (filters.sector) parts.push(sql`d.sector_code = ${filters.sector}`);
  if (filters.area) parts.push(sql`d.area = ${filters.area}`);
  return sql.join(parts, sql` and `);
}

/** The SQL of the indicators of a scope's year (one row). */
export function indicatorQuery(scope: TenantScope, year: number, filters: FactFilters = {}): SQL {
  const accepted = sql`d.accepted`;
  return sql`
    select count(*)::int as due,
           (count(*) filter (where ${accepted}))::int as accepted,
           round(sum(${number('revenueVnd')}) filter (where ${accepted}))::text as revenue,
           (count(${number('revenueVnd')}) filter (where ${accepted}))::int as revenue_count,
           round(sum(${number('profitBeforeTaxVnd')}) filter (where ${accepted}))::text as profit,
           round(sum(${number('averageIncomeVnd')} * ${number('workers')}) filter (where ${accepted} and ${number('workers')} > 0)
                 / nullif(sum(${number('workers')}) filter (where ${accepted} and ${number('averageIncomeVnd')} is not null and ${number('workers')} > 0), 0))::text as income,
           (sum(${number('workers')}) filter (where ${accepted}))::int as workers,
           (sum(${number('membersOfficial')}) filter (where ${accepted}))::int as official,
           (sum(${number('membersAssociatedCapital')}) filter (where ${accepted}))::int as associated_capital,
           (sum(${number('membersAssociatedNoCapital')}) filter (where ${accepted}))::int as associated_no_capital,
           (sum(${number('membersTotal')}) filter (where ${accepted}))::int as members_total
    from (${dueUpdates({ scope }, year)}) d
    left join annual_updates u on u.tenant_id = d.tenant_id and u.organisation_id = d.organisation_id and u.year = ${year} and d.accepted
    where ${filterConditions(filters)}`;
}

/** The indicators of a year from its accepted updates (no access check: the reports check it). */
export async function computeUpdateIndicators(db: Db, scope: TenantScope, year: number, filters: FactFilters = {}): Promise<UpdateIndicators> {
  const [r] = await queryRows<Row>(db, indicatorQuery(scope, year, filters));
  const due = r?.due ?? 0;
  const accepted = r?.accepted ?? 0;
  const revenue = r?.revenue ?? '0';
  const revenueCount = r?.revenue_count ?? 0;
  return {
    year,
    basedOn: { accepted, due },
    acceptedPercent: due ? Math.round((accepted * 10_000) / due) / 100 : null,
    revenueVnd: revenue,
    profitBeforeTaxVnd: r?.profit ?? '0',
    averageRevenueVnd: revenueCount ? ((BigInt(revenue) * 2n + BigInt(revenueCount)) / (2n * BigInt(revenueCount))).toString() : null,
    averageIncomeVnd: r?.income ?? null,
    workers: r?.workers ?? 0,
    members: { official: r?.official ?? 0, associatedCapital: r?.associated_capital ?? 0, associatedNoCapital: r?.associated_no_capital ?? 0, total: r?.members_total ?? 0 },
  };
}
