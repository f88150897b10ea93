/**
 * The refresher computes the national roll-up's parts before a viewer asks (rollup-refresher.ts): the default
 * views and every recipe asked for recently, again after each change, and forgets what nobody reads.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { aggregateYear } from './annual-report.service.ts';
import { buildDashboard, findTrend } from './dashboard.service.ts';
import { allianceParts } from './national-rollup.ts';
import { aggregateFacts, queryRows, reportFacts, type AggregateRow } from './reports.queries.ts';
import { parseRecipe, recipeText, type NationalRecipe } from './rollup-recipes.ts';
import { defaultReportYear } from '../../../shared/dates.ts';
import { defaultRecipes, recipePartKey, refreshRollup, startRollupRefresher } from './rollup-refresher.ts';
import { liveTrend, type TrendRow } from './trend.queries.ts';
import { addTestAlliances, edgeCaseSpecs, insertOrganisations, threeCommunes } from './reports.test-support.ts';

let t: TestApp;
let communes: Awaited<ReturnType<typeof threeCommunes>>;
const national = { kind: 'national' } as const;
const db = () => t.database.db;
const TODAY = '2024-05-01';
const yearEnd = (year: number): NationalRecipe => ({ query: 'facts', year, asOf: `${year}-12-31` });
/** The national report of 30 June 2023, and the national trend to 2020 (the facts of 2011 to 2020). */
const ASKED: NationalRecipe[] = [{ query: 'facts', year: 2023, asOf: '2023-06-30' }, ...Array.from({ length: 10 }, (_, i) => yearEnd(2011 + i))];

const defaultKeys = () => defaultRecipes(2024).map(recipePartKey);

type PartRow = { tenant_id: number; key: string; revision: string; computed_at: string };
const storedParts = () => queryRows<PartRow>(db(), sql`select tenant_id, key, revision::text, computed_at::text from report_parts order by tenant_id, key`);
const alliances = async () => (await queryRows<{ id: number }>(db(), sql`select id from alliances order by id`)).map((r) => r.id);
const revisions = async () => new Map((await queryRows<{ tenant_id: number; revision: string }>(db(), sql`select tenant_id, revision::text from report_revisions`)).map((r) => [r.tenant_id, r.revision]));

/** Does every alliance have a part of each key, at its current revision? */
async function expectCurrentParts(keys: string[]) {
  const [parts, current, ids] = await Promise.all([storedParts(), revisions(), alliances()]);
  for (const key of keys) {
    for (const id of ids) {
      const part = parts.find((p) => p.key === key && p.tenant_id === id);
      expect(part?.revision, `alliance ${id}, key ${key.slice(0, 8)}`).toBe(current.get(id) ?? '0');
    }
  }
}

const sorted = (rows: AggregateRow[]) => [...rows].sort((a, b) => `${a.dimension}/${a.key}`.localeCompare(`${b.dimension}/${b.key}`));

beforeAll(async () => {
  t = await createTestApp();
  communes = await threeCommunes(db());
  await insertOrganisations(db(), TENANT, edgeCaseSpecs(communes));
  await insertOrganisations(db(), OTHER_TENANT, [{ key: 'Q', kind: 'LHHTX', sectorCode: 'environment', foundedOn: '2005-05-05', registeredDistrict: 'Ba Vì', currentCommuneCode: null }]);
  await addTestAlliances(db(), communes, 5);
});
afterAll(() => t.close());

