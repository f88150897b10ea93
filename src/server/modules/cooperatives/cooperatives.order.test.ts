import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { sortByVietnamese, vietnameseSortKey } from '../../../shared/vietnamese-order.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { loadReferenceData } from '../tenants/tenants.service.ts';
import { organisations } from './cooperatives.sql.ts';

// Names that a byte or accent-free order gets wrong: ă/â after a, đ after d, tones after the letters, capitals,
// numbers by value, "An Hà" before "Anh", a name twice (ties by id).
const NAMES = [
  'Hợp tác xã Cao Xá', 'Hợp tác xã Cẩm Lý', 'Hợp tác xã Dĩnh Kế', 'Hợp tác xã Đại Lâm', 'Hợp tác xã Đan Hội',
  'Hợp tác xã Đồng Kỳ', 'HTX 8', 'HTX 10', 'HTX Chè Nếnh 84', 'HTX Chè Cao Xá 81', 'HTX Chè Đồng Kỳ 8',
  'Hợp tác xã Cam Kép', 'HỢP TÁC XÃ ẤP BẮC', 'hợp tác xã an hà', 'Hợp tác xã Anh Sơn', 'Hợp tác xã Bà Rịa',
  'Hợp tác xã Ba Bể', 'Hợp tác xã Bàn Thạch', 'Hợp tác xã Ứng Hòa', 'Hợp tác xã Uông Bí', 'Hợp tác xã Yên Dũng',
  'Hợp tác xã Xuân Hương', 'Hợp tác xã Ơn Sâu', 'Hợp tác xã Ông Ích', 'Hợp tác xã Ốc Eo', 'Hợp tác xã Đông Đô',
  'Hợp tác xã Dương Đức', 'Hợp tác xã Tân Dĩnh', 'Hợp tác xã Tiên Lục', 'Hợp tác xã Mỹ Thái', 'Hợp tác xã Cao Xá',
  'Hợp tác xã Chè Cao Xá mới', 'Cao Xá Xanh', 'Hợp tác xã Xá Cao',
];
const COMMUNES = [
  { registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' },
  { registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' },
  { registeredCommune: 'Xã Hồng Kỳ', registeredDistrict: 'Huyện Yên Thế' },
  { registeredCommune: 'Xã Không Có Thật', registeredDistrict: 'Huyện Yên Thế' },
];

type Created = { id: string; name: string; foundedOn: string; charterCapitalVnd: string; membersOfficial: number; membersAssociatedCapital: number; membersAssociatedNoCapital: number; currentCommuneCode: string | null };
type Item = { id: string; name: string };

let t: TestApp;
let staff: string;
const created: Created[] = [];
const communeName = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  for (const [i, name] of NAMES.entries()) {
    const payload = buildOrganisation({
      name,
      ...COMMUNES[i % COMMUNES.length]!,
      foundedOn: `20${10 + (i % 5)}-0${1 + (i % 3)}-15`,
      charterCapitalVnd: String(((i * 7) % 5) * 100_000_000),
      membersOfficial: 7 + (i % 4),
      membersAssociatedCapital: i % 3,
      membersAssociatedNoCapital: i % 2,
    });
    const res = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload });
    expect(res.statusCode, res.body).toBe(201);
    created.push(res.json());
  }
  const codes = [...new Set(created.map((c) => c.currentCommuneCode).filter((c): c is string => c !== null))];
  const units = await t.database.db.select({ code: adminUnits.code, name: adminUnits.name }).from(adminUnits).where(and(eq(adminUnits.version, '2025'), inArray(adminUnits.code, codes)));
  for (const u of units) communeName.set(u.code, u.name);
}, 120_000);
afterAll(() => t.close());

/** Every page of a listing, pageSize 7, concatenated. */
async function allPages(query: string): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; ; page++) {
    const res = await t.request({ url: `/api/cooperatives?${query}&pageSize=7&page=${page}`, cookie: staff });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(query.includes('q=') ? body.total : NAMES.length);
    items.push(...body.items);
    if (body.items.length < 7) break;
  }
  return items;
}

const cmp = (a: string | number | bigint, b: string | number | bigint) => (a < b ? -1 : a > b ? 1 : 0);
const members = (c: Created) => c.membersOfficial + c.membersAssociatedCapital + c.membersAssociatedNoCapital;

/** The expected order: a value (nulls last either way), then the name in Vietnamese order, then the id. */
function expectedOrder<V extends string | number | bigint>(value: (c: Created) => V | null, descending = false): string[] {
  return [...created]
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const byValue = va === null || vb === null ? (va === vb ? 0 : va === null ? 1 : -1) : descending ? -cmp(va, vb) : cmp(va, vb);
      return byValue || cmp(vietnameseSortKey(a.name), vietnameseSortKey(b.name)) || cmp(a.id, b.id);
    })
    .map((c) => c.id);
}

