// Award decisions (decision 010): many recipients at once (approved proposals and/or recipients typed directly),
// one `awards` row each in the same transaction; the blocking eligibility rules (once per recipient, the kind's
// recipients) are enforced here with a Vietnamese 409 naming the person and the earlier decision. Revocation
// keeps the row in the register and takes it out of the counts.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { isUniqueViolation } from '../loans/loan-errors.ts';
import { blockingWarnings, eligibilityWarnings, type HeldAward } from './award-eligibility.ts';
import { getAwardKind, type AwardKind } from './award-kinds.service.ts';
import { candidateOf, loadHeldAwards, loadRecipientOrganisation, type RecipientOrganisation } from './award-recipients.ts';
import { requireAwardsStaff } from './awards.policy.ts';
import type { DecisionInput, RecipientInput, RevokeInput } from './awards.schemas.ts';
import { awardDecisions, awardProposals, awards } from './awards.sql.ts';
import { formatDateVi } from '../../../shared/dates.ts';

export type Decision = typeof awardDecisions.$inferSelect;
export type Award = typeof awards.$inferSelect;

export function presentDecision(d: Decision, kind: AwardKind | null, recipients: Award[] = []) {
  return {
    id: d.id,
    number: d.number,
    decidedOn: d.decidedOn,
    issuer: d.issuer,
    signerName: d.signerName,
    signerPosition: d.signerPosition,
    awardKindCode: d.awardKindCode,
    awardKindName: kind?.name ?? d.awardKindCode,
    level: kind?.level ?? null,
    year: d.year,
    cashPerCollectiveVnd: d.cashPerCollectiveVnd,
    cashPerIndividualVnd: d.cashPerIndividualVnd,
    collectives: recipients.filter((a) => a.recipientKind === 'collective').length,
    individuals: recipients.filter((a) => a.recipientKind === 'individual').length,
    recipients: recipients.map((a) => ({
      id: a.id,
      recipientKind: a.recipientKind,
      recipientName: a.recipientName,
      personPosition: a.personPosition,
      organisationId: a.organisationId,
      cashVnd: a.cashVnd,
      revokedOn: a.revokedOn,
      revokeReason: a.revokeReason,
    })),
  };
}

/** What a new award row needs besides the decision: the recipient and its organisation. */
type NewRecipient = RecipientInput & { recipientName: string; organisation: RecipientOrganisation | null; proposalId: string | null };

/** The 409 of a blocking rule: the first blocking warning's message (it names the person and the earlier decision). */
function refuse(messages: string[]): never {
  throw new AppError('conflict', messages.join(' '), { field: 'recipients', issues: messages });
}

/**
 * Records a decision and gives its award to each recipient; audited (the decision and each award). Approved
 * proposals become 'decided'. Refused as a whole (409) when a recipient is blocked by the rules.
 */