describe('national roll-up refresher', () => {
  it('remembers what a national viewer asked for, as a recipe it can read back', async () => {
    await aggregateYear(db(), national, 2023, '2023-06-30', { kind: 'HTX' });
    await findTrend(db(), national, 2020, '2020-12-31', { kind: 'HTX', sector: undefined });
    const stored = (await queryRows<{ recipe: string }>(db(), sql`select recipe from report_recipes`)).map((r) => r.recipe);
    expect(stored.sort()).toEqual(ASKED.map(recipeText).sort());
    expect(stored.map(parseRecipe)).toEqual(stored.map((text) => ASKED.find((r) => recipeText(r) === text)));
    expect(parseRecipe('{"query":"facts","year":2023}')).toBeUndefined();
    expect(parseRecipe('not json')).toBeUndefined();
    // An alliance's own view is not a national recipe.
    await aggregateYear(db(), { kind: 'tenant', tenantId: TENANT }, 2022, '2022-12-31');
    expect((await queryRows(db(), sql`select recipe from report_recipes`)).length).toBe(ASKED.length);
  });

  it('computes the default views and the recipes asked for before anyone asks again', async () => {
    await db().execute(sql`delete from report_parts`);
    const result = await refreshRollup(db(), { today: TODAY });
    // The dashboards of 2024 and 2023: the year ends of 2013 to 2024; asked for: 30 June 2023, 2011 and 2012.
    expect(result).toEqual({ recipes: 12 + 3, recomputed: 15, forgottenRecipes: 0, forgottenParts: 0 });
    await expectCurrentParts([...defaultKeys(), ...ASKED.map(recipePartKey)]);
    // The national dashboard of 2024 then reads stored parts only: nothing is computed or written.
    const before = await storedParts();
    const dashboard = await buildDashboard(db(), national, { year: 2024 });
    // With filters too: the parts hold each alliance's figures in groups of what the filters read.
    const filtered = await buildDashboard(db(), national, { year: 2024, kind: 'HTX', sectorGroup: 'agriculture' });
    expect(await storedParts()).toEqual(before);
    expect(filtered.headline.total).toBeLessThan(dashboard.headline.total);
    // The trend's points from the stored parts equal the trend counted over the country.
    const live = await queryRows<TrendRow>(db(), liveTrend(national, 2015, 2024, '2024-12-31', { kind: 'HTX', sectorGroup: 'agriculture' }));
    expect(filtered.trend.map((p) => p.total)).toEqual(filtered.trend.map((p) => live.filter((r) => r.year === p.year).reduce((s, r) => s + r.total, 0)));
    expect(filtered.trend.map((p) => p.newlyEstablished)).toEqual(filtered.trend.map((p) => live.filter((r) => r.year === p.year).reduce((s, r) => s + r.newly_established, 0)));
    const counted = await queryRows<AggregateRow>(db(), aggregateFacts(reportFacts(national, 2024, '2024-12-31'), 'all'));
    expect(dashboard.headline.total).toBe(counted.find((r) => r.dimension === 'all')!.counted);
  });

  it('after a change recomputes the changed alliance alone, and the figures follow it', async () => {
    const before = await storedParts();
    await insertOrganisations(db(), OTHER_TENANT, [{ key: 'N', registrationNumber: '9900000011', sectorCode: 'agriculture', foundedOn: '2023-02-02', registeredDistrict: 'Ba Vì', currentCommuneCode: null }]);
    expect((await storedParts()).some((p) => p.tenant_id === OTHER_TENANT)).toBe(false);
    expect((await refreshRollup(db(), { today: TODAY })).recomputed).toBe(15);
    await expectCurrentParts([...defaultKeys(), ...ASKED.map(recipePartKey)]);
    const after = await storedParts();
    expect((await refreshRollup(db(), { today: TODAY })).recomputed).toBe(0);
    expect(await storedParts()).toEqual(after);
    expect(after.filter((p) => p.tenant_id !== OTHER_TENANT)).toEqual(before.filter((p) => p.tenant_id !== OTHER_TENANT));
    const rollUp = await aggregateYear(db(), national, 2023, '2023-12-31');
    expect(await storedParts()).toEqual(after);
    expect(sorted(rollUp)).toEqual(sorted(await queryRows<AggregateRow>(db(), aggregateFacts(reportFacts(national, 2023, '2023-12-31'), 'all'))));
  });

  it('forgets recipes not asked for in 30 days, and parts no recipe reads', async () => {
    const asked = (await queryRows(db(), sql`update report_recipes set last_used_at = now() - interval '31 days' returning 1`)).length;
    // Asked for so far: 30 June 2023, and the year ends of 2011 to 2024 (the 2024 dashboards).
    expect(asked).toBe(15);
    await db().execute(sql`insert into report_parts (tenant_id, key, revision, part, computed_at) values (${TENANT}, 'a former release', 0, '[]', now() - interval '1 day')`);
    const result = await refreshRollup(db(), { today: TODAY });
    // The default views stay; 30 June 2023, 2011 and 2012 go with their parts, and the former release's part.
    expect(result).toEqual({ recipes: 12, recomputed: 0, forgottenRecipes: asked, forgottenParts: 3 * (await alliances()).length + 1 });
    expect(await queryRows(db(), sql`select recipe from report_recipes`)).toEqual([]);
    expect(new Set((await storedParts()).map((p) => p.key))).toEqual(new Set(defaultKeys()));
  });

  it('runs in the server: refreshes at start and after each change', async () => {
    const log = { info: vi.fn(), warn: vi.fn() };
    await db().execute(sql`delete from report_parts`);
    // No rest after a refresh: the test waits for the next one, whatever this machine's speed.
    const refresher = startRollupRefresher(db(), { intervalMs: 20, restFactor: 0, log });
    try {
      const keys = defaultRecipes(defaultReportYear()).map(recipePartKey);
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(1), { timeout: 20_000, interval: 20 });
      await expectCurrentParts(keys);
      await insertOrganisations(db(), TENANT, [{ key: 'M', registrationNumber: '9900000012', sectorCode: 'agriculture', foundedOn: '2021-02-02', registeredDistrict: 'Lục Nam', currentCommuneCode: null }]);
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(2), { timeout: 20_000, interval: 20 });
      await expectCurrentParts(keys);
      expect(log.warn).not.toHaveBeenCalled();
    } finally {
      await refresher.stop();
    }
  });

  it('computes the parts once when a viewer asks while they are being computed', async () => {
    let computed = 0;
    const source = {
      key: 'computed once',
      oneAlliance: async (id: number) => {
        computed += 1;
        return id * 10;
      },
    };
    const [first, second] = await Promise.all([allianceParts(db(), source), allianceParts(db(), source)]);
    expect(computed).toBe((await alliances()).length);
    expect([...second]).toEqual([...first]);
    expect([...first.values()].reduce((a, b) => a + b, 0)).toBe((await alliances()).reduce((a, b) => a + b * 10, 0));
  });
});
