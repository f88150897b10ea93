import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataVersions } from '../../../db/data-versions.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { sessionOf } from '../accounts/accounts.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { forgetCachedReports, reportCacheStats } from '../reports/report-cache.ts';

// Issue 17: a search answers from memory while nothing it reads has changed, and fifty people asking the same at
// once wait for one search. Exact: every write to the registry moves the data version in its own transaction.
let t: TestApp;
let staff: string;
const TENANT = 1;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  for (const name of ['Hợp tác xã Vải thiều Thanh Hà', 'Hợp tác xã Vải thiều Lục Ngạn', 'Hợp tác xã Chè Tân Cương']) {
    const res = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ name, registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' }) });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

const names = (body: string) => (JSON.parse(body) as { items: { name: string }[] }).items.map((i) => i.name).sort();

describe('registry searches from the data-version cache', () => {
  it('answers a repeated search from memory, the same as counted, and a 304 to its ETag', async () => {
    forgetCachedReports(t.database.db);
    const first = await t.request({ url: '/api/cooperatives?q=vai%20thieu', cookie: staff });
    const second = await t.request({ url: '/api/cooperatives?q=vai%20thieu', cookie: staff });
    expect(first.statusCode, first.body).toBe(200);
    expect(names(first.body)).toEqual(['Hợp tác xã Vải thiều Lục Ngạn', 'Hợp tác xã Vải thiều Thanh Hà']);
    expect(second.body).toBe(first.body);
    expect(reportCacheStats(t.database.db, 'searches')).toMatchObject({ counted: 1, hits: 1 });
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const revalidated = await t.request({ url: '/api/cooperatives?q=vai%20thieu', cookie: staff, headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('counts again after a write: a new organisation is found at once, and the old ETag no longer matches', async () => {
    const before = await t.request({ url: '/api/cooperatives?q=vai%20thieu', cookie: staff });
    const created = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ name: 'Hợp tác xã Vải thiều Tân Yên' }) });
    expect(created.statusCode, created.body).toBe(201);
    const after = await t.request({ url: '/api/cooperatives?q=vai%20thieu', cookie: staff, headers: { 'if-none-match': String(before.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(names(after.body)).toContain('Hợp tác xã Vải thiều Tân Yên');
    expect(after.json().total).toBe(3);
    const renamed = await t.request({ method: 'PATCH', url: `/api/cooperatives/${created.json().id}`, cookie: staff, payload: { version: created.json().version, name: 'Hợp tác xã Nhãn Tân Yên' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const again = await t.request({ url: '/api/cooperatives?q=vai%20thieu', cookie: staff });
    expect(again.json().total).toBe(2);
  });

  it('has the same search at the same moment counted once', async () => {
    forgetCachedReports(t.database.db);
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.request({ url: '/api/cooperatives?q=che%20tan%20cuong', cookie: staff })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const stats = reportCacheStats(t.database.db, 'searches');
    expect(stats.counted).toBe(1);
    expect(stats.shared + stats.hits).toBe(7);
  });

  it('keeps readers apart: a commune officer never gets the alliance staff answer of the same search', async () => {
    const staffAnswer = await t.request({ url: '/api/cooperatives?q=hop%20tac%20xa', cookie: staff });
    expect(staffAnswer.json().total).toBeGreaterThanOrEqual(3);
    const officer = (await t.signIn('commune_officer', { communeCode: '00001' })).cookie;
    const officerAnswer = await t.request({ url: '/api/cooperatives?q=hop%20tac%20xa', cookie: officer });
    expect(officerAnswer.statusCode, officerAnswer.body).toBe(200);
    expect(officerAnswer.json().total).toBe(0);
    // One who may not search is refused, even for a search another reader has in the cache.
    const noCommune = (await t.signIn('commune_officer')).cookie;
    const refused = await t.request({ url: '/api/cooperatives?q=hop%20tac%20xa', cookie: noCommune });
    expect(refused.statusCode).toBe(403);
    const otherAlliance = (await t.signIn('alliance_staff', { tenantId: 2 })).cookie;
    const elsewhere = await t.request({ url: '/api/cooperatives?q=hop%20tac%20xa', cookie: otherAlliance });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().total).toBe(0);
  });

  it('serves the public directory from the same cache, per alliance', async () => {
    forgetCachedReports(t.database.db);
    const first = await t.request({ url: `/api/public/directory?tenant=${TENANT}&q=vai%20thieu` });
    const second = await t.request({ url: `/api/public/directory?tenant=${TENANT}&q=vai%20thieu` });
    expect(first.statusCode, first.body).toBe(200);
    expect(second.body).toBe(first.body);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(reportCacheStats(t.database.db, 'searches')).toMatchObject({ counted: 1, hits: 1 });
    const other = await t.request({ url: '/api/public/directory?tenant=2&q=vai%20thieu' });
    expect(other.json().total).toBe(0);
  });

  it('reads the data versions with the session in one statement when a route asks for them', async () => {
    const token = staff.split('=')[1];
    const { actor, versions } = await sessionOf(t.database.db, token, { withVersions: true });
    expect(actor.kind).toBe('user');
    expect(versions).toEqual(await readDataVersions(t.database.db));
    expect(versions?.get(TENANT)).toMatch(/^\d+$/);
    expect((await sessionOf(t.database.db, token)).versions).toBeUndefined();
    expect((await sessionOf(t.database.db, 'no-such-token', { withVersions: true })).versions).toBeUndefined();
  });
});
