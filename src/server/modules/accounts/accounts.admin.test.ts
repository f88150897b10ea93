/** The accounts page's API: list, invite, disable, change role and reach, managers invited from an organisation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { auditActions, communeOf, inviteAndActivate, makeOrganisation, me, sessionCookie, sessionCount, tokenOf } from './accounts.test-support.ts';

let t: TestApp;
let admin: { cookie: string; actor: { kind: string; userId?: string | null } };
let otherAdmin: string;
let staff: string;
let org: { id: string; name: string };
let org2: { id: string; name: string };
let commune: { code: string; name: string };
const password = 'mat-khau-cua-can-bo';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('alliance_admin');
  otherAdmin = (await t.signIn('alliance_admin', { tenantId: OTHER_TENANT })).cookie;
  staff = (await t.signIn('alliance_staff')).cookie;
  org = await makeOrganisation(t.database.db, TENANT, 'HTX Dịch vụ Dĩnh Kế');
  org2 = await makeOrganisation(t.database.db, TENANT, 'HTX Chè Đại Lâm');
  commune = await communeOf(t.database.db);
});
afterAll(() => t.close());

const post = (url: string, payload?: object, cookie = admin.cookie) => t.request({ method: 'POST', url, cookie, payload });
const list = async (cookie = admin.cookie) => (await t.request({ url: '/api/accounts', cookie })).json().items as Array<Record<string, unknown> & { id: string }>;

describe('creating and inviting', () => {
  it('a commune officer by phone: the link once, the account invited, in the list with its commune', async () => {
    const res = await post('/api/accounts', { role: 'commune_officer', phone: '+84 913 000 111', displayName: 'Ngô Văn Xã', communeCode: commune.code });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ emailed: false, account: { phone: '0913000111', role: 'commune_officer', roleLabel: 'Cán bộ cấp xã', state: 'invited', communeName: commune.name } });
    expect(body.link).toContain('/account/set-password?token=');
    const row = (await list()).find((a) => a.id === body.account.id)!;
    expect(row).toMatchObject({ state: 'invited', lastLoginAt: null, communeCode: commune.code });
    expect(JSON.stringify(await list())).not.toContain(tokenOf(body.link));
    expect(await auditActions(t.database.db, body.account.id)).toEqual(['user.invited']);
  });

  it('says what is wrong, by field, in Vietnamese', async () => {
    const cases: Array<[object, string, string]> = [
      [{ role: 'alliance_staff' }, 'email', 'email hoặc số điện thoại'],
      [{ role: 'alliance_staff', phone: '123' }, 'phone', 'Số điện thoại không hợp lệ'],
      [{ role: 'alliance_staff', email: 'khong-phai-email' }, 'email', 'Email không hợp lệ'],
      [{ role: 'coop_manager', email: 'a1@htx.vn' }, 'organisationIds', 'ít nhất một tổ chức'],
      [{ role: 'commune_officer', email: 'a2@htx.vn', communeCode: '99999' }, 'communeCode', 'không thuộc tỉnh'],
      [{ role: 'national_viewer', email: 'a3@htx.vn' }, 'role', 'Vai trò'],
    ];
    for (const [payload, field, words] of cases) {
      const res = await post('/api/accounts', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).toContain(words);
    }
    await post('/api/accounts', { role: 'alliance_staff', email: 'trung@htx.vn' });
    const dup = await post('/api/accounts', { role: 'fund_officer', email: 'TRUNG@htx.vn' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ field: 'email', message: expect.stringContaining('đã có tài khoản') });
  });

  it('a coop manager of two organisations, who then logs in by phone and finds both', async () => {
    const { id, cookie } = await inviteAndActivate(t, admin.cookie, { role: 'coop_manager', phone: '0913000222', organisationIds: [org.id, org2.id] }, password);
    const user = await me(t, cookie);
    expect(user.organisations.map((o: { id: string }) => o.id)).toEqual([org.id, org2.id]);
    const row = (await list()).find((a) => a.id === id)!;
    expect(row.state).toBe('active');
    expect(row.lastLoginAt).not.toBeNull();
    expect((row.organisations as Array<{ name: string }>).map((o) => o.name)).toEqual(['HTX Dịch vụ Dĩnh Kế', 'HTX Chè Đại Lâm']);
  });
});

describe('disabling, enabling, changing role and reach', () => {
  it('disabling ends every session at once and refuses login; enabling lets them back in', async () => {
    const { id, cookie } = await inviteAndActivate(t, admin.cookie, { role: 'alliance_staff', email: 'se.khoa@lienminh.vn' }, password);
    const res = await post(`/api/accounts/${id}/disable`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().account).toMatchObject({ state: 'disabled', can: { enable: true, disable: false } });
    expect(await sessionCount(t.database.db, id)).toBe(0);
    expect(await me(t, cookie)).toBeNull();
    expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: { login: 'se.khoa@lienminh.vn', password }, remoteAddress: '10.4.0.1' })).statusCode).toBe(401);
    expect((await post(`/api/accounts/${id}/enable`)).json().account.state).toBe('active');
    expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: { login: 'se.khoa@lienminh.vn', password }, remoteAddress: '10.4.0.1' })).statusCode).toBe(200);
    expect(await auditActions(t.database.db, id)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('a change of role or reach ends the sessions; a new display name does not', async () => {
    const { id, cookie } = await inviteAndActivate(t, admin.cookie, { role: 'coop_manager', email: 'doi.vai@htx.vn', organisationIds: [org.id] }, password);
    const renamed = await t.request({ method: 'PATCH', url: `/api/accounts/${id}`, cookie: admin.cookie, payload: { displayName: 'Phạm Thị Lan' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await me(t, cookie)).not.toBeNull();
    const widened = await t.request({ method: 'PATCH', url: `/api/accounts/${id}`, cookie: admin.cookie, payload: { organisationIds: [org.id, org2.id] } });
    expect(widened.json().account.organisations).toHaveLength(2);
    expect(await me(t, cookie)).toBeNull();
    const again = sessionCookie(await t.request({ method: 'POST', url: '/api/auth/login', payload: { login: 'doi.vai@htx.vn', password }, remoteAddress: '10.4.0.2' }))!;
    const role = await t.request({ method: 'PATCH', url: `/api/accounts/${id}`, cookie: admin.cookie, payload: { role: 'commune_officer', communeCode: commune.code } });
    expect(role.statusCode, role.body).toBe(200);
    expect(role.json().account).toMatchObject({ role: 'commune_officer', communeCode: commune.code, organisations: [] });
    expect(await me(t, again)).toBeNull();
    expect(await auditActions(t.database.db, id)).toContain('user.updated');
  });

  it('an administrator cannot disable themselves or take away their own role', async () => {
    const self = admin.actor.userId!;
    expect((await post(`/api/accounts/${self}/disable`)).statusCode).toBe(400);
    expect((await t.request({ method: 'PATCH', url: `/api/accounts/${self}`, cookie: admin.cookie, payload: { role: 'alliance_staff' } })).statusCode).toBe(400);
  });
});

describe('alliances and roles', () => {
  it("an administrator of another alliance neither sees nor changes this alliance's accounts", async () => {
    const { account } = (await post('/api/accounts', { role: 'alliance_staff', email: 'chi.o.a@lienminh.vn' })).json();
    expect((await list(otherAdmin)).map((a) => a.id)).not.toContain(account.id);
    for (const [method, url, payload] of [
      ['POST', `/api/accounts/${account.id}/disable`],
      ['POST', `/api/accounts/${account.id}/invitation`],
      ['POST', `/api/accounts/${account.id}/reset-link`],
      ['PATCH', `/api/accounts/${account.id}`, { displayName: 'x' }],
    ] as const) {
      const res = await t.request({ method, url, cookie: otherAdmin, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const orgOfA = await post('/api/accounts', { role: 'coop_manager', email: 'sang.a@htx.vn', organisationIds: [org.id] }, otherAdmin);
    expect(orgOfA.statusCode).toBe(400);
    expect((await list()).find((a) => a.id === account.id)!.state).toBe('invited');
  });

  it('staff may not open the accounts page', async () => {
    expect((await t.request({ url: '/api/accounts', cookie: staff })).statusCode).toBe(403);
    expect((await post('/api/accounts', { role: 'alliance_admin', email: 'tu.phong@htx.vn' }, staff)).statusCode).toBe(403);
  });
});

describe("inviting an organisation's manager (from its page)", () => {
  it('creates a coop manager with a link, by staff too', async () => {
    const res = await post('/api/accounts/manager-invitations', { organisationId: org.id, phone: '0913000333', displayName: 'Chủ nhiệm Kế' }, staff);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ created: true, organisation: { id: org.id, name: 'HTX Dịch vụ Dĩnh Kế' }, account: { phone: '0913000333', state: 'invited' } });
    expect(res.json().link).toContain('/account/set-password?token=');
    expect(await auditActions(t.database.db, res.json().account.id)).toEqual(['user.invited']);
  });

  it('reuses the manager who already has an account: the organisation is added, no new link for an active one', async () => {
    const { id, cookie } = await inviteAndActivate(t, admin.cookie, { role: 'coop_manager', email: 'mot.nguoi@htx.vn', organisationIds: [org.id] }, password);
    const res = await post('/api/accounts/manager-invitations', { organisationId: org2.id, email: 'Mot.Nguoi@htx.vn' }, staff);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: false, link: null, account: { id, state: 'active' } });
    expect((await me(t, cookie)).organisationIds).toEqual([org.id, org2.id]);
    expect(await auditActions(t.database.db, id)).toContain('user.organisation_added');
  });

  it('refuses a login that belongs to another role, and an organisation of another alliance', async () => {
    await post('/api/accounts', { role: 'fund_officer', email: 'can.bo.quy@htx.vn' });
    const res = await post('/api/accounts/manager-invitations', { organisationId: org.id, email: 'can.bo.quy@htx.vn' }, staff);
    expect(res.statusCode).toBe(409);
    const other = await post('/api/accounts/manager-invitations', { organisationId: org.id, email: 'x@htx.vn' }, otherAdmin);
    expect(other.statusCode).toBe(404);
    const manager = (await t.signIn('coop_manager', { organisationId: org.id })).cookie;
    expect((await post('/api/accounts/manager-invitations', { organisationId: org.id, email: 'y@htx.vn' }, manager)).statusCode).toBe(403);
  });
});
