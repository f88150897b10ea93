// Award proposals (decision 010): a recipient and its dossier, submitted with the eligibility warnings computed
// from the register, reviewed by the emulation council, then given by a decision (award-decisions.service.ts).
import { and, asc, desc, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { checkDocument } from '../../files/upload-checks.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { eligibilityWarnings } from './award-eligibility.ts';
import { getAwardKind } from './award-kinds.service.ts';
import { candidateOf, loadBlockContext, loadHeldAwards, loadRecipientOrganisation } from './award-recipients.ts';
import { requireAwardsStaff } from './awards.policy.ts';
import type { CouncilReviewInput, ProposalInput, ProposalPatch } from './awards.schemas.ts';
import { awardFiles, awardProposals } from './awards.sql.ts';
import { COUNCIL_RESULT_LABELS, DOSSIER_PURPOSE_LABELS, PROPOSAL_STATE_LABELS, RECIPIENT_KIND_LABELS, type CouncilResult, type DossierPurpose, type ProposalState, type RecipientKind } from './awards.words.ts';

export type Proposal = typeof awardProposals.$inferSelect;
type FileRow = { id: string; purpose: string; fileName: string; sizeBytes: number; uploadedAt: Date };

export function presentProposal(p: Proposal, extra: { kindName?: string; organisationName?: string | null; files?: FileRow[] } = {}) {
  return {
    id: p.id,
    year: p.year,
    awardKindCode: p.awardKindCode,
    awardKindName: extra.kindName ?? p.awardKindCode,
    recipientKind: p.recipientKind,
    recipientKindLabel: RECIPIENT_KIND_LABELS[p.recipientKind as RecipientKind],
    organisationId: p.organisationId,
    organisationName: extra.organisationName ?? null,
    recipientName: p.recipientName,
    personPosition: p.personPosition,
    personBirthDate: p.personBirthDate,
    personIdNumber: p.personIdNumber,
    achievements: p.achievements,
    blockId: p.blockId,
    state: p.state,
    stateLabel: PROPOSAL_STATE_LABELS[p.state as ProposalState],
    warnings: p.warnings,
    councilMetOn: p.councilMetOn,
    councilMembers: p.councilMembers,
    votesFor: p.votesFor,
    votesAgainst: p.votesAgainst,
    votesAbstain: p.votesAbstain,
    councilResult: p.councilResult,
    councilResultLabel: p.councilResult ? COUNCIL_RESULT_LABELS[p.councilResult as CouncilResult] : null,
    councilNote: p.councilNote,
    decisionId: p.decisionId,
    files: (extra.files ?? []).map((f) => ({ id: f.id, purpose: f.purpose, purposeLabel: DOSSIER_PURPOSE_LABELS[f.purpose as DossierPurpose] ?? f.purpose, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt.toISOString() })),
    can: {
      edit: p.state === 'draft',
      submit: p.state === 'draft',
      review: p.state === 'submitted',
      withdraw: p.state === 'draft' || p.state === 'submitted' || p.state === 'reviewed',
      decide: p.state === 'reviewed' && p.councilResult === 'approved',
    },
  };
}

/** One proposal of the alliance; 404 for another's or a made-up id. */
export async function loadProposal(db: Db, tenantId: number, id: string): Promise<Proposal> {
  if (!isUuid(id)) throw notFound('hồ sơ đề nghị');
  const [row] = await db.select().from(awardProposals).where(and(eq(awardProposals.tenantId, tenantId), eq(awardProposals.id, id)));
  if (!row) throw notFound('hồ sơ đề nghị');
  return row;
}

async function details(db: Db, p: Proposal) {
  const kind = await getAwardKind(db, p.awardKindCode);
  const organisation = p.organisationId ? await loadRecipientOrganisation(db, p.tenantId, p.organisationId).catch(() => null) : null;
  const files = await db
    .select({ id: awardFiles.id, purpose: awardFiles.purpose, fileName: awardFiles.fileName, sizeBytes: awardFiles.sizeBytes, uploadedAt: awardFiles.uploadedAt })
    .from(awardFiles)
    .where(and(eq(awardFiles.tenantId, p.tenantId), eq(awardFiles.ownerKind, 'proposal'), eq(awardFiles.ownerId, p.id)))
    .orderBy(asc(awardFiles.uploadedAt));
  return presentProposal(p, { kindName: kind.name, organisationName: organisation?.name ?? null, files });
}

/** One proposal with its kind's name, organisation and dossier. */
export async function getProposal(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireAwardsStaff(actor);
  return details(db, await loadProposal(db, tenantId, id));
}

/** The alliance's proposals, newest first, by state and year. */
export async function findProposals(db: Db, { actor, state, year }: { actor: Actor; state?: string; year?: number }) {
  const { tenantId } = requireAwardsStaff(actor);
  const rows = await db
    .select()
    .from(awardProposals)
    .where(and(eq(awardProposals.tenantId, tenantId), state ? eq(awardProposals.state, state) : undefined, year ? eq(awardProposals.year, year) : undefined))
    .orderBy(desc(awardProposals.year), desc(awardProposals.createdAt))
    .limit(500);
  const kinds = new Map<string, string>();
  const items = [];
  for (const p of rows) {
    if (!kinds.has(p.awardKindCode)) kinds.set(p.awardKindCode, (await getAwardKind(db, p.awardKindCode)).name);
    items.push(presentProposal(p, { kindName: kinds.get(p.awardKindCode) }));
  }
  return items;
}

/** Opens a proposal (draft) for a collective or an individual of an organisation; audited. */
export async function createProposal(db: Db, { actor, input }: { actor: Actor; input: ProposalInput }) {
  const { tenantId } = requireAwardsStaff(actor);
  const kind = await getAwardKind(db, input.awardKindCode).catch(() => {
    throw new AppError('bad_request', `Không có hình thức khen thưởng "${input.awardKindCode}".`, { field: 'awardKindCode' });
  });
  if (!kind.active) throw new AppError('bad_request', `${kind.name} không còn sử dụng.`, { field: 'awardKindCode' });
  const organisation = input.organisationId ? await loadRecipientOrganisation(db, tenantId, input.organisationId) : null;
  const recipientName = input.recipientName ?? organisation!.name;
  const candidate = candidateOf(input.year, { ...input, recipientName });
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(awardProposals)
      .values({
        tenantId,
        year: input.year,
        awardKindCode: kind.code,
        recipientKind: input.recipientKind,
        organisationId: organisation?.id ?? null,
        recipientName,
        personPosition: input.personPosition ?? null,
        personBirthDate: input.personBirthDate ?? null,
        personIdNumber: input.personIdNumber ?? null,
        personKey: candidate.personKey,
        achievements: input.achievements ?? '',
        blockId: input.blockId ?? null,
        createdBy: actor.kind === 'user' ? actor.email : null,
      })
      .returning();
    await recordAudit(tx, { actor, tenantId, action: 'award_proposal.created', entityType: 'award_proposal', entityId: created!.id, before: null, after: created });
    return created!;
  });
  return details(db, row);
}

