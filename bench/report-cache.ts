import type { Db } from '../src/db/client.ts';
import { allianceChanges } from './alliance-changes.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

/**
 * The dashboards as a browser meets them, over HTTP (report-cache.ts, decision 005): `_cold` after a write moved
 * the data version (the answer is counted), `_unchanged` asked again with nothing written (answered from the
 * cache), `_304` asked again with the ETag the browser holds (If-None-Match: nothing counted, nothing sent).
 * The national dashboard's cold figure follows a write in one alliance: the nation's version moves with any.
 */
export async function benchReportCache(db: Db, { base, cookie, tenantId, times }: { base: string; cookie: string; tenantId: number; times: number }): Promise<Result[]> {
  const { changeAlliance } = await allianceChanges(db);
  const results: Result[] = [];
  const views: [string, string, Record<string, string>, string][] = [
    ['dashboard_national_http', '/api/reports/dashboard?year=2023', { cookie }, 'national viewer, the whole national dashboard (34 alliances)'],
    ['public_dashboard_http', `/api/public/reports/dashboard?year=2023&tenant=${tenantId}`, {}, 'the portal’s dashboard of one alliance'],
    ['public_annual_http', `/api/public/reports/annual?year=2023&tenant=${tenantId}`, {}, 'the portal’s annual figures of one alliance'],
  ];
  let client = 0;
  for (const [name, path, headers, note] of views) {
    const get = async (extra: Record<string, string> = {}) => {
      client += 1;
      const from = { 'x-forwarded-for': `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}` };
      const res = await fetch(`${base}${path}`, { headers: { ...headers, ...from, ...extra } });
      await res.arrayBuffer();
      return res;
    };
    const cold = await timeEach(times, () => get(), () => changeAlliance(tenantId));
    const unchanged = await timeEach(times * 3, () => get());
    const etag = (await get()).headers.get('etag') ?? '';
    const revalidated = await timeEach(times * 3, async () => {
      const res = await get({ 'if-none-match': etag });
      if (res.status !== 304) throw new Error(`${path}: ${res.status} instead of 304`);
    });
    results.push({ name: `${name}_cold_ms`, value: round(percentile(cold, 50)), unit: 'ms', note: `${note}; after a write (counted); p95 ${round(percentile(cold, 95))} ms` });
    results.push({ name: `${name}_unchanged_ms`, value: round(percentile(unchanged, 50)), unit: 'ms', note: `${note}; nothing written since (cached); p95 ${round(percentile(unchanged, 95))} ms` });
    results.push({ name: `${name}_304_ms`, value: round(percentile(revalidated, 50)), unit: 'ms', note: `${note}; If-None-Match (304); p95 ${round(percentile(revalidated, 95))} ms` });
  }
  return results;
}
