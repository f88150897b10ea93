// The rows of the authorization matrix (src/server/authorization.test.ts) for the difficulties report and the
// public view of difficulties: the report is the alliance's office's and staff's (another alliance's staff read
// theirs), and the national viewer's; the public routes are everyone's (an unknown id is a 404, not a refusal).
// Test code only.
import type { InjectOptions } from 'fastify';

type Who = 'anonymous' | 'alliance_admin' | 'alliance_staff' | 'fund_officer' | 'commune_officer' | 'coop_manager' | 'other_coop_manager' | 'national_viewer' | 'other_tenant_staff';
type Row = { route: string; request: () => InjectOptions; allowed: Who[] };

const EVERYONE: Who[] = ['anonymous', 'alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'other_coop_manager', 'national_viewer', 'other_tenant_staff'];
const READERS: Who[] = ['alliance_admin', 'alliance_staff', 'national_viewer', 'other_tenant_staff'];

/** Every route of requests-report.routes.ts and public-difficulties.routes.ts, with who may pass. */
export function requestsReportRows(): Row[] {
  return [
    { route: 'GET /api/reports/requests', request: () => ({ url: '/api/reports/requests?year=2025' }), allowed: READERS },
    { route: 'GET /api/reports/requests.xlsx', request: () => ({ url: '/api/reports/requests.xlsx?year=2025' }), allowed: READERS },
    { route: 'GET /api/reports/requests.pdf', request: () => ({ url: '/api/reports/requests.pdf?year=2025' }), allowed: READERS },
    { route: 'GET /api/public/difficulties', request: () => ({ url: '/api/public/difficulties?tenant=24' }), allowed: EVERYONE },
    { route: 'GET /api/public/difficulties/figures', request: () => ({ url: '/api/public/difficulties/figures?tenant=24&year=2025' }), allowed: EVERYONE },
    { route: 'GET /api/public/difficulties/:id', request: () => ({ url: '/api/public/difficulties/00000000-0000-4000-8000-000000000000' }), allowed: EVERYONE },
  ];
}
