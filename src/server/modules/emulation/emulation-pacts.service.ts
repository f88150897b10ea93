// Emulation pacts (decision 010): one per block, its criteria (editable while 'draft'), signing on a date
// ('signed': members report), closing with the review minutes ('closed'), publishing the scoreboard. Audited.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { blockMembers, findBlockInReach } from './emulation-blocks.service.ts';
import { describeRule, ScoringRule, type Direction, type ScoredCriterion } from './emulation-scoring.ts';
import { isEmulationStaff, pactPermissions, reportableOrganisations, requireEmulationReader, requireEmulationStaff, type TenantUser } from './emulation.policy.ts';
import type { CriterionInput } from './emulation.schemas.ts';
import { emulationCriteria, emulationPacts } from './emulation.sql.ts';

export type PactRow = typeof emulationPacts.$inferSelect;

export const PACT_STATE_WORDS: Record<string, string> = { draft: 'Dự thảo', signed: 'Đã ký', closed: 'Đã tổng kết' };

/** "10.5000" → "10.5": the decimal as people write it (dot), without trailing zeros. */
export function plainDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/** The pact by id if the actor may see it (staff: the alliance's; a manager: its block's, once signed); else 404. */
export async function findPactInReach(db: Db, actor: TenantUser, id: string): Promise<PactRow> {
  if (!isUuid(id)) throw notFound('giao ước thi đua');
  const [pact] = await db.select().from(emulationPacts).where(and(eq(emulationPacts.tenantId, actor.tenantId), eq(emulationPacts.id, id)));
  if (!pact) throw notFound('giao ước thi đua');
  if (!isEmulationStaff(actor)) {
    if (pact.state === 'draft') throw notFound('giao ước thi đua');
    await findBlockInReach(db, actor, pact.blockId).catch(() => {
      throw notFound('giao ước thi đua');
    });
  }
  return pact;
}

export type PresentedCriterion = ScoredCriterion & { id: string; position: number; name: string; unit: string; ruleText: string };

/** The criteria of a pact in order, with their rule read through its schema. */
export async function pactCriteria(db: Db, tenantId: number, pactId: string): Promise<PresentedCriterion[]> {
  const rows = await db.select().from(emulationCriteria).where(and(eq(emulationCriteria.tenantId, tenantId), eq(emulationCriteria.pactId, pactId))).orderBy(asc(emulationCriteria.position));
  return rows.map((r) => {
    const c = { target: plainDecimal(r.target), points: r.points, maxPoints: r.maxPoints, direction: r.direction as Direction, rule: ScoringRule.parse(r.rule) };
    return { id: r.id, position: r.position, name: r.name, unit: r.unit, ...c, ruleText: describeRule({ ...c, unit: r.unit }) };
  });
}

async function replaceCriteria(tx: Db, tenantId: number, pactId: string, criteria: CriterionInput[]) {
  await tx.delete(emulationCriteria).where(and(eq(emulationCriteria.tenantId, tenantId), eq(emulationCriteria.pactId, pactId)));
  if (criteria.length === 0) return;
  await tx.insert(emulationCriteria).values(
    criteria.map((c, i) => ({ tenantId, pactId, position: i + 1, name: c.name, unit: c.unit, target: c.target, points: c.points, maxPoints: c.maxPoints, direction: c.direction, rule: c.rule })),
  );
}

/** One pact: its block and members, criteria, state, and what the actor may do with it. */
export async function getPact(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireEmulationReader(actor);
  const pact = await findPactInReach(db, user, id);
  const block = await findBlockInReach(db, user, pact.blockId);
  const members = await blockMembers(db, user.tenantId, block.id);
  const criteria = await pactCriteria(db, user.tenantId, id);
  const reportable = reportableOrganisations(user, members.map((m) => m.id));
  const name = (orgId: string | null) => members.find((m) => m.id === orgId)?.name ?? null;
  return {
    id: pact.id,
    year: pact.year,
    title: pact.title,
    state: pact.state,
    stateText: PACT_STATE_WORDS[pact.state] ?? pact.state,
    signedOn: pact.signedOn,
    tieBreak: pact.tieBreak,
    reviewMinutes: pact.reviewMinutes,
    scoreboardPublishedAt: pact.scoreboardPublishedAt?.toISOString() ?? null,
    block: { id: block.id, name: block.name, year: block.year, headOrganisationId: block.headOrganisationId, headName: name(block.headOrganisationId), deputyOrganisationId: block.deputyOrganisationId, deputyName: name(block.deputyOrganisationId) },
    members,
    reportableOrganisationIds: reportable,
    criteria,
    can: pactPermissions(user, pact, criteria.length, reportable.length),
  };
}

