/**
 * The report's indicators from accepted annual updates, worked out by hand (year 2026). Due: A, B (HTX), C (THT),
 * D (HTX, nothing filed); E is a credit fund (not due). Accepted: A and C. B is submitted, not verified: it counts
 * nowhere until accepted, and accepting it moves the cached dashboard (decision 005, migration 0011).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { insertOrganisations, threeCommunes } from '../reports/reports.test-support.ts';
import { insertUpdates } from './compliance.test-support.ts';
import { computeUpdateIndicators } from './indicators.ts';

const YEAR = 2026;
let t: TestApp;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const [c1] = await threeCommunes(t.database.db);
  const base = { currentCommuneCode: c1.code, foundedOn: '2015-01-01', registeredDistrict: 'Lạng Giang' };
  ids = await insertOrganisations(t.database.db, TENANT, [
    { key: 'A', ...base },
    { key: 'B', ...base },
    { key: 'C', ...base, kind: 'THT', sectorCode: 'transport' },
    { key: 'D', ...base },
    { key: 'E', ...base, kind: 'QTDND', sectorCode: 'credit_fund' },
  ]);
  const at = `${YEAR}-12-01T08:00:00+07:00`;
  await insertUpdates(t.database.db, TENANT, YEAR, [
    { organisationId: ids.A!, state: 'accepted', firstSubmittedAt: at, values: { revenueVnd: 2_000_000_000, profitBeforeTaxVnd: 100_000_000, averageIncomeVnd: 6_000_000, workers: 10, membersOfficial: 10, membersAssociatedCapital: 2, membersAssociatedNoCapital: 3, membersTotal: 15 } },
    { organisationId: ids.C!, state: 'accepted', firstSubmittedAt: at, values: { revenueVnd: 1_000_000_000, profitBeforeTaxVnd: -50_000_000, averageIncomeVnd: 4_000_000, workers: 5, membersTotal: 8 } },
    { organisationId: ids.B!, state: 'submitted', firstSubmittedAt: at, values: { revenueVnd: 9_000_000_000, profitBeforeTaxVnd: 0, averageIncomeVnd: 1_000_000, workers: 100, membersOfficial: 7, membersTotal: 7 } },
    { organisationId: ids.E!, state: 'accepted', firstSubmittedAt: at, values: { revenueVnd: 5_000_000_000, workers: 50 } },
  ]);
}, 120_000);
afterAll(() => t.close());

const expected = {
  year: YEAR,
  basedOn: { accepted: 2, due: 4 },
  acceptedPercent: 50,
  revenueVnd: '3000000000',
  profitBeforeTaxVnd: '50000000',
  averageRevenueVnd: '1500000000',
  // (6,000,000 × 10 + 4,000,000 × 5) ÷ 15 workers = 5,333,333.3…
  averageIncomeVnd: '5333333',
  workers: 15,
  members: { official: 10, associatedCapital: 2, associatedNoCapital: 3, total: 23 },
};

describe('indicators from accepted updates', () => {
  it('sums and averages the accepted updates of the organisations due, with what they rest on', async () => {
    expect(await computeUpdateIndicators(t.database.db, { kind: 'tenant', tenantId: TENANT }, YEAR)).toEqual(expected);
    const groups = await computeUpdateIndicators(t.database.db, { kind: 'tenant', tenantId: TENANT }, YEAR, { kind: 'THT' });
    expect(groups).toMatchObject({ basedOn: { accepted: 1, due: 1 }, acceptedPercent: 100, revenueVnd: '1000000000', workers: 5 });
    expect(await computeUpdateIndicators(t.database.db, { kind: 'tenant', tenantId: TENANT }, YEAR - 1)).toMatchObject({ basedOn: { accepted: 0, due: 4 }, revenueVnd: '0', averageRevenueVnd: null, averageIncomeVnd: null });
  });

  it('are in the annual report and the staff dashboard, not in the portal; accepting one moves the cached dashboard', async () => {
    const staff = await t.signIn('alliance_staff');
    const report = await t.request({ url: `/api/reports/annual?year=${YEAR}`, cookie: staff.cookie });
    expect(report.json().updates).toEqual(expected);
    const dashboard = await t.request({ url: `/api/reports/dashboard?year=${YEAR}`, cookie: staff.cookie });
    expect(dashboard.json().updates).toEqual(expected);
    const etag = dashboard.headers.etag as string;
    expect((await t.request({ url: `/api/reports/dashboard?year=${YEAR}`, cookie: staff.cookie, headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const portal = await t.request({ url: `/api/public/reports/dashboard?year=${YEAR}&tenant=${TENANT}` });
    expect(portal.statusCode).toBe(200);
    expect(portal.json()).not.toHaveProperty('updates');
    expect(portal.body).not.toContain('3000000000');

    await t.database.db.execute(sql`update annual_updates set state = 'accepted', accepted_at = now() where organisation_id = ${ids.B!} and year = ${YEAR}`);
    const moved = await t.request({ url: `/api/reports/dashboard?year=${YEAR}`, cookie: staff.cookie, headers: { 'if-none-match': etag } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().updates).toMatchObject({ basedOn: { accepted: 3, due: 4 }, acceptedPercent: 75, revenueVnd: '12000000000', workers: 115 });
  });
});
