// Members' results on a pact's criteria (decision 010): reported by a coop manager for its own organisation, or
// entered by staff for any member, while the pact is signed; evidence files (photos, PDFs) kept in award_files
// (ownerKind 'result', purpose 'evidence'). A member never reads another member's results. Audited.
import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { checkDocument, MAX_DOCUMENT_BYTES, safeFileName } from '../../files/upload-checks.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { awardFiles } from '../awards/awards.sql.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { managedOrganisationIds } from '../difficulties/difficulties.policy.ts';
import { blockMembers } from './emulation-blocks.service.ts';
import { findPactInReach, pactCriteria, plainDecimal, type PactRow } from './emulation-pacts.service.ts';
import { isEmulationStaff, reportableOrganisations, requireEmulationReader, type TenantUser } from './emulation.policy.ts';
import type { ResultsInput } from './emulation.schemas.ts';
import { emulationBlockMembers, emulationCriteria, emulationPacts, emulationResults } from './emulation.sql.ts';

export const MAX_EVIDENCE_FILES = 10;

/** The owner id of one result's evidence (award_files.owner_id): a UUID derived from the criterion and the organisation. */
export function resultOwnerId(criterionId: string, organisationId: string): string {
  const h = createHash('sha256').update(`emulation-result:${criterionId}:${organisationId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The organisation the actor reports for: the one named (it must be reportable), else a manager's only one. */
async function reportingOrganisation(db: Db, user: TenantUser, pact: PactRow, organisationId: string | undefined) {
  const members = await blockMembers(db, user.tenantId, pact.blockId);
  const reportable = reportableOrganisations(user, members.map((m) => m.id));
  const id = organisationId ?? (!isEmulationStaff(user) && reportable.length === 1 ? reportable[0] : undefined);
  if (!id) throw new AppError('bad_request', 'Tổ chức: chọn thành viên của khối để nhập kết quả.', { field: 'organisationId' });
  if (!reportable.includes(id)) throw notFound('thành viên của khối');
  return members.find((m) => m.id === id)!;
}

type FileSummary = { id: string; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string };

async function evidenceOf(db: Db, tenantId: number, ownerIds: string[]): Promise<Map<string, FileSummary[]>> {
  const byOwner = new Map<string, FileSummary[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .select({ id: awardFiles.id, ownerId: awardFiles.ownerId, fileName: awardFiles.fileName, contentType: awardFiles.contentType, sizeBytes: awardFiles.sizeBytes, uploadedAt: awardFiles.uploadedAt })
    .from(awardFiles)
    .where(and(eq(awardFiles.tenantId, tenantId), eq(awardFiles.ownerKind, 'result'), inArray(awardFiles.ownerId, ownerIds)))
    .orderBy(asc(awardFiles.uploadedAt), asc(awardFiles.id));
  for (const { ownerId, uploadedAt, ...f } of rows) byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), { ...f, uploadedAt: uploadedAt.toISOString() }]);
  return byOwner;
}

/** The results the actor may read on a pact: every member's for staff, its own organisations' for a manager. */
export async function getResults(db: Db, { actor, pactId, organisationId }: { actor: Actor; pactId: string; organisationId?: string }) {
  const user = requireEmulationReader(actor);
  const pact = await findPactInReach(db, user, pactId);
  const members = await blockMembers(db, user.tenantId, pact.blockId);
  let reportable = reportableOrganisations(user, members.map((m) => m.id));
  if (organisationId !== undefined) {
    if (!reportable.includes(organisationId)) throw notFound('thành viên của khối');
    reportable = [organisationId];
  }
  const criteria = await pactCriteria(db, user.tenantId, pactId);
  const rows =
    reportable.length === 0
      ? []
      : await db
          .select()
          .from(emulationResults)
          .where(and(eq(emulationResults.tenantId, user.tenantId), eq(emulationResults.pactId, pactId), inArray(emulationResults.organisationId, reportable)));
  const files = await evidenceOf(db, user.tenantId, reportable.flatMap((o) => criteria.map((c) => resultOwnerId(c.id, o))));
  return {
    pactId,
    state: pact.state,
    criteria: criteria.map((c) => ({ id: c.id, position: c.position, name: c.name, unit: c.unit, target: c.target })),
    organisations: reportable.map((orgId) => ({
      id: orgId,
      name: members.find((m) => m.id === orgId)!.name,
      results: criteria.map((c) => {
        const r = rows.find((x) => x.organisationId === orgId && x.criterionId === c.id);
        return {
          criterionId: c.id,
          value: r ? plainDecimal(r.value) : null,
          note: r?.note ?? null,
          source: r?.source ?? null,
          reportedAt: r?.reportedAt.toISOString() ?? null,
          files: files.get(resultOwnerId(c.id, orgId)) ?? [],
        };
      }),
    })),
    can: { report: pact.state === 'signed' && reportable.length > 0 },
  };
}

function requireSigned(pact: PactRow) {
  if (pact.state === 'draft') throw new AppError('conflict', 'Chưa nhập được kết quả: giao ước chưa ký.', { state: pact.state });
  if (pact.state === 'closed') throw new AppError('conflict', 'Không thể sửa kết quả: giao ước đã tổng kết.', { state: pact.state });
}

/** Records one organisation's results on some criteria (a manager its own, staff any member's); null removes one. */
export async function putResults(db: Db, { actor, pactId, input }: { actor: Actor; pactId: string; input: ResultsInput }) {
  const user = requireEmulationReader(actor);
  const organisationId = await db.transaction(async (tx) => {
    const pact = await findPactInReach(tx, user, pactId);
    const org = await reportingOrganisation(tx, user, pact, input.organisationId);
    requireSigned(pact);
    const criteria = await pactCriteria(tx, user.tenantId, pactId);
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    const existing = await tx.select().from(emulationResults).where(and(eq(emulationResults.tenantId, user.tenantId), eq(emulationResults.pactId, pactId), eq(emulationResults.organisationId, org.id)));
    for (const [i, v] of input.values.entries()) {
      const criterion = criteria.find((c) => c.id === v.criterionId);
      if (!criterion) throw new AppError('bad_request', `Tiêu chí: không thuộc giao ước này (dòng ${i + 1}).`, { field: `values.${i}.criterionId` });
      const old = existing.find((r) => r.criterionId === criterion.id);
      before[criterion.name] = old ? plainDecimal(old.value) : null;
      const where = and(eq(emulationResults.tenantId, user.tenantId), eq(emulationResults.criterionId, criterion.id), eq(emulationResults.organisationId, org.id));
      if (v.value === null || v.value === '') {
        after[criterion.name] = null;
        if (old) await tx.delete(emulationResults).where(where);
        continue;
      }
      after[criterion.name] = v.value;
      const values = { value: v.value, note: v.note ?? null, source: isEmulationStaff(user) ? 'staff' : 'member', reportedBy: user.email, reportedAt: new Date() };
      if (old) await tx.update(emulationResults).set(values).where(where);
      else await tx.insert(emulationResults).values({ tenantId: user.tenantId, pactId, criterionId: criterion.id, organisationId: org.id, ...values });
    }
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'emulation.results_reported', entityType: 'emulation_pact', entityId: pactId, before: { organisationId: org.id, values: before }, after: { organisationId: org.id, values: after } });
    return org.id;
  });
  return getResults(db, { actor, pactId, organisationId });
}

/** Attaches one evidence file (photo or PDF, checked by content) to an organisation's result on a criterion. */
export async function attachEvidence(
  db: Db,
  { actor, pactId, criterionId, organisationId, fileName, content }: { actor: Actor; pactId: string; criterionId: string; organisationId?: string; fileName: string; content: Buffer },
) {
  const user = requireEmulationReader(actor);
  return db.transaction(async (tx) => {
    const pact = await findPactInReach(tx, user, pactId);
    const org = await reportingOrganisation(tx, user, pact, organisationId);
    requireSigned(pact);
    const criteria = await pactCriteria(tx, user.tenantId, pactId);
    const criterion = criteria.find((c) => c.id === criterionId);
    if (!criterion) throw new AppError('bad_request', 'Tiêu chí: không thuộc giao ước này.', { field: 'criterionId' });
    const name = safeFileName(fileName);
    if (content.length > MAX_DOCUMENT_BYTES) throw new AppError('payload_too_large', `Tệp "${name}" lớn hơn ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, { field: 'file' });
    const checked = checkDocument(fileName, content);
    if (!checked.ok) throw new AppError('unsupported_media_type', checked.reason, { field: 'file' });
    const ownerId = resultOwnerId(criterion.id, org.id);
    const [n] = await tx.select({ n: count() }).from(awardFiles).where(and(eq(awardFiles.tenantId, user.tenantId), eq(awardFiles.ownerKind, 'result'), eq(awardFiles.ownerId, ownerId)));
    if (Number(n?.n ?? 0) >= MAX_EVIDENCE_FILES) throw new AppError('conflict', `Không thể đính kèm tệp "${checked.fileName}": tiêu chí này đã có đủ ${MAX_EVIDENCE_FILES} tệp minh chứng.`, { field: 'file' });
    const [row] = await tx
      .insert(awardFiles)
      .values({
        tenantId: user.tenantId,
        ownerKind: 'result',
        ownerId,
        purpose: 'evidence',
        fileName: checked.fileName,
        contentType: checked.contentType,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        uploadedBy: user.email,
      })
      .returning({ id: awardFiles.id, fileName: awardFiles.fileName, contentType: awardFiles.contentType, sizeBytes: awardFiles.sizeBytes, uploadedAt: awardFiles.uploadedAt });
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'emulation.evidence_attached', entityType: 'emulation_pact', entityId: pactId, before: null, after: { organisationId: org.id, criterion: criterion.name, fileId: row!.id, fileName: row!.fileName } });
    return { ...row!, uploadedAt: row!.uploadedAt.toISOString(), criterionId: criterion.id, organisationId: org.id };
  });
}

