// The demo's 2024 emulation block: eight cooperatives, a head and a deputy, a signed pact of five criteria, results
// of most members; loaded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { findBlocks } from '../emulation/emulation-blocks.service.ts';
import { getResults } from '../emulation/emulation-results.service.ts';
import { getScoreboard } from '../emulation/emulation-scoreboard.ts';
import { DEMO_BLOCK_NAME, generateDemoEmulation } from './demo.emulation.ts';
import { buildOrganisation } from './factories.ts';
import { seededRandom } from './random.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const sectors = ['agriculture', 'agriculture', 'industry_handicraft', 'trade_services', 'transport', 'fishery', 'construction', 'agriculture', 'trade_services', 'industry_handicraft'] as const;
  for (const [i, sectorCode] of sectors.entries()) {
    const name = i === 0 ? 'Hợp tác xã Bưởi Diễn Tân Yên' : i === 1 ? 'HTX Nấm Linh Chi Đồng Kỳ' : `Hợp tác xã Thử ${i}`;
    await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name, sectorCode, foundedOn: '2018-05-01', registrationNumber: `24070000${String(i).padStart(2, '0')}` }) });
  }
});
afterAll(() => t.close());

describe('demo emulation', () => {
  it('the 2024 block of eight with the seed’s cooperatives at its head, a signed pact of five criteria, results of seven', async () => {
    expect(await generateDemoEmulation(t.database.db, { tenantId: TENANT })).toEqual({ members: 8, results: 6 * 5 + 3 });
    const actor = systemActor(TENANT);
    const { items } = await findBlocks(t.database.db, { actor, year: 2024 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: DEMO_BLOCK_NAME, members: 8, headName: 'Hợp tác xã Bưởi Diễn Tân Yên', deputyName: 'HTX Nấm Linh Chi Đồng Kỳ', pact: { state: 'signed', signedOn: '2024-01-26' } });
    const results = await getResults(t.database.db, { actor, pactId: items[0]!.pact!.id });
    expect(results.criteria.map((c) => c.unit)).toEqual(['%', 'triệu đồng/người/năm', 'thành viên', 'ngày', 'ứng dụng']);
    const reported = results.organisations.map((o) => o.results.filter((r) => r.value !== null).length).sort();
    expect(reported).toEqual([0, 3, 5, 5, 5, 5, 5, 5]);
    const board = await getScoreboard(t.database.db, { actor, pactId: items[0]!.pact!.id });
    expect(board.rows.at(-1)!.total).toBe('0.00');
    expect(Number(board.rows[0]!.total)).toBeGreaterThan(50);
  });

  it('is loaded once, and the same province gives the same results', async () => {
    expect(await generateDemoEmulation(t.database.db, { tenantId: TENANT })).toEqual({ members: 0, results: 0 });
    const actor = systemActor(TENANT);
    const { items } = await findBlocks(t.database.db, { actor, year: 2024 });
    const head = await getResults(t.database.db, { actor, pactId: items[0]!.pact!.id, organisationId: items[0]!.headOrganisationId! });
    // The seeded generator's first draws (seed 2024): the head's results are the same at every load.
    const r = seededRandom(2024);
    const expected = [(r.int(-20, 180) / 10).toFixed(1), String(r.int(42, 96)), String(r.int(0, 14)), String(r.pick([0, 0, 0, 3, 7, 12])), String(r.int(0, 4))];
    expect(head.organisations[0]!.results.map((x) => x.value)).toEqual(expected.map((v) => v.replace(/\.0$/, '')));
  });
});
