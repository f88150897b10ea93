// Filing an annual update: the manager's view of the year, drafts (saved with a version, so that two devices
// never overwrite each other silently), and the submission (re-validated in full, filed once per submit key).
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { validate, type FieldError, type FormDefinition, type UpdateValues } from './form-definition.ts';
import { updateDeadline, yearInVietnam } from './annual-updates.calendar.ts';
import { findOrganisationForUpdate, updateKindOf } from './annual-updates.organisations.ts';
import { managedOrganisationIds, mayFileFor, requireFiler, updatePermissions, type TenantUser } from './annual-updates.policy.ts';
import { presentOrganisationForUpdate, presentReceipt, presentUpdate, type OrganisationForUpdate, type UpdateRow } from './annual-updates.present.ts';
import { annualUpdates } from './annual-updates.sql.ts';
import { ensureForm, getFormById, resolveForm } from './update-forms.service.ts';

export type Channel = 'online' | 'staff' | 'excel';

/** The organisation a filer acts for (404 for anyone else's), and its form kind. */
async function organisationToFile(db: Db, user: TenantUser, organisationId: string): Promise<OrganisationForUpdate> {
  const org = await findOrganisationForUpdate(db, organisationId, eq(organisations.tenantId, user.tenantId));
  if (!mayFileFor(user, org)) throw new AppError('not_found', 'Không tìm thấy tổ chức.');
  updateKindOf(org);
  return org;
}

