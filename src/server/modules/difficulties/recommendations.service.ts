// Recommendations (decision 008): a draft grouping difficulties of any cooperatives of the alliance on one subject,
// edited until it is forwarded by official letter (recommendation-forwarding.service.ts); the list and the detail.
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { findAuditEvents, recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { todayInVietnam } from '../calendar/working-days.ts';
import { getAgency, type Agency } from './agencies.service.ts';
import { isDifficultyHandler, requireDifficultyHandler } from './difficulties.policy.ts';
import { agencies, agencyAnswerRecommendations, agencyAnswers, difficulties, recommendations } from './difficulties.sql.ts';
import { categoryLabel } from './public-difficulties.words.ts';
import { difficultiesOf, groupDifficulties, ungroupDifficulties } from './recommendation-difficulties.ts';
import { RECOMMENDATION_STATE_LABELS, RECOMMENDATION_STATES, type RecommendationInput, type RecommendationPatch, type RecommendationState } from './recommendations.schemas.ts';
import { listRequestFiles } from './request-files.ts';

export type Recommendation = typeof recommendations.$inferSelect;

export type RecommendationPermissions = { edit: boolean; forward: boolean; attach: boolean; recordAnswer: boolean; letter: boolean };

/** What the actor may do next with a recommendation (sent with it: the page shows only what works). */
export function recommendationPermissions(actor: Actor, recommendation: Pick<Recommendation, 'tenantId' | 'state'>): RecommendationPermissions {
  const handler = isDifficultyHandler(actor) && actor.kind === 'user' && actor.tenantId === recommendation.tenantId;
  return {
    edit: handler && recommendation.state === 'draft',
    forward: handler && recommendation.state === 'draft',
    attach: handler && recommendation.state !== 'draft',
    recordAnswer: handler && recommendation.state === 'forwarded',
    letter: handler,
  };
}

/** Overdue: forwarded, not answered, and its due date before today in Vietnam. */
export function isRecommendationOverdue(r: Pick<Recommendation, 'state' | 'dueOn'>, today = todayInVietnam()): boolean {
  return r.state === 'forwarded' && r.dueOn !== null && r.dueOn < today;
}

type AgencyRef = Pick<Agency, 'id' | 'name' | 'shortName' | 'kind'> | null;

export function presentRecommendation(actor: Actor, r: Recommendation, agency: AgencyRef, difficultyCount: number, today = todayInVietnam()) {
  return {
    id: r.id,
    subject: r.subject,
    body: r.body,
    category: r.category,
    categoryLabel: categoryLabel(r.category),
    state: r.state,
    stateLabel: RECOMMENDATION_STATE_LABELS[r.state as RecommendationState] ?? r.state,
    agency: agency ? { id: agency.id, name: agency.name, shortName: agency.shortName, kind: agency.kind } : null,
    letterNumber: r.letterNumber,
    letterDate: r.letterDate,
    dueOn: r.dueOn,
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    forwardedAt: r.forwardedAt?.toISOString() ?? null,
    forwardedBy: r.forwardedBy,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    difficultyCount,
    overdue: isRecommendationOverdue(r, today),
    can: recommendationPermissions(actor, r),
  };
}

/** One recommendation of the actor's alliance (optionally locked for update); 404 for another's or a made-up id. */
export async function loadRecommendation(db: Db, tenantId: number, id: string, { lock = false } = {}): Promise<Recommendation> {
  if (!isUuid(id)) throw notFound('kiến nghị');
  const query = db.select().from(recommendations).where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('kiến nghị');
  return row;
}

/** An agency to name on a draft or a letter: of the alliance, and still in use. */
export async function usableAgency(db: Db, tenantId: number, agencyId: string): Promise<Agency> {
  const agency = await getAgency(db, tenantId, agencyId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw new AppError('bad_request', 'Cơ quan nhận không có trong danh sách của Liên minh.', { field: 'agencyId' });
    throw error;
  });
  if (!agency.active) throw new AppError('bad_request', `Cơ quan "${agency.name}" không còn sử dụng trong danh sách.`, { field: 'agencyId' });
  return agency;
}