/** Changes a draft's person details or achievements; audited. */
export async function updateProposal(db: Db, { actor, id, input }: { actor: Actor; id: string; input: ProposalPatch }) {
  const { tenantId } = requireAwardsStaff(actor);
  const row = await db.transaction(async (tx) => {
    const before = await loadProposal(tx, tenantId, id);
    if (before.state !== 'draft') throw new AppError('conflict', 'Chỉ sửa được hồ sơ đang lập.');
    const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Proposal;
    const personKey = candidateOf(before.year, { ...merged, recipientKind: merged.recipientKind as RecipientKind }).personKey;
    const [after] = await tx
      .update(awardProposals)
      .set({ ...input, achievements: input.achievements ?? before.achievements, personKey, updatedAt: new Date() })
      .where(and(eq(awardProposals.tenantId, tenantId), eq(awardProposals.id, id)))
      .returning();
    await recordAudit(tx, { actor, tenantId, action: 'award_proposal.updated', entityType: 'award_proposal', entityId: id, before, after });
    return after!;
  });
  return details(db, row);
}

/** The eligibility warnings of a proposal, from the register as it stands. */
export async function proposalWarnings(db: Db, p: Proposal) {
  const kind = await getAwardKind(db, p.awardKindCode);
  const candidate = candidateOf(p.year, { ...p, recipientKind: p.recipientKind as RecipientKind });
  const organisation = p.organisationId ? await loadRecipientOrganisation(db, p.tenantId, p.organisationId) : null;
  const held = await loadHeldAwards(db, p.tenantId, candidate);
  const block = await loadBlockContext(db, p.tenantId, p.blockId);
  return eligibilityWarnings(kind, candidate, held, { organisation, block });
}

/** Submits a draft to the council: the warnings are computed and kept with it; audited. */
export async function submitProposal(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireAwardsStaff(actor);
  const row = await db.transaction(async (tx) => {
    const before = await loadProposal(tx, tenantId, id);
    if (before.state !== 'draft') throw new AppError('conflict', `Hồ sơ đang ở trạng thái "${PROPOSAL_STATE_LABELS[before.state as ProposalState]}", không trình lại được.`);
    const warnings = await proposalWarnings(tx, before);
    const [after] = await tx
      .update(awardProposals)
      .set({ state: 'submitted', warnings, updatedAt: new Date() })
      .where(and(eq(awardProposals.tenantId, tenantId), eq(awardProposals.id, id)))
      .returning();
    await recordAudit(tx, { actor, tenantId, action: 'award_proposal.submitted', entityType: 'award_proposal', entityId: id, before: { state: before.state }, after: { state: 'submitted', warnings } });
    return after!;
  });
  return details(db, row);
}

