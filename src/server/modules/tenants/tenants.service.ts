import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { SECTORS } from '../../../shared/sectors.ts';
import { loadAdminUnits } from '../admin-units/admin-units.load.ts';
import { placeUnplacedOrganisations } from '../cooperatives/cooperatives.placement.ts';
import { backfillNameOrder } from '../cooperatives/name-order.backfill.ts';
import { sectors } from '../cooperatives/sectors.sql.ts';
import { alliances } from './tenants.sql.ts';

/** The alliance a fresh installation starts with: the new Bắc Ninh province (old Bắc Giang + Bắc Ninh). */
export const DEFAULT_ALLIANCE = { id: 24, provinceCode: '24', name: 'Liên minh HTX tỉnh Bắc Ninh' };

/** Loads the reference tables (sectors, administrative units); idempotent. */
export async function loadReferenceData(db: Db): Promise<void> {
  await db
    .insert(sectors)
    .values(SECTORS.map((s) => ({ code: s.code, name: s.name, groupKey: s.group })))
    .onConflictDoUpdate({
      target: sectors.code,
      set: { name: sql`excluded.name`, groupKey: sql`excluded.group_key` },
      // Rewriting unchanged rows would tell the national roll-up that every alliance's figures changed.
      setWhere: sql`(${sectors.name}, ${sectors.groupKey}) is distinct from (excluded.name, excluded.group_key)`,
    });
  const { loaded, mappingsChanged } = await loadAdminUnits(db);
  // An upgrade that can place more old communes places the organisations an earlier release left unplaced.
  if (mappingsChanged && !loaded) await placeUnplacedOrganisations(db);
  // Rows written before migration 0008 get their Vietnamese order key (SQL cannot compute it).
  await backfillNameOrder(db);
}

/** Creates an alliance (tenant) unless it exists. */
export async function ensureAlliance(db: Db, alliance: { id: number; provinceCode: string; name: string }) {
  await db.insert(alliances).values(alliance).onConflictDoNothing();
  const [row] = await db.select().from(alliances).where(eq(alliances.id, alliance.id));
  return row!;
}

/** The alliance that command-line tools act for: --tenant, else the only one (or the default). */
export async function resolveTenant(db: Db, requested?: number): Promise<number> {
  if (requested !== undefined) {
    const [row] = await db.select({ id: alliances.id }).from(alliances).where(eq(alliances.id, requested));
    if (!row) throw new Error(`Không có Liên minh mã ${requested}.`);
    return row.id;
  }
  const rows = await db.select({ id: alliances.id }).from(alliances).orderBy(alliances.id).limit(2);
  if (rows.length === 1) return rows[0]!.id;
  if (rows.length === 0) return (await ensureAlliance(db, DEFAULT_ALLIANCE)).id;
  throw new Error('Có nhiều Liên minh: hãy chỉ rõ --tenant.');
}