describe('registry order (issue 12)', () => {
  it('stores the Vietnamese order key and never shows it', async () => {
    const [row] = await t.database.db.select({ nameOrder: organisations.nameOrder }).from(organisations).where(eq(organisations.id, created[0]!.id));
    expect(row!.nameOrder).toBe(vietnameseSortKey(NAMES[0]!));
    expect(created[0]).not.toHaveProperty('nameOrder');
    const renamed = await t.request({ method: 'PATCH', url: `/api/cooperatives/${created[0]!.id}`, cookie: staff, payload: { version: 1, name: 'Hợp tác xã Cao Xá' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('pages of sort=name agree with sortByVietnamese, and with the default order', async () => {
    const items = await allPages('sort=name');
    expect(items.map((i) => i.name)).toEqual(sortByVietnamese(NAMES, (n) => n));
    expect(new Set(items.map((i) => i.id)).size).toBe(NAMES.length);
    const names = items.map((i) => i.name);
    expect(names.indexOf('Hợp tác xã Cao Xá')).toBeLessThan(names.indexOf('Hợp tác xã Cẩm Lý'));
    expect(names.indexOf('Hợp tác xã Dĩnh Kế')).toBeLessThan(names.indexOf('Hợp tác xã Đại Lâm'));
    expect(names.indexOf('HTX 8')).toBeLessThan(names.indexOf('HTX 10'));
    expect((await allPages('')).map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect((await allPages('sort=-name')).map((i) => i.id)).toEqual(items.map((i) => i.id).reverse());
  });

  it('sorts by founding date, capital, members and commune, both ways', async () => {
    const checks: [string, (c: Created) => string | number | bigint | null][] = [
      ['foundedOn', (c) => c.foundedOn],
      ['charterCapital', (c) => BigInt(c.charterCapitalVnd)],
      ['members', members],
      ['commune', (c) => (c.currentCommuneCode ? vietnameseSortKey(communeName.get(c.currentCommuneCode)!) : null)],
    ];
    for (const [field, value] of checks) {
      expect((await allPages(`sort=${field}`)).map((i) => i.id), field).toEqual(expectedOrder(value));
      expect((await allPages(`sort=-${field}`)).map((i) => i.id), `-${field}`).toEqual(expectedOrder(value, true));
    }
    // The data covers what the sorts must handle: ties, and an organisation with no commune.
    expect(new Set(created.map(members)).size).toBeLessThan(created.length);
    expect(created.some((c) => c.currentCommuneCode === null)).toBe(true);
    expect(new Set(created.map((c) => c.currentCommuneCode)).size).toBeGreaterThan(2);
  });

  it('keeps relevance first in a search, ties in Vietnamese order', async () => {
    const key = 'cao xa';
    const rank = (name: string) => {
      const k = searchKey(name);
      if (k === key) return 4;
      if (k.startsWith(key)) return 3;
      if (` ${k} `.includes(` ${key} `)) return 2;
      return ['cao', 'xa'].every((w) => k.includes(w)) ? 1 : 0;
    };
    const items = await allPages(`q=${encodeURIComponent('Cao Xá')}`);
    const byId = new Map(created.map((c) => [c.id, c]));
    const expected = items
      .map((i) => byId.get(i.id)!)
      .sort((a, b) => rank(b.name) - rank(a.name) || cmp(vietnameseSortKey(a.name), vietnameseSortKey(b.name)) || cmp(a.id, b.id))
      .map((c) => c.id);
    expect(items.map((i) => i.id)).toEqual(expected);
    // Several ranks and ties within a rank are present, so the assertion above tests both.
    const ranks = items.map((i) => rank(i.name));
    expect([...new Set(ranks)].sort()).toEqual([0, 1, 2, 3]);
    expect(ranks.filter((r) => r === 2).length).toBeGreaterThan(1);
    expect(ranks.filter((r) => r === 0).length).toBeGreaterThan(1);
    expect(items[0]!.name).toBe('Cao Xá Xanh');
  });

  it('orders the public directory in Vietnamese order', async () => {
    const res = await t.request({ url: `/api/public/directory?tenant=${TENANT}&pageSize=200` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: Item) => i.name)).toEqual(sortByVietnamese(NAMES, (n) => n));
  });

  it('refuses an unknown sort with a Vietnamese message naming the field', async () => {
    const res = await t.request({ url: '/api/cooperatives?sort=length', cookie: staff });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Sắp xếp');
    expect(res.json().message).not.toMatch(/Invalid|expected/);
  });

  it('fills the key of rows written before migration 0008 at upgrade (coop db migrate)', async () => {
    const db = t.database.db;
    // Two alliances (the backfill updates one alliance at a time).
    const other = (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
    const elsewhere = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: other, payload: buildOrganisation({ name: 'Hợp tác xã Đông Anh' }) });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    await db.execute(sql`update organisations set name_order = ''`);
    const [reset] = await db.select({ n: sql<number>`count(distinct tenant_id)::int` }).from(organisations).where(eq(organisations.nameOrder, ''));
    expect(reset!.n).toBe(2);
    await db.execute(sql`update admin_units set name_order = '' where version = '2025' and code in (select code from admin_units where version = '2025' order by code limit 1200)`);
    await loadReferenceData(db);
    const [empty] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(eq(organisations.nameOrder, ''));
    expect(empty!.n).toBe(0);
    const [emptyUnits] = await db.select({ n: sql<number>`count(*)::int` }).from(adminUnits).where(eq(adminUnits.nameOrder, ''));
    expect(emptyUnits!.n).toBe(0);
    const rows = await db.select({ name: organisations.name, nameOrder: organisations.nameOrder }).from(organisations);
    for (const r of rows) expect(r.nameOrder).toBe(vietnameseSortKey(r.name));
    expect((await allPages('sort=name')).map((i) => i.name)).toEqual(sortByVietnamese(NAMES, (n) => n));
  });
});
