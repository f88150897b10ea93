// The rows of recommendations, letters, agencies, agencies' answers and letter settings in the authorization matrix
// (src/server/authorization.test.ts), with what they act on: difficulties of the matrix organisation, a draft, a
// forwarded recommendation with its signed scan, an answer with its file. The alliance's staff handle all of it;
// its admin alone saves the letter settings; another alliance's staff pass the role check and find none of these
// ids (404); everyone else is refused. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { recordAgencyAnswer } from './agency-answers.service.ts';
import { createAgency } from './agencies.service.ts';
import { attachAnswerFile, attachRecommendationFile } from './recommendation-files.service.ts';
import { forwardRecommendation } from './recommendation-forwarding.service.ts';
import { createRecommendation } from './recommendations.service.ts';
import { insertDifficulty, PDF, upload } from './recommendations.test-support.ts';

export type RecommendationFixture = {
  agencyId: string;
  /** A difficulty no recommendation holds yet (the create row groups it). */
  freeDifficultyId: string;
  draftId: string;
  /** A draft the forward row forwards. */
  toForwardId: string;
  forwardedId: string;
  /** Forwarded to the agency, for the answer row to settle. */
  toAnswerId: string;
  fileId: string;
  answerId: string;
  answerFileId: string;
  ids: string[];
};