/** Creates a draft grouping the given difficulties; audited with each difficulty it takes. */
export async function createRecommendation(db: Db, { actor, input }: { actor: Actor; input: RecommendationInput }): Promise<Recommendation> {
  const user = requireDifficultyHandler(actor);
  return db.transaction(async (tx) => {
    if (input.agencyId) await usableAgency(tx, user.tenantId, input.agencyId);
    const [row] = await tx
      .insert(recommendations)
      .values({ tenantId: user.tenantId, subject: input.subject, body: input.body ?? null, category: input.category, agencyId: input.agencyId ?? null, state: 'draft', createdBy: user.email })
      .returning();
    await groupDifficulties(tx, { actor, tenantId: user.tenantId, recommendationId: row!.id, ids: input.difficultyIds });
    await recordAudit(tx, {
      actor,
      tenantId: user.tenantId,
      action: 'recommendation.created',
      entityType: 'recommendation',
      entityId: row!.id,
      before: null,
      after: { subject: row!.subject, category: row!.category, agencyId: row!.agencyId, difficultyIds: [...new Set(input.difficultyIds)] },
    });
    return row!;
  });
}

/** Edits a draft: its subject, opening, agency, and which difficulties it groups (draft only, 409 after). */
export async function updateRecommendation(db: Db, { actor, id, input }: { actor: Actor; id: string; input: RecommendationPatch }): Promise<Recommendation> {
  const user = requireDifficultyHandler(actor);
  return db.transaction(async (tx) => {
    const before = await loadRecommendation(tx, user.tenantId, id, { lock: true });
    if (before.state !== 'draft') throw new AppError('conflict', `Kiến nghị đã được gửi (công văn số ${before.letterNumber ?? '…'}), không sửa được nữa.`);
    if (input.agencyId) await usableAgency(tx, user.tenantId, input.agencyId);
    let difficultyChange: { added: string[]; removed: string[] } | undefined;
    if (input.difficultyIds) {
      const current = (await tx.select({ id: difficulties.id }).from(difficulties).where(and(eq(difficulties.tenantId, user.tenantId), eq(difficulties.recommendationId, id)))).map((r) => r.id);
      const wanted = [...new Set(input.difficultyIds)];
      const removed = current.filter((d) => !wanted.includes(d));
      const added = wanted.filter((d) => !current.includes(d));
      await ungroupDifficulties(tx, { actor, tenantId: user.tenantId, recommendationId: id, ids: removed });
      await groupDifficulties(tx, { actor, tenantId: user.tenantId, recommendationId: id, ids: added });
      difficultyChange = { added, removed };
    }
    const changes = {
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.agencyId !== undefined ? { agencyId: input.agencyId } : {}),
    };
    const [row] = await tx.update(recommendations).set({ ...changes, updatedAt: new Date() }).where(and(eq(recommendations.tenantId, user.tenantId), eq(recommendations.id, id))).returning();
    await recordAudit(tx, {
      actor,
      tenantId: user.tenantId,
      action: 'recommendation.updated',
      entityType: 'recommendation',
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof Recommendation]])),
      after: { ...changes, ...(difficultyChange ? { difficulties: difficultyChange } : {}) },
    });
    return row!;
  });
}

export type RecommendationFilter = { state?: RecommendationState; agencyId?: string; overdue?: boolean };

/** The alliance's recommendations, newest first, with their agency and count of difficulties, and counts by state. */
export async function findRecommendations(db: Db, { actor, filter }: { actor: Actor; filter: RecommendationFilter }) {
  const { tenantId } = requireDifficultyHandler(actor);
  const today = todayInVietnam();
  const overdue = and(eq(recommendations.state, 'forwarded'), lt(recommendations.dueOn, today));
  if (filter.agencyId !== undefined && !isUuid(filter.agencyId)) return { items: [], counts: emptyCounts() };
  const where = and(
    eq(recommendations.tenantId, tenantId),
    filter.state ? eq(recommendations.state, filter.state) : undefined,
    filter.agencyId ? eq(recommendations.agencyId, filter.agencyId) : undefined,
    filter.overdue ? overdue : undefined,
  );
  const rows = await db
    .select({ recommendation: recommendations, agency: { id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind } })
    .from(recommendations)
    .leftJoin(agencies, and(eq(agencies.tenantId, recommendations.tenantId), eq(agencies.id, recommendations.agencyId)))
    .where(where)
    .orderBy(desc(recommendations.createdAt), desc(recommendations.id))
    .limit(500);
  const ids = rows.map((r) => r.recommendation.id);
  const counted = ids.length
    ? await db
        .select({ id: difficulties.recommendationId, n: count() })
        .from(difficulties)
        .where(and(eq(difficulties.tenantId, tenantId), inArray(difficulties.recommendationId, ids)))
        .groupBy(difficulties.recommendationId)
    : [];
  const difficultyCounts = new Map(counted.map((c) => [c.id, Number(c.n)]));
  const byState = await db
    .select({ state: recommendations.state, n: count(), overdue: sql<number>`count(*) filter (where ${overdue})::int` })
    .from(recommendations)
    .where(eq(recommendations.tenantId, tenantId))
    .groupBy(recommendations.state);
  const counts = emptyCounts();
  for (const s of byState) {
    if ((RECOMMENDATION_STATES as readonly string[]).includes(s.state)) counts[s.state as RecommendationState] = Number(s.n);
    counts.overdue += Number(s.overdue);
  }
  return {
    items: rows.map((r) => presentRecommendation(actor, r.recommendation, r.agency?.id ? r.agency : null, difficultyCounts.get(r.recommendation.id) ?? 0, today)),
    counts,
  };
}

