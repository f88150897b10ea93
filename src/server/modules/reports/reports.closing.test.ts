/**
 * Closing a year freezes its published figures: later corrections, a unit change and a late registration
 * change the live figures only, and the differences name the organisations behind each change.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.sql.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { readAnnualReport } from './annual-report.service.ts';
import { closeYearForTenant } from './closing.service.ts';
import { systemActor } from '../accounts/roles.ts';
import { edgeCaseSpecs, insertOrganisations, threeCommunes } from './reports.test-support.ts';

let t: TestApp;
let admin: string;
let staff: string;
let ids: Record<string, string>;
let communes: Awaited<ReturnType<typeof threeCommunes>>;
let closed: Record<string, unknown>;

async function patch(id: string, changes: Record<string, unknown>) {
  const current = (await t.request({ url: `/api/cooperatives/${id}`, cookie: staff })).json();
  const res = await t.request({ method: 'PATCH', url: `/api/cooperatives/${id}`, cookie: staff, payload: { version: current.version, ...changes } });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('alliance_admin')).cookie;
  staff = (await t.signIn('alliance_staff')).cookie;
  communes = await threeCommunes(t.database.db);
  ids = await insertOrganisations(t.database.db, TENANT, edgeCaseSpecs(communes));
  const res = await t.request({ method: 'POST', url: '/api/reports/plans', cookie: staff, payload: { year: 2023, indicator: 'newly_established', target: 4 } });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

describe('closing a year', () => {
  it('freezes the report and records who closed it', async () => {
    const res = await t.request({ method: 'POST', url: '/api/reports/annual/2023/close', cookie: admin });
    expect(res.statusCode, res.body).toBe(201);
    closed = res.json();
    expect(closed).toMatchObject({ year: 2023, asOf: '2023-12-31', frozen: true, total: 11, newlyEstablished: 2, dissolved: 3, plan: { newlyEstablished: 4, percent: 50 } });
    expect(closed.closedAt).toEqual(expect.any(String));
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'report_year.closed'));
    expect(events).toHaveLength(1);
  });

  it('refuses to close it twice, or a year that has not ended', async () => {
    const again = await t.request({ method: 'POST', url: '/api/reports/annual/2023/close', cookie: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('đã được chốt');
    const future = await t.request({ method: 'POST', url: '/api/reports/annual/2099/close', cookie: admin });
    expect(future.statusCode).toBe(409);
    expect(future.json().message).toContain('chưa kết thúc');
    await expect(closeYearForTenant(t.database.db, { actor: systemActor(TENANT), tenantId: TENANT, year: 2024, today: '2024-12-31' })).rejects.toThrow(/chưa kết thúc/);
  });

  it('keeps the published report when organisations, units and plans change later', async () => {
    await patch(ids.A!, { sectorCode: 'trade_services', registeredDistrict: 'Tân Yên' }); // corrected group and area
    await patch(ids.I!, { currentCommuneCode: communes[2].code }); // its unit changed
    await patch(ids.K!, { status: 'dissolved', statusSince: '2023-10-10', dissolvedOn: '2023-10-10' }); // dissolution reported late
    const late = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ name: 'HTX S đăng ký muộn', sectorCode: 'fishery', foundedOn: '2023-05-05', registeredDistrict: 'Lục Nam' }) });
    expect(late.statusCode, late.body).toBe(201);
    ids.S = late.json().id;
    await t.request({ method: 'POST', url: '/api/reports/plans', cookie: staff, payload: { year: 2023, indicator: 'newly_established', target: 3 } });

    const now = await t.request({ url: '/api/reports/annual?year=2023', cookie: staff });
    expect(now.statusCode).toBe(200);
    expect(now.json()).toEqual(closed);
    const cli = await readAnnualReport(t.database.db, { scope: { kind: 'tenant', tenantId: TENANT }, year: 2023 });
    expect(cli.frozen).toBe(true);
    expect(cli.bySectorGroup).toEqual((closed as { bySectorGroup: unknown }).bySectorGroup);
  });

  it('computes other dates live', async () => {
    const live = (await t.request({ url: '/api/reports/annual?year=2023&asOf=2023-12-30', cookie: staff })).json();
    expect(live.frozen).toBe(false);
    expect(live.newlyEstablished).toBe(2); // J and the late S; B was founded on 31/12
  });

  it('shows live figures beside the frozen ones, with the organisations that explain each difference', async () => {
    const res = await t.request({ url: '/api/reports/annual/2023/differences', cookie: staff });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as { figures: { key: string; frozen: number; live: number; difference: number; organisations: string[] }[]; organisations: { organisationId: string; effect: string; changes: { field: string; frozen: unknown; live: unknown }[] }[] };
    const figure = (key: string) => d.figures.find((f) => f.key === key)!;
    expect(figure('total')).toMatchObject({ frozen: 11, live: 11, difference: 0 });
    expect(figure('total').organisations.sort()).toEqual([ids.K, ids.S].sort());
    expect(figure('newlyEstablished')).toMatchObject({ frozen: 2, live: 3, organisations: [ids.S] });
    expect(figure('dissolved')).toMatchObject({ frozen: 3, live: 4, organisations: [ids.K] });
    expect(figure('sectorGroup:agriculture')).toMatchObject({ frozen: 6, live: 5 });
    expect(figure('sectorGroup:agriculture').organisations.sort()).toEqual([ids.A, ids.K, ids.S].sort());
    expect(figure('area:Lạng Giang')).toMatchObject({ frozen: 3, live: 2, organisations: [ids.A] });
    expect(figure(`commune:${communes[2].name}`).organisations).toContain(ids.I);

    const org = (id: string) => d.organisations.find((o) => o.organisationId === id)!;
    expect(org(ids.A!).effect).toBe('changed');
    expect(org(ids.A!).changes).toEqual(expect.arrayContaining([
      { field: 'sectorGroup', label: expect.any(String), frozen: 'agriculture', live: 'non_agriculture' },
      { field: 'area', label: expect.any(String), frozen: 'Lạng Giang', live: 'Tân Yên' },
    ]));
    expect(org(ids.I!).changes).toEqual([{ field: 'commune', label: expect.any(String), frozen: communes[1].name, live: communes[2].name }]);
    expect(org(ids.K!).effect).toBe('removed');
    expect(org(ids.S!).effect).toBe('added');
    expect(d.organisations.map((o) => o.organisationId)).not.toContain(ids.B);
  });

  it('keeps the dashboard and the national roll-up on the frozen figures of the closed year', async () => {
    const dash = (await t.request({ url: '/api/reports/dashboard?year=2023', cookie: staff })).json();
    expect(dash.headline.total).toBe(11);
    expect(dash.bySectorGroup[0].count).toBe(6);
    expect(dash.trend.at(-1)).toMatchObject({ year: 2023, total: 11, newlyEstablished: 2 });
    const viewer = (await t.signIn('national_viewer')).cookie;
    const national = (await t.request({ url: '/api/reports/annual?year=2023', cookie: viewer })).json();
    expect(national.bySectorGroup[0].count).toBe(6);
  });

  it('says when a year has not been closed', async () => {
    const res = await t.request({ url: '/api/reports/annual/2022/differences', cookie: staff });
    expect(res.statusCode).toBe(404);
  });
});
