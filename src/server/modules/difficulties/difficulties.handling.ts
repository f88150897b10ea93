// Handling a difficulty (decision 008): triage (category, title, description, the unit in charge, due date,
// publishing), a direct answer, closing with an outcome, attaching files. State transitions:
// received → handling (triaged) → answered (directly) | forwarded (by a recommendation: the recommendations
// module) → answered → closed; closing is possible from any open state. Every change is audited in its transaction.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { actorLabel, type Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { todayInVietnam } from '../calendar/working-days.ts';
import { difficultyPermissions, requireDifficultyHandler } from './difficulties.policy.ts';
import type { DifficultyRow } from './difficulties.present.ts';
import { findDifficultyInReach } from './difficulties.queries.ts';
import type { TriageInput } from './difficulties.schemas.ts';
import { DIFFICULTY_OUTCOMES } from './difficulties.schemas.ts';
import { difficulties, recommendations } from './difficulties.sql.ts';
import { readRequestFile, storeRequestFile } from './request-files.ts';

const STATE_WORDS: Record<string, string> = {
  received: 'mới tiếp nhận',
  handling: 'đang xử lý',
  forwarded: 'đã chuyển cơ quan có thẩm quyền',
  answered: 'đã được trả lời',
  closed: 'đã kết thúc',
};

function refuse(row: DifficultyRow, doing: string): never {
  throw new AppError('conflict', `Không thể ${doing}: khó khăn ${row.year}-${String(row.seq).padStart(4, '0')} ${STATE_WORDS[row.state] ?? row.state}.`, { state: row.state });
}

async function update(tx: Db, actor: Actor, row: DifficultyRow, changes: Partial<typeof difficulties.$inferInsert>, action: string) {
  const [after] = await tx
    .update(difficulties)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(difficulties.tenantId, row.tenantId), eq(difficulties.id, row.id)))
    .returning();
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof DifficultyRow] ?? null]));
  await recordAudit(tx, { actor, tenantId: row.tenantId, action, entityType: 'difficulty', entityId: row.id, before, after: changes });
  return after!;
}

/** Triage by staff: category, title, description, unit in charge, due date, published (only with the cooperative's consent). */
export async function triageDifficulty(db: Db, { actor, id, input }: { actor: Actor; id: string; input: TriageInput }) {
  requireDifficultyHandler(actor);
  return db.transaction(async (tx) => {
    const row = await findDifficultyInReach(tx, actor, id, true);
    const { published, ...fields } = input;
    const changes: Partial<typeof difficulties.$inferInsert> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== row[key as keyof DifficultyRow]) Object.assign(changes, { [key]: value });
    if (Object.keys(changes).length > 0 && row.state === 'closed') refuse(row, 'sửa');
    if (changes.dueOn !== undefined && changes.dueOn !== null) {
      if (row.state !== 'received' && row.state !== 'handling') refuse(row, 'đổi hạn trả lời (hạn theo kiến nghị đã chuyển)');
      if (changes.dueOn < row.raisedOn) throw new AppError('bad_request', 'Hạn trả lời: không được trước ngày tiếp nhận.', { field: 'dueOn' });
    }
    if (published !== undefined && published !== row.published) {
      if (published && row.publicConsent === 'no') throw new AppError('bad_request', 'Công khai: tổ chức không đồng ý công khai khó khăn này.', { field: 'published' });
      changes.published = published;
      changes.publishedAt = published ? new Date() : null;
    }
    if (Object.keys(changes).length === 0) return row;
    // Triage starts the alliance's handling; publishing alone does not.
    const triaged = Object.keys(changes).some((k) => k !== 'published' && k !== 'publishedAt');
    if (triaged && row.state === 'received') changes.state = 'handling';
    return update(tx, actor, row, changes, published !== undefined && !triaged ? (published ? 'difficulty.published' : 'difficulty.unpublished') : 'difficulty.triaged');
  });
}

