import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { compareVietnamese, sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { searchKey, stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import { adminUnitMappings, adminUnits } from './admin-units.sql.ts';

/**
 * Districts that changed between the records' time and January 2025 (the mapping's "old" side), so that a
 * record naming the earlier district still tells apart communes of the same name (admin-units.md): Chũ was
 * formed from Lục Ngạn, Yên Dũng merged into Bắc Giang city.
 */
const DISTRICT_SUCCESSORS: Record<string, string[]> = {
  'luc ngan': ['chu'],
  'yen dung': ['bac giang'],
};

export type CommunePlacement =
  | { ok: true; code: string; name: string }
  | { ok: false; reason: string };

/** The province (2025) that a tenant's alliance serves. */
export async function getTenantProvince(db: Db, tenantId: number) {
  const [row] = await db
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(alliances)
    .innerJoin(adminUnits, and(eq(adminUnits.version, '2025'), eq(adminUnits.level, 'province'), eq(adminUnits.code, alliances.provinceCode)))
    .where(eq(alliances.id, tenantId));
  return row;
}

/**
 * Places an address of any time in today's commune: match the commune's name without its type prefix among
 * the old communes that went into the tenant's province, and use the district only to tell apart communes
 * of the same name (admin-units.md).
 */
export async function placeInCurrentCommune(
  db: Db,
  provinceCode: string,
  address: { commune?: string | null; district?: string | null },
): Promise<CommunePlacement> {
  if (!address.commune) return { ok: false, reason: 'Không có tên xã/phường' };
  const communeKey = searchKey(stripUnitPrefix(address.commune));
  const current = await db
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(and(eq(adminUnits.version, '2025'), eq(adminUnits.level, 'commune'), eq(adminUnits.nameKey, communeKey), eq(adminUnits.provinceCode, provinceCode)));
  const candidates = await db
    .selectDistinct({ code: adminUnitMappings.newCode, name: adminUnitMappings.newName, district: adminUnitMappings.oldDistrictKey })
    .from(adminUnitMappings)
    .innerJoin(adminUnits, and(eq(adminUnits.version, '2025'), eq(adminUnits.code, adminUnitMappings.newCode)))
    .where(and(eq(adminUnitMappings.oldNameKey, communeKey), eq(adminUnits.provinceCode, provinceCode)));
  const byCode = new Map(candidates.map((c) => [c.code, c]));
  if (byCode.size === 1) {
    const only = [...byCode.values()][0]!;
    return { ok: true, code: only.code, name: only.name };
  }
  if (byCode.size > 1 && address.district) {
    const districtKey = searchKey(stripUnitPrefix(address.district));
    // The district as written first; then with its successors (a record may predate a district's change).
    for (const accepted of [new Set([districtKey]), new Set([districtKey, ...(DISTRICT_SUCCESSORS[districtKey] ?? [])])]) {
      const inDistrict = new Map(candidates.filter((c) => c.district && accepted.has(c.district)).map((c) => [c.code, c]));
      if (inDistrict.size === 1) {
        const only = [...inDistrict.values()][0]!;
        return { ok: true, code: only.code, name: only.name };
      }
    }
  }
  if (byCode.size === 0 && current.length === 1) return { ok: true, code: current[0]!.code, name: current[0]!.name };
  if (byCode.size === 0) return { ok: false, reason: `Không tìm thấy xã/phường "${address.commune}" trong danh mục đơn vị hành chính` };
  const names = [...byCode.values()].map((c) => c.name).sort(compareVietnamese);
  return { ok: false, reason: `Tên xã/phường "${address.commune}" có ở nhiều nơi (nay thuộc ${names.join(', ')}): cần ghi rõ huyện` };
}

/** Today's communes of a province, for filters and forms. */
export async function findCurrentCommunes(db: Db, provinceCode: string) {
  return db
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(and(eq(adminUnits.version, '2025'), eq(adminUnits.level, 'commune'), eq(adminUnits.provinceCode, provinceCode)))
    .then((rows) => sortByVietnamese(rows, (r) => stripUnitPrefix(r.name)));
}
