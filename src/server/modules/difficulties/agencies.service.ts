// The competent agencies an alliance forwards recommendations to (decision 008): a maintained list per alliance,
// with the usual list of a province added in one step when the alliance has none.
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { isUniqueViolation } from '../loans/loan-errors.ts';
import { requireDifficultyHandler } from './difficulties.policy.ts';
import { agencies } from './difficulties.sql.ts';
import { loadLetterSettings } from './letter-settings.service.ts';
import { AGENCY_KIND_LABELS, type AgencyInput, type AgencyKind, type AgencyPatch } from './recommendations.schemas.ts';

export type Agency = typeof agencies.$inferSelect;

export function presentAgency(agency: Agency) {
  return {
    id: agency.id,
    name: agency.name,
    shortName: agency.shortName,
    kind: agency.kind,
    kindLabel: AGENCY_KIND_LABELS[agency.kind as AgencyKind] ?? AGENCY_KIND_LABELS.other,
    communeCode: agency.communeCode,
    address: agency.address,
    email: agency.email,
    active: agency.active,
  };
}

/** The alliance's agencies, by kind then name; the inactive ones only when asked. */
export async function findAgencies(db: Db, { actor, includeInactive = false }: { actor: Actor; includeInactive?: boolean }) {
  const { tenantId } = requireDifficultyHandler(actor);
  const rows = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), includeInactive ? undefined : eq(agencies.active, true)))
    .orderBy(asc(agencies.kind), asc(agencies.name));
  return rows;
}

/** One agency of the actor's alliance; 404 for another's or a made-up id. */
export async function getAgency(db: Db, tenantId: number, id: string): Promise<Agency> {
  if (!isUuid(id)) throw notFound('cơ quan');
  const [row] = await db.select().from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  if (!row) throw notFound('cơ quan');
  return row;
}

/** Two saving the same name at once: the second meets the unique key, and is told as if it had checked first. */
async function uniqueName<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

const duplicateName = (name: string) => new AppError('conflict', `Đã có cơ quan tên "${name}" trong danh sách.`, { field: 'name' });

async function nameTaken(db: Db, tenantId: number, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.name, name)));
  return row !== undefined && row.id !== exceptId;
}

/** Adds an agency to the alliance's list; audited. */
export async function createAgency(db: Db, { actor, input }: { actor: Actor; input: AgencyInput }): Promise<Agency> {
  const { tenantId } = requireDifficultyHandler(actor);
  return uniqueName(input.name, () =>
    db.transaction(async (tx) => {
      if (await nameTaken(tx, tenantId, input.name)) throw duplicateName(input.name);
      const [row] = await tx.insert(agencies).values({ tenantId, ...input }).returning();
      await recordAudit(tx, { actor, tenantId, action: 'agency.created', entityType: 'agency', entityId: row!.id, before: null, after: presentAgency(row!) });
      return row!;
    }),
  );
}

/** Changes an agency (its name, kind, address, or whether it is still used); audited. */
export async function updateAgency(db: Db, { actor, id, input }: { actor: Actor; id: string; input: AgencyPatch }): Promise<Agency> {
  const { tenantId } = requireDifficultyHandler(actor);
  return uniqueName(input.name ?? '', () =>
    db.transaction(async (tx) => {
      const before = await getAgency(tx, tenantId, id);
      if (input.name && (await nameTaken(tx, tenantId, input.name, id))) throw duplicateName(input.name);
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length === 0) return before;
      const [row] = await tx.update(agencies).set(changes).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id))).returning();
      await recordAudit(tx, { actor, tenantId, action: 'agency.updated', entityType: 'agency', entityId: id, before: presentAgency(before), after: presentAgency(row!) });
      return row!;
    }),
  );
}

/**
 * The agencies an alliance usually writes to, for its province (the departments as reorganised in 2025 — Decree
 * 45/2025/NĐ-CP — the provincial tax office and bank branches after their own 2025 reorganisations, and the two
 * ministries closest to cooperatives). Names can be corrected afterwards.
 */
export function defaultAgencies(province: string): Array<Pick<AgencyInput, 'name' | 'shortName' | 'kind'>> {
  const p = /^thành phố|^tp\b/iu.test(province) ? province : `tỉnh ${province}`;
  const department = (name: string, shortName: string) => ({ name: `${name} ${p}`, shortName, kind: 'department' as const });
  return [
    { name: `Ủy ban nhân dân ${p}`, shortName: 'UBND tỉnh', kind: 'province_committee' },
    department('Sở Tài chính', 'Sở TC'),
    department('Sở Nông nghiệp và Môi trường', 'Sở NN&MT'),
    department('Sở Công Thương', 'Sở CT'),
    department('Sở Khoa học và Công nghệ', 'Sở KH&CN'),
    department('Sở Xây dựng', 'Sở XD'),
    department('Sở Nội vụ', 'Sở NV'),
    department('Sở Tư pháp', 'Sở TP'),
    department('Sở Văn hóa, Thể thao và Du lịch', 'Sở VHTTDL'),
    { name: `Thuế ${p}`, shortName: 'Thuế tỉnh', kind: 'department' },
    { name: `Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực phụ trách ${p}`, shortName: 'NHNN chi nhánh khu vực', kind: 'bank' },
    { name: `Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam - Chi nhánh ${p}`, shortName: 'Agribank', kind: 'bank' },
    { name: `Ngân hàng Chính sách xã hội - Chi nhánh ${p}`, shortName: 'NHCSXH', kind: 'bank' },
    { name: 'Bộ Nông nghiệp và Môi trường', shortName: 'Bộ NN&MT', kind: 'ministry' },
    { name: 'Bộ Tài chính', shortName: 'Bộ TC', kind: 'ministry' },
  ];
}

/** Adds the usual list of the alliance's province when it has no agency yet (409 otherwise); audited. */
export async function addDefaultAgencies(db: Db, { actor }: { actor: Actor }): Promise<Agency[]> {
  const { tenantId } = requireDifficultyHandler(actor);
  const settings = await loadLetterSettings(db, tenantId);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(agencies).where(eq(agencies.tenantId, tenantId));
    if (Number(existing?.n ?? 0) > 0) {
      throw new AppError('conflict', 'Liên minh đã có danh sách cơ quan: thêm hoặc sửa từng cơ quan trong danh sách.');
    }
    const rows = await tx
      .insert(agencies)
      .values(defaultAgencies(settings.provinceName || settings.place).map((a) => ({ tenantId, ...a })))
      .onConflictDoNothing()
      .returning();
    for (const row of rows) {
      await recordAudit(tx, { actor, tenantId, action: 'agency.created', entityType: 'agency', entityId: row.id, before: null, after: { ...presentAgency(row), fromDefaults: true } });
    }
    return rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'vi'));
  });
}
