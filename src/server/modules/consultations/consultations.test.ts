// Expert consultations through the API: the roster, a manager's request and staff's, the course of a request
// (assign, sessions, outcome, cancel), the cooperative's rating once, who sees what, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { createUpdatingOrganisation } from '../annual-updates/annual-updates.test-support.ts';
import { findAuditEvents } from '../audit/audit.service.ts';
import { todayInVietnam } from '../calendar/working-days.ts';

let t: TestApp;
let org: { id: string; name: string };
let other: { id: string; name: string };
const cookies = { manager: '', otherManager: '', staff: '', otherStaff: '' };
let expertId: string;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  org = await createUpdatingOrganisation(t.database.db, { name: 'Hợp tác xã Vải thiều Tư Vấn' });
  other = await createUpdatingOrganisation(t.database.db, { name: 'Hợp tác xã Cam Người Khác', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
  cookies.manager = (await t.signIn('coop_manager', { organisationId: org.id })).cookie;
  cookies.otherManager = (await t.signIn('coop_manager', { organisationId: other.id })).cookie;
  cookies.staff = (await t.signIn('alliance_staff')).cookie;
  cookies.otherStaff = (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
});
afterAll(() => t.close());

const post = (url: string, cookie: string, payload: object) => t.request({ method: 'POST', url, cookie, payload });
const get = (url: string, cookie: string) => t.request({ url, cookie });

describe('the roster of experts', () => {
  it('staff add, edit and deactivate an expert; each change is audited', async () => {
    const created = await post('/api/experts', cookies.staff, { name: 'TS. Trần Văn Kế Toán', fields: ['accounting', 'business_plan'], organisation: 'Học viện Tài chính', phone: '0912345001', email: 'ke.toan@example.vn' });
    expect(created.statusCode, created.body).toBe(201);
    expertId = created.json().id;
    expect(created.json()).toMatchObject({ name: 'TS. Trần Văn Kế Toán', fields: ['accounting', 'business_plan'], active: true, note: null });
    const edited = await t.request({ method: 'PATCH', url: `/api/experts/${expertId}`, cookie: cookies.staff, payload: { note: 'Nhận tư vấn trực tuyến buổi tối.' } });
    expect(edited.json().note).toBe('Nhận tư vấn trực tuyến buổi tối.');
    const spare = (await post('/api/experts', cookies.staff, { name: 'KS. Ngừng Tham Gia', fields: ['technique'] })).json();
    const off = await t.request({ method: 'PATCH', url: `/api/experts/${spare.id}`, cookie: cookies.staff, payload: { active: false } });
    expect(off.json().active).toBe(false);
    const list = (await get('/api/experts', cookies.staff)).json().items;
    expect(list.map((e: { name: string }) => e.name)).toEqual(['TS. Trần Văn Kế Toán', 'KS. Ngừng Tham Gia']);
    expect((await get('/api/experts?active=true', cookies.staff)).json().items).toHaveLength(1);
    const events = await findAuditEvents(t.database.db, TENANT, 'expert', spare.id);
    expect(events.map((e) => e.action)).toEqual(['expert.deactivated', 'expert.created']);

    // Scheduling with a deactivated expert is refused, naming them.
    const request = (await post('/api/consultations', cookies.manager, { topic: 'technique', description: 'Kỹ thuật ghép cành vải.' })).json();
    const refused = await post(`/api/consultations/${request.id}/schedule`, cookies.staff, { expertId: spare.id, scheduledOn: today, form: 'visit' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('KS. Ngừng Tham Gia');
  });

  it('refuses bad input naming the field in Vietnamese, and is not the managers’ nor another alliance’s', async () => {
    const bad = await post('/api/experts', cookies.staff, { name: 'Không Lĩnh Vực', fields: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Lĩnh vực tư vấn');
    expect((await get('/api/experts', cookies.manager)).statusCode).toBe(403);
    expect((await post('/api/experts', cookies.manager, { name: 'X', fields: ['law'] })).statusCode).toBe(403);
    const foreign = await t.request({ method: 'PATCH', url: `/api/experts/${expertId}`, cookie: cookies.otherStaff, payload: { note: 'x' } });
    expect(foreign.statusCode).toBe(404);
    expect((await get('/api/experts', cookies.otherStaff)).json().items).toEqual([]);
  });
});

describe('a request from ask to rating', () => {
  let id: string;

  it('a manager asks for their organisation (no other); staff must say the channel', async () => {
    const asked = await post('/api/consultations', cookies.manager, { topic: 'accounting', description: 'Cần hướng dẫn mở sổ kế toán.' });
    expect(asked.statusCode, asked.body).toBe(201);
    id = asked.json().id;
    expect(asked.json()).toMatchObject({ organisationId: org.id, state: 'requested', channel: 'online', requestedOn: today, organisation: { name: org.name }, can: { rate: false, schedule: false } });
    const forOther = await post('/api/consultations', cookies.manager, { organisationId: other.id, topic: 'law', description: 'x' });
    expect(forOther.statusCode).toBe(404);
    const noChannel = await post('/api/consultations', cookies.staff, { organisationId: other.id, topic: 'law', description: 'Điều lệ.' });
    expect(noChannel.statusCode).toBe(400);
    expect(noChannel.json().message).toContain('Kênh tiếp nhận');
    const badTopic = await post('/api/consultations', cookies.manager, { topic: 'astrology', description: 'x' });
    expect(badTopic.statusCode).toBe(400);
    expect(badTopic.json().message).toContain('Lĩnh vực cần tư vấn');
    const recorded = await post('/api/consultations', cookies.staff, { organisationId: other.id, topic: 'law', description: 'Sửa đổi điều lệ.', channel: 'conference' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ organisationId: other.id, channel: 'conference', can: { schedule: true, cancel: true, recordSession: false } });
  });

  it('a manager never sees another cooperative’s request: its id answers 404, its list holds only its own', async () => {
    expect((await get(`/api/consultations/${id}`, cookies.otherManager)).statusCode).toBe(404);
    expect((await get(`/api/consultations/${id}`, cookies.otherStaff)).statusCode).toBe(404);
    expect((await post(`/api/consultations/${id}/rating`, cookies.otherManager, { rating: 1 })).statusCode).toBe(404);
    const mine = (await get('/api/consultations', cookies.otherManager)).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i: { organisationId: string }) => i.organisationId === other.id)).toBe(true);
    expect((await get('/api/consultations', cookies.otherStaff)).json().items).toEqual([]);
    expect((await get('/api/consultations/not-a-uuid', cookies.manager)).statusCode).toBe(404);
  });

  it('refuses, in Vietnamese with 409, what the state does not allow', async () => {
    const session = await post(`/api/consultations/${id}/sessions`, cookies.staff, { heldOn: today, form: 'visit', notes: 'x' });
    expect(session.statusCode).toBe(409);
    expect(session.json().message).toBe('Không ghi nhận buổi tư vấn được: chưa phân công chuyên gia và hẹn lịch.');
    const complete = await post(`/api/consultations/${id}/complete`, cookies.staff, { outcome: 'x' });
    expect(complete.statusCode).toBe(409);
    const rate = await post(`/api/consultations/${id}/rating`, cookies.manager, { rating: 5 });
    expect(rate.statusCode).toBe(409);
    expect(rate.json().message).toContain('chỉ đánh giá được khi đã tư vấn xong');
  });

  it('staff assign an expert, record a session and the outcome; the manager sees it all', async () => {
    const scheduled = await post(`/api/consultations/${id}/schedule`, cookies.staff, { expertId, scheduledOn: today, form: 'visit' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ state: 'scheduled', expert: { name: 'TS. Trần Văn Kế Toán' }, form: 'visit', can: { recordSession: true, complete: false } });
    const early = await post(`/api/consultations/${id}/complete`, cookies.staff, { outcome: 'x' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('chưa ghi nhận buổi tư vấn nào');
    const future = await post(`/api/consultations/${id}/sessions`, cookies.staff, { heldOn: '2099-01-01', form: 'visit', notes: 'x' });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('Ngày tư vấn');
    const session = await post(`/api/consultations/${id}/sessions`, cookies.staff, { heldOn: today, form: 'visit', notes: 'Hướng dẫn mở sổ nhật ký chung.' });
    expect(session.json().sessions).toMatchObject([{ heldOn: today, form: 'visit', expertName: 'TS. Trần Văn Kế Toán', notes: 'Hướng dẫn mở sổ nhật ký chung.' }]);
    expect(session.json().can.complete).toBe(true);
    expect((await post(`/api/consultations/${id}/rating`, cookies.staff, { rating: 5 })).statusCode).toBe(403);
    const done = await post(`/api/consultations/${id}/complete`, cookies.staff, { outcome: 'Hợp tác xã tự lập được sổ sách.' });
    expect(done.json()).toMatchObject({ state: 'done', outcome: 'Hợp tác xã tự lập được sổ sách.', can: { schedule: false, cancel: false } });
    const again = await post(`/api/consultations/${id}/schedule`, cookies.staff, { expertId, scheduledOn: today, form: 'online' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Không phân công chuyên gia được: yêu cầu đang ở trạng thái "Đã tư vấn".');
    expect((await post(`/api/consultations/${id}/cancel`, cookies.staff, { reason: 'x' })).statusCode).toBe(409);
    const seen = (await get(`/api/consultations/${id}`, cookies.manager)).json();
    expect(seen).toMatchObject({ state: 'done', outcome: 'Hợp tác xã tự lập được sổ sách.', expert: { name: 'TS. Trần Văn Kế Toán' }, can: { rate: true }, history: [] });
    expect(seen.sessions).toHaveLength(1);
  });

  it('the manager rates it once (1–5); the whole course is in the audit trail', async () => {
    const bad = await post(`/api/consultations/${id}/rating`, cookies.manager, { rating: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Mức đánh giá');
    const rated = await post(`/api/consultations/${id}/rating`, cookies.manager, { rating: 4, comment: 'Chuyên gia nhiệt tình.' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rating: 4, ratingComment: 'Chuyên gia nhiệt tình.', can: { rate: false } });
    const twice = await post(`/api/consultations/${id}/rating`, cookies.manager, { rating: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('đã được đánh giá');
    const history = (await get(`/api/consultations/${id}`, cookies.staff)).json().history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['consultation.rated', 'consultation.completed', 'consultation.session_recorded', 'consultation.scheduled', 'consultation.requested']);
  });

  it('staff cancel an open request with a reason; nothing follows a cancellation', async () => {
    const asked = (await post('/api/consultations', cookies.manager, { topic: 'market', description: 'Tìm đầu ra cho vải sấy.' })).json();
    const noReason = await post(`/api/consultations/${asked.id}/cancel`, cookies.staff, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('Lý do');
    const cancelled = await post(`/api/consultations/${asked.id}/cancel`, cookies.staff, { reason: 'Hợp tác xã đã tự tìm được đối tác.' });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelReason: 'Hợp tác xã đã tự tìm được đối tác.' });
    expect((await post(`/api/consultations/${asked.id}/schedule`, cookies.staff, { expertId, scheduledOn: today, form: 'online' })).statusCode).toBe(409);
    const list = (await get('/api/consultations?state=cancelled', cookies.manager)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([asked.id]);
    expect(list.counts).toMatchObject({ cancelled: 1, done: 1 });
  });
});
