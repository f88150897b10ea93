import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import { queryRows } from '../../../db/client.ts';
import { systemActor } from '../accounts/roles.ts';
import { adminUnitMappings } from '../admin-units/admin-units.sql.ts';
import { findAuditEvents } from '../audit/audit.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { loadReferenceData } from '../tenants/tenants.service.ts';
import { createOrganisation } from './cooperatives.service.ts';
import { organisations } from './cooperatives.sql.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

describe('upgrading the old→new mappings', () => {
  it('places the organisations an earlier release left unplaced, with an audit event, and only once', async () => {
    const db = database.db;
    // The state an earlier release left: no mapping for the old communes the package lists without a code.
    await db.delete(adminUnitMappings).where(like(adminUnitMappings.oldCode, '~%'));
    const org = await createOrganisation(db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Vải Hồng Kỳ', registeredCommune: 'Xã Hồng Kỳ', registeredDistrict: 'Huyện Yên Thế' }) });
    const unknown = await createOrganisation(db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Không Rõ Xã', registeredCommune: 'Xã Không Có Thật', registeredDistrict: 'Huyện Yên Thế' }) });
    expect(org.currentCommuneCode).toBeNull();

    await loadReferenceData(db);
    const [after] = await db.select().from(organisations).where(and(eq(organisations.tenantId, TENANT), eq(organisations.id, org.id)));
    expect(after!.currentCommuneCode).toMatch(/^\d{5}$/);
    expect(after!.version).toBe(org.version + 1);
    const events = await findAuditEvents(db, TENANT, 'organisation', org.id);
    expect(events.map((e) => e.action)).toContain('organisation.placed');
    const [stillUnknown] = await db.select().from(organisations).where(and(eq(organisations.tenantId, TENANT), eq(organisations.id, unknown.id)));
    expect(stillUnknown!.currentCommuneCode).toBeNull();

    // Run again: nothing changes, nothing is written.
    const count = async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events`))[0]!.n;
    const before = await count();
    await loadReferenceData(db);
    expect(await count()).toBe(before);
  });
});
