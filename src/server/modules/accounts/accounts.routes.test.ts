import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { createUser } from './accounts.service.ts';

let t: TestApp;
const password = 'mot-mat-khau-dai-du';
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, { email: 'can.bo@lienminh.vn', password, role: 'alliance_staff', tenantId: TENANT });
});
afterAll(() => t.close());

const sessionCookie = (res: { headers: Record<string, unknown> }) => {
  const header = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('coop_session='));
  return header ? String(header) : undefined;
};

describe('accounts', () => {
  it('logs in with JSON and no Origin (a script), setting an httpOnly SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'CAN.BO@lienminh.vn ', password } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'can.bo@lienminh.vn', role: 'alliance_staff', tenantId: TENANT });
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.body).not.toContain('password');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.json().user.email).toBe('can.bo@lienminh.vn');
  });

  it('says with the user what each role may open', async () => {
    const can = async (role: Parameters<TestApp['signIn']>[0]) => (await t.app.inject({ url: '/api/auth/me', headers: { cookie: (await t.signIn(role)).cookie } })).json().user.can;
    expect(await can('alliance_staff')).toMatchObject({ manageRegistry: true, seeReports: true, seeLoans: false, closeYears: false });
    expect(await can('fund_officer')).toMatchObject({ manageRegistry: false, seeLoans: true, seePortfolio: true });
    expect(await can('national_viewer')).toMatchObject({ manageRegistry: false, seeReports: true, seeLoans: false, seePortfolio: true });
    expect(await can('commune_officer')).toMatchObject({ manageRegistry: false, seeReports: false, seeLoans: false, seePortfolio: false });
  });

  it('refuses a wrong password with the same message as an unknown email', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'can.bo@lienminh.vn', password: 'sai-mat-khau-roi' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'khong.co@lienminh.vn', password: 'sai-mat-khau-roi' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('rotates the session on login and invalidates it on logout', async () => {
    const first = sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'can.bo@lienminh.vn', password } }))!.split(';')[0]!;
    const second = sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: first }, payload: { email: 'can.bo@lienminh.vn', password } }))!.split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: first } })).json().user).toBeNull();
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: second } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: second } })).json().user).toBeNull();
    expect((await t.app.inject({ url: '/api/cooperatives', headers: { cookie: second } })).statusCode).toBe(401);
  });

  it('rejects state-changing requests from another origin or a cross-site form (CSRF)', async () => {
    const { cookie } = await t.signIn('alliance_staff');
    const evil = await t.app.inject({ method: 'POST', url: '/api/cooperatives', headers: { cookie, origin: 'https://evil.example', host: 'localhost' }, payload: {} });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().message).toContain('CSRF');
    const form = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
    expect(form.statusCode).toBe(403);
    const crossSite = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json().user).not.toBeNull();
  });

  it('rate-limits login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: 'x@y.vn', password: 'sai-mat-khau-roi' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('sends security headers and publishes the OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const docs = await t.app.inject({ url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining(['/api/cooperatives', '/api/auth/login']));
  });
});
