/**
 * The national roll-up adds up each alliance's stored part (national-rollup.ts). Here: the sum equals one
 * count over the whole country, every part equals the alliance's own figures, and a change to anything the
 * figures count (organisations, statuses, closed years, sectors, communes) reaches the roll-up at once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../accounts/roles.ts';
import { loadReferenceData } from '../tenants/tenants.service.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { aggregateYear, cubePartKey } from './annual-report.service.ts';
import { VIEWER_RECOMPUTES_UP_TO } from './national-rollup.ts';
import { breakdownsFromCube, unpackCube } from './fact-cube.ts';
import { closeYearForTenant } from './closing.service.ts';
import { findTrend } from './dashboard.service.ts';
import { aggregateFacts, queryRows, reportFacts, type AggregateRow, type Breakdowns, type FactFilters } from './reports.queries.ts';
import { liveTrend, type TrendRow } from './trend.queries.ts';
import { addTestAlliances, edgeCaseSpecs, insertOrganisations, threeCommunes } from './reports.test-support.ts';

let t: TestApp;
let communes: Awaited<ReturnType<typeof threeCommunes>>;
let ids: Record<string, string>;
const national = { kind: 'national' } as const;
const db = () => t.database.db;
const sorted = (rows: AggregateRow[]) => [...rows].sort((a, b) => `${a.dimension}/${a.key}`.localeCompare(`${b.dimension}/${b.key}`));

/** The national breakdowns counted in one pass over the country, without any stored part. */
const counted = (year: number, asOf: string, filters: FactFilters = {}, breakdowns: Breakdowns = 'all') =>
  queryRows<AggregateRow>(db(), aggregateFacts(reportFacts(national, year, asOf, filters), breakdowns));

const CASES: [number, string, FactFilters, Breakdowns][] = [
  [2023, '2023-12-31', {}, 'all'],
  [2023, '2023-06-30', {}, 'all'],
  [2022, '2022-12-31', {}, 'totals'],
  [2023, '2023-12-31', { kind: 'HTX' }, 'all'],
  [2023, '2023-12-31', { sectorGroup: 'agriculture', area: 'Lục Nam' }, 'all'],
];

async function expectRollUpToMatchOneCount() {
  for (const [year, asOf, filters, breakdowns] of CASES) {
    expect(sorted(await aggregateYear(db(), national, year, asOf, filters, breakdowns)), `${asOf} ${JSON.stringify(filters)} ${breakdowns}`).toEqual(sorted(await counted(year, asOf, filters, breakdowns)));
  }
}

const nationalTotal = async (asOf = '2023-12-31') => (await aggregateYear(db(), national, Number(asOf.slice(0, 4)), asOf)).find((r) => r.dimension === 'all')!.counted;
const parts = () => queryRows<{ tenant_id: number; revision: string; n: number }>(db(), sql`select tenant_id, max(revision)::text as revision, count(*)::int as n from report_parts group by tenant_id order by tenant_id`);

beforeAll(async () => {
  t = await createTestApp();
  communes = await threeCommunes(db());
  ids = await insertOrganisations(db(), TENANT, edgeCaseSpecs(communes));
  await insertOrganisations(db(), OTHER_TENANT, [{ key: 'Q', kind: 'LHHTX', sectorCode: 'environment', foundedOn: '2005-05-05', registeredDistrict: 'Ba Vì', currentCommuneCode: null, charterCapitalVnd: '1000000000', membersOfficial: 40, workers: 3 }]);
  // More alliances, the last with nothing to count (its part is the empty one).
  await addTestAlliances(db(), communes, 5);
});
afterAll(() => t.close());

