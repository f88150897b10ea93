import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { vietnameseSortKey } from '../../../shared/vietnamese-order.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { organisations } from './cooperatives.sql.ts';

const BATCH = 1000;

/**
 * Fills the Vietnamese order key (name_order) of the rows an earlier release wrote. Migration 0008 adds the
 * column NOT NULL with '' for every existing row rather than nullable: SQL cannot compute the key, the
 * application writes it on every insert and update, and '' keeps queries and types simple (no null to order
 * around) while marking the rows still to fill. `coop db migrate` (loadReferenceData) runs this at every start:
 * on a current database it is one scan that finds nothing. Rows are walked by primary key (a name with no letter
 * or digit keeps '' and is not read again in the same run), a thousand per statement.
 * Returns the number of rows filled.
 */
export async function backfillNameOrder(db: Db): Promise<{ organisations: number; adminUnits: number }> {
  let orgs = 0;
  let last: { tenantId: number; id: string } | undefined;
  for (;;) {
    const rows = await db
      .select({ tenantId: organisations.tenantId, id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.nameOrder, ''), last && or(gt(organisations.tenantId, last.tenantId), and(eq(organisations.tenantId, last.tenantId), gt(organisations.id, last.id)))))
      .orderBy(asc(organisations.tenantId), asc(organisations.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    // One statement per alliance: with the tenant fixed, Citus routes each update to one shard.
    for (const tenantId of new Set(rows.map((r) => r.tenantId))) {
      const values = sql.join(rows.filter((r) => r.tenantId === tenantId).map((r) => sql`(${r.id}::uuid, ${vietnameseSortKey(r.name)})`), sql`, `);
      await db.execute(sql`update organisations set name_order = v.k from (values ${values}) as v(id, k)
        where organisations.tenant_id = ${tenantId} and organisations.id = v.id`);
    }
    orgs += rows.length;
    last = rows[rows.length - 1]!;
  }
  let units = 0;
  let lastUnit: { version: string; code: string } | undefined;
  for (;;) {
    const rows = await db
      .select({ version: adminUnits.version, code: adminUnits.code, name: adminUnits.name })
      .from(adminUnits)
      .where(and(eq(adminUnits.nameOrder, ''), lastUnit && or(gt(adminUnits.version, lastUnit.version), and(eq(adminUnits.version, lastUnit.version), gt(adminUnits.code, lastUnit.code)))))
      .orderBy(asc(adminUnits.version), asc(adminUnits.code))
      .limit(BATCH);
    if (rows.length === 0) break;
    const values = sql.join(rows.map((r) => sql`(${r.version}, ${r.code}, ${vietnameseSortKey(r.name)})`), sql`, `);
    await db.execute(sql`update admin_units set name_order = v.k from (values ${values}) as v(version, code, k)
      where admin_units.version = v.version and admin_units.code = v.code`);
    units += rows.length;
    lastUnit = rows[rows.length - 1]!;
  }
  return { organisations: orgs, adminUnits: units };
}
