/** Login by email or phone, the manager's organisations, idle and absolute session limits. */
import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { createUser, tokenDigest } from './accounts.service.ts';
import { sessions, userOrganisations, users } from './accounts.sql.ts';
import { makeOrganisation, me, sessionCookie } from './accounts.test-support.ts';
import { normalizePhone, parseLogin } from './identity.ts';

let t: TestApp;
const password = 'mot-mat-khau-dai-du';
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let otherTenantOrg: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  orgA = await makeOrganisation(t.database.db, TENANT, 'HTX Nông nghiệp Đồng Kỳ');
  orgB = await makeOrganisation(t.database.db, TENANT, 'Liên hiệp HTX Cao Xá');
  otherTenantOrg = await makeOrganisation(t.database.db, OTHER_TENANT);
  await createUser(t.database.db, { phone: '+84 912 345 678', password, role: 'alliance_staff', tenantId: TENANT });
  await createUser(t.database.db, { email: 'hai.tai.khoan@htx.vn', phone: '0987 654 321', password, role: 'alliance_staff', tenantId: TENANT });
});
afterAll(() => t.close());

const loginAs = (login: string, pw = password, remoteAddress = '10.2.0.1') =>
  t.request({ method: 'POST', url: '/api/auth/login', payload: { login, password: pw }, remoteAddress });

describe('phone numbers', () => {
  it('are digits with +84 written as 0, and anything else is refused', () => {
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizePhone('0912.345.678')).toBe('0912345678');
    expect(normalizePhone('(024) 3823 1234')).toBe('02438231234');
    expect(normalizePhone('12345')).toBeNull();
    expect(parseLogin(' Ai.Do@HTX.vn ')).toEqual({ email: 'ai.do@htx.vn' });
    expect(parseLogin('abc')).toBeNull();
  });
});

describe('login', () => {
  it('by phone number however it is written, and by email', async () => {
    for (const written of ['0912345678', '+84912345678', '84 912 345 678', '0912-345-678']) {
      const res = await loginAs(written);
      expect(res.statusCode, `${written}: ${res.body}`).toBe(200);
      expect(res.json().user.role).toBe('alliance_staff');
    }
    expect((await loginAs('HAI.TAI.KHOAN@htx.vn')).statusCode).toBe(200);
    expect((await loginAs('0987654321')).statusCode).toBe(200);
  });

  it('still accepts {email, password} from scripts, and asks for a login when neither is sent', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'hai.tai.khoan@htx.vn', password }, remoteAddress: '10.2.0.2' });
    expect(res.statusCode).toBe(200);
    const none = await t.request({ method: 'POST', url: '/api/auth/login', payload: { password }, remoteAddress: '10.2.0.2' });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('Email hoặc số điện thoại');
  });

  it('refuses a disabled account and an invited one with no password yet, as it refuses a wrong password', async () => {
    await createUser(t.database.db, { email: 'se.bi.khoa@htx.vn', password, role: 'alliance_staff', tenantId: TENANT });
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'se.bi.khoa@htx.vn'));
    await t.database.db.insert(users).values({ email: 'chua.dat@htx.vn', role: 'alliance_staff', tenantId: TENANT });
    const wrong = await loginAs('hai.tai.khoan@htx.vn', 'sai-mat-khau-roi', '10.2.0.3');
    for (const res of [await loginAs('se.bi.khoa@htx.vn', password, '10.2.0.3'), await loginAs('chua.dat@htx.vn', '', '10.2.0.3')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe(wrong.json().message);
    }
  });

  it('records each login in the audit trail (the accounts page shows the last one)', async () => {
    const res = await loginAs('0912345678', password, '10.2.0.4');
    const id = res.json().user.id as string;
    const rows = await t.database.exec(`select action from audit_events where entity_type = 'user' and entity_id = '${id}' and action = 'user.login'`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});

describe('sessions end on their own', () => {
  it('after 8 hours without a request', async () => {
    const res = await loginAs('0987654321', password, '10.2.0.5');
    const cookie = sessionCookie(res)!;
    const id = tokenDigest(cookie.split('=')[1]!);
    // Time passing is written straight into the table: the server is told, as it would be by its own requests.
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '7 hours 50 minutes'` }).where(eq(sessions.id, id));
    t.app.forgetSessions();
    expect(await me(t, cookie)).not.toBeNull();
    // The request above moved the last-seen time: the session lives on.
    const [seen] = await t.database.db.select().from(sessions).where(eq(sessions.id, id));
    expect(Date.now() - seen!.lastSeenAt!.getTime()).toBeLessThan(60_000);
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '8 hours 1 minute'` }).where(eq(sessions.id, id));
    t.app.forgetSessions();
    expect(await me(t, cookie)).toBeNull();
    expect((await t.request({ url: '/api/cooperatives', cookie })).statusCode).toBe(401);
  });

  it('3 days after login however busy, and the cookie says so', async () => {
    const res = await loginAs('0987654321', password, '10.2.0.5');
    expect(String(res.headers['set-cookie'])).toMatch(/Max-Age=259200/);
    const cookie = sessionCookie(res)!;
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.id, tokenDigest(cookie.split('=')[1]!)));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(3 * 86_400_000 - 60_000);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThan(3 * 86_400_000 + 60_000);
    await t.database.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, row!.id));
    t.app.forgetSessions();
    expect(await me(t, cookie)).toBeNull();
  });
});

