// The forms of an alliance's years: read (never writing on a read, decision 005), made on first need, published.
import { and, desc, eq, inArray, lt, max } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { FormDefinition, UPDATE_KINDS, type UpdateKind } from './form-definition.ts';
import { builtInForm } from './forms/index.ts';
import { annualUpdates, updateForms } from './annual-updates.sql.ts';
import { requireFormPublisher, requireUpdateReader } from './annual-updates.policy.ts';

export type UpdateForm = { id: string | null; year: number; kind: UpdateKind; version: number; definition: FormDefinition; publishedAt: string | null; publishedBy: string | null };

type FormRow = typeof updateForms.$inferSelect;

function present(row: FormRow): UpdateForm {
  return { id: row.id, year: row.year, kind: row.kind as UpdateKind, version: row.version, definition: row.definition as FormDefinition, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy };
}

async function latestOfYear(db: Db, tenantId: number, year: number, kind: UpdateKind): Promise<FormRow | undefined> {
  const [row] = await db
    .select()
    .from(updateForms)
    .where(and(eq(updateForms.tenantId, tenantId), eq(updateForms.year, year), eq(updateForms.kind, kind)))
    .orderBy(desc(updateForms.version))
    .limit(1);
  return row;
}

/** What a year's first version would be: the latest form of an earlier year of the alliance, else the built-in. */
async function inheritedDefinition(db: Db, tenantId: number, year: number, kind: UpdateKind): Promise<FormDefinition> {
  const [earlier] = await db
    .select({ definition: updateForms.definition })
    .from(updateForms)
    .where(and(eq(updateForms.tenantId, tenantId), lt(updateForms.year, year), eq(updateForms.kind, kind)))
    .orderBy(desc(updateForms.year), desc(updateForms.version))
    .limit(1);
  return earlier ? (earlier.definition as FormDefinition) : builtInForm(kind);
}

/** The form in force for a year and kind, without writing: a year not yet used shows what it will get (id null). */
export async function resolveForm(db: Db, tenantId: number, year: number, kind: UpdateKind): Promise<UpdateForm> {
  const row = await latestOfYear(db, tenantId, year, kind);
  if (row) return present(row);
  return { id: null, year, kind, version: 1, definition: await inheritedDefinition(db, tenantId, year, kind), publishedAt: null, publishedBy: null };
}

/** The form in force, made (version 1 of the year) the first time the year needs it. */
export async function ensureForm(db: Db, tenantId: number, year: number, kind: UpdateKind): Promise<UpdateForm & { id: string }> {
  const existing = await latestOfYear(db, tenantId, year, kind);
  if (existing) return present(existing) as UpdateForm & { id: string };
  const definition = await inheritedDefinition(db, tenantId, year, kind);
  await db.insert(updateForms).values({ tenantId, year, kind, version: 1, definition, publishedBy: 'system' }).onConflictDoNothing();
  return present((await latestOfYear(db, tenantId, year, kind))!) as UpdateForm & { id: string };
}

/** One stored form by id (an update keeps the form it was filed on). */
export async function getFormById(db: Db, tenantId: number, id: string): Promise<UpdateForm> {
  const [row] = await db.select().from(updateForms).where(and(eq(updateForms.tenantId, tenantId), eq(updateForms.id, id)));
  if (!row) throw new AppError('not_found', 'Không tìm thấy biểu mẫu.');
  return present(row);
}

/** A year's forms, per kind: the one in force and the versions published. */
export async function findForms(db: Db, { actor, year }: { actor: Actor; year: number }) {
  const user = requireUpdateReader(actor);
  const versions = await db
    .select({ id: updateForms.id, kind: updateForms.kind, version: updateForms.version, publishedAt: updateForms.publishedAt, publishedBy: updateForms.publishedBy })
    .from(updateForms)
    .where(and(eq(updateForms.tenantId, user.tenantId), eq(updateForms.year, year)))
    .orderBy(updateForms.kind, desc(updateForms.version));
  const forms = [];
  for (const kind of UPDATE_KINDS) {
    forms.push({
      kind,
      current: await resolveForm(db, user.tenantId, year, kind),
      versions: versions.filter((v) => v.kind === kind).map((v) => ({ id: v.id, version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy })),
    });
  }
  return { year, forms };
}

/**
 * Publishes a new version of a year's form. Updates already submitted keep the form they were filed on; drafts
 * of that year and kind move to the new version.
 */
export async function publishForm(db: Db, { actor, year, kind, definition }: { actor: Actor; year: number; kind: UpdateKind; definition: unknown }) {
  const user = requireFormPublisher(actor);
  const parsed = FormDefinition.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('bad_request', `Biểu mẫu không hợp lệ: ${issue.message} (${['definition', ...issue.path].join('.')}).`, { field: ['definition', ...issue.path].join('.') });
  }
  if (parsed.data.kind !== kind) throw new AppError('bad_request', `Biểu mẫu là của loại ${parsed.data.kind}, không phải ${kind}.`, { field: 'definition.kind' });
  return db.transaction(async (tx) => {
    const previous = await ensureForm(tx, user.tenantId, year, kind);
    const [{ top } = { top: 0 }] = await tx
      .select({ top: max(updateForms.version) })
      .from(updateForms)
      .where(and(eq(updateForms.tenantId, user.tenantId), eq(updateForms.year, year), eq(updateForms.kind, kind)));
    const [created] = await tx
      .insert(updateForms)
      .values({ tenantId: user.tenantId, year, kind, version: (top ?? 0) + 1, definition: parsed.data, publishedBy: user.email })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new AppError('conflict', 'Một phiên bản khác vừa được ban hành cùng lúc; hãy tải lại và thử lại.');
    const sameKind = tx
      .select({ id: updateForms.id })
      .from(updateForms)
      .where(and(eq(updateForms.tenantId, user.tenantId), eq(updateForms.year, year), eq(updateForms.kind, kind)));
    const moved = await tx
      .update(annualUpdates)
      .set({ formId: created.id, updatedAt: new Date() })
      .where(and(eq(annualUpdates.tenantId, user.tenantId), eq(annualUpdates.year, year), eq(annualUpdates.state, 'draft'), inArray(annualUpdates.formId, sameKind)))
      .returning({ id: annualUpdates.id });
    await recordAudit(tx, {
      actor,
      tenantId: user.tenantId,
      action: 'update_form.published',
      entityType: 'update_form',
      entityId: created.id,
      before: { id: previous.id, version: previous.version },
      after: { year, kind, version: created.version, draftsMoved: moved.length },
    });
    return { form: present(created), draftsMoved: moved.length };
  });
}

