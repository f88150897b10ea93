// Emulation's rows of the authorization matrix (src/server/authorization.test.ts): staff run blocks and pacts; the
// coop manager of a member reads its block, its pact, its own results and the published scoreboard, and reports;
// the manager of an organisation outside the block gets 404 for its ids; everyone else 403. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { multipartFile, PNG_BYTES } from '../difficulties/difficulties.authorization-rows.ts';
import { attachEvidence } from './emulation-results.service.ts';
import { createPactWorld, reportFor } from './emulation.test-support.ts';

export type EmulationFixture = { orgId: string; thirdId: string; blockId: string; pactId: string; criterionId: string; draftId: string; closeId: string; fileId: string; ids: string[] };

/** A published pact whose block holds the matrix organisation `orgId` (not `otherOrgId`), a draft pact and one to close. */
export async function createEmulationFixture(db: Db, orgId: string): Promise<EmulationFixture> {
  const third = await createOrganisation(db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'Hợp tác xã Chè Tân Cương thử' }) });
  const main = await createPactWorld(db, [orgId, third.id], { name: 'Khối ma trận', publish: true });
  await reportFor(db, main.pact.id, main.criteria.map((c) => c.id), orgId, ['12', '1']);
  const file = await attachEvidence(db, { actor: systemActor(TENANT), pactId: main.pact.id, criterionId: main.criteria[0]!.id, organisationId: orgId, fileName: 'so-sach.png', content: PNG_BYTES });
  const draft = await createPactWorld(db, [orgId, third.id], { name: 'Khối ma trận dự thảo', sign: false });
  const toClose = await createPactWorld(db, [third.id], { name: 'Khối ma trận tổng kết' });
  const f = { orgId, thirdId: third.id, blockId: main.block.id, pactId: main.pact.id, criterionId: main.criteria[0]!.id, draftId: draft.pact.id, closeId: toClose.pact.id, fileId: file.id };
  return { ...f, ids: [f.blockId, f.pactId, f.draftId, f.closeId, f.fileId, draft.block.id] };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'commune_officer' | 'coop_manager' | 'other_coop_manager' | 'other_tenant_staff';
type RowSpec = { route: string; request: () => InjectOptions; allowed: Who[] };

const STAFF: Who[] = ['alliance_admin', 'alliance_staff'];
// Staff of another alliance pass the role check and act in their own alliance (where this one's ids are not found).
const ANY_STAFF: Who[] = [...STAFF, 'other_tenant_staff'];
const MEMBER: Who[] = [...STAFF, 'coop_manager'];

/** Every route of emulation.routes.ts and emulation-results.routes.ts, with who may pass. */
export function emulationRows(fixture: () => EmulationFixture): RowSpec[] {
  const pact = (id: string, action = '') => `/api/emulation/pacts/${id}${action}`;
  const block = () => `/api/emulation/blocks/${fixture().blockId}`;
  return [
    // A manager outside every block gets an empty list: it passes the check.
    { route: 'GET /api/emulation/blocks', request: () => ({ url: '/api/emulation/blocks?year=2025' }), allowed: [...ANY_STAFF, 'coop_manager', 'other_coop_manager'] },
    { route: 'POST /api/emulation/blocks', request: () => ({ method: 'POST', url: '/api/emulation/blocks', payload: { year: 2025, name: 'Khối mới của ma trận' } }), allowed: ANY_STAFF },
    { route: 'GET /api/emulation/blocks/:id', request: () => ({ url: block() }), allowed: MEMBER },
    { route: 'PATCH /api/emulation/blocks/:id', request: () => ({ method: 'PATCH', url: block(), payload: { name: 'Khối ma trận' } }), allowed: STAFF },
    { route: 'PUT /api/emulation/blocks/:id/members', request: () => ({ method: 'PUT', url: `${block()}/members`, payload: { organisationIds: [fixture().orgId, fixture().thirdId] } }), allowed: STAFF },
    // The block is in the body: another alliance's staff are told it is not found (400), not denied.
    { route: 'POST /api/emulation/pacts', request: () => ({ method: 'POST', url: '/api/emulation/pacts', payload: { blockId: fixture().blockId, title: 'Giao ước thứ hai' } }), allowed: ANY_STAFF },
    { route: 'GET /api/emulation/pacts/:id', request: () => ({ url: pact(fixture().pactId) }), allowed: MEMBER },
    { route: 'PATCH /api/emulation/pacts/:id', request: () => ({ method: 'PATCH', url: pact(fixture().draftId), payload: { title: 'Giao ước thi đua năm 2025 (sửa)' } }), allowed: STAFF },
    { route: 'POST /api/emulation/pacts/:id/sign', request: () => ({ method: 'POST', url: pact(fixture().draftId, '/sign'), payload: { signedOn: '2025-02-20' } }), allowed: STAFF },
    { route: 'POST /api/emulation/pacts/:id/close', request: () => ({ method: 'POST', url: pact(fixture().closeId, '/close'), payload: { reviewMinutes: 'Khối đã họp tổng kết ngày 15/12.' } }), allowed: STAFF },
    { route: 'POST /api/emulation/pacts/:id/publish-scoreboard', request: () => ({ method: 'POST', url: pact(fixture().closeId, '/publish-scoreboard') }), allowed: STAFF },
    { route: 'GET /api/emulation/pacts/:id/pact.pdf', request: () => ({ url: pact(fixture().pactId, '/pact.pdf') }), allowed: MEMBER },
    { route: 'GET /api/emulation/pacts/:id/pact.xlsx', request: () => ({ url: pact(fixture().pactId, '/pact.xlsx') }), allowed: MEMBER },
    { route: 'GET /api/emulation/pacts/:id/results', request: () => ({ url: pact(fixture().pactId, '/results') }), allowed: MEMBER },
    {
      route: 'PUT /api/emulation/pacts/:id/results',
      request: () => ({ method: 'PUT', url: pact(fixture().pactId, '/results'), payload: { organisationId: fixture().orgId, values: [{ criterionId: fixture().criterionId, value: '12,5' }] } }),
      allowed: MEMBER,
    },
    { route: 'GET /api/emulation/pacts/:id/scoreboard', request: () => ({ url: pact(fixture().pactId, '/scoreboard') }), allowed: MEMBER },
    { route: 'GET /api/emulation/pacts/:id/scoreboard.xlsx', request: () => ({ url: pact(fixture().pactId, '/scoreboard.xlsx') }), allowed: MEMBER },
    { route: 'GET /api/emulation/pacts/:id/scoreboard.pdf', request: () => ({ url: pact(fixture().pactId, '/scoreboard.pdf') }), allowed: MEMBER },
    {
      route: 'POST /api/emulation/results/files',
      request: () => ({ method: 'POST', url: `/api/emulation/results/files?pactId=${fixture().pactId}&criterionId=${fixture().criterionId}&organisationId=${fixture().orgId}`, ...multipartFile('minh-chung.png', PNG_BYTES, 'image/png') }),
      allowed: MEMBER,
    },
    { route: 'GET /api/emulation/results/files/:fileId', request: () => ({ url: `/api/emulation/results/files/${fixture().fileId}` }), allowed: MEMBER },
  ];
}