/** The alliance answers a difficulty itself (not forwarded). */
export async function answerDifficulty(db: Db, { actor, id, answer, answeredOn }: { actor: Actor; id: string; answer: string; answeredOn?: string }) {
  requireDifficultyHandler(actor);
  const today = todayInVietnam();
  const on = answeredOn ?? today;
  return db.transaction(async (tx) => {
    const row = await findDifficultyInReach(tx, actor, id, true);
    if (row.state !== 'received' && row.state !== 'handling') refuse(row, 'trả lời trực tiếp');
    if (row.recommendationId) throw new AppError('conflict', 'Không thể trả lời trực tiếp: khó khăn đã được nhóm vào một kiến nghị; bỏ khỏi kiến nghị trước.', { state: row.state });
    if (on > today) throw new AppError('bad_request', 'Ngày trả lời: không được sau hôm nay.', { field: 'answeredOn' });
    if (on < row.raisedOn) throw new AppError('bad_request', 'Ngày trả lời: không được trước ngày tiếp nhận.', { field: 'answeredOn' });
    return update(tx, actor, row, { state: 'answered', directAnswer: answer, answeredOn: on, answeredBy: actorLabel(actor) }, 'difficulty.answered');
  });
}

/** Closes a difficulty with its outcome (a reason is required when it is rejected). */
export async function closeDifficulty(db: Db, { actor, id, outcome, reason }: { actor: Actor; id: string; outcome: (typeof DIFFICULTY_OUTCOMES)[number]; reason?: string }) {
  requireDifficultyHandler(actor);
  if (outcome === 'rejected' && !reason) throw new AppError('bad_request', 'Lý do: cần ghi lý do không tiếp nhận.', { field: 'reason' });
  return db.transaction(async (tx) => {
    const row = await findDifficultyInReach(tx, actor, id, true);
    if (row.state === 'closed') refuse(row, 'kết thúc');
    const closed = await update(tx, actor, row, { state: 'closed', outcome, outcomeReason: reason ?? null, closedOn: todayInVietnam(), closedBy: actorLabel(actor) }, 'difficulty.closed');
    if (row.recommendationId) await closeSettledRecommendation(tx, actor, row.tenantId, row.recommendationId);
    return closed;
  });
}

/** A sent recommendation whose difficulties are all closed is closed with them (a draft stays a draft). */
async function closeSettledRecommendation(tx: Db, actor: Actor, tenantId: number, recommendationId: string): Promise<void> {
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(difficulties)
    .where(and(eq(difficulties.tenantId, tenantId), eq(difficulties.recommendationId, recommendationId), ne(difficulties.state, 'closed')));
  if ((open?.n ?? 0) > 0) return;
  const [changed] = await tx
    .update(recommendations)
    .set({ state: 'closed', updatedAt: new Date() })
    .where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, recommendationId), inArray(recommendations.state, ['forwarded', 'answered'])))
    .returning({ state: recommendations.state });
  if (changed) await recordAudit(tx, { actor, tenantId, action: 'recommendation.closed', entityType: 'recommendation', entityId: recommendationId, before: null, after: { state: 'closed' } });
}

/** Attaches one file to a difficulty (its manager or staff, while open). */
export async function attachDifficultyFile(db: Db, { actor, id, fileName, content }: { actor: Actor; id: string; fileName: string; content: Buffer }) {
  return db.transaction(async (tx) => {
    const row = await findDifficultyInReach(tx, actor, id, true);
    if (!difficultyPermissions(actor, row).attach) {
      if (row.state === 'closed') refuse(row, 'đính kèm tệp');
      throw new AppError('forbidden', 'Bạn không thể đính kèm tệp vào khó khăn này.');
    }
    const file = await storeRequestFile(tx, { tenantId: row.tenantId, ownerKind: 'difficulty', ownerId: row.id, fileName, content, uploadedBy: actorLabel(actor) });
    await recordAudit(tx, { actor, tenantId: row.tenantId, action: 'difficulty.file_added', entityType: 'difficulty', entityId: row.id, before: null, after: { fileId: file.id, fileName: file.fileName, sizeBytes: file.sizeBytes } });
    return file;
  });
}

/** One file of a difficulty the actor may read. */
export async function getDifficultyFile(db: Db, { actor, id, fileId }: { actor: Actor; id: string; fileId: string }) {
  const row = await findDifficultyInReach(db, actor, id);
  return readRequestFile(db, row.tenantId, 'difficulty', row.id, fileId);
}
