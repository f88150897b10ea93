/**
 * The portal's content version per alliance (decision 009): every write that changes a public page calls
 * bumpPortalVersion in its own transaction; the public page cache keys each page by it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { portalContentVersions } from './portal.sql.ts';

/** Moves the alliance's portal version on; call it inside the transaction of the change. */
export async function bumpPortalVersion(tx: Db, tenantId: number): Promise<number> {
  const [row] = await tx
    .insert(portalContentVersions)
    .values({ tenantId, version: 1 })
    .onConflictDoUpdate({ target: portalContentVersions.tenantId, set: { version: sql`${portalContentVersions.version} + 1`, changedAt: sql`now()` } })
    .returning({ version: portalContentVersions.version });
  return row!.version;
}

/** The alliance's portal version now (0 before anything was published). */
export async function readPortalVersion(db: Db, tenantId: number): Promise<number> {
  const [row] = await db.select({ version: portalContentVersions.version }).from(portalContentVersions).where(eq(portalContentVersions.tenantId, tenantId));
  return row?.version ?? 0;
}
