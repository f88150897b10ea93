import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { systemActor } from '../accounts/roles.ts';
import { getTenantProvince, placeInCurrentCommune } from '../admin-units/admin-units.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import { organisations } from './cooperatives.sql.ts';

/**
 * Places in today's commune the organisations left unplaced by an earlier release, after the old→new mappings
 * changed (`coop db migrate`, `npm start`): each one placed gets its commune and an audit event
 * "organisation.placed" by the system, in one transaction per alliance. Ambiguous or unknown addresses stay
 * unplaced, as the importer reports them.
 */
export async function placeUnplacedOrganisations(db: Db): Promise<{ placed: number; left: number }> {
  let placed = 0;
  let left = 0;
  for (const { id: tenantId } of await db.select({ id: alliances.id }).from(alliances)) {
    const province = await getTenantProvince(db, tenantId);
    if (!province) continue;
    const unplaced = await db
      .select({ id: organisations.id, commune: organisations.registeredCommune, district: organisations.registeredDistrict })
      .from(organisations)
      .where(and(eq(organisations.tenantId, tenantId), isNull(organisations.currentCommuneCode), isNotNull(organisations.registeredCommune)));
    if (unplaced.length === 0) continue;
    await db.transaction(async (tx) => {
      for (const org of unplaced) {
        const placement = await placeInCurrentCommune(tx, province.code, { commune: org.commune, district: org.district });
        if (!placement.ok) {
          left++;
          continue;
        }
        await tx
          .update(organisations)
          .set({ currentCommuneCode: placement.code, version: sql`${organisations.version} + 1` })
          .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, org.id)));
        await recordAudit(tx, {
          actor: systemActor(tenantId),
          tenantId,
          action: 'organisation.placed',
          entityType: 'organisation',
          entityId: org.id,
          before: { currentCommuneCode: null },
          after: { currentCommuneCode: placement.code, currentCommuneName: placement.name },
        });
        placed++;
      }
    });
  }
  return { placed, left };
}
