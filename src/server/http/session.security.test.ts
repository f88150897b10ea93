/**
 * What an independent probe found in the session guard: the default deny read the raw URL while the router
 * decodes it, and a chunked body without Origin passed the CSRF check.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../modules/demo/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});

function postChunked(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    req.end(body.slice(10));
  });
}
afterAll(() => t.close());

const PUBLIC = ['/api/health', '/api/auth/', '/api/reference/', '/api/public/', '/api/docs'];

/** "/api/loans" → "/%61pi/loans": the same route for the router, another string for a prefix test. */
const encoded = (url: string) => url.replace('/api/', '/%61pi/');

describe('default deny', () => {
  it('refuses an anonymous request to every private API route however its path is encoded, before the body is read', async () => {
    const routes = [...new Set(t.app.apiRoutes)].filter((r) => !PUBLIC.some((p) => r.split(' ')[1]!.startsWith(p)));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const [method, url] = route.split(' ') as [string, string];
      const path = url.replace(/:[a-zA-Z]+/g, '1');
      for (const variant of [path, encoded(path), path.replace('/api/', '/api//').replace('//', '/')]) {
        const res = await t.request({
          method: method as 'GET',
          url: variant,
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        expect([401, 404], `${method} ${variant}: ${res.statusCode} ${res.body.slice(0, 120)}`).toContain(res.statusCode);
        if (variant !== path && res.statusCode === 404) continue; // the router did not take this spelling at all
        expect(res.statusCode, `${method} ${variant}`).toBe(401);
      }
    }
  });
});

describe('CSRF guard', () => {
  it('refuses a chunked form body sent without Origin, as it refuses one with a Content-Length', async () => {
    const { cookie } = await t.signIn('alliance_admin');
    for (const headers of [
      { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
    ]) {
      // Over a real socket: an in-process inject always adds a Content-Length.
      const res = await postChunked(`${base}/api/reports/plans`, { ...headers, cookie }, 'year=2024&indicator=newly_established&target=5');
      expect(res.status, res.body).toBe(403);
      expect(res.body).toMatch(/CSRF/);
    }
    const plans = await t.request({ url: '/api/reports/plans?year=2024', cookie });
    expect(plans.json()).not.toContainEqual(expect.objectContaining({ target: 5 }));
  });
});

describe('edges of input', () => {
  it('answers 400 for an as-of date that does not exist, on the registry and the reports', async () => {
    const { cookie } = await t.signIn('alliance_staff');
    for (const url of ['/api/cooperatives/00000000-0000-0000-0000-000000000000?asOf=2023-02-31', '/api/reports/annual?year=2023&asOf=2023-02-31', '/api/reports/annual.xlsx?year=2023&asOf=2023-13-01']) {
      const res = await t.request({ url, cookie });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(/không tồn tại|có dạng/);
    }
  });

  it('answers 400, not 500, to a version number past what the database holds', async () => {
    const { cookie } = await t.signIn('alliance_staff');
    const created = await t.request({ method: 'POST', url: '/api/cooperatives', cookie, payload: buildOrganisation() });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.request({ method: 'PATCH', url: `/api/cooperatives/${created.json().id}`, cookie, payload: { version: 99_999_999_999, name: 'Hợp tác xã Đổi Tên' } });
    expect(res.statusCode, res.body).toBe(400);
    const after = await t.request({ url: `/api/cooperatives/${created.json().id}`, cookie });
    expect(after.json().name).toBe(created.json().name);
  });
});

describe('login', () => {
  it('a failed login sent with a valid session cookie leaves that session alive', async () => {
    const { cookie, email } = await t.signIn('alliance_staff');
    const failed = await t.request({ method: 'POST', url: '/api/auth/login', cookie, payload: { email, password: 'sai mật khẩu' } });
    expect(failed.statusCode).toBe(401);
    const me = await t.request({ url: '/api/auth/me', cookie });
    expect(me.json().user?.email).toBe(email);
  });
});
