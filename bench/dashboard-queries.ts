import type { Db } from '../src/db/client.ts';
import { aggregateYear, computeAnnualReport } from '../src/server/modules/reports/annual-report.service.ts';
import { buildDashboard, findTrend } from '../src/server/modules/reports/dashboard.service.ts';
import { queryRows, registeredAreas, type TenantScope } from '../src/server/modules/reports/reports.queries.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

/**
 * Each query the dashboard draws, timed on its own (median), for one alliance and for the nation (the same SQL
 * over every alliance, decision 005), then the whole annual report and dashboard of the nation, all counted from
 * scratch: what a view costs when its answer is not cached (report-cache.ts; bench/report-cache.ts times both).
 */
export async function benchDashboardQueries(db: Db, tenantId: number, times: number): Promise<Result[]> {
  const results: Result[] = [];
  const national: TenantScope = { kind: 'national' };
  const tenant: TenantScope = { kind: 'tenant', tenantId };
  const queries = (scope: TenantScope): [string, () => Promise<unknown>, string][] => [
    ['dashboard_breakdowns_ms', () => aggregateYear(db, scope, 2023, '2023-12-31'), 'every breakdown of the year (status, kind, sector, area, commune, alliance) in one pass'],
    ['dashboard_previous_year_ms', () => aggregateYear(db, scope, 2022, '2022-12-31', {}, 'totals'), 'the previous year’s totals and sectors'],
    ['dashboard_trend_ms', () => findTrend(db, scope, 2023, '2023-12-31', {}), 'ten year-ends of counted, new and dissolved'],
    ['dashboard_areas_ms', () => queryRows(db, registeredAreas(scope)), 'the area filter’s choices'],
  ];
  for (const [name, query, note] of queries(tenant)) {
    const ms = await timeEach(times, query);
    results.push({ name, value: round(percentile(ms, 50)), unit: 'ms', note: `${note}; one alliance` });
  }
  const nationalQueries: [string, () => Promise<unknown>, string][] = [
    ...queries(national).map(([name, query, note]): [string, () => Promise<unknown>, string] => [name.replace(/_ms$/, '_national_ms'), query, note]),
    ['annual_report_national_ms', () => computeAnnualReport(db, { scope: national, year: 2023, asOf: '2023-12-31' }), 'the whole annual report'],
    ['dashboard_national_ms', () => buildDashboard(db, national, { year: 2023 } as Parameters<typeof buildDashboard>[2]), 'every query of the dashboard'],
  ];
  for (const [name, query, note] of nationalQueries) {
    const ms = await timeEach(times, query);
    results.push({ name, value: round(percentile(ms, 50)), unit: 'ms', note: `${note}; all 34 alliances, counted from scratch` });
  }
  return results;
}
