import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { normalizeText } from '../../../shared/vietnamese-text.ts';
import {
  ENDED_STATUSES,
  MANAGER_EDITABLE_FIELDS,
  type OrganisationInput,
  type OrganisationPatch,
  type Status,
} from '../../../shared/organisation.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { fieldLabel } from '../../../shared/field-labels.ts';
import type { Actor } from '../accounts/roles.ts';
import { placeInCurrentCommune, getTenantProvince } from '../admin-units/admin-units.service.ts';
import { findAuditEvents, recordAudit } from '../audit/audit.service.ts';
import { organisationPermissions, organisationReadScope, requireRegistryStaff, requireUser } from './cooperatives.policy.ts';
import { presentOrganisationAuditEvent, snapshotOrganisation, type OrganisationRow } from './cooperatives.present.ts';
import { organisations, organisationStatuses } from './cooperatives.sql.ts';
import { derivedColumns } from './cooperatives.search.ts';
import { sectors } from './sectors.sql.ts';
import { formatDateVi, todayIso } from '../../../shared/dates.ts';

type NewOrganisation = typeof organisations.$inferInsert;

/** Turns validated input into column values: text NFC and trimmed, money as bigint, search text computed. */
export function toColumns(input: Partial<OrganisationInput>): Partial<NewOrganisation> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (field === 'charterCapitalVnd') out[field] = BigInt(value as string);
    else if (typeof value === 'string') out[field] = value === '' ? null : normalizeText(value);
    else out[field] = value;
  }
  if (out.name === null) delete out.name;
  return out as Partial<NewOrganisation>;
}

async function requireSector(db: Db, code: string): Promise<void> {
  const [row] = await db.select({ code: sectors.code }).from(sectors).where(eq(sectors.code, code));
  if (!row) throw new AppError('bad_request', `Lĩnh vực "${code}" không có trong danh mục.`, { field: 'sectorCode' });
}

async function requireFreeRegistrationNumber(db: Db, tenantId: number, registrationNumber: string | null | undefined) {
  if (!registrationNumber) return;
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.registrationNumber, registrationNumber.trim())));
  if (row) throw new AppError('conflict', `Mã số ${registrationNumber} đã thuộc "${row.name}".`, { field: 'registrationNumber' });
}

/** Places the organisation in today's commune unless one was chosen explicitly. */
async function withCurrentCommune(db: Db, tenantId: number, values: Partial<NewOrganisation>): Promise<Partial<NewOrganisation>> {
  if (values.currentCommuneCode || !values.registeredCommune) return values;
  const province = await getTenantProvince(db, tenantId);
  if (!province) return values;
  const placed = await placeInCurrentCommune(db, province.code, { commune: values.registeredCommune, district: values.registeredDistrict });
  return placed.ok ? { ...values, currentCommuneCode: placed.code } : values;
}

function statusStart(values: Partial<NewOrganisation>, fallback: string): string {
  if (values.statusSince) return values.statusSince;
  if (values.dissolvedOn && values.status && ENDED_STATUSES.includes(values.status as Status)) return values.dissolvedOn;
  return fallback;
}

/** Creates an organisation with its first status and an audit event, in one transaction. */
export async function createOrganisation(db: Db, { actor, input }: { actor: Actor; input: OrganisationInput }) {
  const user = requireRegistryStaff(actor);
  return insertOrganisation(db, { actor, tenantId: user.tenantId, input });
}

/** Insert without the permission check, for callers that checked it (the importer runs many in one transaction). */
export async function insertOrganisation(db: Db, { actor, tenantId, input }: { actor: Actor; tenantId: number; input: OrganisationInput }) {
  await requireSector(db, input.sectorCode);
  await requireFreeRegistrationNumber(db, tenantId, input.registrationNumber);
  const values = await withCurrentCommune(db, tenantId, toColumns(input));
  return db.transaction(async (tx) => {
    const row: NewOrganisation = {
      ...(values as NewOrganisation),
      tenantId,
      ...derivedColumns({ ...values, name: values.name! }),
    };
    row.statusSince = statusStart(values, values.foundedOn!);
    const [created] = await tx.insert(organisations).values(row).returning();
    await tx.insert(organisationStatuses).values({ tenantId, organisationId: created!.id, status: created!.status, validFrom: created!.statusSince! });
    await recordAudit(tx, { actor, tenantId, action: 'organisation.created', entityType: 'organisation', entityId: created!.id, before: null, after: snapshotOrganisation(created!) });
    return created!;
  });
}

