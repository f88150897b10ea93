import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { actorLabel, type Actor } from '../accounts/roles.ts';
import { auditEvents } from './audit.sql.ts';

export type AuditInput = {
  actor: Actor;
  tenantId: number;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** Writes one audit event; call it with the transaction that makes the change. */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId: input.tenantId,
    actorUserId: input.actor.kind === 'user' ? input.actor.userId : null,
    actorLabel: actorLabel(input.actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJson(input.before),
    after: toJson(input.after),
  });
}

/** The audit trail of one entity, newest first. */
export async function findAuditEvents(db: Db, tenantId: number, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
}

/** jsonb cannot hold bigint: money goes in as a string of digits. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
