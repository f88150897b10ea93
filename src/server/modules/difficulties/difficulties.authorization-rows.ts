// Difficulties' rows of the authorization matrix (src/server/authorization.test.ts), with the difficulties they act
// on (of the matrix organisation, the coop manager's, in the commune officer's commune). Raising is the staff's and
// the managers' (their own organisations); reading also the commune officer's; handling the staff's alone;
// another's ids answer 404. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { attachDifficultyFile } from './difficulties.handling.ts';
import { raiseDifficulties } from './difficulties.raise.ts';

export type DifficultyFixture = { readId: string; triageId: string; answerId: string; closeId: string; fileId: string; updateId: string | null; ids: string[] };

/** A tiny real PNG (the 8-byte signature, then a header chunk): what a phone's photo starts with. */
export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A multipart/form-data body with one file in the field "file". */
export function multipartFile(fileName: string, content: Buffer, contentType = 'application/octet-stream'): Pick<InjectOptions, 'headers' | 'payload'> {
  const boundary = `----coop${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([head, content, tail]) };
}

/** One difficulty per row that changes one, all of the matrix organisation `orgId`, and a file on the one read. */
export async function createDifficultyFixture(db: Db, orgId: string, updateId: string | null = null): Promise<DifficultyFixture> {
  const actor = systemActor(TENANT);
  const raise = async (title: string) =>
    (await raiseDifficulties(db, { actor, input: { organisationIds: [orgId], channel: 'conference', category: 'capital_credit', title, description: 'Thiếu vốn lưu động cho vụ mới.', publicConsent: 'anonymous' } })).items[0]!.id;
  const readId = await raise('Đọc');
  const file = await attachDifficultyFile(db, { actor, id: readId, fileName: 'anh-hien-truong.png', content: PNG_BYTES });
  const fixture = { readId, triageId: await raise('Phân loại'), answerId: await raise('Trả lời'), closeId: await raise('Kết thúc'), fileId: file.id, updateId };
  return { ...fixture, ids: [fixture.readId, fixture.triageId, fixture.answerId, fixture.closeId, fixture.fileId] };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'commune_officer' | 'coop_manager' | 'other_coop_manager' | 'other_tenant_staff';
type DifficultyRowSpec = { route: string; request: () => InjectOptions; allowed: Who[] };

const STAFF: Who[] = ['alliance_admin', 'alliance_staff'];
// Staff of another alliance pass the role check and act in their own alliance (where this one's ids are not found).
const ANY_STAFF: Who[] = [...STAFF, 'other_tenant_staff'];
const RAISERS: Who[] = [...ANY_STAFF, 'coop_manager', 'other_coop_manager'];
const READERS: Who[] = [...STAFF, 'commune_officer', 'coop_manager'];

/** Every route of difficulties.routes.ts, with who may pass. */
export function difficultyRows(fixture: () => DifficultyFixture): DifficultyRowSpec[] {
  const one = (id: string, action = '') => `/api/difficulties/${id}${action}`;
  return [
    // Without an organisation a manager raises for its own; staff are told to choose (400): both pass the check.
    { route: 'POST /api/difficulties', request: () => ({ method: 'POST', url: '/api/difficulties', payload: { category: 'market', title: 'Khó tiêu thụ', description: 'Giá bưởi xuống thấp.', publicConsent: 'no' } }), allowed: RAISERS },
    // The update's id is in the body: another alliance's staff get 404 from their own alliance (not a denial).
    { route: 'POST /api/difficulties/from-update', request: () => ({ method: 'POST', url: '/api/difficulties/from-update', payload: { updateId: fixture().updateId ?? '00000000-0000-4000-8000-000000000000' } }), allowed: ANY_STAFF },
    { route: 'GET /api/difficulties', request: () => ({ url: '/api/difficulties?overdue=true&q=von' }), allowed: [...RAISERS, 'commune_officer'] },
    { route: 'GET /api/difficulties/:id', request: () => ({ url: one(fixture().readId) }), allowed: READERS },
    { route: 'PATCH /api/difficulties/:id', request: () => ({ method: 'PATCH', url: one(fixture().triageId), payload: { unitInCharge: 'Ban Hỗ trợ' } }), allowed: STAFF },
    { route: 'POST /api/difficulties/:id/answer', request: () => ({ method: 'POST', url: one(fixture().answerId, '/answer'), payload: { answer: 'Liên minh hướng dẫn hồ sơ vay Quỹ hỗ trợ.' } }), allowed: STAFF },
    { route: 'POST /api/difficulties/:id/close', request: () => ({ method: 'POST', url: one(fixture().closeId, '/close'), payload: { outcome: 'resolved' } }), allowed: STAFF },
    { route: 'POST /api/difficulties/:id/files', request: () => ({ method: 'POST', url: one(fixture().readId, '/files'), ...multipartFile('anh.png', PNG_BYTES, 'image/png') }), allowed: [...STAFF, 'coop_manager'] },
    { route: 'GET /api/difficulties/:id/files/:fileId', request: () => ({ url: one(fixture().readId, `/files/${fixture().fileId}`) }), allowed: READERS },
  ];
}
