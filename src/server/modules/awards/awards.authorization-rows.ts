// Awards' rows of the authorization matrix (src/server/authorization.test.ts), with the proposals, decision and
// award they act on (for the matrix organisation). The register is read by staff, the commune officer (its
// commune's), the coop managers (their own), the national viewer; the figures by staff and the national viewer;
// everything else is the staff's, the award kinds the admin's. Another alliance's ids answer 404. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { multipartFile, PNG_BYTES } from '../difficulties/difficulties.authorization-rows.ts';
import { createDecision } from './award-decisions.service.ts';
import { attachProposalFile, createProposal, submitProposal } from './award-proposals.service.ts';

export type AwardFixture = { readId: string; submitId: string; reviewId: string; withdrawId: string; fileId: string; decisionId: string; awardId: string; orgId: string; ids: string[] };

/** Proposals in the states the rows need, a decision with one award, all of the matrix organisation `orgId`. */
export async function createAwardFixture(db: Db, orgId: string): Promise<AwardFixture> {
  const actor = systemActor(TENANT);
  const propose = async (year: number) => (await createProposal(db, { actor, input: { year, awardKindCode: 'merit_vca', recipientKind: 'collective', organisationId: orgId } })).id;
  const readId = await propose(2020);
  const submitId = await propose(2021);
  const reviewId = await propose(2022);
  await submitProposal(db, { actor, id: reviewId });
  const withdrawId = await propose(2019);
  const file = await attachProposalFile(db, { actor, id: readId, purpose: 'submission_letter', fileName: 'to-trinh.png', content: PNG_BYTES });
  const decision = await createDecision(db, {
    actor,
    input: { number: '01/QĐ-MATRIX', decidedOn: '2024-03-01', issuer: 'Liên minh HTX tỉnh', signerName: 'Nguyễn Văn A', signerPosition: 'Chủ tịch', awardKindCode: 'commendation_alliance', year: 2023, cashPerCollectiveVnd: 1_000_000, cashPerIndividualVnd: 500_000, proposalIds: [], recipients: [{ recipientKind: 'collective', organisationId: orgId }] },
  });
  const fixture = { readId, submitId, reviewId, withdrawId, fileId: file.id, decisionId: decision.id, awardId: decision.recipients[0]!.id, orgId };
  return { ...fixture, ids: [readId, submitId, reviewId, withdrawId, file.id, decision.id, fixture.awardId] };
}

type Who = 'anonymous' | 'alliance_admin' | 'alliance_staff' | 'fund_officer' | 'commune_officer' | 'coop_manager' | 'other_coop_manager' | 'national_viewer' | 'other_tenant_staff';
type Row = { route: string; request: () => InjectOptions; allowed: Who[] };

const STAFF: Who[] = ['alliance_admin', 'alliance_staff'];
// Staff of another alliance pass the role check and act in their own alliance (where this one's ids are not found).
const ANY_STAFF: Who[] = [...STAFF, 'other_tenant_staff'];
const REGISTER_READERS: Who[] = [...ANY_STAFF, 'commune_officer', 'coop_manager', 'other_coop_manager', 'national_viewer'];

/** Every route of awards.routes.ts and award-proposals.routes.ts, with who may pass. */
export function awardRows(fixture: () => AwardFixture): Row[] {
  const proposal = (id: string, action = '') => `/api/award-proposals/${id}${action}`;
  const review = { councilMetOn: '2024-01-10', councilMembers: 'Chủ tịch, các Phó Chủ tịch, Trưởng ban', votesFor: 7, votesAgainst: 0, votesAbstain: 0, councilResult: 'approved' };
  const decision = { number: '02/QĐ-MATRIX', decidedOn: '2024-03-02', issuer: 'Liên minh HTX tỉnh', signerName: 'Nguyễn Văn A', signerPosition: 'Chủ tịch', awardKindCode: 'commendation_alliance', year: 2023, recipients: [{ recipientKind: 'individual', recipientName: 'Trần Thị B' }] };
  return [
    { route: 'GET /api/awards/kinds', request: () => ({ url: '/api/awards/kinds' }), allowed: REGISTER_READERS },
    { route: 'PATCH /api/awards/kinds/:code', request: () => ({ method: 'PATCH', url: '/api/awards/kinds/coopstar', payload: { active: true } }), allowed: ['alliance_admin'] },
    { route: 'GET /api/awards', request: () => ({ url: `/api/awards?q=htx&year=2023` }), allowed: REGISTER_READERS },
    { route: 'GET /api/awards/never-recognised', request: () => ({ url: '/api/awards/never-recognised' }), allowed: ANY_STAFF },
    { route: 'GET /api/awards/report', request: () => ({ url: '/api/awards/report?year=2023' }), allowed: [...ANY_STAFF, 'national_viewer'] },
    { route: 'POST /api/awards/:id/revoke', request: () => ({ method: 'POST', url: `/api/awards/${fixture().awardId}/revoke`, payload: { revokedOn: '2024-06-01', reason: 'Hồ sơ không trung thực', revokeDecisionNumber: '09/QĐ-MATRIX' } }), allowed: STAFF },
    { route: 'GET /api/award-proposals', request: () => ({ url: '/api/award-proposals?state=draft' }), allowed: ANY_STAFF },
    // The organisation is in the body: another alliance's staff get 404 from their own alliance (not a denial).
    { route: 'POST /api/award-proposals', request: () => ({ method: 'POST', url: '/api/award-proposals', payload: { year: 2024, awardKindCode: 'flag_province', recipientKind: 'collective', organisationId: fixture().orgId } }), allowed: ANY_STAFF },
    { route: 'GET /api/award-proposals/:id', request: () => ({ url: proposal(fixture().readId) }), allowed: STAFF },
    { route: 'PATCH /api/award-proposals/:id', request: () => ({ method: 'PATCH', url: proposal(fixture().readId), payload: { achievements: 'Doanh thu tăng 20%.' } }), allowed: STAFF },
    { route: 'POST /api/award-proposals/:id/submit', request: () => ({ method: 'POST', url: proposal(fixture().submitId, '/submit') }), allowed: STAFF },
    { route: 'POST /api/award-proposals/:id/review', request: () => ({ method: 'POST', url: proposal(fixture().reviewId, '/review'), payload: review }), allowed: STAFF },
    { route: 'POST /api/award-proposals/:id/withdraw', request: () => ({ method: 'POST', url: proposal(fixture().withdrawId, '/withdraw') }), allowed: STAFF },
    { route: 'POST /api/award-proposals/:id/files', request: () => ({ method: 'POST', url: proposal(fixture().readId, '/files?purpose=achievement_report'), ...multipartFile('bao-cao.png', PNG_BYTES, 'image/png') }), allowed: STAFF },
    { route: 'GET /api/award-proposals/:id/files/:fileId', request: () => ({ url: proposal(fixture().readId, `/files/${fixture().fileId}`) }), allowed: STAFF },
    { route: 'GET /api/award-decisions', request: () => ({ url: '/api/award-decisions?year=2023' }), allowed: ANY_STAFF },
    { route: 'POST /api/award-decisions', request: () => ({ method: 'POST', url: '/api/award-decisions', payload: decision }), allowed: ANY_STAFF },
    { route: 'GET /api/award-decisions/:id', request: () => ({ url: `/api/award-decisions/${fixture().decisionId}` }), allowed: STAFF },
    { route: 'GET /api/award-decisions/:id/document.docx', request: () => ({ url: `/api/award-decisions/${fixture().decisionId}/document.docx` }), allowed: STAFF },
  ];
}