describe("a manager's organisations", () => {
  let cookie: string;
  beforeAll(async () => {
    const [row] = await t.database.db.insert(users).values({ email: 'chu.nhiem@htx.vn', role: 'coop_manager', tenantId: TENANT, organisationId: orgA.id, passwordHash: await hash(password) }).returning();
    await t.database.db.insert(userOrganisations).values([
      { userId: row!.id, tenantId: TENANT, organisationId: orgA.id },
      { userId: row!.id, tenantId: TENANT, organisationId: orgB.id, createdAt: new Date(Date.now() + 1000) },
    ]);
    cookie = sessionCookie(await loginAs('chu.nhiem@htx.vn', password, '10.2.0.6'))!;
  });

  it('are listed with their names, the first chosen by default', async () => {
    const user = await me(t, cookie);
    expect(user.organisations.map((o: { name: string }) => o.name)).toEqual(['HTX Nông nghiệp Đồng Kỳ', 'Liên hiệp HTX Cao Xá']);
    expect(user.organisations[1]).toMatchObject({ id: orgB.id, kind: expect.any(String) });
    expect(user.organisationId).toBe(orgA.id);
    expect(user.organisationIds).toEqual([orgA.id, orgB.id]);
    const list = await t.request({ url: '/api/cooperatives', cookie });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([orgA.id]);
  });

  it('switch explicitly, for this session only; the registry follows the chosen one', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/organisation', cookie, payload: { organisationId: orgB.id } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.organisationId).toBe(orgB.id);
    expect((await me(t, cookie)).organisationId).toBe(orgB.id);
    expect((await t.request({ url: `/api/cooperatives/${orgB.id}`, cookie })).statusCode).toBe(200);
    expect((await t.request({ url: `/api/cooperatives/${orgA.id}`, cookie })).statusCode).toBe(404);
    const other = sessionCookie(await loginAs('chu.nhiem@htx.vn', password, '10.2.0.6'))!;
    expect((await me(t, other)).organisationId).toBe(orgA.id);
  });

  it('never an organisation that is not theirs (403), nor for another role', async () => {
    for (const organisationId of [otherTenantOrg.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await t.request({ method: 'POST', url: '/api/auth/organisation', cookie, payload: { organisationId } });
      expect(res.statusCode).toBe(403);
    }
    const staff = await t.signIn('alliance_staff');
    expect((await t.request({ method: 'POST', url: '/api/auth/organisation', cookie: staff.cookie, payload: { organisationId: orgA.id } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/auth/organisation', payload: { organisationId: orgA.id } })).statusCode).toBe(401);
  });

  it('an organisation taken away is no longer chosen, even by an old session', async () => {
    await t.database.db.delete(userOrganisations).where(eq(userOrganisations.organisationId, orgB.id));
    const user = await me(t, cookie);
    expect(user.organisationIds).toEqual([orgA.id]);
    expect(user.organisationId).toBe(orgA.id);
  });
});
