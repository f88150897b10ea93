// Expert consultations' rows of the authorization matrix (src/server/authorization.test.ts), with the expert and
// the requests they act on (of the matrix organisation, the coop manager's). The roster, assigning, sessions,
// outcome, cancelling and the report are the alliance staff's; asking and reading are also the managers' (their
// own organisations'); rating is the manager's alone; another's ids answer 404. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { todayInVietnam } from '../calendar/working-days.ts';
import { recordSession } from './consultations.service.ts';
import { createTestConsultation, createTestExpert } from './consultations.test-support.ts';

export type ConsultationFixture = { expertId: string; readId: string; scheduleId: string; sessionId: string; completeId: string; cancelId: string; rateId: string; ids: string[] };

/** An expert and one request per row that changes one, all of the matrix organisation `orgId`. */
export async function createConsultationFixture(db: Db, orgId: string): Promise<ConsultationFixture> {
  const expert = await createTestExpert(db, TENANT, 'ThS. Ma Trận');
  const make = (until: 'requested' | 'scheduled' | 'done') => createTestConsultation(db, { tenantId: TENANT, organisationId: orgId, expertId: expert.id, until }).then((r) => r.id);
  const fixture = {
    expertId: expert.id,
    readId: await make('requested'),
    scheduleId: await make('requested'),
    sessionId: await make('scheduled'),
    completeId: await make('scheduled'),
    cancelId: await make('requested'),
    rateId: await make('done'),
  };
  // A session on the one to complete, so that the first allowed staff member completes it (the next gets 409).
  await recordSession(db, { actor: systemActor(TENANT), id: fixture.completeId, heldOn: todayInVietnam(), form: 'online', notes: 'Buổi trực tuyến.' });
  return { ...fixture, ids: [expert.id, fixture.readId, fixture.scheduleId, fixture.sessionId, fixture.completeId, fixture.cancelId, fixture.rateId] };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'coop_manager' | 'other_coop_manager' | 'other_tenant_staff';
type ConsultationRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const STAFF: Who[] = ['alliance_admin', 'alliance_staff'];
// Staff of another alliance pass the role check and act in their own alliance (empty lists, their own experts).
const ANY_STAFF: Who[] = [...STAFF, 'other_tenant_staff'];
const ASKERS: Who[] = [...ANY_STAFF, 'coop_manager', 'other_coop_manager'];

/** Every route of consultations.routes.ts, with who may pass. */
export function consultationRows(fixture: () => ConsultationFixture): ConsultationRow[] {
  const one = (id: string, action = '') => `/api/consultations/${id}${action}`;
  return [
    { route: 'GET /api/experts', request: () => ({ url: '/api/experts' }), allowed: ANY_STAFF },
    { route: 'POST /api/experts', request: () => ({ method: 'POST', url: '/api/experts', payload: { name: 'CN. Lê Thị Bảng', fields: ['law'] } }), allowed: ANY_STAFF },
    { route: 'PATCH /api/experts/:id', request: () => ({ method: 'PATCH', url: `/api/experts/${fixture().expertId}`, payload: { note: 'Nhận tư vấn thứ Bảy.' } }), allowed: STAFF },
    // Without an organisation a manager asks for its own; staff are told to choose one (400): both pass the check.
    { route: 'POST /api/consultations', request: () => ({ method: 'POST', url: '/api/consultations', payload: { topic: 'law', description: 'Hỏi về sửa đổi điều lệ.' } }), allowed: ASKERS },
    { route: 'GET /api/consultations', request: () => ({ url: '/api/consultations' }), allowed: ASKERS },
    { route: 'GET /api/consultations/:id', request: () => ({ url: one(fixture().readId) }), allowed: [...STAFF, 'coop_manager'] },
    { route: 'POST /api/consultations/:id/schedule', request: () => ({ method: 'POST', url: one(fixture().scheduleId, '/schedule'), payload: { expertId: fixture().expertId, scheduledOn: '2099-01-05', form: 'online' } }), allowed: STAFF },
    { route: 'POST /api/consultations/:id/sessions', request: () => ({ method: 'POST', url: one(fixture().sessionId, '/sessions'), payload: { heldOn: '2000-01-03', form: 'visit', notes: 'Ngày trước khi đề nghị: 400.' } }), allowed: STAFF },
    { route: 'POST /api/consultations/:id/complete', request: () => ({ method: 'POST', url: one(fixture().completeId, '/complete'), payload: { outcome: 'Đã lập phương án kinh doanh.' } }), allowed: STAFF },
    { route: 'POST /api/consultations/:id/cancel', request: () => ({ method: 'POST', url: one(fixture().cancelId, '/cancel'), payload: { reason: 'Hợp tác xã xin rút đề nghị.' } }), allowed: STAFF },
    { route: 'POST /api/consultations/:id/rating', request: () => ({ method: 'POST', url: one(fixture().rateId, '/rating'), payload: { rating: 5, comment: 'Rất hữu ích.' } }), allowed: ['coop_manager'] },
    { route: 'GET /api/reports/consultations', request: () => ({ url: '/api/reports/consultations?year=2026' }), allowed: ANY_STAFF },
  ];
}
