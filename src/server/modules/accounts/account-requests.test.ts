/** A cooperative asks for an account; staff approve (an invitation) or refuse with a reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { ACCOUNT_REQUEST_ANSWER } from './account-requests.routes.ts';
import { makeOrganisation, me, sessionCookie, tokenOf } from './accounts.test-support.ts';
import { systemActor } from './roles.ts';

let t: TestApp;
let staff: string;
let otherStaff: string;
let org: { id: string; name: string; registrationNumber: string | null };
const REG = '2400070069';

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  otherStaff = (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
  org = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Vải thiều Thanh Hà', registrationNumber: REG }) });
});
afterAll(() => t.close());

let address = 0;
const ask = (payload: object) => t.request({ method: 'POST', url: '/api/public/account-requests', payload, remoteAddress: `10.5.0.${++address}` });
const requests = async (cookie = staff, state = 'pending') => (await t.request({ url: `/api/account-requests?state=${state}`, cookie })).json().items as Array<Record<string, unknown> & { id: string }>;

describe('asking for an account', () => {
  it('answers the same whether the registration number is in a registry or not', async () => {
    const known = await ask({ registrationNumber: '２４００070069', contactName: 'Nguyễn Văn Hà', phone: '0914 000 111', message: 'Tôi là chủ nhiệm' });
    const unknown = await ask({ registrationNumber: '2499999999', contactName: 'Ai Đó', email: 'ai.do@htx.vn' });
    const unknownInTenant = await ask({ registrationNumber: '2499999998', contactName: 'Người Khác', email: 'nguoi.khac@htx.vn', tenant: TENANT });
    for (const res of [known, unknown, unknownInTenant]) {
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toEqual({ ok: true, message: ACCOUNT_REQUEST_ANSWER });
    }
    const items = await requests();
    const mine = items.find((i) => i.contactName === 'Nguyễn Văn Hà')!;
    expect(mine).toMatchObject({ registrationNumber: REG, organisation: { id: org.id, name: 'HTX Vải thiều Thanh Hà' }, phone: '0914000111', state: 'pending' });
    expect(items.find((i) => i.contactName === 'Người Khác')).toMatchObject({ organisation: null });
    // Without a tenant, an unknown number has no alliance to go to: dropped (the answer was the same).
    expect(items.find((i) => i.contactName === 'Ai Đó')).toBeUndefined();
    expect((await requests(otherStaff)).map((i) => i.id)).not.toContain(mine.id);
  });

  it('needs a contact and says which field is wrong', async () => {
    const none = await ask({ registrationNumber: REG, contactName: 'Không Liên Lạc' });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('email hoặc số điện thoại');
    const noName = await ask({ registrationNumber: REG, contactName: '', phone: '0914000112' });
    expect(noName.json()).toMatchObject({ field: 'contactName', message: expect.stringContaining('Họ tên người liên hệ') });
  });

  it('is rate-limited per client', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.request({ method: 'POST', url: '/api/public/account-requests', payload: { registrationNumber: '1', contactName: 'X', phone: '0914000999' }, remoteAddress: '10.5.9.9' })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('deciding', () => {
  it('approving invites the contact as the manager; the link works and the request is no longer pending', async () => {
    await ask({ registrationNumber: REG, contactName: 'Trần Duyệt', phone: '0914000222' });
    const request = (await requests()).find((i) => i.contactName === 'Trần Duyệt')!;
    expect((await t.request({ method: 'POST', url: `/api/account-requests/${request.id}/approve`, cookie: otherStaff, payload: {} })).statusCode).toBe(404);
    const res = await t.request({ method: 'POST', url: `/api/account-requests/${request.id}/approve`, cookie: staff, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, created: true, emailed: false });
    const set = await t.request({ method: 'POST', url: '/api/auth/set-password', payload: { token: tokenOf(res.json().link), password: 'mat-khau-chu-nhiem' }, remoteAddress: '10.5.1.1' });
    expect(set.statusCode).toBe(200);
    const user = await me(t, sessionCookie(set)!);
    expect(user).toMatchObject({ role: 'coop_manager', organisationId: org.id });
    expect((await requests(staff, 'approved')).find((i) => i.id === request.id)).toBeDefined();
    expect((await t.request({ method: 'POST', url: `/api/account-requests/${request.id}/approve`, cookie: staff, payload: {} })).statusCode).toBe(409);
  });

  it('a request whose number is unknown is approved for an organisation staff choose', async () => {
    const chosen = await makeOrganisation(t.database.db);
    const request = (await requests()).find((i) => i.contactName === 'Người Khác')!;
    const without = await t.request({ method: 'POST', url: `/api/account-requests/${request.id}/approve`, cookie: staff, payload: {} });
    expect(without.json()).toMatchObject({ field: 'organisationId' });
    const res = await t.request({ method: 'POST', url: `/api/account-requests/${request.id}/approve`, cookie: staff, payload: { organisationId: chosen.id } });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refusing needs a reason, which is kept', async () => {
    await ask({ registrationNumber: REG, contactName: 'Lê Từ Chối', email: 'tu.choi@htx.vn' });
    const request = (await requests()).find((i) => i.contactName === 'Lê Từ Chối')!;
    const empty = await t.request({ method: 'POST', url: `/api/account-requests/${request.id}/refuse`, cookie: staff, payload: { reason: ' ' } });
    expect(empty.json()).toMatchObject({ field: 'reason', message: expect.stringContaining('Lý do') });
    const res = await t.request({ method: 'POST', url: `/api/account-requests/${request.id}/refuse`, cookie: staff, payload: { reason: 'Người đề nghị không phải chủ nhiệm HTX' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await requests(staff, 'refused')).find((i) => i.id === request.id)).toMatchObject({ reason: 'Người đề nghị không phải chủ nhiệm HTX' });
    const manager = (await t.signIn('coop_manager', { organisationId: org.id })).cookie;
    expect((await t.request({ url: '/api/account-requests', cookie: manager })).statusCode).toBe(403);
  });
});