/** One evidence file with its content, if the actor may read its result (staff: the alliance's; a manager: its own). */
export async function getEvidenceFile(db: Db, { actor, fileId }: { actor: Actor; fileId: string }) {
  const user = requireEmulationReader(actor);
  if (!isUuid(fileId)) throw notFound('tệp');
  const [file] = await db.select().from(awardFiles).where(and(eq(awardFiles.tenantId, user.tenantId), eq(awardFiles.ownerKind, 'result'), eq(awardFiles.id, fileId)));
  if (!file) throw notFound('tệp');
  if (!isEmulationStaff(user)) {
    const own = managedOrganisationIds(user);
    const criteria = await db
      .select({ id: emulationCriteria.id, organisationId: emulationBlockMembers.organisationId })
      .from(emulationCriteria)
      .innerJoin(emulationPacts, and(eq(emulationPacts.tenantId, emulationCriteria.tenantId), eq(emulationPacts.id, emulationCriteria.pactId)))
      .innerJoin(emulationBlockMembers, and(eq(emulationBlockMembers.tenantId, emulationPacts.tenantId), eq(emulationBlockMembers.blockId, emulationPacts.blockId)))
      .where(and(eq(emulationCriteria.tenantId, user.tenantId), inArray(emulationBlockMembers.organisationId, own.length ? own : ['00000000-0000-0000-0000-000000000000'])));
    if (!criteria.some((c) => resultOwnerId(c.id, c.organisationId) === file.ownerId)) throw notFound('tệp');
  }
  return { fileName: file.fileName, contentType: file.contentType, content: file.content };
}
