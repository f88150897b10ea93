// What the awards' services read about a recipient: its organisation, the register's awards it already holds,
// the emulation block a proposal is tied to (emulation_blocks is the emulation module's: read only here).
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { emulationBlockMembers, emulationBlocks } from '../emulation/emulation.sql.ts';
import { personKeyOf, type Candidate, type Context, type HeldAward } from './award-eligibility.ts';
import { awards } from './awards.sql.ts';

export type RecipientOrganisation = { id: string; name: string; status: string; currentCommuneCode: string | null };

/** An organisation of the alliance; 404 for another's or a made-up id. */
export async function loadRecipientOrganisation(db: Db, tenantId: number, id: string): Promise<RecipientOrganisation> {
  if (!isUuid(id)) throw notFound('tổ chức');
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, status: organisations.status, currentCommuneCode: organisations.currentCommuneCode })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  if (!row) throw notFound('tổ chức');
  return row;
}

/** The awards of the register given to this recipient (an organisation by id, a person by key), revoked ones too. */
export async function loadHeldAwards(db: Db, tenantId: number, candidate: Candidate): Promise<HeldAward[]> {
  const byOrganisation = candidate.recipientKind === 'collective' && candidate.organisationId ? eq(awards.organisationId, candidate.organisationId) : undefined;
  const byPerson = candidate.recipientKind === 'individual' && candidate.personKey ? eq(awards.personKey, candidate.personKey) : undefined;
  const byName = candidate.recipientKind === 'collective' && !candidate.organisationId ? eq(awards.recipientName, candidate.recipientName) : undefined;
  const which = or(byOrganisation, byPerson, byName);
  if (!which) return [];
  return db
    .select({
      awardKindCode: awards.awardKindCode,
      year: awards.year,
      recipientKind: awards.recipientKind,
      organisationId: awards.organisationId,
      recipientName: awards.recipientName,
      personKey: awards.personKey,
      decisionNumber: awards.decisionNumber,
      decidedOn: awards.decidedOn,
      revokedOn: awards.revokedOn,
    })
    .from(awards)
    .where(and(eq(awards.tenantId, tenantId), eq(awards.recipientKind, candidate.recipientKind), which));
}

/** The block a proposal is tied to, with its members; null when none (or not found: the proposal names it). */
export async function loadBlockContext(db: Db, tenantId: number, blockId: string | null): Promise<Context['block']> {
  if (!blockId) return null;
  const [block] = await db.select({ name: emulationBlocks.name }).from(emulationBlocks).where(and(eq(emulationBlocks.tenantId, tenantId), eq(emulationBlocks.id, blockId)));
  if (!block) return null;
  const members = await db
    .select({ id: emulationBlockMembers.organisationId })
    .from(emulationBlockMembers)
    .where(and(eq(emulationBlockMembers.tenantId, tenantId), eq(emulationBlockMembers.blockId, blockId)));
  return { name: block.name, memberIds: members.map((m) => m.id) };
}

/** A recipient as typed (a proposal, a decision's row, an import's line) made into the rules' candidate. */
export function candidateOf(
  year: number,
  r: { recipientKind: 'collective' | 'individual'; organisationId?: string | null; recipientName: string; personIdNumber?: string | null; personBirthDate?: string | null },
): Candidate {
  return {
    year,
    recipientKind: r.recipientKind,
    recipientName: r.recipientName,
    organisationId: r.organisationId ?? null,
    personKey: r.recipientKind === 'individual' ? personKeyOf(r.recipientName, r.personIdNumber, r.personBirthDate, r.organisationId) : null,
  };
}
