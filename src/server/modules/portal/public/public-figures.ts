/**
 * The public figures a server-rendered page shows (the home's headline, /so-lieu): the same counts as
 * GET /api/public/reports/dashboard, from the same per-process cache keyed by the alliance's data version.
 */
import { defaultReportYear, todayIso } from '../../../../shared/dates.ts';
import type { Db } from '../../../../db/client.ts';
import { cachedReport } from '../../reports/report-cache.ts';
import { getPublicDashboard } from '../../reports/dashboard.service.ts';

export type PublicFiguresData = Awaited<ReturnType<typeof getPublicDashboard>>;

/** The year the portal opens on (the last one whose figures are complete, in Vietnam's calendar). */
export const portalYear = () => defaultReportYear(todayIso(new Date(), 'Asia/Ho_Chi_Minh'));

/** The alliance's public figures of a year, and the data version they are of (undefined: not cached). */
export function publicFigures(db: Db, tenantId: number, year: number): Promise<{ data: PublicFiguresData; version: string | undefined }> {
  const query = { year, tenant: tenantId };
  return cachedReport<PublicFiguresData>(db, {
    name: 'public dashboard',
    scope: { kind: 'tenant', tenantId },
    query,
    visibility: 'public',
    compute: () => getPublicDashboard(db, { query }),
  });
}
