import type { Db } from '../src/db/client.ts';
import { aggregateYear } from '../src/server/modules/reports/annual-report.service.ts';
import { buildDashboard, findTrend } from '../src/server/modules/reports/dashboard.service.ts';
import { queryRows, registeredAreas, type TenantScope } from '../src/server/modules/reports/reports.queries.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

/**
 * Each query the dashboard draws, timed on its own (median), for one alliance and for the national roll-up,
 * then the whole dashboard of the national roll-up (one alliance's whole dashboard is dashboard_ms).
 */
export async function benchDashboardQueries(db: Db, tenantId: number, times: number): Promise<Result[]> {
  const results: Result[] = [];
  const scopes: [string, TenantScope][] = [['', { kind: 'tenant', tenantId }], ['_national', { kind: 'national' }]];
  for (const [suffix, scope] of scopes) {
    const queries: [string, () => Promise<unknown>, string][] = [
      ['dashboard_breakdowns_ms', () => aggregateYear(db, scope, 2023, '2023-12-31'), 'every breakdown of the year (status, kind, sector, area, commune, alliance) in one pass'],
      ['dashboard_previous_year_ms', () => aggregateYear(db, scope, 2022, '2022-12-31', {}, 'totals'), 'the previous year’s totals and sectors'],
      ['dashboard_trend_ms', () => findTrend(db, scope, 2023, '2023-12-31', {}), 'ten year-ends of counted, new and dissolved'],
      ['dashboard_areas_ms', () => queryRows(db, registeredAreas(scope)), 'the area filter’s choices'],
    ];
    for (const [name, query, note] of queries) {
      const ms = await timeEach(times, query);
      results.push({ name: `${name}${suffix}`, value: round(percentile(ms, 50)), unit: 'ms', note: `${note}; ${suffix ? 'all 34 alliances' : 'one alliance'}` });
    }
  }
  const whole = await timeEach(Math.max(2, Math.floor(times / 2)), () => buildDashboard(db, { kind: 'national' }, { year: 2023 } as Parameters<typeof buildDashboard>[2]));
  results.push({ name: 'dashboard_national_ms', value: round(percentile(whole, 50)), unit: 'ms', note: 'every query of the dashboard, all 34 alliances' });
  return results;
}
