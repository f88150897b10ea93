// Test code only: cooperatives with difficulties raised, written straight into the tables (the recommendation tests
// need difficulties in given states, not the raising path, which difficulties.*.test.ts covers), and small helpers.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import type { OrganisationInput } from '../../../shared/organisation.ts';
import { difficulties } from './difficulties.sql.ts';
import { nextNumber } from './number-series.ts';

export type DifficultyOverrides = Partial<typeof difficulties.$inferInsert> & { organisationId: string };

/** A difficulty of an organisation, numbered from the series of its year (received unless told otherwise). */
export async function insertDifficulty(db: Db, overrides: DifficultyOverrides, tenantId = TENANT) {
  const raisedOn = overrides.raisedOn ?? '2026-03-02';
  const year = Number(raisedOn.slice(0, 4));
  return db.transaction(async (tx) => {
    const seq = await nextNumber(tx, tenantId, 'difficulty', year);
    const [row] = await tx
      .insert(difficulties)
      .values({
        tenantId,
        year,
        seq,
        raisedOn,
        channel: 'online',
        category: 'capital_credit',
        title: 'Khó tiếp cận vốn vay',
        description: 'Hợp tác xã không có tài sản bảo đảm để vay vốn mở rộng sản xuất.',
        publicConsent: 'anonymous',
        state: 'received',
        dueOn: '2026-03-16',
        ...overrides,
      })
      .returning();
    return row!;
  });
}

/** A cooperative of the tenant (placed in a commune of the demo province). */
export async function insertCooperative(db: Db, overrides: Partial<OrganisationInput> = {}, tenantId = TENANT) {
  return createOrganisation(db, { actor: systemActor(tenantId), input: buildOrganisation({ registrationNumber: null, ...overrides }) });
}

/** Audit events of an entity, oldest first (action and after). */
export async function auditOf(db: Db, entityId: string): Promise<Array<{ action: string; after: Record<string, unknown> | null }>> {
  return queryRows(db, sql`select action, after from audit_events where entity_id = ${entityId}::uuid order by at, action`);
}

/** A multipart upload of one file (field "file"). */
export function upload(url: string, fileName: string, content: Buffer) {
  const boundary = '----kien-nghi';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST' as const, url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