/** Reads one organisation the actor may see in full; `asOf` reads it as the registry held it that day. */
export async function getOrganisation(db: Db, { actor, id, asOf }: { actor: Actor; id: string; asOf?: string }) {
  if (!isUuid(id)) throw notFound('tổ chức');
  const [row] = await db
    .select({ org: organisations, sectorGroup: sectors.groupKey })
    .from(organisations)
    .leftJoin(sectors, eq(sectors.code, organisations.sectorCode))
    .where(and(eq(organisations.id, id), organisationReadScope(actor)));
  if (!row) throw notFound('tổ chức');
  if (!asOf) return row;
  const events = await findAuditEvents(db, row.org.tenantId, 'organisation', id);
  const endOfDay = new Date(`${asOf}T23:59:59.999+07:00`);
  const then = events.find((e) => e.at <= endOfDay);
  if (!then?.after) throw new AppError('not_found', `Tổ chức chưa có trong sổ đăng ký vào ngày ${formatDateVi(asOf)}.`);
  const snapshot = then.after as Record<string, unknown>;
  return { org: { ...row.org, ...snapshot, charterCapitalVnd: BigInt(snapshot.charterCapitalVnd as string) } as OrganisationRow, sectorGroup: row.sectorGroup };
}

/** Changes an organisation; a cooperative's manager may change only the annual-update fields of its own. */
export async function updateOrganisation(db: Db, { actor, id, patch }: { actor: Actor; id: string; patch: OrganisationPatch }) {
  requireUser(actor);
  const { org: current } = await getOrganisation(db, { actor, id });
  const can = organisationPermissions(actor, current);
  if (!can.update) throw forbidden();
  const { version, ...changes } = patch;
  if (!can.updateAllFields) {
    const outside = Object.keys(changes).filter((f) => !(MANAGER_EDITABLE_FIELDS as readonly string[]).includes(f));
    if (outside.length) throw new AppError('forbidden', `Bạn không được sửa: ${outside.map((f) => fieldLabel(f)).join(', ')}.`, { field: outside[0] });
  }
  if (changes.sectorCode) await requireSector(db, changes.sectorCode);
  if (changes.registrationNumber && changes.registrationNumber !== current.registrationNumber) {
    await requireFreeRegistrationNumber(db, current.tenantId, changes.registrationNumber);
  }
  return applyOrganisationChanges(db, { actor, current, version, changes });
}

/**
 * Writes changes to a row the caller has read and may change (used by the importer and the annual update too);
 * `auditAfter` adds where the change came from to the audit's "after" (e.g. fromAnnualUpdate).
 */
export async function applyOrganisationChanges(
  db: Db,
  { actor, current, version, changes, auditAfter }: { actor: Actor; current: OrganisationRow; version: number; changes: Partial<OrganisationInput>; auditAfter?: Record<string, unknown> },
) {
  let values = toColumns(changes);
  if (values.registeredCommune !== undefined || values.registeredDistrict !== undefined) {
    values = await withCurrentCommune(db, current.tenantId, { ...values, currentCommuneCode: values.currentCommuneCode ?? null, registeredCommune: values.registeredCommune ?? current.registeredCommune, registeredDistrict: values.registeredDistrict ?? current.registeredDistrict });
  }
  const statusChanged = values.status !== undefined && values.status !== current.status;
  if (statusChanged) values.statusSince = statusStart({ ...values, dissolvedOn: values.dissolvedOn ?? current.dissolvedOn }, todayIso());
  const merged = { ...current, ...values };
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organisations)
      .set({ ...values, ...derivedColumns(merged), version: sql`${organisations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(organisations.tenantId, current.tenantId), eq(organisations.id, current.id), eq(organisations.version, version)))
      .returning();
    if (!updated) throw new AppError('conflict', 'Hồ sơ đã được người khác sửa trong lúc bạn sửa; hãy tải lại và sửa lại.');
    if (statusChanged) {
      await tx.insert(organisationStatuses).values({ tenantId: current.tenantId, organisationId: current.id, status: updated.status, validFrom: updated.statusSince! });
    }
    await recordAudit(tx, { actor, tenantId: current.tenantId, action: 'organisation.updated', entityType: 'organisation', entityId: current.id, before: snapshotOrganisation(current), after: { ...snapshotOrganisation(updated), ...auditAfter } });
    return updated;
  });
}

/** Status history and audit trail of one organisation. */
export async function getOrganisationHistory(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { org } = await getOrganisation(db, { actor, id });
  const statuses = await db
    .select({ status: organisationStatuses.status, validFrom: organisationStatuses.validFrom, note: organisationStatuses.note, recordedAt: organisationStatuses.recordedAt })
    .from(organisationStatuses)
    .where(and(eq(organisationStatuses.tenantId, org.tenantId), eq(organisationStatuses.organisationId, id)))
    .orderBy(organisationStatuses.validFrom, organisationStatuses.recordedAt);
  const can = organisationPermissions(actor, org);
  const audit = can.viewAudit ? (await findAuditEvents(db, org.tenantId, 'organisation', id)).map(presentOrganisationAuditEvent) : [];
  return { statuses, audit };
}

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
