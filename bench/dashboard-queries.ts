import type { Db } from '../src/db/client.ts';
import { sql } from 'drizzle-orm';
import { aggregateYear, computeAnnualReport } from '../src/server/modules/reports/annual-report.service.ts';
import { buildDashboard, findTrend } from '../src/server/modules/reports/dashboard.service.ts';
import { queryRows, registeredAreas, type TenantScope } from '../src/server/modules/reports/reports.queries.ts';
import { refreshRollup } from '../src/server/modules/reports/rollup-refresher.ts';
import { allianceChanges } from './alliance-changes.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

/**
 * Each query the dashboard draws, timed on its own (median), for one alliance and for the national roll-up,
 * then the whole dashboard of the national roll-up (one alliance's whole dashboard is dashboard_ms).
 * The national roll-up adds up each alliance's stored part (national-rollup.ts), so it is timed in four
 * states, starting each time from the parts as the server's refresher leaves them: nothing changed since
 * (suffix none), one alliance changed before each view and the refresher not yet through (`_one_changed`: the
 * viewer recomputes that alliance's parts), 8 alliances changed (`_quarter_changed`: the viewer recomputes
 * their parts of a year, or counts the trend over the country), and every part gone (`_cold`: the first views
 * after a start, counted over the country).
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
    ...queries(national),
    ['annual_report_national_ms', () => computeAnnualReport(db, { scope: national, year: 2023, asOf: '2023-12-31' }), 'the whole annual report'],
    ['dashboard_national_ms', () => buildDashboard(db, national, { year: 2023 } as Parameters<typeof buildDashboard>[2]), 'every query of the dashboard'],
  ];
  const { quarter, changeAlliance, changeAQuarter } = await allianceChanges(db);
  const changeOneAlliance = () => changeAlliance(tenantId);
  const forgetEveryPart = () => db.execute(sql`delete from report_parts`);
  for (const [name, query, note] of nationalQueries) {
    const base = name.replace(/_national_ms$/, '_ms');
    const states: [string, (() => Promise<unknown>) | undefined, string][] = [
      ['_national', undefined, 'parts stored, nothing changed since'],
      ['_national_one_changed', changeOneAlliance, 'one alliance changed and recomputed'],
      ['_national_quarter_changed', changeAQuarter, `${quarter.length} alliances changed, recomputed one by one or counted at once`],
      ['_national_cold', forgetEveryPart, 'no part stored: counted over the country'],
    ];
    // The parts as the server keeps them: the refresher ran (the dashboards of 2023 and 2022 open in January 2024).
    await refreshRollup(db, { today: '2024-01-15' });
    for (const [suffix, before, state] of states) {
      const ms = await timeEach(Math.max(2, Math.ceil(times / 2)), query, before);
      results.push({ name: `${base.replace(/_ms$/, '')}${suffix}_ms`, value: round(percentile(ms, 50)), unit: 'ms', note: `${note}; all 34 alliances, ${state}` });
    }
  }
  return results;
}