/** Records the emulation council's review (date, members, votes, result); audited. */
export async function reviewProposal(db: Db, { actor, id, input }: { actor: Actor; id: string; input: CouncilReviewInput }) {
  const { tenantId } = requireAwardsStaff(actor);
  if (input.votesFor + input.votesAgainst + input.votesAbstain === 0) throw new AppError('bad_request', 'Cần ghi số phiếu biểu quyết của Hội đồng.', { field: 'votesFor' });
  const row = await db.transaction(async (tx) => {
    const before = await loadProposal(tx, tenantId, id);
    if (before.state !== 'submitted') throw new AppError('conflict', 'Hội đồng chỉ xét hồ sơ đã trình.');
    const [after] = await tx
      .update(awardProposals)
      .set({ ...input, councilNote: input.councilNote ?? null, state: 'reviewed', updatedAt: new Date() })
      .where(and(eq(awardProposals.tenantId, tenantId), eq(awardProposals.id, id)))
      .returning();
    await recordAudit(tx, { actor, tenantId, action: 'award_proposal.reviewed', entityType: 'award_proposal', entityId: id, before: { state: before.state }, after: { state: 'reviewed', ...input } });
    return after!;
  });
  return details(db, row);
}

/** Withdraws a proposal not yet decided; audited. */
export async function withdrawProposal(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireAwardsStaff(actor);
  const row = await db.transaction(async (tx) => {
    const before = await loadProposal(tx, tenantId, id);
    if (before.state === 'decided' || before.state === 'withdrawn') throw new AppError('conflict', `Hồ sơ đang ở trạng thái "${PROPOSAL_STATE_LABELS[before.state as ProposalState]}", không rút được.`);
    const [after] = await tx.update(awardProposals).set({ state: 'withdrawn', updatedAt: new Date() }).where(and(eq(awardProposals.tenantId, tenantId), eq(awardProposals.id, id))).returning();
    await recordAudit(tx, { actor, tenantId, action: 'award_proposal.withdrawn', entityType: 'award_proposal', entityId: id, before: { state: before.state }, after: { state: 'withdrawn' } });
    return after!;
  });
  return details(db, row);
}

/** Adds a file to a proposal's dossier (checked by name and content, at most 10 MB); audited. */
export async function attachProposalFile(db: Db, { actor, id, purpose, fileName, content }: { actor: Actor; id: string; purpose: DossierPurpose; fileName: string; content: Buffer }) {
  const { tenantId } = requireAwardsStaff(actor);
  const checked = checkDocument(fileName, content);
  if (!checked.ok) throw new AppError('bad_request', checked.reason, { field: 'file' });
  return db.transaction(async (tx) => {
    const proposal = await loadProposal(tx, tenantId, id);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const [row] = await tx
      .insert(awardFiles)
      .values({ tenantId, ownerKind: 'proposal', ownerId: proposal.id, purpose, fileName: checked.fileName, contentType: checked.contentType, sizeBytes: content.length, sha256, content, uploadedBy: actor.kind === 'user' ? actor.email : null })
      .returning({ id: awardFiles.id, purpose: awardFiles.purpose, fileName: awardFiles.fileName, sizeBytes: awardFiles.sizeBytes, uploadedAt: awardFiles.uploadedAt });
    await recordAudit(tx, { actor, tenantId, action: 'award_proposal.file_added', entityType: 'award_proposal', entityId: id, before: null, after: { fileId: row!.id, purpose, fileName: checked.fileName, sha256 } });
    return { ...row!, purposeLabel: DOSSIER_PURPOSE_LABELS[purpose], uploadedAt: row!.uploadedAt.toISOString() };
  });
}

/** One file of a proposal's dossier, to download. */
export async function getProposalFile(db: Db, { actor, id, fileId }: { actor: Actor; id: string; fileId: string }) {
  const { tenantId } = requireAwardsStaff(actor);
  const proposal = await loadProposal(db, tenantId, id);
  if (!isUuid(fileId)) throw notFound('tệp');
  const [file] = await db
    .select()
    .from(awardFiles)
    .where(and(eq(awardFiles.tenantId, tenantId), eq(awardFiles.ownerKind, 'proposal'), eq(awardFiles.ownerId, proposal.id), eq(awardFiles.id, fileId)));
  if (!file) throw notFound('tệp');
  return file;
}
