// The kinds of award (decision 010): national reference data seeded by migration 0014; an alliance admin edits
// the rules (name, active, once per recipient, years between), audited under the admin's alliance.
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { actorLabel, type Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireAwardKindsAdmin, requireRegisterReader } from './awards.policy.ts';
import type { AwardKindPatch } from './awards.schemas.ts';
import { awardKinds } from './awards.sql.ts';
import { AWARD_FORM_LABELS, AWARD_LEVEL_LABELS, type AwardForm, type AwardLevel } from './awards.words.ts';

export type AwardKind = typeof awardKinds.$inferSelect;

export function presentAwardKind(kind: AwardKind) {
  return {
    code: kind.code,
    name: kind.name,
    shortName: kind.shortName,
    form: kind.form,
    formLabel: AWARD_FORM_LABELS[kind.form as AwardForm] ?? kind.form,
    level: kind.level,
    levelLabel: AWARD_LEVEL_LABELS[kind.level as AwardLevel] ?? kind.level,
    recipients: kind.recipients,
    oncePerRecipient: kind.oncePerRecipient,
    minYearsBetween: kind.minYearsBetween,
    proposedBy: kind.proposedBy,
    position: kind.position,
    active: kind.active,
  };
}

/** Every kind, in the order of the figures (position). */
export async function loadAwardKinds(db: Db): Promise<AwardKind[]> {
  return db.select().from(awardKinds).orderBy(asc(awardKinds.position), asc(awardKinds.code));
}

/** One kind by code; 404 with the code otherwise. */
export async function getAwardKind(db: Db, code: string): Promise<AwardKind> {
  const [row] = await db.select().from(awardKinds).where(eq(awardKinds.code, code));
  if (!row) throw notFound(`hình thức khen thưởng "${code}"`);
  return row;
}

/** The kinds, for anyone who reads the register. */
export async function findAwardKinds(db: Db, { actor }: { actor: Actor }) {
  requireRegisterReader(actor);
  return loadAwardKinds(db);
}

/** The audit's entity id of a kind (the audit keys entities by uuid): a fixed uuid made from the code. */
export function awardKindEntityId(code: string): string {
  const h = createHash('sha256').update(`award_kind:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Changes a kind's rules; audited (entity 'award_kind', under the admin's alliance). */
export async function updateAwardKind(db: Db, { actor, code, input }: { actor: Actor; code: string; input: AwardKindPatch }): Promise<AwardKind> {
  const { tenantId } = requireAwardKindsAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await getAwardKind(tx, code);
    const [row] = await tx
      .update(awardKinds)
      .set({ ...input, updatedBy: actorLabel(actor), updatedAt: new Date() })
      .where(eq(awardKinds.code, code))
      .returning();
    await recordAudit(tx, { actor, tenantId, action: 'award_kind.updated', entityType: 'award_kind', entityId: awardKindEntityId(code), before: presentAwardKind(before), after: presentAwardKind(row!) });
    return row!;
  });
}
