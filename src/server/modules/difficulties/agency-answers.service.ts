// An agency's answer to the alliance's recommendations (decision 008): its own letter (number, date, content,
// file). One answer may settle several recommendations forwarded to that agency: they and their difficulties move
// to 'answered' (a difficulty's answeredOn is the day the answer was received).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { formatDateVi } from '../../../shared/dates.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { getAgency, presentAgency } from './agencies.service.ts';
import { isDifficultyHandler, requireDifficultyHandler } from './difficulties.policy.ts';
import { agencyAnswerRecommendations, agencyAnswers, difficulties, recommendations } from './difficulties.sql.ts';
import { RECOMMENDATION_STATE_LABELS, type AgencyAnswerInput, type RecommendationState } from './recommendations.schemas.ts';
import { listRequestFiles } from './request-files.ts';

export type AgencyAnswer = typeof agencyAnswers.$inferSelect;

const letterOf = (r: { letterNumber: string | null; subject: string }) => (r.letterNumber ? `công văn số ${r.letterNumber}` : `"${r.subject}"`);

/** Records an agency's answer and settles the recommendations it answers; audited for each of them. */
export async function recordAgencyAnswer(db: Db, { actor, input }: { actor: Actor; input: AgencyAnswerInput }): Promise<AgencyAnswer> {
  const user = requireDifficultyHandler(actor);
  const tenantId = user.tenantId;
  if (input.receivedOn < input.letterDate) {
    throw new AppError('bad_request', `Ngày nhận không thể trước ngày của văn bản trả lời (${formatDateVi(input.letterDate)}).`, { field: 'receivedOn' });
  }
  return db.transaction(async (tx) => {
    const agency = await getAgency(tx, tenantId, input.agencyId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') throw new AppError('bad_request', 'Cơ quan trả lời không có trong danh sách của Liên minh.', { field: 'agencyId' });
      throw error;
    });
    const wanted = [...new Set(input.recommendationIds)];
    const answered = await tx
      .select()
      .from(recommendations)
      .where(and(eq(recommendations.tenantId, tenantId), inArray(recommendations.id, wanted)))
      .for('update');
    if (answered.length !== wanted.length) throw new AppError('not_found', 'Không tìm thấy một số kiến nghị đã chọn.', { field: 'recommendationIds' });
    for (const r of answered) {
      if (r.state !== 'forwarded') {
        const label = RECOMMENDATION_STATE_LABELS[r.state as RecommendationState] ?? r.state;
        throw new AppError('conflict', `Kiến nghị ${letterOf(r)} đang ở trạng thái "${label}": chỉ ghi nhận trả lời cho kiến nghị đã gửi và chưa có trả lời.`, { field: 'recommendationIds' });
      }
      if (r.agencyId !== agency.id) throw new AppError('bad_request', `Kiến nghị ${letterOf(r)} được gửi đến cơ quan khác, không phải ${agency.name}.`, { field: 'recommendationIds' });
      if (r.letterDate && input.letterDate < r.letterDate) {
        throw new AppError('bad_request', `Văn bản trả lời không thể trước ${letterOf(r)} (ngày ${formatDateVi(r.letterDate)}).`, { field: 'letterDate' });
      }
    }
    const [answer] = await tx
      .insert(agencyAnswers)
      .values({ tenantId, agencyId: agency.id, letterNumber: input.letterNumber, letterDate: input.letterDate, receivedOn: input.receivedOn, content: input.content, recordedBy: user.email })
      .returning();
    await tx.insert(agencyAnswerRecommendations).values(wanted.map((recommendationId) => ({ tenantId, answerId: answer!.id, recommendationId })));
    await tx.update(recommendations).set({ state: 'answered', updatedAt: new Date() }).where(and(eq(recommendations.tenantId, tenantId), inArray(recommendations.id, wanted)));
    const settled = await tx
      .update(difficulties)
      .set({ state: 'answered', answeredOn: input.receivedOn, updatedAt: new Date() })
      .where(and(eq(difficulties.tenantId, tenantId), inArray(difficulties.recommendationId, wanted), eq(difficulties.state, 'forwarded')))
      .returning({ id: difficulties.id, recommendationId: difficulties.recommendationId });
    const summary = { answerId: answer!.id, agency: agency.name, letterNumber: input.letterNumber, letterDate: input.letterDate, receivedOn: input.receivedOn };
    await recordAudit(tx, { actor, tenantId, action: 'agency_answer.recorded', entityType: 'agency_answer', entityId: answer!.id, before: null, after: { ...summary, recommendationIds: wanted } });
    for (const r of answered) {
      await recordAudit(tx, { actor, tenantId, action: 'recommendation.answered', entityType: 'recommendation', entityId: r.id, before: { state: r.state }, after: { state: 'answered', ...summary } });
    }
    for (const d of settled) {
      await recordAudit(tx, { actor, tenantId, action: 'difficulty.answered', entityType: 'difficulty', entityId: d.id, before: { state: 'forwarded' }, after: { state: 'answered', answeredOn: input.receivedOn, recommendationId: d.recommendationId, ...summary } });
    }
    return answer!;
  });
}

/** One answer of the alliance; 404 for another's or a made-up id. */
export async function loadAgencyAnswer(db: Db, tenantId: number, id: string): Promise<AgencyAnswer> {
  if (!isUuid(id)) throw notFound('văn bản trả lời');
  const [row] = await db.select().from(agencyAnswers).where(and(eq(agencyAnswers.tenantId, tenantId), eq(agencyAnswers.id, id)));
  if (!row) throw notFound('văn bản trả lời');
  return row;
}

/** An answer with its agency, the recommendations it settled and its files. */
export async function getAgencyAnswer(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireDifficultyHandler(actor);
  const answer = await loadAgencyAnswer(db, tenantId, id);
  const agency = await getAgency(db, tenantId, answer.agencyId);
  const settled = await db
    .select({ id: recommendations.id, subject: recommendations.subject, letterNumber: recommendations.letterNumber, letterDate: recommendations.letterDate, dueOn: recommendations.dueOn, state: recommendations.state })
    .from(agencyAnswerRecommendations)
    .innerJoin(recommendations, and(eq(recommendations.tenantId, agencyAnswerRecommendations.tenantId), eq(recommendations.id, agencyAnswerRecommendations.recommendationId)))
    .where(and(eq(agencyAnswerRecommendations.tenantId, tenantId), eq(agencyAnswerRecommendations.answerId, id)))
    .orderBy(asc(recommendations.letterDate), asc(recommendations.letterSeq));
  return {
    id: answer.id,
    agency: presentAgency(agency),
    letterNumber: answer.letterNumber,
    letterDate: answer.letterDate,
    receivedOn: answer.receivedOn,
    content: answer.content,
    recordedBy: answer.recordedBy,
    recordedAt: answer.recordedAt.toISOString(),
    recommendations: settled.map((r) => ({ ...r, stateLabel: RECOMMENDATION_STATE_LABELS[r.state as RecommendationState] ?? r.state })),
    files: await listRequestFiles(db, tenantId, 'answer', id),
    can: { attach: isDifficultyHandler(actor) },
  };
}
