import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { adminUnitMappings, adminUnits } from '../src/server/modules/admin-units/admin-units.sql.ts';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { bulkInsertOrganisations } from '../src/server/modules/cooperatives/cooperatives.bulk.ts';
import { buildDemoRows, type Commune } from '../src/server/modules/demo/demo.generator.ts';
import { ensureAlliance } from '../src/server/modules/tenants/tenants.service.ts';
import { searchKey, stripUnitPrefix } from '../src/shared/vietnamese-text.ts';

/**
 * The national dataset: one alliance per 2025 province (34 tenants), each with the demo generator's
 * organisations (founded 1997–2026, dissolutions every year since 2014) placed in that province's own
 * communes: 35,000 organisations and about 6 million members in all by default.
 */
export async function buildNationalDataset(db: Db, { total = 35_000, members = 6_000_000 }: { total?: number; members?: number } = {}) {
  const provinces = await db.select().from(adminUnits).where(eq(adminUnits.level, 'province')).orderBy(adminUnits.code);
  const perTenant = Math.ceil(total / provinces.length);
  let inserted = 0;
  for (const [index, province] of provinces.entries()) {
    const tenantId = Number(province.code);
    await ensureAlliance(db, { id: tenantId, provinceCode: province.code, name: `Liên minh HTX ${province.name}` });
    const communes = await communesOf(db, province.code);
    if (communes.length === 0) continue;
    const count = Math.min(perTenant, total - inserted);
    const rows = buildDemoRows(communes, 1000 + index, province.code)
      // A random-looking but fixed sample, so that every kind and sector is represented.
      .sort((a, b) => (a.registrationNumber! < b.registrationNumber! ? -1 : 1))
      .slice(0, count)
      .map((row) => ({
      ...row,
      // The demo province has ~38 members an organisation; the country has ~170.
      membersOfficial: Math.round((row.membersOfficial * members) / (total * 38)),
    }));
    await db.transaction((tx) => bulkInsertOrganisations(tx, { actor: systemActor(tenantId), tenantId, rows }));
    inserted += rows.length;
  }
  await db.execute(sql`analyze`);
  return { tenants: provinces.length, organisations: inserted };
}

export async function communesOf(db: Db, provinceCode: string): Promise<Commune[]> {
  const rows = await db
    .selectDistinctOn([adminUnitMappings.oldCode], { name: adminUnitMappings.oldName, district: adminUnitMappings.oldDistrictName, currentCode: adminUnitMappings.newCode })
    .from(adminUnitMappings)
    .innerJoin(adminUnits, sql`${adminUnits.version} = '2025' and ${adminUnits.code} = ${adminUnitMappings.newCode}`)
    .where(eq(adminUnits.provinceCode, provinceCode))
    .orderBy(adminUnitMappings.oldCode);
  return rows.map((r) => ({ name: r.name, district: stripUnitPrefix(r.district ?? ''), currentCode: r.currentCode }));
}

/** Search terms typed the way people type them: without accents, partial, a registration number. */
export function searchTerms(): string[] {
  return ['buoi dien tan yen', 'htx nam', 'vai thieu', 'lua gao', 'quy tin dung', 'hop tac xa che', 'rau an toan', 'dich vu tong hop', 'moi truong', 'van tai', 'gom', 'chan nuoi', 'nuoc sach', 'thuy san', 'xay dung'].map(searchKey);
}
