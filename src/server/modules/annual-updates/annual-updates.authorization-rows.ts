// The annual update's rows of the authorization matrix (src/server/authorization.test.ts), with the updates the
// verification routes act on (in the commune of the matrix's organisation, so that its commune officer reads
// them). Filing is the organisation's manager's and the registry staff's; verification the staff's; a commune
// officer reads; another alliance's ids answer 404. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { submitUpdateFor } from './annual-updates.filing.ts';
import { createUpdatingOrganisation, thtValues } from './annual-updates.test-support.ts';
import { builtInForm } from './forms/index.ts';

export type AnnualUpdateFixture = { readId: string; returnId: string; acceptId: string; ids: string[] };

/** Three submitted updates of the tenant's cooperative groups in Xã Tân Dĩnh (the matrix organisation's commune). */
export async function createAnnualUpdateFixture(db: Db): Promise<AnnualUpdateFixture> {
  const actor = systemActor(TENANT);
  const ids: string[] = [];
  for (const name of ['Tổ hợp tác Ma trận Một', 'Tổ hợp tác Ma trận Hai', 'Tổ hợp tác Ma trận Ba']) {
    const organisation = await createUpdatingOrganisation(db, { name, kind: 'THT', registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' });
    const { update } = await submitUpdateFor(db, { actor, tenantId: TENANT, organisation, year: 2026, values: thtValues(), submitKey: `matrix-${organisation.id}`, channel: 'staff' });
    ids.push(update.id);
  }
  return { readId: ids[0]!, returnId: ids[1]!, acceptId: ids[2]!, ids };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'commune_officer' | 'coop_manager' | 'other_tenant_staff';
type AnnualUpdateRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const FILERS: Who[] = ['alliance_admin', 'alliance_staff', 'coop_manager'];
const READERS: Who[] = ['alliance_admin', 'alliance_staff', 'commune_officer', 'other_tenant_staff'];

/** Every route of annual-updates.routes.ts, with who may pass; `orgId` is the matrix organisation (the manager's). */
export function annualUpdateRows(fixture: () => AnnualUpdateFixture & { orgId: string }): AnnualUpdateRow[] {
  const filing = () => `/api/annual-updates/organisations/${fixture().orgId}/2026`;
  return [
    { route: 'GET /api/annual-updates/mine', request: () => ({ url: `/api/annual-updates/mine?year=2026&organisationId=${fixture().orgId}` }), allowed: FILERS },
    { route: 'PUT /api/annual-updates/organisations/:organisationId/:year/draft', request: () => ({ method: 'PUT', url: `${filing()}/draft`, payload: { values: { workers: 3 }, draftVersion: 0 } }), allowed: FILERS },
    {
      route: 'POST /api/annual-updates/organisations/:organisationId/:year/submit',
      // Missing fields: an allowed filer is answered 400 naming them (nothing filed), the others 401/403/404.
      request: () => ({ method: 'POST', url: `${filing()}/submit`, payload: { values: { workers: 3 }, submitKey: 'matrix-submit-key' } }),
      allowed: FILERS,
    },
    { route: 'GET /api/annual-updates/forms', request: () => ({ url: '/api/annual-updates/forms?year=2026' }), allowed: READERS },
    { route: 'POST /api/annual-updates/forms', request: () => ({ method: 'POST', url: '/api/annual-updates/forms', payload: { year: 2031, kind: 'THT', definition: builtInForm('THT') } }), allowed: ['alliance_admin'] },
    { route: 'GET /api/annual-updates', request: () => ({ url: '/api/annual-updates?year=2026' }), allowed: READERS },
    { route: 'GET /api/annual-updates/:id', request: () => ({ url: `/api/annual-updates/${fixture().readId}` }), allowed: ['alliance_admin', 'alliance_staff', 'commune_officer'] },
    { route: 'POST /api/annual-updates/:id/return', request: () => ({ method: 'POST', url: `/api/annual-updates/${fixture().returnId}/return`, payload: { reasons: { workers: 'Kiểm tra lại.' } } }), allowed: ['alliance_admin', 'alliance_staff'] },
    { route: 'POST /api/annual-updates/:id/accept', request: () => ({ method: 'POST', url: `/api/annual-updates/${fixture().acceptId}/accept` }), allowed: ['alliance_admin', 'alliance_staff'] },
    // Another alliance's staff pass the role check and are told the ids are not found (skipped), never accepting them.
    { route: 'POST /api/annual-updates/accept', request: () => ({ method: 'POST', url: '/api/annual-updates/accept', payload: { ids: [fixture().readId] } }), allowed: ['alliance_admin', 'alliance_staff', 'other_tenant_staff'] },
  ];
}
