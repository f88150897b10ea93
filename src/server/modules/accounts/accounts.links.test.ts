/** One-time links (invite, reset), the forgotten password, one's own password change. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { FORGOT_ANSWER } from './accounts.routes.ts';
import { createUser, tokenDigest } from './accounts.service.ts';
import { oneTimeTokens, users } from './accounts.sql.ts';
import { auditActions, inviteAndActivate, me, sessionCookie, sessionCount, tokenOf } from './accounts.test-support.ts';

let t: TestApp;
let admin: string;
const password = 'mat-khau-moi-cua-toi';

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('alliance_admin')).cookie;
});
afterAll(() => t.close());

const invite = async (payload: Record<string, unknown>) => {
  const res = await t.request({ method: 'POST', url: '/api/accounts', cookie: admin, payload: { role: 'alliance_staff', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { account: { id: string }; link: string };
};
const describeLink = (token: string) => t.request({ url: `/api/auth/token?token=${encodeURIComponent(token)}`, remoteAddress: '10.3.0.1' });
const setPassword = (token: string, pw: string, remoteAddress = '10.3.0.2') => t.request({ method: 'POST', url: '/api/auth/set-password', payload: { token, password: pw }, remoteAddress });

describe('an invitation link', () => {
  it('says what it is for and whose it is, without a session', async () => {
    const { link } = await invite({ email: 'moi.vao@lienminh.vn', displayName: 'Trần Thu' });
    expect(link).toMatch(/^http:\/\/localhost(:80)?\/account\/set-password\?token=[\w-]{43}$/);
    const res = await describeLink(tokenOf(link));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ purpose: 'invite', state: 'valid', account: { email: 'moi.vao@lienminh.vn', displayName: 'Trần Thu', roleLabel: 'Cán bộ Liên minh', hasPassword: false } });
    expect((await describeLink('x'.repeat(43))).statusCode).toBe(404);
  });

  it('sets a password that follows the rules, logs the user in, and works once', async () => {
    const { link, account } = await invite({ email: 'mot.lan@lienminh.vn' });
    const token = tokenOf(link);
    const short = await setPassword(token, 'ngan');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ field: 'password', message: expect.stringContaining('ít nhất 10') });
    const same = await setPassword(token, 'mot.lan@lienminh.vn');
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toContain('trùng với email');
    // A refused password leaves the link usable.
    const ok = await setPassword(token, password);
    expect(ok.statusCode, ok.body).toBe(200);
    const cookie = sessionCookie(ok)!;
    expect((await me(t, cookie)).id).toBe(account.id);
    const again = await setPassword(token, 'mot-mat-khau-khac-nua');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ field: 'token', message: expect.stringContaining('đã được dùng') });
    expect((await describeLink(token)).json().state).toBe('used');
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { login: 'mot.lan@lienminh.vn', password }, remoteAddress: '10.3.0.3' });
    expect(login.statusCode).toBe(200);
    expect(await auditActions(t.database.db, account.id)).toEqual(expect.arrayContaining(['user.invited', 'user.invitation_accepted', 'user.login']));
  });

  it('expires after 7 days (a reset link after an hour)', async () => {
    const { link } = await invite({ phone: '0911000001' });
    const token = tokenOf(link);
    const [row] = await t.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.id, tokenDigest(token)));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    await t.database.db.update(oneTimeTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(oneTimeTokens.id, tokenDigest(token)));
    expect((await describeLink(token)).json().state).toBe('expired');
    const res = await setPassword(token, password);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('hết hạn');
  });

  it('is replaced by a new one: only the last link handed over works', async () => {
    const { link, account } = await invite({ phone: '0911000002' });
    const resent = await t.request({ method: 'POST', url: `/api/accounts/${account.id}/invitation`, cookie: admin });
    expect(resent.statusCode, resent.body).toBe(200);
    expect((await describeLink(tokenOf(link))).statusCode).toBe(404);
    expect((await setPassword(tokenOf(resent.json().link), password)).statusCode).toBe(200);
  });

  it('of a disabled account does not work', async () => {
    const { link, account } = await invite({ phone: '0911000003' });
    await t.request({ method: 'POST', url: `/api/accounts/${account.id}/disable`, cookie: admin });
    expect((await describeLink(tokenOf(link))).json().state).toBe('disabled');
    expect((await setPassword(tokenOf(link), password)).statusCode).toBe(400);
  });
});

describe('forgotten password', () => {
  it('answers the same whether the account exists, has no email, or not at all', async () => {
    await createUser(t.database.db, { email: 'co.that@lienminh.vn', password, role: 'alliance_staff', tenantId: 24 });
    await createUser(t.database.db, { phone: '0911000009', password, role: 'alliance_staff', tenantId: 24 });
    const answers = [];
    for (const login of ['co.that@lienminh.vn', 'khong.co@lienminh.vn', '0911000009', '0999999999', 'bất kỳ']) {
      const res = await t.request({ method: 'POST', url: '/api/auth/forgot', payload: { login }, remoteAddress: '10.3.1.1' });
      answers.push({ status: res.statusCode, body: res.body });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 200, body: JSON.stringify({ ok: true, message: FORGOT_ANSWER }) });
  });

  it('is rate-limited per client', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.request({ method: 'POST', url: '/api/auth/forgot', payload: { login: 'a@b.vn' }, remoteAddress: '10.3.1.2' })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('without a mail server: the admin makes a reset link (one hour), which ends every session', async () => {
    const { id, cookie } = await inviteAndActivate(t, admin, { role: 'fund_officer', phone: '0911000010' }, password);
    const noReset = await t.request({ method: 'POST', url: `/api/accounts/${(await invite({ phone: '0911000011' })).account.id}/reset-link`, cookie: admin });
    expect(noReset.statusCode).toBe(409);
    const res = await t.request({ method: 'POST', url: `/api/accounts/${id}/reset-link`, cookie: admin });
    expect(res.statusCode, res.body).toBe(200);
    const token = tokenOf(res.json().link);
    const described = (await describeLink(token)).json();
    expect(described).toMatchObject({ purpose: 'reset', state: 'valid', account: { phone: '0911000010', hasPassword: true } });
    expect(new Date(described.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    const set = await setPassword(token, 'mat-khau-sau-khi-quen');
    expect(set.statusCode).toBe(200);
    expect(await me(t, cookie)).toBeNull();
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { login: '+84 911 000 010', password: 'mat-khau-sau-khi-quen' }, remoteAddress: '10.3.1.3' });
    expect(login.statusCode).toBe(200);
    expect(await auditActions(t.database.db, id)).toEqual(expect.arrayContaining(['user.reset_link_made', 'user.password_reset']));
  });
});

describe('changing one’s own password', () => {
  it('needs the current password and the rules; ends the other sessions, keeps this one', async () => {
    const { id, cookie } = await inviteAndActivate(t, admin, { role: 'alliance_staff', email: 'doi.mk@lienminh.vn' }, password);
    const second = sessionCookie(await t.request({ method: 'POST', url: '/api/auth/login', payload: { login: 'doi.mk@lienminh.vn', password }, remoteAddress: '10.3.2.1' }))!;
    expect(await sessionCount(t.database.db, id)).toBe(2);
    const wrong = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { current: 'khong-phai-dau', next: 'mat-khau-moi-hon-nua' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'current' });
    const weak = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { current: password, next: 'doi.mk@lienminh.vn' } });
    expect(weak.json()).toMatchObject({ field: 'next' });
    const ok = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { current: password, next: 'mat-khau-moi-hon-nua' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await me(t, cookie)).not.toBeNull();
    expect(await me(t, second)).toBeNull();
    expect(await sessionCount(t.database.db, id)).toBe(1);
    const [user] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(user!.passwordChangedAt).not.toBeNull();
    expect(await auditActions(t.database.db, id)).toContain('user.password_changed');
    expect((await t.request({ method: 'POST', url: '/api/auth/password', payload: { current: 'a', next: 'b' } })).statusCode).toBe(401);
  });
});