describe('national roll-up from the alliances\' parts', () => {
  it('adds up to one count over the whole country, with filters, as of any date, for the previous year', async () => {
    expect((await parts()).length).toBe(0);
    await expectRollUpToMatchOneCount();
    const stored = await parts();
    expect(stored.length).toBe((await queryRows(db(), sql`select id from alliances`)).length);
    // One part per alliance and date, whatever the filters and breakdowns.
    expect(stored.every((p) => p.n === new Set(CASES.map(([, asOf]) => asOf)).size)).toBe(true);
  });

  it('stores for each alliance exactly its own figures', async () => {
    const [year, asOf] = [2023, '2023-12-31'];
    await aggregateYear(db(), national, year, asOf);
    for (const alliance of await queryRows<{ id: number }>(db(), sql`select id from alliances`)) {
      const [stored] = await queryRows<{ part: unknown }>(db(), sql`select part from report_parts where tenant_id = ${alliance.id} and key = ${cubePartKey(year, asOf)}`);
      for (const filters of [{}, { kind: 'HTX' }, { sectorGroup: 'agriculture', area: 'Lục Nam' }]) {
        const own = await aggregateYear(db(), { kind: 'tenant', tenantId: alliance.id }, year, asOf, filters);
        expect(sorted(breakdownsFromCube([unpackCube(stored!.part)], filters, 'all')), `alliance ${alliance.id} ${JSON.stringify(filters)}`).toEqual(sorted(own));
      }
    }
  });

  it('keeps every part when the reference data is loaded again unchanged (each start)', async () => {
    const before = await parts();
    expect(before.length).toBeGreaterThan(0);
    await loadReferenceData(db());
    expect(await parts()).toEqual(before);
  });

  it('reads a part again when it was stored anew, even at the same revision (by another server)', async () => {
    const total = await nationalTotal();
    const own = (await aggregateYear(db(), { kind: 'tenant', tenantId: OTHER_TENANT }, 2023, '2023-12-31')).find((r) => r.dimension === 'all')!.counted;
    expect(own).toBeGreaterThan(0);
    await db().execute(sql`update report_parts set part = '[]', computed_at = now() + interval '1 second' where tenant_id = ${OTHER_TENANT} and key = ${cubePartKey(2023, '2023-12-31')}`);
    expect(await nationalTotal()).toBe(total - own);
    await db().execute(sql`delete from report_parts where tenant_id = ${OTHER_TENANT}`);
    expect(await nationalTotal()).toBe(total);
  });

  it('recomputes only the part of the alliance that changed', async () => {
    const before = await parts();
    const total = await nationalTotal();
    await insertOrganisations(db(), TENANT, [{ key: 'S', registrationNumber: '9900000001', sectorCode: 'agriculture', foundedOn: '2023-03-03', registeredDistrict: 'Lục Nam', currentCommuneCode: communes[0].code }]);
    const afterChange = await parts();
    expect(afterChange.find((p) => p.tenant_id === TENANT)).toBeUndefined();
    expect(afterChange).toEqual(before.filter((p) => p.tenant_id !== TENANT));
    expect(await nationalTotal()).toBe(total + 1);
    const recomputed = (await parts()).find((p) => p.tenant_id === TENANT)!;
    expect(Number(recomputed.revision)).toBeGreaterThan(Number(before.find((p) => p.tenant_id === TENANT)!.revision));
    await expectRollUpToMatchOneCount();
  });

  it('follows every change to what the figures count', async () => {
    type Probe = { asOf: string; filters?: FactFilters } | null;
    const yearEnd: Probe = { asOf: '2023-12-31' };
    const changes: [string, Probe, () => Promise<unknown>][] = [
      ['an organisation edited', yearEnd, () => db().execute(sql`update organisations set sector_code = 'fishery', registered_district = 'Lục Nam' where id = ${ids.A!}`)],
      ['a status recorded', yearEnd, () => db().execute(sql`insert into organisation_statuses (tenant_id, organisation_id, status, valid_from) values (${TENANT}, ${ids.R!}, 'dissolved', '2023-07-01')`)],
      ['a status taken back', yearEnd, () => db().execute(sql`delete from organisation_statuses where organisation_id = ${ids.R!} and status = 'dissolved'`)],
      ['an organisation deleted', yearEnd, () => db().execute(sql`delete from organisation_statuses where organisation_id = ${ids.O!}`).then(() => db().execute(sql`delete from organisations where id = ${ids.O!}`))],
      // Closing a year freezes the very figures it had: nothing to see changed, only the parts recomputed.
      ['a year closed', null, () => closeYearForTenant(db(), { actor: systemActor(OTHER_TENANT), tenantId: OTHER_TENANT, year: 2023 })],
      // A closed year does not see later edits on 31 December, but 30 June is live.
      ['a closed alliance edited', { asOf: '2023-06-30' }, () => db().execute(sql`update organisations set founded_on = '2023-06-01' where tenant_id = ${OTHER_TENANT}`)],
      ['a frozen fact rewritten', yearEnd, () => db().execute(sql`update report_closure_organisations set status_at = 'suspended' where tenant_id = ${OTHER_TENANT}`)],
      ['a closed year reopened', yearEnd, () => db().execute(sql`delete from report_closure_organisations where tenant_id = ${OTHER_TENANT}`).then(() => db().execute(sql`delete from report_closures where tenant_id = ${OTHER_TENANT}`))],
      ['a commune renamed', yearEnd, () => db().execute(sql`update admin_units set name = 'Xã Đổi Tên' where version = '2025' and code = ${communes[0].code}`)],
      ['a sector moved to another group', { asOf: '2023-12-31', filters: { sectorGroup: 'agriculture' } }, () => db().execute(sql`update sectors set group_key = 'non_agriculture' where code = 'fishery'`)],
    ];
    for (const [what, probe, change] of changes) {
      const look = () => aggregateYear(db(), national, 2023, probe?.asOf ?? '2023-12-31', probe?.filters ?? {});
      const before = sorted(await look());
      await change();
      const after = sorted(await look());
      expect(after, what).toEqual(sorted(await counted(2023, probe?.asOf ?? '2023-12-31', probe?.filters ?? {})));
      if (probe) expect(after, what).not.toEqual(before);
      await expectRollUpToMatchOneCount();
    }
    const communeRow = (await aggregateYear(db(), national, 2023, '2023-12-31')).find((r) => r.dimension === 'commune' && r.key === communes[0].code);
    expect(communeRow?.label).toBe('Xã Đổi Tên');
  });

  it('adds up the ten-year trend the same way', async () => {
    const trend = await findTrend(db(), national, 2024, '2024-12-31', {});
    const live = await queryRows<TrendRow>(db(), liveTrend(national, 2015, 2024, '2024-12-31'));
    expect(trend.map((p) => p.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const p of trend) {
      const rows = live.filter((r) => r.year === p.year);
      expect(p, String(p.year)).toEqual({ year: p.year, total: rows.reduce((s, r) => s + r.total, 0), newlyEstablished: rows.reduce((s, r) => s + r.newly_established, 0), dissolved: rows.reduce((s, r) => s + r.dissolved, 0) });
    }
    const alliances = await queryRows<{ id: number }>(db(), sql`select id from alliances`);
    const own = await Promise.all(alliances.map((a) => findTrend(db(), { kind: 'tenant', tenantId: a.id }, 2024, '2024-12-31', {})));
    expect(trend.map((p, i) => own.reduce((s, o) => s + o[i]!.total, 0))).toEqual(trend.map((p) => p.total));
    await insertOrganisations(db(), OTHER_TENANT, [{ key: 'T', registrationNumber: '9900000002', sectorCode: 'agriculture', foundedOn: '2019-09-09', registeredDistrict: 'Ba Vì', currentCommuneCode: null }]);
    const after = await findTrend(db(), national, 2024, '2024-12-31', {});
    expect(after.map((p) => p.total - trend[after.indexOf(p)]!.total)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('counts over the country at once when more alliances are stale than a viewer would recompute, and stores nothing', async () => {
    await addTestAlliances(db(), communes, VIEWER_RECOMPUTES_UP_TO);
    await db().execute(sql`delete from report_parts`);
    expect(sorted(await aggregateYear(db(), national, 2023, '2023-12-31', { kind: 'HTX' }))).toEqual(sorted(await counted(2023, '2023-12-31', { kind: 'HTX' })));
    const trend = await findTrend(db(), national, 2024, '2024-12-31', {});
    const live = await queryRows<TrendRow>(db(), liveTrend(national, 2015, 2024, '2024-12-31'));
    expect(trend.map((p) => p.total)).toEqual(trend.map((p) => live.filter((r) => r.year === p.year).reduce((s, r) => s + r.total, 0)));
    expect(await parts()).toEqual([]);
  });
});