/** What the rows act on, all of the matrix organisation `orgId` (the coop manager's). */
export async function createRecommendationFixture(db: Db, orgId: string): Promise<RecommendationFixture> {
  const actor = systemActor(TENANT);
  const agency = await createAgency(db, { actor, input: { name: 'Sở Tài chính (ma trận quyền)', kind: 'department' } });
  const difficulty = async () => (await insertDifficulty(db, { organisationId: orgId })).id;
  const draft = async () => (await createRecommendation(db, { actor, input: { subject: 'Kiến nghị về vốn', category: 'capital_credit', difficultyIds: [await difficulty()], agencyId: agency.id } })).id;
  const forwarded = async () => {
    const id = await draft();
    await forwardRecommendation(db, { actor, id, input: { agencyId: agency.id, letterDate: '2026-03-05' } });
    return id;
  };
  const freeDifficultyId = await difficulty();
  const draftId = await draft();
  const toForwardId = await draft();
  const forwardedId = await forwarded();
  const toAnswerId = await forwarded();
  const answered = await forwarded();
  const file = await attachRecommendationFile(db, { actor, id: forwardedId, file: { fileName: 'cong-van-da-ky.pdf', content: PDF } });
  const answer = await recordAgencyAnswer(db, { actor, input: { agencyId: agency.id, letterNumber: '1/STC', letterDate: '2026-03-20', receivedOn: '2026-03-23', content: 'Trả lời.', recommendationIds: [answered] } });
  const answerFile = await attachAnswerFile(db, { actor, id: answer.id, file: { fileName: 'tra-loi.pdf', content: PDF } });
  const fixture = { agencyId: agency.id, freeDifficultyId, draftId, toForwardId, forwardedId, toAnswerId, fileId: file.id, answerId: answer.id, answerFileId: answerFile.id };
  return { ...fixture, ids: [agency.id, draftId, toForwardId, forwardedId, toAnswerId, file.id, answer.id, answerFile.id] };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'other_tenant_staff';
type RecommendationRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const STAFF: Who[] = ['alliance_admin', 'alliance_staff'];
// Staff of another alliance pass the role check and act in their own alliance (where these ids are not found).
const ANY_STAFF: Who[] = [...STAFF, 'other_tenant_staff'];

/** Every route of recommendations.routes.ts and agencies.routes.ts, with who may pass. */
export function recommendationRows(fixture: () => RecommendationFixture): RecommendationRow[] {
  const f = fixture;
  const rec = (id: string, rest = '') => `/api/recommendations/${id}${rest}`;
  return [
    { route: 'GET /api/agencies', request: () => ({ url: '/api/agencies?includeInactive=true' }), allowed: ANY_STAFF },
    { route: 'POST /api/agencies', request: () => ({ method: 'POST', url: '/api/agencies', payload: { name: 'Sở Xây dựng (ma trận quyền)', kind: 'department' } }), allowed: ANY_STAFF },
    // The first allowed caller adds the list, the next are told the alliance has one (409): all pass the check.
    { route: 'POST /api/agencies/defaults', request: () => ({ method: 'POST', url: '/api/agencies/defaults' }), allowed: ANY_STAFF },
    { route: 'PATCH /api/agencies/:id', request: () => ({ method: 'PATCH', url: `/api/agencies/${f().agencyId}`, payload: { address: 'Số 1 đường Lý Thái Tổ' } }), allowed: STAFF },
    { route: 'GET /api/recommendations', request: () => ({ url: '/api/recommendations?state=forwarded&overdue=true' }), allowed: ANY_STAFF },
    // The difficulty's id is in the body: another alliance's staff get 404 from their own alliance (not a denial).
    { route: 'POST /api/recommendations', request: () => ({ method: 'POST', url: '/api/recommendations', payload: { subject: 'Kiến nghị mới', category: 'land', difficultyIds: [f().freeDifficultyId] } }), allowed: ANY_STAFF },
    { route: 'GET /api/recommendations/:id', request: () => ({ url: rec(f().draftId) }), allowed: STAFF },
    { route: 'PATCH /api/recommendations/:id', request: () => ({ method: 'PATCH', url: rec(f().draftId), payload: { subject: 'Kiến nghị về vốn lưu động' } }), allowed: STAFF },
    { route: 'POST /api/recommendations/:id/forward', request: () => ({ method: 'POST', url: rec(f().toForwardId, '/forward'), payload: { agencyId: f().agencyId, letterDate: '2026-03-06' } }), allowed: STAFF },
    { route: 'GET /api/recommendations/:id/letter.docx', request: () => ({ url: rec(f().forwardedId, '/letter.docx') }), allowed: STAFF },
    { route: 'POST /api/recommendations/:id/files', request: () => ({ ...upload(rec(f().forwardedId, '/files'), 'ban-ky.pdf', PDF) }), allowed: STAFF },
    { route: 'GET /api/recommendations/:id/files/:fileId', request: () => ({ url: rec(f().forwardedId, `/files/${f().fileId}`) }), allowed: STAFF },
    {
      route: 'POST /api/agency-answers',
      // The ids are in the body: another alliance's staff are told the agency is not theirs (400), not denied.
      request: () => ({ method: 'POST', url: '/api/agency-answers', payload: { agencyId: f().agencyId, letterNumber: '2/STC', letterDate: '2026-03-25', receivedOn: '2026-03-26', content: 'Trả lời.', recommendationIds: [f().toAnswerId] } }),
      allowed: ANY_STAFF,
    },
    { route: 'GET /api/agency-answers/:id', request: () => ({ url: `/api/agency-answers/${f().answerId}` }), allowed: STAFF },
    { route: 'POST /api/agency-answers/:id/files', request: () => ({ ...upload(`/api/agency-answers/${f().answerId}/files`, 'tra-loi.pdf', PDF) }), allowed: STAFF },
    { route: 'GET /api/agency-answers/:id/files/:fileId', request: () => ({ url: `/api/agency-answers/${f().answerId}/files/${f().answerFileId}` }), allowed: STAFF },
    { route: 'GET /api/letter-settings', request: () => ({ url: '/api/letter-settings' }), allowed: ANY_STAFF },
    {
      route: 'PUT /api/letter-settings',
      request: () => ({ method: 'PUT', url: '/api/letter-settings', payload: { governingBody: 'LIÊN MINH HTX VIỆT NAM', issuer: 'LIÊN MINH HTX TỈNH BẮC NINH', symbol: 'LMHTX-VP', place: 'Bắc Ninh' } }),
      allowed: ['alliance_admin'],
    },
  ];
}
