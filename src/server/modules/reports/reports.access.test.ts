/** Who may use every report route, role by role, and what the public routes leave out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReportYear, todayIso } from '../../../shared/dates.ts';
import { reportCacheStats } from './report-cache.ts';
import type { Role } from '../accounts/roles.ts';
import { systemActor } from '../accounts/roles.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { closeYearForTenant } from './closing.service.ts';
import { insertOrganisations } from './reports.test-support.ts';

type Who = Role | 'anonymous';
const ROLES: Who[] = ['alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'national_viewer', 'anonymous'];

let t: TestApp;
const cookies = new Map<Who, string | undefined>();

beforeAll(async () => {
  t = await createTestApp();
  const ids = await insertOrganisations(t.database.db, TENANT, [
    { key: 'A', foundedOn: '2015-01-01', representative: 'Nguyễn Văn Riêng', phone: '0912345678', registeredDistrict: 'Lạng Giang' },
    { key: 'B', foundedOn: '2023-04-04', sectorCode: 'transport', registeredDistrict: 'Tân Yên' },
  ]);
  await insertOrganisations(t.database.db, OTHER_TENANT, [{ key: 'Q', foundedOn: '2010-01-01' }]);
  await closeYearForTenant(t.database.db, { actor: systemActor(TENANT), tenantId: TENANT, year: 2023 });
  for (const role of ROLES) {
    if (role === 'anonymous') cookies.set(role, undefined);
    else cookies.set(role, (await t.signIn(role, { communeCode: '07210', organisationId: ids.A })).cookie);
  }
});
afterAll(() => t.close());

const READERS: Record<Who, number> = {
  alliance_admin: 200,
  alliance_staff: 200,
  fund_officer: 200,
  commune_officer: 403,
  coop_manager: 403,
  national_viewer: 200,
  anonymous: 401,
};
const PLANNERS: Record<Who, number> = { ...READERS, fund_officer: 403, national_viewer: 403 };

const READ_ROUTES = [
  '/api/reports/annual?year=2023',
  '/api/reports/annual.xlsx?year=2023',
  '/api/reports/annual.pdf?year=2023',
  '/api/reports/dashboard?year=2023',
  '/api/reports/dashboard/chart.xlsx?year=2023&chart=trend',
];

describe('report routes, role by role', () => {
  for (const url of READ_ROUTES) {
    it.each(ROLES)(`GET ${url} as %s`, async (role) => {
      const res = await t.request({ url, cookie: cookies.get(role) });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(READERS[role]);
    });
  }

  it.each(ROLES)('GET the differences of a closed year as %s', async (role) => {
    const res = await t.request({ url: '/api/reports/annual/2023/differences', cookie: cookies.get(role) });
    // A national viewer must name the alliance: the differences are one alliance's.
    expect(res.statusCode).toBe(role === 'national_viewer' ? 403 : READERS[role]);
    if (role === 'national_viewer') {
      const named = await t.request({ url: `/api/reports/annual/2023/differences?tenant=${TENANT}`, cookie: cookies.get(role) });
      expect(named.statusCode).toBe(200);
    }
  });

  it.each(ROLES)('GET and POST plans as %s', async (role) => {
    const read = await t.request({ url: '/api/reports/plans?year=2024', cookie: cookies.get(role) });
    expect(read.statusCode).toBe(PLANNERS[role]);
    const write = await t.request({ method: 'POST', url: '/api/reports/plans', cookie: cookies.get(role), payload: { year: 2024, indicator: 'newly_established', target: 10 } });
    expect(write.statusCode).toBe(PLANNERS[role]);
  });

  it.each(ROLES.filter((r) => r !== 'alliance_admin'))('POST close as %s is refused', async (role) => {
    const res = await t.request({ method: 'POST', url: '/api/reports/annual/2022/close', cookie: cookies.get(role) });
    expect(res.statusCode).toBe(role === 'anonymous' ? 401 : 403);
  });

  it('POST close as alliance_admin', async () => {
    const res = await t.request({ method: 'POST', url: '/api/reports/annual/2022/close', cookie: cookies.get('alliance_admin') });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('keeps each alliance to its own figures; the national viewer picks one or all', async () => {
    const staff = cookies.get('alliance_staff');
    expect((await t.request({ url: `/api/reports/annual?year=2023&tenant=${OTHER_TENANT}`, cookie: staff })).statusCode).toBe(403);
    expect((await t.request({ url: `/api/reports/annual?year=2023&tenant=${TENANT}`, cookie: staff })).statusCode).toBe(200);
    const viewer = cookies.get('national_viewer');
    const other = (await t.request({ url: `/api/reports/annual?year=2023&tenant=${OTHER_TENANT}`, cookie: viewer })).json();
    expect(other).toMatchObject({ total: 1, scope: { tenantId: OTHER_TENANT } });
    const all = (await t.request({ url: '/api/reports/annual?year=2023', cookie: viewer })).json();
    expect(all).toMatchObject({ total: 3, scope: { tenantId: null } });
    expect((await t.request({ url: '/api/reports/annual?year=2023&tenant=999', cookie: viewer })).statusCode).toBe(404);
  });

  it('rejects bad parameters with a message naming the field', async () => {
    const staff = cookies.get('alliance_staff');
    const res = await t.request({ url: '/api/reports/annual?year=abc', cookie: staff });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('year');
    expect((await t.request({ url: '/api/reports/annual?year=2023&asOf=2022-05-05', cookie: staff })).statusCode).toBe(400);
    const plan = await t.request({ method: 'POST', url: '/api/reports/plans', cookie: staff, payload: { year: 2024, indicator: 'happiness', target: -1 } });
    expect(plan.statusCode).toBe(400);
  });
});

describe('public figures', () => {
  it.each(ROLES)('GET the public annual report and dashboard as %s', async (role) => {
    const annual = await t.request({ url: `/api/public/reports/annual?tenant=${TENANT}&year=2023`, cookie: cookies.get(role) });
    expect(annual.statusCode).toBe(200);
    const dashboard = await t.request({ url: `/api/public/reports/dashboard?tenant=${TENANT}&year=2023`, cookie: cookies.get(role) });
    expect(dashboard.statusCode).toBe(200);
    const chart = await t.request({ url: `/api/public/reports/dashboard/chart.xlsx?tenant=${TENANT}&year=2023&chart=sectorGroups`, cookie: cookies.get(role) });
    expect(chart.statusCode).toBe(200);
  });

  it('gives counts only: no names, people, phone numbers, money or plans', async () => {
    const annual = await t.request({ url: `/api/public/reports/annual?tenant=${TENANT}&year=2023` });
    expect(annual.json()).toMatchObject({ total: 2, newlyEstablished: 1, frozen: true });
    const dashboard = await t.request({ url: `/api/public/reports/dashboard?tenant=${TENANT}&year=2023` });
    for (const body of [annual.body, dashboard.body]) {
      expect(body).not.toMatch(/Nguyễn Văn Riêng|0912345678|HTX A|charterCapitalVnd|narrative/);
    }
    expect(dashboard.json().plans).toEqual([]);
  });

  it("answers the portal's dashboard without a year for the year the portal opens on (in Vietnam), the URL portal.html preloads", async () => {
    const year = defaultReportYear(todayIso(new Date(), 'Asia/Ho_Chi_Minh'));
    const implicit = await t.request({ url: `/api/public/reports/dashboard?tenant=${TENANT}` });
    expect(implicit.statusCode).toBe(200);
    expect(implicit.json().year).toBe(year);
    const explicit = await t.request({ url: `/api/public/reports/dashboard?tenant=${TENANT}&year=${year}` });
    expect(implicit.body).toBe(explicit.body);
  });

  it("answers the portal's dashboard without an alliance for the first one (the one its home shows first), cached like any", async () => {
    const first = Math.min(TENANT, OTHER_TENANT);
    const implicit = await t.request({ url: '/api/public/reports/dashboard?year=2023' });
    expect(implicit.statusCode).toBe(200);
    expect(implicit.json().scope.tenantId).toBe(first);
    expect(implicit.body).toBe((await t.request({ url: `/api/public/reports/dashboard?year=2023&tenant=${first}` })).body);
    const again = await t.request({ url: '/api/public/reports/dashboard?year=2023', headers: { 'if-none-match': String(implicit.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('counts once for requests that arrive together: the others wait for that count', async () => {
    const before = reportCacheStats(t.database.db);
    const url = `/api/public/reports/dashboard?tenant=${TENANT}&year=2021`;
    const answers = await Promise.all([1, 2, 3].map(() => t.request({ url })));
    const after = reportCacheStats(t.database.db);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(after.counted - before.counted).toBe(1);
    expect(after.shared - before.shared).toBe(2);
    await t.request({ url });
    expect(reportCacheStats(t.database.db).hits - after.hits).toBe(1);
  });

  it('asks which alliance when there are several', async () => {
    const res = await t.request({ url: '/api/public/reports/annual?year=2023' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('tenant');
  });
});
