import { runQueries, type Db } from '../../../db/client.ts';
import { endOfYear } from '../../../shared/dates.ts';
import type { Actor } from '../accounts/roles.ts';
import { buildAnnualReport } from './annual-report.build.ts';
import { aggregateYear, findAllianceNames, onlyAlliance, scopeName } from './annual-report.service.ts';
import { findPlanTargets } from './plans.service.ts';
import { reportReadScope } from './reports.policy.ts';
import { closedYears, queryRows, registeredAreas, type FactFilters, type TenantScope } from './reports.queries.ts';
import { frozenTrend, liveTrend, type TrendRow } from './trend.queries.ts';
import { computeUpdateIndicators } from '../annual-updates/indicators.ts';
import type { DashboardQuery } from './reports.schemas.ts';

export const TREND_YEARS = 10;

export type TrendPoint = { year: number; total: number; newlyEstablished: number; dissolved: number };

/**
 * New and dissolved organisations, and the total at each year end, over ten years. Years an alliance has
 * closed give their frozen figures, the others live ones, as the annual report does: a point is the annual
 * report's figures at that year end (reports.counting.test.ts holds them equal). The nation is the same
 * queries over every alliance at once.
 */
export async function findTrend(db: Db, scope: TenantScope, year: number, asOf: string, filters: FactFilters): Promise<TrendPoint[]> {
  const points = emptyTrend(year);
  for (const rows of (await trendByAlliance(db, scope, year, asOf, filters)).values()) addRows(points, rows, year);
  return points;
}

const trendFrom = (year: number) => year - TREND_YEARS + 1;

function addRows(points: TrendPoint[], rows: TrendRow[], year: number) {
  for (const row of rows) {
    const point = points[row.year - trendFrom(year)]!;
    point.total += row.total;
    point.newlyEstablished += row.newly_established;
    point.dissolved += row.dissolved;
  }
}

function emptyTrend(year: number): TrendPoint[] {
  return Array.from({ length: TREND_YEARS }, (_, i) => ({ year: trendFrom(year) + i, total: 0, newlyEstablished: 0, dissolved: 0 }));
}

/** Each alliance's trend rows in the scope: closed years frozen, the others live; one pass of each query. */
async function trendByAlliance(db: Db, scope: TenantScope, year: number, asOf: string, filters: FactFilters): Promise<Map<number, TrendRow[]>> {
  const from = trendFrom(year);
  const [live, frozen, closed] = await runQueries(db, [
    () => queryRows<TrendRow>(db, liveTrend(scope, from, year, asOf, filters)),
    () => queryRows<TrendRow>(db, frozenTrend(scope, from, year, filters)),
    () => queryRows<{ tenant_id: number; year: number }>(db, closedYears(scope, from, year)),
  ] as const);
  const isClosed = new Set(closed.filter((c) => c.year < year || asOf === endOfYear(year)).map((c) => `${c.tenant_id}/${c.year}`));
  const byAlliance = new Map<number, TrendRow[]>();
  const add = (row: TrendRow) => {
    const rows = byAlliance.get(row.tenant_id) ?? [];
    byAlliance.set(row.tenant_id, rows);
    rows.push(row);
  };
  live.filter((r) => !isClosed.has(`${r.tenant_id}/${r.year}`)).forEach(add);
  frozen.filter((r) => isClosed.has(`${r.tenant_id}/${r.year}`)).forEach(add);
  return byAlliance;
}

/** Everything the dashboard draws, in one answer: headline, breakdowns, ten-year trend, plan progress. */
export async function buildDashboard(db: Db, scope: TenantScope, query: Omit<DashboardQuery, 'tenant'>) {
  const { year } = query;
  const asOf = endOfYear(year);
  const filters: FactFilters = { kind: query.kind, sectorGroup: query.sectorGroup, sector: query.sector, area: query.area };
  const names = await findAllianceNames(db);
  const name = await scopeName(db, scope, names);
  const [rows, previousRows, plans, trend, areas, closed, updates] = await runQueries(db, [
    () => aggregateYear(db, scope, year, asOf, filters),
    () => aggregateYear(db, scope, year - 1, endOfYear(year - 1), filters, 'totals'),
    () => (scope.kind === 'tenant' ? findPlanTargets(db, scope.tenantId, year) : Promise.resolve([])),
    () => findTrend(db, scope, year, asOf, filters),
    () => queryRows<{ area: string }>(db, registeredAreas(scope)),
    () => queryRows<{ tenant_id: number }>(db, closedYears(scope, year, year)),
    () => computeUpdateIndicators(db, scope, year, filters),
  ] as const);
  const filtered = Boolean(query.kind || query.sectorGroup || query.sector);
  const report = buildAnnualReport({
    year,
    asOf,
    scope: { tenantId: scope.kind === 'tenant' ? scope.tenantId : null, name },
    rows,
    previous: { year: year - 1, asOf: endOfYear(year - 1), rows: previousRows },
    // A target is set for all kinds and sectors together: against a filtered count it would mislead.
    plans: filtered ? [] : plans.filter((p) => !query.area || p.area === query.area || p.area === ''),
    tenantNames: names,
  });
  const { bySectorGroup, bySector, statusShares, kindShares, byArea, byCurrentCommune, plans: planLines, previousYear, change } = report;
  return {
    year,
    asOf,
    scope: report.scope,
    areaLevel: report.areaLevel,
    /** One alliance's closed year: the figures are the published, frozen ones. */
    frozen: scope.kind === 'tenant' && closed.length > 0,
    filters: { kind: query.kind ?? null, sectorGroup: query.sectorGroup ?? null, sector: query.sector ?? null, area: query.area ?? null },
    headline: {
      total: report.total,
      active: report.active,
      suspended: report.suspended,
      newlyEstablished: report.newlyEstablished,
      dissolved: report.dissolved,
      members: report.members,
      workers: report.workers,
      charterCapitalVnd: report.charterCapitalVnd,
      plan: report.plan,
    },
    bySectorGroup,
    bySector,
    statusShares,
    kindShares,
    byArea,
    byCurrentCommune,
    plans: planLines,
    trend,
    previousYear,
    change,
    /** From the accepted annual updates of the year, with what they rest on (issue 13). */
    updates,
    options: { areas: areas.map((a) => a.area) },
  };
}

export type Dashboard = Awaited<ReturnType<typeof buildDashboard>>;

/** The dashboard for a signed-in reader of reports. */
export async function getDashboard(db: Db, { actor, query }: { actor: Actor; query: DashboardQuery }): Promise<Dashboard> {
  const scope = reportReadScope(actor, query.tenant);
  return buildDashboard(db, scope, query);
}

/** The portal's dashboard: counts only (no money, no plans, nothing about any person). */
export async function getPublicDashboard(db: Db, { query }: { query: DashboardQuery }) {
  const tenantId = query.tenant ?? (await onlyAlliance(db));
  const d = await buildDashboard(db, { kind: 'tenant', tenantId }, query);
  return presentPublicDashboard(d);
}

/** Strips what the portal does not show. */
export function presentPublicDashboard(d: Dashboard) {
  const { charterCapitalVnd: _capital, plan: _plan, ...headline } = d.headline;
  // Revenue, profit and income are the cooperatives' own figures, given to the alliance: not for the portal.
  const { updates: _updates, ...rest } = d;
  const previousYear = d.previousYear ? { year: d.previousYear.year, total: d.previousYear.total, newlyEstablished: d.previousYear.newlyEstablished } : null;
  return { ...rest, headline, plans: [], previousYear, change: d.change ? { total: d.change.total, newlyEstablished: d.change.newlyEstablished } : null };
}
