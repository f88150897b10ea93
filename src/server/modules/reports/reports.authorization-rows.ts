// The report routes' rows of the authorization matrix (src/server/authorization.test.ts). Reports are whole-
// alliance aggregates: the alliance's office, staff and fund officers read their own alliance's (another
// alliance's staff read theirs), the national viewer reads any; plans are the staff's; closing is the
// administrator's. Public figures are for everyone. Test code only.
import type { InjectOptions } from 'fastify';

type Who = 'anonymous' | 'alliance_admin' | 'alliance_staff' | 'fund_officer' | 'commune_officer' | 'coop_manager' | 'other_coop_manager' | 'national_viewer' | 'other_tenant_staff';
type ReportRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const EVERYONE: Who[] = ['anonymous', 'alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'other_coop_manager', 'national_viewer', 'other_tenant_staff'];
const READERS: Who[] = ['alliance_admin', 'alliance_staff', 'fund_officer', 'national_viewer', 'other_tenant_staff'];
const PLANNERS: Who[] = ['alliance_admin', 'alliance_staff', 'other_tenant_staff'];

/** Every route of src/server/modules/reports/reports.routes.ts, with who may pass. */
export function reportRows(): ReportRow[] {
  return [
    { route: 'GET /api/reports/annual', request: () => ({ url: '/api/reports/annual?year=2023' }), allowed: READERS },
    { route: 'GET /api/reports/annual.xlsx', request: () => ({ url: '/api/reports/annual.xlsx?year=2023' }), allowed: READERS },
    { route: 'GET /api/reports/annual.pdf', request: () => ({ url: '/api/reports/annual.pdf?year=2023' }), allowed: READERS },
    { route: 'POST /api/reports/annual/:year/close', request: () => ({ method: 'POST', url: '/api/reports/annual/2022/close' }), allowed: ['alliance_admin'] },
    // One alliance's view: the national viewer must name it (?tenant=), so without it is refused.
    { route: 'GET /api/reports/annual/:year/differences', request: () => ({ url: '/api/reports/annual/2022/differences' }), allowed: ['alliance_admin', 'alliance_staff', 'fund_officer', 'other_tenant_staff'] },
    { route: 'GET /api/reports/annual/closed', request: () => ({ url: '/api/reports/annual/closed' }), allowed: ['alliance_admin', 'alliance_staff', 'fund_officer', 'other_tenant_staff'] },
    { route: 'GET /api/reports/plans', request: () => ({ url: '/api/reports/plans?year=2024' }), allowed: PLANNERS },
    { route: 'POST /api/reports/plans', request: () => ({ method: 'POST', url: '/api/reports/plans', payload: { year: 2024, indicator: 'newly_established', target: 10 } }), allowed: PLANNERS },
    { route: 'GET /api/reports/dashboard', request: () => ({ url: '/api/reports/dashboard?year=2023' }), allowed: READERS },
    { route: 'GET /api/reports/dashboard/chart.xlsx', request: () => ({ url: '/api/reports/dashboard/chart.xlsx?year=2023&chart=trend' }), allowed: READERS },
    { route: 'GET /api/public/reports/annual', request: () => ({ url: '/api/public/reports/annual?tenant=24&year=2023' }), allowed: EVERYONE },
    { route: 'GET /api/public/reports/dashboard', request: () => ({ url: '/api/public/reports/dashboard?tenant=24&year=2023' }), allowed: EVERYONE },
    { route: 'GET /api/public/reports/dashboard/chart.xlsx', request: () => ({ url: '/api/public/reports/dashboard/chart.xlsx?tenant=24&year=2023&chart=sectorGroups' }), allowed: EVERYONE },
  ];
}
