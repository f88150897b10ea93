// The compliance routes' rows of the authorization matrix (src/server/authorization.test.ts): the alliance's
// administrator and staff read their alliance (another alliance's staff read theirs), a commune officer its
// commune; reminders, the Excel template and its import are the staff's (reminders answer 409 here: no mail
// server in tests). Test code only.
import type { InjectOptions } from 'fastify';
import { multipartBody } from '../imports/test-files.ts';

type Who = 'alliance_admin' | 'alliance_staff' | 'commune_officer' | 'other_tenant_staff';
type ComplianceRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const READERS: Who[] = ['alliance_admin', 'alliance_staff', 'commune_officer', 'other_tenant_staff'];
const STAFF: Who[] = ['alliance_admin', 'alliance_staff', 'other_tenant_staff'];
const upload = () => {
  const { payload, headers } = multipartBody('mau.xlsx', Buffer.from('PK not a template'));
  return { payload, headers };
};

/** Every route of compliance.routes.ts, with who may pass. */
export function complianceRows(): ComplianceRow[] {
  return [
    { route: 'GET /api/annual-updates/compliance', request: () => ({ url: '/api/annual-updates/compliance?year=2026' }), allowed: READERS },
    { route: 'GET /api/annual-updates/compliance/list', request: () => ({ url: '/api/annual-updates/compliance/list?year=2026&category=missing' }), allowed: READERS },
    { route: 'GET /api/annual-updates/compliance/list.pdf', request: () => ({ url: '/api/annual-updates/compliance/list.pdf?year=2026&category=missing' }), allowed: READERS },
    { route: 'GET /api/annual-updates/compliance/list.xlsx', request: () => ({ url: '/api/annual-updates/compliance/list.xlsx?year=2026&category=due' }), allowed: READERS },
    { route: 'GET /api/annual-updates/template.xlsx', request: () => ({ url: '/api/annual-updates/template.xlsx?year=2026' }), allowed: STAFF },
    // A dry run of a file that is no template: staff get its row-less refusal (400), the others 401/403 before it is read.
    { route: 'POST /api/annual-updates/import', request: () => ({ method: 'POST', url: '/api/annual-updates/import?dryRun=true', ...upload() }), allowed: STAFF },
    { route: 'POST /api/annual-updates/reminders', request: () => ({ method: 'POST', url: '/api/annual-updates/reminders', payload: { year: 2026 } }), allowed: STAFF },
  ];
}
