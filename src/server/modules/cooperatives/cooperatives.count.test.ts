// Issue 17: counts stop at 1,000 (a lower bound beyond, said so by `totalIsLowerBound`), and a page in name
// order comes from the index (tenant_id, name_order, id) in exactly the order of a sort of every match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { bulkInsertOrganisations } from './cooperatives.bulk.ts';
import { EXACT_COUNT_LIMIT } from './cooperatives.search.ts';

// 1,150 organisations: 1,040 "Chè" (more than the exact count), 110 "Mây tre" (fewer), names repeated so that
// ties are broken by id.
const TEA = 1_040;
const BAMBOO = 110;

type Listing = { items: { id: string; name: string }[]; total: number; totalIsLowerBound: boolean };

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  const rows = Array.from({ length: TEA + BAMBOO }, (_, i) =>
    buildOrganisation({
      name: i < TEA ? `Hợp tác xã Chè ${['Đồng', 'Dĩnh', 'Ấp', 'An'][i % 4]} ${i % 300}` : `Hợp tác xã Mây tre ${i % 50}`,
      registrationNumber: null,
      registeredCommune: 'Xã Tân Dĩnh',
      registeredDistrict: 'Lạng Giang',
    }),
  );
  await t.database.db.transaction((tx) => bulkInsertOrganisations(tx, { actor: systemActor(TENANT), tenantId: TENANT, rows }));
}, 180_000);
afterAll(() => t.close());

async function list(query: Record<string, string | number>, url = '/api/cooperatives'): Promise<Listing> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await t.request({ method: 'GET', url: `${url}?${qs}`, cookie: url.startsWith('/api/public') ? undefined : staff });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('registry counts (issue 17)', () => {
  it('counts a search of at most 1,000 matches exactly', async () => {
    const bamboo = await list({ q: 'may tre' });
    expect(bamboo).toMatchObject({ total: BAMBOO, totalIsLowerBound: false });
    expect(bamboo.items).toHaveLength(20);
  });

  it('says "more than 1,000" for a broad search, on the registry and on the public directory', async () => {
    const tea = await list({ q: 'che' });
    expect(tea).toMatchObject({ total: EXACT_COUNT_LIMIT, totalIsLowerBound: true });
    expect(tea.items).toHaveLength(20);
    const everything = await list({});
    expect(everything).toMatchObject({ total: EXACT_COUNT_LIMIT, totalIsLowerBound: true });
    const directory = await list({ tenant: TENANT, q: 'che' }, '/api/public/directory');
    expect(directory).toMatchObject({ total: EXACT_COUNT_LIMIT, totalIsLowerBound: true });
  });

  it('pages past 1,000 matches: a full page is a lower bound, the last page gives the exact number', async () => {
    const deep = await list({ q: 'che', pageSize: 100, page: 10 });
    expect(deep.items).toHaveLength(100);
    expect(deep).toMatchObject({ total: 1_000, totalIsLowerBound: true });
    const last = await list({ q: 'che', pageSize: 100, page: 11 });
    expect(last.items).toHaveLength(TEA - 1_000);
    expect(last).toMatchObject({ total: TEA, totalIsLowerBound: false });
    const beyond = await list({ q: 'che', pageSize: 100, page: 12 });
    expect(beyond.items).toHaveLength(0);
    expect(beyond).toMatchObject({ total: EXACT_COUNT_LIMIT, totalIsLowerBound: true });
  });

  it('a search ranked by relevance counts its matches in its own statement and answers as the capped count does', async () => {
    // A ranked page carries the number of every match (a window count); a page in name order carries the capped
    // count (a subquery of its statement); an empty page counts on its own. All give what the capped count gives,
    // on every page, and no extra field in the answer.
    // What the capped count answers for `matches` organisations (countMatches' rule, written out).
    const expected = (matches: number, pageSize: number, page: number) => {
      const before = (page - 1) * pageSize;
      const n = Math.max(0, Math.min(pageSize, matches - before));
      if (matches <= EXACT_COUNT_LIMIT) return { total: matches, lower: false, n };
      if (n > 0 && n < pageSize) return { total: matches, lower: false, n };
      return { total: n > 0 ? Math.max(EXACT_COUNT_LIMIT, before + n) : EXACT_COUNT_LIMIT, lower: true, n };
    };
    const MATCHES: Record<string, number> = { che: TEA, 'may tre': BAMBOO, 'che dong': TEA / 4, 'khong co': 0 };
    for (const [q, matches] of Object.entries(MATCHES)) {
      for (const [pageSize, page] of [[20, 1], [100, 10], [100, 11], [100, 12], [50, 3]] as const) {
        for (const url of ['/api/cooperatives', '/api/public/directory']) {
          const extra: Record<string, number> = url === '/api/public/directory' ? { tenant: TENANT } : {};
          const ranked = await list({ ...extra, q, pageSize, page }, url);
          const byName = await list({ ...extra, q, pageSize, page, sort: 'name' }, url);
          const want = expected(matches, pageSize, page);
          expect({ total: ranked.total, lower: ranked.totalIsLowerBound, n: ranked.items.length }, `${url} ${q} ${pageSize}×${page}`).toEqual(want);
          expect({ total: byName.total, lower: byName.totalIsLowerBound, n: byName.items.length }, `${url} ${q} by name ${pageSize}×${page}`).toEqual(want);
          for (const item of ranked.items) expect(item).not.toHaveProperty('matches');
        }
      }
    }
  });

  it('pages in name order, both ways, are the Vietnamese order of every organisation with ties by id', async () => {
    const all: Listing['items'] = [];
    for (let page = 1; ; page++) {
      const listing = await list({ sort: 'name', pageSize: 200, page });
      all.push(...listing.items);
      if (listing.items.length < 200) {
        expect(listing).toMatchObject({ total: TEA + BAMBOO, totalIsLowerBound: false });
        break;
      }
    }
    expect(all).toHaveLength(TEA + BAMBOO);
    const expected = sortByVietnamese(all, (o) => o.name);
    expect(all.map((o) => o.name)).toEqual(expected.map((o) => o.name));
    for (let i = 1; i < all.length; i++) if (all[i]!.name === all[i - 1]!.name) expect(all[i]!.id > all[i - 1]!.id).toBe(true);
    const reversed: Listing['items'] = [];
    for (let page = 1; page <= 6; page++) reversed.push(...(await list({ sort: '-name', pageSize: 200, page })).items);
    expect(reversed.map((o) => o.id)).toEqual(all.map((o) => o.id).reverse());
  });
});
