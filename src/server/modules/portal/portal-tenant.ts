/**
 * The alliance whose public portal this server shows (decision 009): PORTAL_TENANT from the configuration, else
 * the alliance with the lowest id. Tests whose content belongs to another alliance set `portalTenant` in the
 * configuration (createTestApp({ config: { portalTenant: TENANT } })).
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Config } from '../../config.ts';
import { alliances } from '../tenants/tenants.sql.ts';

export type PortalTenant = { id: number; name: string };

/** The portal's alliance (id and name); throws when there is no alliance at all (a server that never started). */
export async function portalTenant(db: Db, config: Pick<Config, 'portalTenant'>): Promise<PortalTenant> {
  const query = db.select({ id: alliances.id, name: alliances.name }).from(alliances);
  const [row] = config.portalTenant !== undefined
    ? await query.where(eq(alliances.id, config.portalTenant)).limit(1)
    : await query.orderBy(asc(alliances.id)).limit(1);
  if (!row) {
    throw new Error(config.portalTenant !== undefined ? `PORTAL_TENANT: không có Liên minh mã ${config.portalTenant}.` : 'Chưa có Liên minh nào: cổng thông tin không có nội dung để hiển thị.');
  }
  return row;
}