async function findUpdateRow(db: Db, tenantId: number, organisationId: string, year: number, lock = false): Promise<UpdateRow | undefined> {
  const query = db
    .select()
    .from(annualUpdates)
    .where(and(eq(annualUpdates.tenantId, tenantId), eq(annualUpdates.organisationId, organisationId), eq(annualUpdates.year, year)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The latest accepted update of an earlier year (shown beside each field). */
export async function findLastAccepted(db: Db, tenantId: number, organisationId: string, year: number) {
  const [row] = await db
    .select()
    .from(annualUpdates)
    .where(and(eq(annualUpdates.tenantId, tenantId), eq(annualUpdates.organisationId, organisationId), lt(annualUpdates.year, year), eq(annualUpdates.state, 'accepted')))
    .orderBy(desc(annualUpdates.year))
    .limit(1);
  return row ? { id: row.id, year: row.year, values: row.values as UpdateValues, acceptedAt: row.acceptedAt!.toISOString() } : null;
}

function refuseInvalid(errors: FieldError[]): never {
  throw new AppError('bad_request', errors[0]!.message, { field: errors[0]!.field, issues: errors });
}

function refuseClosed(row: UpdateRow): never {
  if (row.state === 'accepted') throw new AppError('conflict', `Bản cập nhật năm ${row.year} đã được Liên minh tiếp nhận; không sửa hay gửi lại được.`, { update: presentUpdate(row) });
  throw new AppError('conflict', `Bản cập nhật năm ${row.year} đã được gửi và đang chờ Liên minh xem xét; chỉ sửa được khi Liên minh trả lại.`, { update: presentUpdate(row) });
}

const isOpen = (row: UpdateRow) => row.state === 'draft' || row.state === 'returned';

/** The year as the filer sees it: organisation, deadline, form, their update (or null) and last year's values. */
export async function getMyUpdate(db: Db, { actor, year = yearInVietnam(), organisationId }: { actor: Actor; year?: number; organisationId?: string }) {
  const user = requireFiler(actor);
  const chosen = organisationId ?? (user.role === 'coop_manager' ? (user.organisationId ?? managedOrganisationIds(user)[0]) : undefined);
  if (!chosen) throw new AppError('bad_request', 'Hãy chọn tổ chức cần cập nhật thông tin.', { field: 'organisationId' });
  const org = await organisationToFile(db, user, chosen);
  const row = await findUpdateRow(db, user.tenantId, org.id, year);
  const form = row ? await getFormById(db, user.tenantId, row.formId) : await resolveForm(db, user.tenantId, year, updateKindOf(org));
  return {
    organisation: presentOrganisationForUpdate(org),
    year,
    deadline: updateDeadline(year),
    form,
    update: row ? presentUpdate(row) : null,
    returnReasons: row?.state === 'returned' ? (row.returnReasons as Record<string, string>) : null,
    lastAccepted: await findLastAccepted(db, user.tenantId, org.id, year),
    can: updatePermissions(actor, row ?? null, true),
  };
}

/**
 * Saves a draft. `draftVersion` is the version the device last had (0 when it had none): an older one is refused
 * with 409 and the server's copy, so the device can show both and choose. Values are checked for type and range.
 */
export async function saveDraft(db: Db, { actor, organisationId, year, values, draftVersion }: { actor: Actor; organisationId: string; year: number; values: Record<string, unknown>; draftVersion: number }) {
  const user = requireFiler(actor);
  const org = await organisationToFile(db, user, organisationId);
  return db.transaction(async (tx) => {
    const row = await findUpdateRow(tx, user.tenantId, org.id, year, true);
    if (!row) {
      const form = await ensureForm(tx, user.tenantId, year, updateKindOf(org));
      const checked = validate(form.definition, values, { forSubmit: false });
      if (!checked.ok) refuseInvalid(checked.errors);
      const [created] = await tx
        .insert(annualUpdates)
        .values({ tenantId: user.tenantId, organisationId: org.id, year, formId: form.id, state: 'draft', values: checked.values, draftVersion: 1, channel: channelOf(user) })
        .onConflictDoNothing()
        .returning();
      if (!created) throw staleDraft((await findUpdateRow(tx, user.tenantId, org.id, year))!);
      return { update: presentUpdate(created) };
    }
    if (!isOpen(row)) refuseClosed(row);
    if (row.draftVersion !== draftVersion) throw staleDraft(row);
    const form = await getFormById(tx, user.tenantId, row.formId);
    const checked = validate(form.definition, values, { forSubmit: false });
    if (!checked.ok) refuseInvalid(checked.errors);
    const [updated] = await tx
      .update(annualUpdates)
      .set({ values: checked.values, draftVersion: row.draftVersion + 1, updatedAt: new Date() })
      .where(and(eq(annualUpdates.tenantId, row.tenantId), eq(annualUpdates.id, row.id)))
      .returning();
    return { update: presentUpdate(updated!) };
  });
}

function staleDraft(row: UpdateRow): AppError {
  return new AppError('conflict', 'Bản nháp đã được lưu từ một thiết bị khác sau lần bạn mở nó; hãy xem bản trên máy chủ rồi lưu lại.', { update: presentUpdate(row) });
}

function channelOf(user: TenantUser): Channel {
  return user.role === 'coop_manager' ? 'online' : 'staff';
}

/** Submits an update for the filer's organisation: see submitUpdateFor. */
export async function submitUpdate(db: Db, { actor, organisationId, year, values, submitKey }: { actor: Actor; organisationId: string; year: number; values: Record<string, unknown>; submitKey: string }) {
  const user = requireFiler(actor);
  const org = await organisationToFile(db, user, organisationId);
  return submitUpdateFor(db, { actor, tenantId: user.tenantId, organisation: org, year, values, submitKey, channel: channelOf(user) });
}

/**
 * Files an update for an organisation the caller may file for (checked by the caller: the route above, the Excel
 * import). The same submitKey again answers the first receipt and files nothing; a submission is validated in
 * full against the form the update is on; an accepted update, or one waiting for verification, is not refiled.
 */
export async function submitUpdateFor(
  db: Db,
  { actor, tenantId, organisation, year, values, submitKey, channel }: { actor: Actor; tenantId: number; organisation: { id: string; name: string; kind: string }; year: number; values: Record<string, unknown>; submitKey: string; channel: Channel },
) {
  const kind = updateKindOf(organisation);
  return db.transaction(async (tx) => {
    let row = await findUpdateRow(tx, tenantId, organisation.id, year, true);
    if (row && row.submitKey === submitKey && row.state !== 'draft') return { update: presentUpdate(row), receipt: presentReceipt(row, organisation.name), repeated: true };
    if (!row) {
      const form = await ensureForm(tx, tenantId, year, kind);
      await tx.insert(annualUpdates).values({ tenantId, organisationId: organisation.id, year, formId: form.id, state: 'draft', channel }).onConflictDoNothing();
      row = (await findUpdateRow(tx, tenantId, organisation.id, year, true))!;
      if (row.submitKey === submitKey && row.state !== 'draft') return { update: presentUpdate(row), receipt: presentReceipt(row, organisation.name), repeated: true };
    }
    if (!isOpen(row)) refuseClosed(row);
    const form = await getFormById(tx, tenantId, row.formId);
    const checked = validate(form.definition as FormDefinition, values, { forSubmit: true });
    if (!checked.ok) refuseInvalid(checked.errors);
    const now = new Date();
    const [submitted] = await tx
      .update(annualUpdates)
      .set({
        state: 'submitted',
        values: checked.values,
        draftVersion: row.draftVersion + 1,
        channel,
        submitKey,
        submittedAt: now,
        firstSubmittedAt: row.firstSubmittedAt ?? now,
        submittedBy: actor.kind === 'user' ? actor.email : null,
        updatedAt: now,
      })
      .where(and(eq(annualUpdates.tenantId, tenantId), eq(annualUpdates.id, row.id)))
      .returning();
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'annual_update.submitted',
      entityType: 'annual_update',
      entityId: row.id,
      before: { state: row.state, values: row.values },
      after: { state: 'submitted', values: checked.values, formVersion: form.version, channel },
    });
    return { update: presentUpdate(submitted!), receipt: presentReceipt(submitted!, organisation.name), repeated: false };
  });
}