export async function createDecision(db: Db, { actor, input }: { actor: Actor; input: DecisionInput }) {
  const { tenantId } = requireAwardsStaff(actor);
  const kind = await getAwardKind(db, input.awardKindCode).catch(() => {
    throw new AppError('bad_request', `Không có hình thức khen thưởng "${input.awardKindCode}".`, { field: 'awardKindCode' });
  });
  try {
    return await db.transaction(async (tx) => {
      const recipients: NewRecipient[] = [];
      if (input.proposalIds.length) {
        const proposals = await tx.select().from(awardProposals).where(and(eq(awardProposals.tenantId, tenantId), inArray(awardProposals.id, input.proposalIds)));
        for (const id of input.proposalIds) {
          const p = proposals.find((x) => x.id === id);
          if (!p) throw notFound('hồ sơ đề nghị');
          if (p.state !== 'reviewed' || p.councilResult !== 'approved') throw new AppError('conflict', `Hồ sơ đề nghị khen ${p.recipientName} chưa được Hội đồng thi đua, khen thưởng đề nghị khen.`, { field: 'proposalIds' });
          if (p.awardKindCode !== kind.code) throw new AppError('conflict', `Hồ sơ đề nghị khen ${p.recipientName} là hồ sơ của hình thức khác.`, { field: 'proposalIds' });
          const organisation = p.organisationId ? await loadRecipientOrganisation(tx, tenantId, p.organisationId) : null;
          recipients.push({ ...p, recipientKind: p.recipientKind as 'collective' | 'individual', organisation, proposalId: p.id });
        }
      }
      for (const r of input.recipients) {
        const organisation = r.organisationId ? await loadRecipientOrganisation(tx, tenantId, r.organisationId) : null;
        recipients.push({ ...r, recipientName: r.recipientName ?? organisation!.name, organisation, proposalId: null });
      }
      // The rules, against the register and against the decision's own earlier rows.
      const given: HeldAward[] = [];
      const refusals: string[] = [];
      for (const r of recipients) {
        const candidate = candidateOf(input.year, r);
        const held = [...(await loadHeldAwards(tx, tenantId, candidate)), ...given];
        const blocking = blockingWarnings(eligibilityWarnings(kind, candidate, held));
        refusals.push(...blocking.map((w) => w.message));
        given.push({ awardKindCode: kind.code, year: input.year, recipientKind: r.recipientKind, organisationId: r.organisation?.id ?? null, recipientName: r.recipientName, personKey: candidate.personKey, decisionNumber: input.number, decidedOn: input.decidedOn, revokedOn: null });
      }
      if (refusals.length) refuse(refusals);

      const { proposalIds: _p, recipients: _r, ...fields } = input;
      const [decision] = await tx.insert(awardDecisions).values({ tenantId, ...fields, awardKindCode: kind.code, createdBy: actor.kind === 'user' ? actor.email : null }).returning();
      const rows = await tx
        .insert(awards)
        .values(
          recipients.map((r) => ({
            tenantId,
            year: input.year,
            awardKindCode: kind.code,
            recipientKind: r.recipientKind,
            organisationId: r.organisation?.id ?? null,
            recipientName: r.recipientName,
            personPosition: r.personPosition ?? null,
            personBirthDate: r.personBirthDate ?? null,
            personIdNumber: r.personIdNumber ?? null,
            personKey: candidateOf(input.year, r).personKey,
            communeCode: r.organisation?.currentCommuneCode ?? null,
            decisionId: decision!.id,
            decisionNumber: input.number,
            decidedOn: input.decidedOn,
            cashVnd: r.recipientKind === 'collective' ? input.cashPerCollectiveVnd : input.cashPerIndividualVnd,
            proposalId: r.proposalId,
            source: 'decision',
            searchText: awardSearchText(r.recipientName, r.organisation?.name ?? null, input.number),
            createdBy: actor.kind === 'user' ? actor.email : null,
          })),
        )
        .returning();
      const fromProposals = recipients.flatMap((r) => (r.proposalId ? [r.proposalId] : []));
      if (fromProposals.length) {
        await tx.update(awardProposals).set({ state: 'decided', decisionId: decision!.id, updatedAt: new Date() }).where(and(eq(awardProposals.tenantId, tenantId), inArray(awardProposals.id, fromProposals)));
      }
      await recordAudit(tx, { actor, tenantId, action: 'award_decision.created', entityType: 'award_decision', entityId: decision!.id, before: null, after: { ...decision, awardIds: rows.map((a) => a.id), proposalIds: fromProposals } });
      return presentDecision(decision!, kind, rows);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `Đã có Quyết định số ${input.number} ngày ${formatDateVi(input.decidedOn)} trong sổ.`, { field: 'number' });
    throw error;
  }
}

/** The register's search text of an award: its recipient, organisation and decision number, accent-free. */
export function awardSearchText(recipientName: string, organisationName: string | null, decisionNumber: string | null): string {
  return searchKey([recipientName, organisationName, decisionNumber].filter(Boolean).join(' '));
}

/** One decision of the alliance with its recipients; 404 otherwise. */
export async function getDecision(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireAwardsStaff(actor);
  if (!isUuid(id)) throw notFound('quyết định khen thưởng');
  const [decision] = await db.select().from(awardDecisions).where(and(eq(awardDecisions.tenantId, tenantId), eq(awardDecisions.id, id)));
  if (!decision) throw notFound('quyết định khen thưởng');
  const rows = await db.select().from(awards).where(and(eq(awards.tenantId, tenantId), eq(awards.decisionId, id))).orderBy(awards.recipientKind, awards.recipientName);
  return presentDecision(decision, await getAwardKind(db, decision.awardKindCode).catch(() => null), rows);
}

/** The alliance's decisions, newest first (a year's when given). */
export async function findDecisions(db: Db, { actor, year }: { actor: Actor; year?: number }) {
  const { tenantId } = requireAwardsStaff(actor);
  const decisions = await db
    .select()
    .from(awardDecisions)
    .where(and(eq(awardDecisions.tenantId, tenantId), year ? eq(awardDecisions.year, year) : undefined))
    .orderBy(desc(awardDecisions.decidedOn), desc(awardDecisions.createdAt))
    .limit(500);
  const ids = decisions.map((d) => d.id);
  const rows = ids.length ? await db.select().from(awards).where(and(eq(awards.tenantId, tenantId), inArray(awards.decisionId, ids))) : [];
  const kinds = new Map<string, AwardKind | null>();
  const items = [];
  for (const d of decisions) {
    if (!kinds.has(d.awardKindCode)) kinds.set(d.awardKindCode, await getAwardKind(db, d.awardKindCode).catch(() => null));
    const mine = rows.filter((a) => a.decisionId === d.id);
    const { recipients: _omit, ...summary } = presentDecision(d, kinds.get(d.awardKindCode)!, mine);
    items.push(summary);
  }
  return items;
}

/** Revokes an award: it stays in the register (marked, with the reason and what to recover) and leaves the counts; audited. */
export async function revokeAward(db: Db, { actor, id, input }: { actor: Actor; id: string; input: RevokeInput }) {
  const { tenantId } = requireAwardsStaff(actor);
  if (!isUuid(id)) throw notFound('khen thưởng');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(awards).where(and(eq(awards.tenantId, tenantId), eq(awards.id, id)));
    if (!before) throw notFound('khen thưởng');
    if (before.revokedOn) throw new AppError('conflict', `Khen thưởng của ${before.recipientName} đã bị hủy bỏ ngày ${formatDateVi(before.revokedOn)}.`);
    const [after] = await tx
      .update(awards)
      .set({ revokedOn: input.revokedOn, revokeReason: input.reason, revokeDecisionNumber: input.revokeDecisionNumber, recoverObject: input.recoverObject ?? null, recoverCashVnd: input.recoverCashVnd ?? null })
      .where(and(eq(awards.tenantId, tenantId), eq(awards.id, id)))
      .returning();
    await recordAudit(tx, { actor, tenantId, action: 'award.revoked', entityType: 'award', entityId: id, before: { revokedOn: null }, after: input });
    return after!;
  });
}
