import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.ts';
import { queryRows } from '../../../db/client.ts';
import { adminUnitMappings, adminUnits } from './admin-units.sql.ts';
import { placeInCurrentCommune } from './admin-units.service.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

const BAC_NINH = '24';

describe('administrative units', () => {
  it('holds the 34 provinces and 3,321 communes of 2025, and the old communes of January 2025', async () => {
    const counts = await queryRows<{ version: string; level: string; n: number }>(database.db, sql`select version, level, count(*)::int as n from admin_units group by 1, 2 order by 1, 2`);
    const by = Object.fromEntries(counts.map((r) => [`${r.version}/${r.level}`, r.n]));
    expect(by['2025/province']).toBe(34);
    expect(by['2025/commune']).toBe(3321);
    expect(by['2024/commune']).toBeGreaterThan(10_000);
    const newBacNinh = await database.db.select().from(adminUnits).where(and(eq(adminUnits.version, '2025'), eq(adminUnits.provinceCode, BAC_NINH), eq(adminUnits.level, 'commune')));
    expect(newBacNinh).toHaveLength(99);
  });

  it('places an old address in today\'s commune by name without its type prefix', async () => {
    const [mapping] = await database.db.select().from(adminUnitMappings).where(eq(adminUnitMappings.oldName, 'Phường Thọ Xương'));
    const placed = await placeInCurrentCommune(database.db, BAC_NINH, { commune: 'Phường Thọ Xương', district: 'TP Bắc Giang' });
    expect(placed).toEqual({ ok: true, code: mapping!.newCode, name: mapping!.newName });
    // Written years ago with the old prefix and without accents in the district: still found.
    const [vanTrung] = await database.db.select().from(adminUnitMappings).where(eq(adminUnitMappings.oldNameKey, 'van trung'));
    const old = await placeInCurrentCommune(database.db, BAC_NINH, { commune: 'Xã Vân Trung', district: 'Viet Yen' });
    expect(old).toMatchObject({ ok: true, code: vanTrung!.newCode });
  });

  it('uses the district only to tell apart communes of the same name, and says so when it cannot', async () => {
    const dupes = await queryRows<{ key: string; districts: string[] }>(database.db, sql`
      select m.old_name_key as key, array_agg(distinct m.old_district_name) as districts
      from admin_unit_mappings m join admin_units u on u.version = '2025' and u.code = m.new_code
      where u.province_code = ${BAC_NINH} group by m.old_name_key having count(distinct m.new_code) > 1 limit 1`);
    const row = dupes[0];
    expect(row, 'the province has communes of the same name in different districts').toBeDefined();
    const ambiguous = await placeInCurrentCommune(database.db, BAC_NINH, { commune: `Xã ${row!.key}` });
    expect(ambiguous.ok).toBe(false);
    const resolved = await placeInCurrentCommune(database.db, BAC_NINH, { commune: `Xã ${row!.key}`, district: row!.districts[0]! });
    expect(resolved.ok).toBe(true);
    const unknown = await placeInCurrentCommune(database.db, BAC_NINH, { commune: 'Xã Không Có Thật' });
    expect(unknown).toEqual({ ok: false, reason: expect.stringContaining('Không tìm thấy') });
  });

  it('places the old communes the package lists without a code, by name, district and province (42 in old Bắc Giang)', async () => {
    const uncoded = await queryRows<{ old_name: string; old_district_name: string; new_code: string }>(
      database.db,
      sql`select old_name, old_district_name, new_code from admin_unit_mappings where old_code like '~%' and old_province_key = 'bac giang'`,
    );
    expect(uncoded.length).toBeGreaterThanOrEqual(40);
    for (const m of uncoded) {
      const placed = await placeInCurrentCommune(database.db, BAC_NINH, { commune: m.old_name, district: m.old_district_name });
      expect(placed, `${m.old_name}, ${m.old_district_name}`).toMatchObject({ ok: true, code: m.new_code });
    }
    const hongKy = await placeInCurrentCommune(database.db, BAC_NINH, { commune: 'Xã Hồng Kỳ' });
    expect(hongKy.ok).toBe(true);
    // Every mapping now points at a commune of 2025 (codes that lost their leading zero are repaired).
    const dangling = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from admin_unit_mappings m where not exists (select 1 from admin_units u where u.version = '2025' and u.code = m.new_code)`);
    expect(dangling[0]!.n).toBe(0);
  });

  it('names the candidates when a name is ambiguous without its district', async () => {
    const dupes = await queryRows<{ name: string; news: string[] }>(database.db, sql`
      select min(m.old_name) as name, array_agg(distinct m.new_name) as news
      from admin_unit_mappings m join admin_units u on u.version = '2025' and u.code = m.new_code
      where u.province_code = ${BAC_NINH} group by m.old_name_key having count(distinct m.new_code) > 1 limit 1`);
    const placed = await placeInCurrentCommune(database.db, BAC_NINH, { commune: dupes[0]!.name });
    expect(placed.ok).toBe(false);
    for (const candidate of dupes[0]!.news) expect(placed.ok ? '' : placed.reason).toContain(candidate);
  });
});
