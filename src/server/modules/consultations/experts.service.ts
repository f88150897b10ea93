// The alliance's roster of experts: list, add, edit, deactivate (staff only; every change audited).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { requireConsultationStaff, type TenantUser } from './consultations.policy.ts';
import { experts } from './consultations.sql.ts';
import type { ConsultationTopic } from './consultations.words.ts';

export type ExpertRow = typeof experts.$inferSelect;
export type ExpertInput = { name: string; fields: ConsultationTopic[]; organisation: string | null; phone: string | null; email: string | null; note: string | null };

export function presentExpert(row: ExpertRow) {
  return {
    id: row.id,
    name: row.name,
    fields: row.fields as ConsultationTopic[],
    organisation: row.organisation,
    phone: row.phone,
    email: row.email,
    note: row.note,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}
export type Expert = ReturnType<typeof presentExpert>;

/** The roster, active experts first, by name. */
export async function findExperts(db: Db, { actor, active }: { actor: Actor; active?: boolean }) {
  const user = requireConsultationStaff(actor);
  const rows = await db
    .select()
    .from(experts)
    .where(and(eq(experts.tenantId, user.tenantId), active === undefined ? undefined : eq(experts.active, active)))
    .orderBy(asc(experts.name), asc(experts.id));
  const items = rows.map(presentExpert).sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'vi'));
  return { items };
}

/** One expert of the actor's alliance (404 otherwise). */
export async function getExpertRow(db: Db, user: TenantUser, id: string, lock = false): Promise<ExpertRow> {
  if (!isUuid(id)) throw notFound('chuyên gia');
  const query = db.select().from(experts).where(and(eq(experts.tenantId, user.tenantId), eq(experts.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('chuyên gia');
  return row;
}

/** Adds an expert to the roster. */
export async function createExpert(db: Db, { actor, input }: { actor: Actor; input: ExpertInput }) {
  const user = requireConsultationStaff(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(experts).values({ tenantId: user.tenantId, ...input }).returning();
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'expert.created', entityType: 'expert', entityId: row!.id, before: null, after: presentExpert(row!) });
    return presentExpert(row!);
  });
}

/** Edits an expert; `active: false` takes them off the list offered for new assignments (their past work stays). */
export async function updateExpert(db: Db, { actor, id, changes }: { actor: Actor; id: string; changes: Partial<ExpertInput> & { active?: boolean } }) {
  const user = requireConsultationStaff(actor);
  return db.transaction(async (tx) => {
    const before = await getExpertRow(tx, user, id, true);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length === 0) return presentExpert(before);
    const [row] = await tx.update(experts).set(set).where(and(eq(experts.tenantId, user.tenantId), eq(experts.id, id))).returning();
    const action = changes.active === false && before.active ? 'expert.deactivated' : changes.active === true && !before.active ? 'expert.reactivated' : 'expert.updated';
    await recordAudit(tx, { actor, tenantId: user.tenantId, action, entityType: 'expert', entityId: id, before: presentExpert(before), after: presentExpert(row!) });
    return presentExpert(row!);
  });
}
