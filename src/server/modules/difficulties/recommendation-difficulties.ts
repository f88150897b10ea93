// The difficulties a recommendation groups: reading them with their cooperatives, and putting them into or
// out of a draft (a difficulty belongs to at most one recommendation; closed or answered ones are refused).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { difficulties } from './difficulties.sql.ts';
import { difficultyCode } from './number-series.ts';

export type GroupedDifficulty = {
  id: string;
  code: string;
  category: string;
  title: string;
  description: string;
  state: string;
  raisedOn: string;
  dueOn: string | null;
  answeredOn: string | null;
  organisation: { id: string; name: string; registrationNumber: string | null; communeCode: string | null; communeName: string | null };
};

/** The difficulties of recommendations (by recommendation id), with their cooperatives and communes, by code. */
export async function difficultiesOf(db: Db, tenantId: number, recommendationIds: string[]): Promise<Map<string, GroupedDifficulty[]>> {
  const byRecommendation = new Map<string, GroupedDifficulty[]>(recommendationIds.map((id) => [id, []]));
  if (recommendationIds.length === 0) return byRecommendation;
  const rows = await db
    .select({
      recommendationId: difficulties.recommendationId,
      id: difficulties.id,
      year: difficulties.year,
      seq: difficulties.seq,
      category: difficulties.category,
      title: difficulties.title,
      description: difficulties.description,
      state: difficulties.state,
      raisedOn: difficulties.raisedOn,
      dueOn: difficulties.dueOn,
      answeredOn: difficulties.answeredOn,
      organisationId: organisations.id,
      organisationName: organisations.name,
      registrationNumber: organisations.registrationNumber,
      communeCode: organisations.currentCommuneCode,
      communeName: adminUnits.name,
    })
    .from(difficulties)
    .innerJoin(organisations, and(eq(organisations.tenantId, difficulties.tenantId), eq(organisations.id, difficulties.organisationId)))
    .leftJoin(adminUnits, and(eq(adminUnits.version, '2025'), eq(adminUnits.code, organisations.currentCommuneCode)))
    .where(and(eq(difficulties.tenantId, tenantId), inArray(difficulties.recommendationId, recommendationIds)))
    .orderBy(asc(difficulties.year), asc(difficulties.seq));
  for (const r of rows) {
    byRecommendation.get(r.recommendationId!)?.push({
      id: r.id,
      code: difficultyCode(r.year, r.seq),
      category: r.category,
      title: r.title,
      description: r.description,
      state: r.state,
      raisedOn: r.raisedOn,
      dueOn: r.dueOn,
      answeredOn: r.answeredOn,
      organisation: { id: r.organisationId, name: r.organisationName, registrationNumber: r.registrationNumber, communeCode: r.communeCode, communeName: r.communeName },
    });
  }
  return byRecommendation;
}

const GROUPABLE = ['received', 'handling'];

/**
 * Puts difficulties into a draft (locking them first): each must be of the alliance, open and not answered, and
 * in no other recommendation. A received one is now being handled. One audit event per difficulty.
 */
export async function groupDifficulties(tx: Db, { actor, tenantId, recommendationId, ids }: { actor: Actor; tenantId: number; recommendationId: string; ids: string[] }): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const rows = await tx
    .select({ id: difficulties.id, year: difficulties.year, seq: difficulties.seq, state: difficulties.state, recommendationId: difficulties.recommendationId })
    .from(difficulties)
    .where(and(eq(difficulties.tenantId, tenantId), inArray(difficulties.id, wanted)))
    .for('update');
  if (rows.length !== wanted.length) {
    throw new AppError('not_found', 'Không tìm thấy một số khó khăn, kiến nghị đã chọn.', { field: 'difficultyIds', missing: wanted.filter((id) => !rows.some((r) => r.id === id)) });
  }
  for (const r of rows) {
    const code = difficultyCode(r.year, r.seq);
    if (r.state === 'closed') throw new AppError('conflict', `Khó khăn ${code} đã kết thúc, không thể đưa vào kiến nghị.`, { field: 'difficultyIds' });
    if (!GROUPABLE.includes(r.state)) throw new AppError('conflict', `Khó khăn ${code} đã được trả lời hoặc đã chuyển cơ quan, không thể đưa vào kiến nghị khác.`, { field: 'difficultyIds' });
    if (r.recommendationId !== null && r.recommendationId !== recommendationId) {
      throw new AppError('conflict', `Khó khăn ${code} đã thuộc một kiến nghị khác.`, { field: 'difficultyIds' });
    }
  }
  const fresh = rows.filter((r) => r.recommendationId === null);
  if (fresh.length === 0) return;
  await tx
    .update(difficulties)
    .set({ recommendationId, state: sql`case when ${difficulties.state} = 'received' then 'handling' else ${difficulties.state} end`, updatedAt: new Date() })
    .where(and(eq(difficulties.tenantId, tenantId), inArray(difficulties.id, fresh.map((r) => r.id)), isNull(difficulties.recommendationId)));
  for (const r of fresh) {
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'difficulty.grouped',
      entityType: 'difficulty',
      entityId: r.id,
      before: { state: r.state, recommendationId: null },
      after: { state: 'handling', recommendationId },
    });
  }
}

/** Takes difficulties out of a draft (they stay being handled, free to be grouped again). */
export async function ungroupDifficulties(tx: Db, { actor, tenantId, recommendationId, ids }: { actor: Actor; tenantId: number; recommendationId: string; ids: string[] }): Promise<void> {
  if (ids.length === 0) return;
  const released = await tx
    .update(difficulties)
    .set({ recommendationId: null, updatedAt: new Date() })
    .where(and(eq(difficulties.tenantId, tenantId), eq(difficulties.recommendationId, recommendationId), inArray(difficulties.id, ids)))
    .returning({ id: difficulties.id, state: difficulties.state });
  for (const r of released) {
    await recordAudit(tx, { actor, tenantId, action: 'difficulty.ungrouped', entityType: 'difficulty', entityId: r.id, before: { recommendationId }, after: { recommendationId: null } });
  }
}