function emptyCounts(): Record<RecommendationState | 'overdue', number> {
  return { draft: 0, forwarded: 0, answered: 0, closed: 0, overdue: 0 };
}

/** The agencies' answers to recommendations (by recommendation id), oldest first, with their files. */
export async function answersOf(db: Db, tenantId: number, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return new Map<string, Awaited<ReturnType<typeof answerRows>>>();
  const rows = await answerRows(db, tenantId, recommendationIds);
  const map = new Map<string, typeof rows>();
  for (const row of rows) map.set(row.recommendationId, [...(map.get(row.recommendationId) ?? []), row]);
  return map;
}

async function answerRows(db: Db, tenantId: number, recommendationIds: string[]) {
  const rows = await db
    .select({
      recommendationId: agencyAnswerRecommendations.recommendationId,
      id: agencyAnswers.id,
      agency: { id: agencies.id, name: agencies.name },
      letterNumber: agencyAnswers.letterNumber,
      letterDate: agencyAnswers.letterDate,
      receivedOn: agencyAnswers.receivedOn,
      content: agencyAnswers.content,
      recordedBy: agencyAnswers.recordedBy,
      recordedAt: agencyAnswers.recordedAt,
    })
    .from(agencyAnswerRecommendations)
    .innerJoin(agencyAnswers, and(eq(agencyAnswers.tenantId, agencyAnswerRecommendations.tenantId), eq(agencyAnswers.id, agencyAnswerRecommendations.answerId)))
    .innerJoin(agencies, and(eq(agencies.tenantId, agencyAnswers.tenantId), eq(agencies.id, agencyAnswers.agencyId)))
    .where(and(eq(agencyAnswerRecommendations.tenantId, tenantId), inArray(agencyAnswerRecommendations.recommendationId, recommendationIds)))
    .orderBy(asc(agencyAnswers.receivedOn), asc(agencyAnswers.recordedAt));
  return Promise.all(rows.map(async (r) => ({ ...r, recordedAt: r.recordedAt.toISOString(), files: await listRequestFiles(db, tenantId, 'answer', r.id) })));
}

/** One recommendation with its difficulties (and their cooperatives), the agency's answers, its files and history. */
export async function getRecommendationDetail(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireDifficultyHandler(actor);
  const recommendation = await loadRecommendation(db, tenantId, id);
  const agency = recommendation.agencyId ? await getAgency(db, tenantId, recommendation.agencyId) : null;
  const grouped = (await difficultiesOf(db, tenantId, [id])).get(id) ?? [];
  const answers = (await answersOf(db, tenantId, [id])).get(id) ?? [];
  const files = await listRequestFiles(db, tenantId, 'recommendation', id);
  const history = await findAuditEvents(db, tenantId, 'recommendation', id);
  return {
    ...presentRecommendation(actor, recommendation, agency, grouped.length),
    difficulties: grouped.map((d) => ({ ...d, categoryLabel: categoryLabel(d.category) })),
    answers: answers.map(({ recommendationId: _, ...a }) => a),
    files,
    history: history.map((e) => ({ at: e.at.toISOString(), action: e.action, actor: e.actorLabel, before: e.before, after: e.after })),
  };
}
