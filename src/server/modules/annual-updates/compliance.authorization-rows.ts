// The compliance routes' rows of the authorization matrix (src/server/authorization.test.ts): the alliance's
// administrator and staff read their alliance (another alliance's staff read theirs), a commune officer its
// commune; reminders are the staff's (409 here: no mail server in tests). Test code only.
import type { InjectOptions } from 'fastify';

type Who = 'alliance_admin' | 'alliance_staff' | 'commune_officer' | 'other_tenant_staff';
type ComplianceRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const READERS: Who[] = ['alliance_admin', 'alliance_staff', 'commune_officer', 'other_tenant_staff'];

/** Every route of compliance.routes.ts, with who may pass. */
export function complianceRows(): ComplianceRow[] {
  return [
    { route: 'GET /api/annual-updates/compliance', request: () => ({ url: '/api/annual-updates/compliance?year=2026' }), allowed: READERS },
    { route: 'GET /api/annual-updates/compliance/list', request: () => ({ url: '/api/annual-updates/compliance/list?year=2026&category=missing' }), allowed: READERS },
    { route: 'GET /api/annual-updates/compliance/list.pdf', request: () => ({ url: '/api/annual-updates/compliance/list.pdf?year=2026&category=missing' }), allowed: READERS },
    { route: 'GET /api/annual-updates/compliance/list.xlsx', request: () => ({ url: '/api/annual-updates/compliance/list.xlsx?year=2026&category=due' }), allowed: READERS },
    { route: 'POST /api/annual-updates/reminders', request: () => ({ method: 'POST', url: '/api/annual-updates/reminders', payload: { year: 2026 } }), allowed: ['alliance_admin', 'alliance_staff', 'other_tenant_staff'] },
  ];
}
