// Forwarding a draft recommendation by official letter (decision 008): the letter's number is taken from the
// alliance's 'letter' series of the letter date's year in the same transaction (a rolled-back forward gives it
// back), the due date defaults to 15 working days after the letter date, and the draft and its difficulties move
// to 'forwarded' with the recommendation's due date.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadWorkingCalendar } from '../calendar/working-days.ts';
import { requireDifficultyHandler } from './difficulties.policy.ts';
import { difficulties, recommendations } from './difficulties.sql.ts';
import { loadLetterSettings } from './letter-settings.service.ts';
import { difficultyCode, nextNumber } from './number-series.ts';
import { AGENCY_ANSWER_WORKING_DAYS, type ForwardInput } from './recommendations.schemas.ts';
import { loadRecommendation, usableAgency, type Recommendation } from './recommendations.service.ts';
import { formatDateVi } from '../../../shared/dates.ts';

/** Forwards a draft: gives it its letter number and due date and moves it and its difficulties to 'forwarded'. */
export async function forwardRecommendation(db: Db, { actor, id, input }: { actor: Actor; id: string; input: ForwardInput }): Promise<Recommendation> {
  const user = requireDifficultyHandler(actor);
  const tenantId = user.tenantId;
  // Read before the transaction: neither changes with the forward, and the calendar reads every correction.
  const calendar = await loadWorkingCalendar(db);
  const settings = await loadLetterSettings(db, tenantId);
  const dueOn = input.dueOn ?? calendar.addWorkingDays(input.letterDate, AGENCY_ANSWER_WORKING_DAYS);
  if (dueOn <= input.letterDate) {
    throw new AppError('bad_request', `Hạn trả lời phải sau ngày công văn (${formatDateVi(input.letterDate)}).`, { field: 'dueOn' });
  }
  return db.transaction(async (tx) => {
    const draft = await loadRecommendation(tx, tenantId, id, { lock: true });
    if (draft.state !== 'draft') throw new AppError('conflict', `Kiến nghị đã được gửi (công văn số ${draft.letterNumber ?? '…'}).`);
    const agency = await usableAgency(tx, tenantId, input.agencyId);
    const grouped = await tx
      .select({ id: difficulties.id, year: difficulties.year, seq: difficulties.seq, state: difficulties.state, dueOn: difficulties.dueOn })
      .from(difficulties)
      .where(and(eq(difficulties.tenantId, tenantId), eq(difficulties.recommendationId, id)))
      .for('update');
    if (grouped.length === 0) throw new AppError('conflict', 'Dự thảo chưa có khó khăn, kiến nghị nào: thêm ít nhất một trước khi gửi.', { field: 'difficultyIds' });
    const blocked = grouped.filter((d) => d.state !== 'received' && d.state !== 'handling');
    if (blocked.length > 0) {
      const codes = blocked.map((d) => difficultyCode(d.year, d.seq)).join(', ');
      throw new AppError('conflict', `Khó khăn ${codes} đã được trả lời hoặc đã kết thúc: bỏ khỏi dự thảo trước khi gửi.`, { field: 'difficultyIds' });
    }
    const year = Number(input.letterDate.slice(0, 4));
    const seq = await nextNumber(tx, tenantId, 'letter', year);
    const letterNumber = `${seq}/${settings.symbol}`;
    const [row] = await tx
      .update(recommendations)
      .set({
        state: 'forwarded',
        agencyId: agency.id,
        letterYear: year,
        letterSeq: seq,
        letterNumber,
        letterDate: input.letterDate,
        dueOn,
        signerName: input.signerName ?? settings.signerName,
        signerTitle: input.signerTitle ?? settings.signerTitle,
        forwardedAt: new Date(),
        forwardedBy: user.email,
        updatedAt: new Date(),
      })
      .where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, id)))
      .returning();
    await tx
      .update(difficulties)
      .set({ state: 'forwarded', dueOn, updatedAt: new Date() })
      .where(and(eq(difficulties.tenantId, tenantId), eq(difficulties.recommendationId, id)));
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'recommendation.forwarded',
      entityType: 'recommendation',
      entityId: id,
      before: { state: 'draft' },
      after: { state: 'forwarded', letterNumber, letterDate: input.letterDate, dueOn, agencyId: agency.id, agency: agency.name, difficulties: grouped.length },
    });
    for (const d of grouped) {
      await recordAudit(tx, {
        actor,
        tenantId,
        action: 'difficulty.forwarded',
        entityType: 'difficulty',
        entityId: d.id,
        before: { state: d.state, dueOn: d.dueOn },
        after: { state: 'forwarded', dueOn, recommendationId: id, letterNumber, letterDate: input.letterDate, agency: agency.name },
      });
    }
    return row!;
  });
}
