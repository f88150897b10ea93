import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { buildDashboard } from '../src/server/modules/reports/dashboard.service.ts';
import type { FactFilters } from '../src/server/modules/reports/reports.queries.ts';
import { refreshRollup } from '../src/server/modules/reports/rollup-refresher.ts';
import { allianceChanges } from './alliance-changes.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

/**
 * The refresher (rollup-refresher.ts) computes the national roll-up's parts in the background: how long it
 * works at start (no part stored), after one alliance and after a quarter of them changed, and when nothing
 * changed; then what a national viewer meets after it ran, and with a combination of filters nobody asked for
 * before.
 */
export async function benchRollupRefresh(db: Db, tenantId: number, times: number): Promise<Result[]> {
  const results: Result[] = [];
  // The dashboard opens on 2023 in January 2024: the year ends behind 2023's and 2022's dashboards.
  const today = '2024-01-15';
  const refresh = () => refreshRollup(db, { today });
  const { quarter, changeAlliance, changeAQuarter } = await allianceChanges(db);
  await db.execute(sql`delete from report_parts`);
  let recipes = 0;
  const [start] = await timeEach(1, async () => (recipes = (await refresh()).recipes));
  results.push({ name: 'rollup_refresh_start_ms', value: round(start!), unit: 'ms', note: `background: every part of ${recipes} recipes computed, none stored (start after a release)` });
  const states: [string, () => Promise<unknown>, string][] = [
    ['unchanged', async () => undefined, 'nothing changed: one look at which parts are stale'],
    ['one_changed', () => changeAlliance(tenantId), 'one alliance changed: its parts of every recipe recomputed'],
    ['quarter_changed', changeAQuarter, `${quarter.length} alliances changed, recomputed one by one`],
  ];
  for (const [state, before, note] of states) {
    const ms = await timeEach(Math.max(2, Math.ceil(times / 2)), refresh, before);
    results.push({ name: `rollup_refresh_${state}_ms`, value: round(percentile(ms, 50)), unit: 'ms', note: `background, ${recipes} recipes; ${note}` });
  }
  const dashboard = (filters: FactFilters) => buildDashboard(db, { kind: 'national' }, { year: 2023, ...filters } as Parameters<typeof buildDashboard>[2]);
  const refreshed = await timeEach(times, () => dashboard({ sectorGroup: 'agriculture' }), async () => {
    await changeAQuarter();
    await refresh();
  });
  results.push({ name: 'dashboard_national_refreshed_ms', value: round(percentile(refreshed, 50)), unit: 'ms', note: `the whole national dashboard filtered by a sector group, after ${quarter.length} alliances changed and the refresher ran` });
  // Filters nobody asked for before: the parts hold each alliance's figures in groups, whatever the filters.
  const twoFilters = await timeEach(times, () => dashboard({ kind: 'HTX', sectorGroup: 'agriculture' }));
  results.push({ name: 'dashboard_national_new_filters_ms', value: round(percentile(twoFilters, 50)), unit: 'ms', note: 'the whole national dashboard with two filters nobody asked for before' });
  return results;
}
