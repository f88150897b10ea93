/**
 * Hostile input on every route: SQL-injection probes in every path parameter and the common query
 * parameters, malformed JSON and oversize bodies. Nothing may answer 500, leak an SQL error or return rows
 * the probe should not reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from './modules/accounts/roles.ts';
import { createOrganisation } from './modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from './modules/demo/factories.ts';
import { createTestApp, TENANT, type TestApp } from '../test/harness.ts';

const PROBES = ["' OR '1'='1", "1; DROP TABLE organisations; --", "1' UNION SELECT email, password_hash FROM users --", '%27%20OR%201%3D1', "\\'; select pg_sleep(5); --", '../../etc/passwd', '${7*7}', '0x7fffffff', '-1', '99999999999999999999'];
const QUERY_PARAMS = ['q', 'page', 'pageSize', 'kind', 'status', 'sectorGroup', 'communeCode', 'district', 'foundedYear', 'year', 'asOf', 'tenant', 'area'];

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = (await t.signIn('alliance_admin')).cookie;
  await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'Hợp tác xã Chè Tân Dĩnh' }) });
});
afterAll(() => t.close());

function leaks(body: string): boolean {
  return /syntax error|pg_|relation "|password_hash|\$argon2|at Object\.|node_modules/i.test(body);
}

describe('hostile input', () => {
  it('SQL-injection probes in path and query parameters of every GET route never break out', async () => {
    const routes = [...new Set(t.app.apiRoutes)].filter((r) => r.startsWith('GET '));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const url = route.slice(4);
      for (const probe of PROBES) {
        const path = url.replace(/:[a-zA-Z]+/g, encodeURIComponent(probe));
        const query = QUERY_PARAMS.map((p) => `${p}=${encodeURIComponent(probe)}`).join('&');
        const res = await t.request({ url: `${path}?${query}`, cookie });
        expect(res.statusCode, `${route} with ${probe}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        expect(leaks(res.body), `${route} leaks internals: ${res.body.slice(0, 200)}`).toBe(false);
      }
    }
  });

  it('every state-changing route refuses a request from another origin (CSRF), before doing anything', async () => {
    const routes = [...new Set(t.app.apiRoutes)].filter((r) => /^(POST|PATCH|PUT|DELETE) /.test(r));
    expect(routes.length).toBeGreaterThan(10);
    const before = (await t.request({ url: '/api/cooperatives', cookie })).json().total;
    for (const route of routes) {
      const [method, url] = route.split(' ') as ['POST' | 'PATCH' | 'PUT' | 'DELETE', string];
      const target = url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const foreign = await t.app.inject({ method, url: target, headers: { cookie, host: 'localhost', origin: 'https://evil.example' }, payload: buildOrganisation() });
      expect(foreign.statusCode, `${route} from another origin`).toBe(403);
      const form = await t.app.inject({ method, url: target, headers: { cookie, host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=x' });
      expect(form.statusCode, `${route} as a cross-site form without Origin`).toBe(403);
    }
    expect((await t.request({ url: '/api/cooperatives', cookie })).json().total).toBe(before);
  });

  it('a search for an injection string finds nothing instead of everything', async () => {
    const res = await t.request({ url: `/api/cooperatives?q=${encodeURIComponent("' OR '1'='1")}`, cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });

  it('malformed JSON, unknown fields and oversize bodies get a clear answer on every POST/PATCH route', async () => {
    const routes = [...new Set(t.app.apiRoutes)].filter((r) => /^(POST|PATCH|PUT) /.test(r));
    for (const route of routes) {
      const [method, url] = route.split(' ') as ['POST' | 'PATCH' | 'PUT', string];
      const target = url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const malformed = await t.request({ method, url: target, cookie, payload: '{"name": ', headers: { 'content-type': 'application/json' } });
      expect(malformed.statusCode, `${route} malformed JSON`).toBeLessThan(500);
      expect(malformed.statusCode, `${route} malformed JSON`).toBeGreaterThanOrEqual(400);
      const huge = await t.request({ method, url: target, cookie, payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
      expect([400, 404, 415], `${route} oversize body`).toContain(huge.statusCode);
      expect(leaks(malformed.body) || leaks(huge.body)).toBe(false);
    }
    const unknown = await t.request({ method: 'POST', url: '/api/cooperatives', cookie, payload: { ...buildOrganisation(), ma_bi_mat: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('ma_bi_mat');
    const malformed = await t.request({ method: 'POST', url: '/api/cooperatives', cookie, payload: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toBe('Nội dung JSON không hợp lệ.');
    const huge = await t.request({ method: 'POST', url: '/api/cooperatives', cookie, payload: JSON.stringify({ ...buildOrganisation(), name: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ error: 'bad_request', field: 'body', message: 'Nội dung gửi lên vượt quá giới hạn 1 MB.' });
  });
});