/** Creates the pact of a block (one per block), in draft, with its criteria (staff). */
export async function createPact(db: Db, { actor, input }: { actor: Actor; input: { blockId: string; title: string; criteria: CriterionInput[] } }) {
  const user = requireEmulationStaff(actor);
  return db.transaction(async (tx) => {
    const block = await findBlockInReach(tx, user, input.blockId).catch(() => {
      throw new AppError('bad_request', 'Khối thi đua: không tìm thấy khối.', { field: 'blockId' });
    });
    const [existing] = await tx.select({ id: emulationPacts.id }).from(emulationPacts).where(and(eq(emulationPacts.tenantId, user.tenantId), eq(emulationPacts.blockId, block.id)));
    if (existing) throw new AppError('conflict', `Khối "${block.name}" đã có giao ước thi đua năm ${block.year}.`, { field: 'blockId', pactId: existing.id });
    const [pact] = await tx.insert(emulationPacts).values({ tenantId: user.tenantId, blockId: block.id, year: block.year, title: input.title, createdBy: user.email }).returning();
    await replaceCriteria(tx, user.tenantId, pact!.id, input.criteria);
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'emulation.pact_created', entityType: 'emulation_pact', entityId: pact!.id, before: null, after: { blockId: block.id, title: input.title, criteria: input.criteria } });
    return getPact(tx, { actor, id: pact!.id });
  });
}

/** Changes a draft pact: its title, tie-break, criteria (the whole list, in order) (staff). */
export async function updatePact(db: Db, { actor, id, input }: { actor: Actor; id: string; input: { title?: string; tieBreak?: string; criteria?: CriterionInput[] } }) {
  const user = requireEmulationStaff(actor);
  return db.transaction(async (tx) => {
    const pact = await findPactInReach(tx, user, id);
    if (pact.state !== 'draft') throw new AppError('conflict', `Không thể sửa giao ước: giao ước ${PACT_STATE_WORDS[pact.state]?.toLowerCase()}.`, { state: pact.state });
    const before = { title: pact.title, tieBreak: pact.tieBreak, criteria: input.criteria ? await pactCriteria(tx, user.tenantId, id) : undefined };
    const set: Partial<PactRow> = {};
    if (input.title !== undefined) set.title = input.title;
    if (input.tieBreak !== undefined) set.tieBreak = input.tieBreak;
    if (Object.keys(set).length > 0) await tx.update(emulationPacts).set(set).where(and(eq(emulationPacts.tenantId, user.tenantId), eq(emulationPacts.id, id)));
    if (input.criteria) await replaceCriteria(tx, user.tenantId, id, input.criteria);
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'emulation.pact_updated', entityType: 'emulation_pact', entityId: id, before, after: input });
    return getPact(tx, { actor, id });
  });
}

async function transition(db: Db, actor: Actor, id: string, action: string, change: (pact: PactRow, criteria: number) => Partial<PactRow>) {
  const user = requireEmulationStaff(actor);
  return db.transaction(async (tx) => {
    const pact = await findPactInReach(tx, user, id);
    const criteria = await pactCriteria(tx, user.tenantId, id);
    const set = change(pact, criteria.length);
    await tx.update(emulationPacts).set(set).where(and(eq(emulationPacts.tenantId, user.tenantId), eq(emulationPacts.id, id)));
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, pact[k as keyof PactRow] ?? null]));
    await recordAudit(tx, { actor, tenantId: user.tenantId, action, entityType: 'emulation_pact', entityId: id, before, after: set });
    return getPact(tx, { actor, id });
  });
}

/** Signs a draft pact on a date (of its year or the year before): members report from then on. */
export function signPact(db: Db, { actor, id, signedOn }: { actor: Actor; id: string; signedOn: string }) {
  return transition(db, actor, id, 'emulation.pact_signed', (pact, criteria) => {
    if (pact.state !== 'draft') throw new AppError('conflict', `Không thể ký: giao ước ${PACT_STATE_WORDS[pact.state]?.toLowerCase()}.`, { state: pact.state });
    if (criteria === 0) throw new AppError('bad_request', 'Không thể ký: giao ước chưa có tiêu chí nào.', { field: 'criteria' });
    const year = Number(signedOn.slice(0, 4));
    if (year < pact.year - 1 || year > pact.year) throw new AppError('bad_request', `Ngày ký: phải trong năm ${pact.year} (hoặc cuối năm ${pact.year - 1}).`, { field: 'signedOn' });
    return { state: 'signed', signedOn };
  });
}

/** Closes a signed pact with the block's review minutes: results are final. */
export function closePact(db: Db, { actor, id, reviewMinutes }: { actor: Actor; id: string; reviewMinutes: string }) {
  return transition(db, actor, id, 'emulation.pact_closed', (pact) => {
    if (pact.state !== 'signed') throw new AppError('conflict', `Không thể tổng kết: giao ước ${PACT_STATE_WORDS[pact.state]?.toLowerCase()}.`, { state: pact.state });
    return { state: 'closed', reviewMinutes };
  });
}

/** Publishes the scoreboard of a signed or closed pact: its members see it from then on. */
export function publishScoreboard(db: Db, { actor, id }: { actor: Actor; id: string }) {
  return transition(db, actor, id, 'emulation.scoreboard_published', (pact) => {
    if (pact.state === 'draft') throw new AppError('conflict', 'Không thể công bố bảng điểm: giao ước chưa ký.', { state: pact.state });
    if (pact.scoreboardPublishedAt) throw new AppError('conflict', 'Bảng điểm đã được công bố.', { state: pact.state });
    return { scoreboardPublishedAt: new Date() };
  });
}
