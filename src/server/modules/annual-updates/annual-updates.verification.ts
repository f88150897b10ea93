// Verification by the alliance: the queue, one update beside last year's, return with reasons per field, accept
// (the registry's figures change through its history, with the update named), accept many.
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { findAuditEvents, recordAudit } from '../audit/audit.service.ts';
import { applyOrganisationChanges, isUuid } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { formFields, type FormDefinition, type UpdateValues } from './form-definition.ts';
import { communeJoin, organisationForUpdateColumns } from './annual-updates.organisations.ts';
import { findLastAccepted } from './annual-updates.filing.ts';
import { requireUpdateReader, requireVerifier, updatePermissions, updateReadScope, type TenantUser } from './annual-updates.policy.ts';
import { presentOrganisationForUpdate, presentUpdate, type UpdateRow } from './annual-updates.present.ts';
import { annualUpdates } from './annual-updates.sql.ts';
import { getFormById } from './update-forms.service.ts';
import { isOnTime } from './annual-updates.calendar.ts';

export const UPDATE_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

export type QueueQuery = { year: number; state?: UpdateState; commune?: string; kind?: string; page: number; pageSize: number };

/** The verification queue of a year, in the Vietnamese order of the organisations' names. */
export async function findUpdates(db: Db, { actor, query }: { actor: Actor; query: QueueQuery }) {
  const user = requireUpdateReader(actor);
  const filtered = and(
    updateReadScope(user),
    eq(annualUpdates.year, query.year),
    query.commune ? eq(organisations.currentCommuneCode, query.commune) : undefined,
    query.kind ? eq(organisations.kind, query.kind) : undefined,
  );
  const where = and(filtered, query.state ? eq(annualUpdates.state, query.state) : undefined);
  const from = () =>
    db
      .select({ update: annualUpdates, organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind, registrationNumber: organisations.registrationNumber, currentCommuneCode: organisations.currentCommuneCode, currentCommuneName: adminUnits.name } })
      .from(annualUpdates)
      .innerJoin(organisations, and(eq(organisations.tenantId, annualUpdates.tenantId), eq(organisations.id, annualUpdates.organisationId)))
      .leftJoin(adminUnits, communeJoin);
  const rows = await from().where(where).orderBy(asc(organisations.nameOrder), asc(organisations.name), asc(organisations.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  // How many in each state under the same commune and kind (the queue's filter buttons), in the same statement.
  const byState = await db
    .select({ state: annualUpdates.state, n: count() })
    .from(annualUpdates)
    .innerJoin(organisations, and(eq(organisations.tenantId, annualUpdates.tenantId), eq(organisations.id, annualUpdates.organisationId)))
    .where(filtered)
    .groupBy(annualUpdates.state);
  const counts = Object.fromEntries(UPDATE_STATES.map((state) => [state, byState.find((r) => r.state === state)?.n ?? 0])) as Record<UpdateState, number>;
  const total = query.state ? counts[query.state] : byState.reduce((sum, r) => sum + r.n, 0);
  return {
    year: query.year,
    page: query.page,
    pageSize: query.pageSize,
    total,
    counts,
    items: rows.map(({ update, organisation }) => ({
      id: update.id,
      year: update.year,
      state: update.state as UpdateState,
      channel: update.channel,
      firstSubmittedAt: update.firstSubmittedAt?.toISOString() ?? null,
      submittedAt: update.submittedAt?.toISOString() ?? null,
      onTime: isOnTime(update.year, update.firstSubmittedAt),
      questionedFields: update.returnReasons ? Object.keys(update.returnReasons as object).length : 0,
      acceptedAt: update.acceptedAt?.toISOString() ?? null,
      organisation,
      can: updatePermissions(actor, update, false),
    })),
  };
}

/** One update within the reader's reach (404 otherwise), with its row locked when asked. */
async function findUpdateInReach(db: Db, user: TenantUser, id: string, lock = false): Promise<UpdateRow> {
  if (!isUuid(id)) throw notFound('bản cập nhật');
  const query = db
    .select({ update: annualUpdates })
    .from(annualUpdates)
    .innerJoin(organisations, and(eq(organisations.tenantId, annualUpdates.tenantId), eq(organisations.id, annualUpdates.organisationId)))
    .where(and(eq(annualUpdates.tenantId, user.tenantId), eq(annualUpdates.id, id), updateReadScope(user)));
  const [row] = lock ? await query.for('update', { of: annualUpdates }) : await query;
  if (!row) throw notFound('bản cập nhật');
  return row.update;
}

/** One update with its form, its organisation (registry figures) and the last accepted values before it. */
export async function getUpdate(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireUpdateReader(actor);
  const row = await findUpdateInReach(db, user, id);
  const [org] = await db
    .select(organisationForUpdateColumns)
    .from(organisations)
    .leftJoin(adminUnits, communeJoin)
    .where(and(eq(organisations.tenantId, row.tenantId), eq(organisations.id, row.organisationId)));
  return {
    update: presentUpdate(row),
    form: await getFormById(db, row.tenantId, row.formId),
    organisation: presentOrganisationForUpdate(org!),
    lastAccepted: await findLastAccepted(db, row.tenantId, row.organisationId, row.year),
    can: updatePermissions(actor, row, false),
    history: presentHistory(await findAuditEvents(db, row.tenantId, 'annual_update', row.id)),
  };
}

type AuditEvent = Awaited<ReturnType<typeof findAuditEvents>>[number];

/** Every round of an update from its audit trail, oldest first: submitted, returned (with reasons), resubmitted, accepted. */
function presentHistory(events: AuditEvent[]) {
  return [...events].reverse().flatMap((e) => {
    const before = (e.before ?? {}) as { state?: string };
    const after = (e.after ?? {}) as { reasons?: Record<string, string> };
    const action = { 'annual_update.submitted': before.state === 'returned' ? 'resubmitted' : 'submitted', 'annual_update.returned': 'returned', 'annual_update.accepted': 'accepted' }[e.action];
    if (!action) return [];
    return [{ at: e.at.toISOString(), action, actorLabel: e.actorLabel, ...(action === 'returned' ? { reasons: after.reasons ?? null } : {}) }];
  });
}

function requireSubmitted(row: UpdateRow, doing: string): void {
  if (row.state === 'submitted') return;
  const why = { draft: 'chưa được gửi', returned: 'đang chờ tổ chức sửa', accepted: 'đã được tiếp nhận' }[row.state] ?? row.state;
  throw new AppError('conflict', `Không thể ${doing}: bản cập nhật ${why}.`, { state: row.state });
}

/** Returns a submitted update to its organisation with a reason on each field questioned. */
export async function returnUpdate(db: Db, { actor, id, reasons }: { actor: Actor; id: string; reasons: Record<string, string> }) {
  const user = requireVerifier(actor);
  return db.transaction(async (tx) => {
    const row = await findUpdateInReach(tx, user, id, true);
    requireSubmitted(row, 'trả lại');
    const form = await getFormById(tx, row.tenantId, row.formId);
    const keys = new Set(formFields(form.definition).map((f) => f.key));
    const cleaned: Record<string, string> = {};
    for (const [key, text] of Object.entries(reasons)) {
      if (!keys.has(key)) throw new AppError('bad_request', `Trường "${key}" không có trong biểu mẫu của bản cập nhật này.`, { field: `reasons.${key}` });
      const reason = text.normalize('NFC').trim();
      if (reason) cleaned[key] = reason;
    }
    if (Object.keys(cleaned).length === 0) throw new AppError('bad_request', 'Lý do trả lại: hãy ghi lý do cho ít nhất một trường cần sửa.', { field: 'reasons' });
    const now = new Date();
    const [updated] = await tx
      .update(annualUpdates)
      .set({ state: 'returned', returnReasons: cleaned, returnedAt: now, returnedBy: user.email, updatedAt: now })
      .where(and(eq(annualUpdates.tenantId, row.tenantId), eq(annualUpdates.id, row.id)))
      .returning();
    await recordAudit(tx, { actor, tenantId: row.tenantId, action: 'annual_update.returned', entityType: 'annual_update', entityId: row.id, before: { state: row.state }, after: { state: 'returned', reasons: cleaned } });
    return { update: presentUpdate(updated!) };
  });
}

/** The registry's figures an accepted update carries: members by class, workers, charter capital. */
export function registryChanges(definition: FormDefinition, values: UpdateValues) {
  const keys = new Set(formFields(definition).map((f) => f.key));
  const num = (key: string) => (keys.has(key) && typeof values[key] === 'number' ? (values[key] as number) : undefined);
  const changes: { membersOfficial?: number; membersAssociatedCapital?: number; membersAssociatedNoCapital?: number; workers?: number; charterCapitalVnd?: string } = {};
  if (keys.has('membersOfficial')) {
    changes.membersOfficial = num('membersOfficial');
    changes.membersAssociatedCapital = num('membersAssociatedCapital');
    changes.membersAssociatedNoCapital = num('membersAssociatedNoCapital');
  } else if (num('membersTotal') !== undefined) {
    // A cooperative group's form has one class of members: they are its official members.
    changes.membersOfficial = num('membersTotal');
    changes.membersAssociatedCapital = 0;
    changes.membersAssociatedNoCapital = 0;
  }
  changes.workers = num('workers');
  const capital = num('charterCapitalVnd');
  if (capital !== undefined) changes.charterCapitalVnd = String(capital);
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes;
}

/** Accepts a submitted update: its figures go into the registry through its history, naming the update. */
export async function acceptUpdate(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireVerifier(actor);
  return db.transaction(async (tx) => {
    const row = await findUpdateInReach(tx, user, id, true);
    requireSubmitted(row, 'tiếp nhận');
    const form = await getFormById(tx, row.tenantId, row.formId);
    const changes = registryChanges(form.definition, row.values as UpdateValues);
    const [current] = await tx.select().from(organisations).where(and(eq(organisations.tenantId, row.tenantId), eq(organisations.id, row.organisationId))).for('update');
    await applyOrganisationChanges(tx, { actor, current: current!, version: current!.version, changes, auditAfter: { fromAnnualUpdate: { id: row.id, year: row.year } } });
    const now = new Date();
    const [updated] = await tx
      .update(annualUpdates)
      .set({ state: 'accepted', acceptedAt: now, acceptedBy: user.email, updatedAt: now })
      .where(and(eq(annualUpdates.tenantId, row.tenantId), eq(annualUpdates.id, row.id)))
      .returning();
    await recordAudit(tx, { actor, tenantId: row.tenantId, action: 'annual_update.accepted', entityType: 'annual_update', entityId: row.id, before: { state: row.state }, after: { state: 'accepted', registry: changes } });
    return { update: presentUpdate(updated!), organisationName: current!.name };
  });
}

/** Accepts many at once; those not waiting for verification (returned, not sent, already accepted) are skipped. */
export async function acceptUpdates(db: Db, { actor, ids }: { actor: Actor; ids: string[] }) {
  requireVerifier(actor);
  const accepted: { id: string; organisationName: string }[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const done = await acceptUpdate(db, { actor, id });
      accepted.push({ id, organisationName: done.organisationName });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'forbidden') throw error;
      skipped.push({ id, reason: error.message });
    }
  }
  return { accepted, skipped };
}

