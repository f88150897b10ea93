/**
 * The counting rule on a registry of edge cases, against answers worked out by hand. Organisations (see
 * edgeCaseSpecs): A counted; B founded on 31/12/2023; C dissolved on 01/01/2023; D dissolved after the as-of
 * date; E suspended; F stopped ("Ngừng hoạt động"); G revoked in 2023; H founded in 2024; I registered in an
 * old unit; J founded and dissolved in 2023; K suspended then active again; L dissolving; M converted;
 * N a cooperative group with no area; O with a duplicated status row; P with dissolved_on but no ended status;
 * R with 7,000 billion đồng. Counted at 31/12/2023: A B D E F I K L N O R = 11.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { systemActor } from '../accounts/roles.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { computeAnnualReport, readAnnualReport } from './annual-report.service.ts';
import { buildDashboard, findTrend } from './dashboard.service.ts';
import { queryRows } from './reports.queries.ts';
import { liveTrend, type TrendRow } from './trend.queries.ts';
import { setPlanForTenant } from './plans.service.ts';
import { edgeCaseSpecs, insertOrganisations, threeCommunes } from './reports.test-support.ts';

let t: TestApp;
let communes: Awaited<ReturnType<typeof threeCommunes>>;
let ids: Record<string, string>;
const tenant = { kind: 'tenant', tenantId: TENANT } as const;
const sumUnits = (percents: number[]) => percents.reduce((s, p) => s + Math.round(p * 100), 0);

beforeAll(async () => {
  t = await createTestApp();
  communes = await threeCommunes(t.database.db);
  ids = await insertOrganisations(t.database.db, TENANT, edgeCaseSpecs(communes));
  await insertOrganisations(t.database.db, OTHER_TENANT, [{ key: 'Q', kind: 'LHHTX', sectorCode: 'environment', foundedOn: '2005-05-05', registeredDistrict: 'Ba Vì', currentCommuneCode: null, charterCapitalVnd: '1000000000', membersOfficial: 40, workers: 3 }]);
  const actor = systemActor(TENANT);
  await setPlanForTenant(t.database.db, { actor, tenantId: TENANT, input: { year: 2023, indicator: 'newly_established', target: 4 } });
  await setPlanForTenant(t.database.db, { actor, tenantId: TENANT, input: { year: 2023, indicator: 'newly_established', area: 'Lạng Giang', target: 1 } });
  await setPlanForTenant(t.database.db, { actor, tenantId: TENANT, input: { year: 2023, indicator: 'total', target: 10 } });
});
afterAll(() => t.close());

describe('annual report at 31/12/2023, counted by hand', () => {
  it('counts, new, dissolved, converted, money and people', async () => {
    const r = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    expect(r).toMatchObject({ year: 2023, asOf: '2023-12-31', frozen: false, total: 11, newlyEstablished: 2, dissolved: 3, converted: 1 });
    expect(r.charterCapitalVnd).toBe('7005584567890');
    expect(r.members).toBe(447); // A counts 10 official + 2 + 3 associated
    expect(r.workers).toBe(52);
    expect(r.byStatus).toEqual({ active: 8, suspended: 1, stopped: 1, not_at_address: 0, dissolving: 1 });
    expect(r.active).toBe(8);
    expect(r.suspended).toBe(2);
    expect(r.byKind).toEqual({ HTX: 9, LHHTX: 0, THT: 1, QTDND: 1 });
  });

  it('splits by group, sector, status and kind in shares that add up to exactly 100.00 (largest remainder)', async () => {
    const r = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    expect(r.bySectorGroup.map((g) => [g.group, g.count, g.percent])).toEqual([
      ['agriculture', 6, 54.55],
      ['non_agriculture', 4, 36.36],
      ['credit_fund', 1, 9.09],
    ]);
    // 4/11 = 36.3636…% and seven sectors of 1/11 = 9.0909…%: rounding each gives 99.99, the remainder goes to agriculture.
    expect(r.bySector.find((s) => s.sector === 'agriculture')).toMatchObject({ count: 4, percent: 36.37 });
    expect(r.bySector.filter((s) => s.count === 1).map((s) => s.percent)).toEqual(Array(7).fill(9.09));
    expect(r.statusShares.find((s) => s.status === 'active')?.percent).toBe(72.73);
    expect(r.kindShares.find((k) => k.kind === 'HTX')?.percent).toBe(81.82);
    for (const shares of [r.bySectorGroup, r.bySector, r.statusShares, r.kindShares]) expect(sumUnits(shares.map((s) => s.percent))).toBe(10_000);
  });

  it('groups by the areas as registered and by today\'s communes', async () => {
    const r = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    expect(Object.fromEntries(r.byArea.map((a) => [a.area, [a.count, a.newlyEstablished, a.dissolved]]))).toEqual({
      'Chưa rõ địa bàn': [1, 0, 0],
      'Hiệp Hòa': [0, 0, 1],
      'Lạng Giang': [3, 2, 1],
      'Lục Nam': [2, 0, 0],
      'Tân Yên': [2, 0, 0],
      'Việt Yên': [1, 0, 0],
      'Yên Dũng': [2, 0, 1],
    });
    const [c1, c2, c3] = communes;
    expect(Object.fromEntries(r.byCurrentCommune.map((c) => [c.commune, c.count]))).toEqual({ [c1.name]: 3, [c2.name]: 5, [c3.name]: 2, 'Chưa xác định xã/phường': 1 });
  });

  it('measures against the plan, for the province and for an area', async () => {
    const r = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    expect(r.plan).toEqual({ newlyEstablished: 4, percent: 50 });
    expect(r.plans).toEqual(expect.arrayContaining([
      { indicator: 'newly_established', area: '', target: 4, actual: 2, percent: 50 },
      { indicator: 'newly_established', area: 'Lạng Giang', target: 1, actual: 2, percent: 200 },
      { indicator: 'total', area: '', target: 10, actual: 11, percent: 110 },
    ]));
  });

  it('compares with 31/12/2022', async () => {
    const r = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    // Counted then: A C D E F G I K L M N O R; P had been dissolved (dissolved_on 30/06/2022).
    expect(r.previousYear).toMatchObject({ year: 2022, asOf: '2022-12-31', total: 13, dissolved: 1 });
    expect(r.change?.total).toBe(-2);
  });

  it('writes the paragraph in the alliance\'s register', async () => {
    const r = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    expect(r.narrative).toContain('Năm 2023, toàn tỉnh có 2 HTX thành lập mới (đạt 50% kế hoạch của năm), nâng tổng số HTX trong toàn tỉnh là 11 HTX, trong đó:');
    expect(r.narrative).toContain('Lĩnh vực nông nghiệp, lâm nghiệp, thủy sản là 6 HTX (chiếm 54,55%)');
    expect(r.narrative).toContain('Quỹ tín dụng nhân dân là 1 Quỹ (chiếm 9,09%)');
    expect(r.narrative).toContain('Tổng vốn điều lệ của các HTX là 7.006 tỷ đồng và số thành viên tham gia HTX là 447 người.');
  });
});

describe('figures at other dates', () => {
  it('counts at 30/06/2023 (J still working, L not yet dissolving, M already converted)', async () => {
    const r = await readAnnualReport(t.database.db, { scope: tenant, year: 2023, asOf: '2023-06-30' });
    expect(r).toMatchObject({ asOf: '2023-06-30', total: 12, newlyEstablished: 1, dissolved: 1, converted: 1 });
    expect(r.byStatus).toMatchObject({ active: 10, suspended: 1, stopped: 1, dissolving: 0 });
    expect(r.narrative).toContain('Từ đầu năm 2023 đến ngày 30/06/2023');
  });

  it('does not count an organisation on the day it is dissolved', async () => {
    const before = await readAnnualReport(t.database.db, { scope: tenant, year: 2023, asOf: '2023-11-10' });
    const on = await readAnnualReport(t.database.db, { scope: tenant, year: 2023, asOf: '2023-11-11' });
    expect(before.total - on.total).toBe(1);
    expect(on.dissolved - before.dissolved).toBe(1);
  });

  it('counts an organisation founded on 31 December in that year, and not the day before', async () => {
    const eve = await readAnnualReport(t.database.db, { scope: tenant, year: 2023, asOf: '2023-12-30' });
    expect(eve.total).toBe(10);
    expect(eve.newlyEstablished).toBe(1);
  });

  it('refuses an as-of date outside the year', async () => {
    await expect(readAnnualReport(t.database.db, { scope: tenant, year: 2023, asOf: '2024-01-01' })).rejects.toThrow(/phải thuộc năm 2023/);
  });

  it('rolls up every alliance for the nation, by province', async () => {
    const r = await readAnnualReport(t.database.db, { scope: { kind: 'national' }, year: 2023 });
    expect(r.total).toBe(12);
    expect(r.areaLevel).toBe('province');
    expect(r.byArea.map((a) => [a.area, a.count])).toEqual(expect.arrayContaining([['Liên minh HTX tỉnh Bắc Ninh', 11], ['Liên minh HTX thành phố Hà Nội', 1]]));
    expect(r.byKind.LHHTX).toBe(1);
    expect(r.narrative).toContain('cả nước');
  });
});

describe('duplicates', () => {
  it('counts an organisation with two status rows of the same date once, and refuses a second one with the same number', async () => {
    const before = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    const [a] = await t.database.db.select().from(organisations).where(eq(organisations.id, ids.A!));
    await expect(createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ registrationNumber: a!.registrationNumber, foundedOn: '2016-01-01' }) })).rejects.toThrow(/đã thuộc/);
    const after = await readAnnualReport(t.database.db, { scope: tenant, year: 2023 });
    expect(after.total).toBe(before.total);
  });
});

describe('the ten-year trend', () => {
  it('agrees with the annual report at every year end, for the alliance, with filters, and for the nation', async () => {
    const cases: [string, { kind: 'tenant'; tenantId: number } | { kind: 'national' }, { kind?: string; sectorGroup?: string; area?: string }][] = [
      ['alliance', tenant, {}],
      ['cooperatives only', tenant, { kind: 'HTX' }],
      ['agriculture', tenant, { sectorGroup: 'agriculture' }],
      ['one area', tenant, { area: 'Lạng Giang' }],
      ['nation', { kind: 'national' }, {}],
    ];
    for (const [label, scope, filters] of cases) {
      const trend = await findTrend(t.database.db, scope, 2024, '2024-12-31', filters);
      expect(trend.map((p) => p.year), label).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
      for (const point of trend) {
        const dashboard = await buildDashboard(t.database.db, scope, { year: point.year, ...filters } as Parameters<typeof buildDashboard>[2]);
        expect(point, `${label} ${point.year}`).toEqual({ year: point.year, total: dashboard.headline.total, newlyEstablished: dashboard.headline.newlyEstablished, dissolved: dashboard.headline.dissolved });
      }
      // Both ways of applying the rule give the same rows, alliance by alliance.
      const sorted = (rows: TrendRow[]) => [...rows].sort((a, b) => a.tenant_id - b.tenant_id || a.year - b.year);
      // At a year end, and with the last point within its year (organisations founded after it count nowhere).
      for (const lastAsOf of ['2024-12-31', '2023-06-30']) {
        const last = Number(lastAsOf.slice(0, 4));
        const [byYear, everEnded] = await Promise.all(
          (['year_by_year', 'ever_ended'] as const).map((strategy) => queryRows<TrendRow>(t.database.db, liveTrend(scope, last - 9, last, lastAsOf, filters, strategy))),
        );
        expect(sorted(everEnded!), `${label} ${lastAsOf}`).toEqual(sorted(byYear!));
        expect(byYear!.length, label).toBeGreaterThan(0);
      }
    }
  });

  it('counts by hand at the end of 2022, 2023 and 2024', async () => {
    const trend = await findTrend(t.database.db, tenant, 2024, '2024-12-31', {});
    // 2022: 13 counted (see "compares with 31/12/2022"), P dissolved; 2023: the 11 of the report, B and J new,
    // C, G, J dissolved (M converted is not a dissolution); 2024: H founded, D dissolved in 2024.
    const report2024 = await computeAnnualReport(t.database.db, { scope: tenant, year: 2024, asOf: '2024-12-31' });
    expect(trend.slice(-3)).toEqual([
      { year: 2022, total: 13, newlyEstablished: 0, dissolved: 1 },
      { year: 2023, total: 11, newlyEstablished: 2, dissolved: 3 },
      { year: 2024, total: report2024.total, newlyEstablished: report2024.newlyEstablished, dissolved: report2024.dissolved },
    ]);
    expect(report2024.newlyEstablished).toBe(1);
  });
});

