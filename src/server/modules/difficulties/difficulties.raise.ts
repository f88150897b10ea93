// Raising difficulties (decision 008): a coop manager for its organisations, staff for one or several organisations
// at once (a conference's minutes list many; all or nothing), and from an annual update's "difficulties" text.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { actorLabel, type Actor } from '../accounts/roles.ts';
import { annualUpdates } from '../annual-updates/annual-updates.sql.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadWorkingCalendar, todayInVietnam } from '../calendar/working-days.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { canRaiseFor, isDifficultyHandler, managedOrganisationIds, requireDifficultyHandler, requireDifficultyRaiser } from './difficulties.policy.ts';
import { presentDifficulty } from './difficulties.present.ts';
import type { RaiseInput } from './difficulties.schemas.ts';
import { difficulties } from './difficulties.sql.ts';
import { nextNumber } from './number-series.ts';

/** The alliance answers or forwards within this many working days of receiving a difficulty. */
export const DIFFICULTY_DUE_WORKING_DAYS = 10;

type NewDifficulty = Pick<typeof difficulties.$inferInsert, 'organisationId' | 'raisedOn' | 'channel' | 'occasion' | 'category' | 'title' | 'description' | 'publicConsent' | 'sourceUpdateId'>;

/** Inserts difficulties in the caller's transaction: a code each, due 10 working days later, one audit event each. */
async function insertDifficulties(tx: Db, actor: Actor, tenantId: number, items: NewDifficulty[]) {
  const calendar = await loadWorkingCalendar(tx);
  const rows = [];
  for (const item of items) {
    const year = Number(item.raisedOn.slice(0, 4));
    const seq = await nextNumber(tx, tenantId, 'difficulty', year);
    const [row] = await tx
      .insert(difficulties)
      .values({ ...item, tenantId, year, seq, raisedBy: actorLabel(actor), dueOn: calendar.addWorkingDays(item.raisedOn, DIFFICULTY_DUE_WORKING_DAYS) })
      .returning();
    await recordAudit(tx, { actor, tenantId, action: 'difficulty.raised', entityType: 'difficulty', entityId: row!.id, before: null, after: { organisationId: row!.organisationId, channel: row!.channel, category: row!.category, title: row!.title, dueOn: row!.dueOn } });
    rows.push(row!);
  }
  return rows;
}

/** Raises one difficulty (a manager) or one per organisation (staff, all or nothing). */
export async function raiseDifficulties(db: Db, { actor, input }: { actor: Actor; input: RaiseInput }) {
  const user = requireDifficultyRaiser(actor);
  const today = todayInVietnam();
  const staff = isDifficultyHandler(user);
  let organisationIds: string[];
  if (staff) {
    organisationIds = input.organisationIds ?? (input.organisationId ? [input.organisationId] : []);
    if (organisationIds.length === 0) throw new AppError('bad_request', 'Các tổ chức: chọn ít nhất một tổ chức.', { field: 'organisationIds' });
  } else {
    if (input.organisationIds || input.channel || input.occasion || input.raisedOn) {
      throw new AppError('bad_request', 'Quản lý HTX chỉ gửi khó khăn của tổ chức mình, trực tuyến, vào ngày gửi.', { field: input.organisationIds ? 'organisationIds' : input.channel ? 'channel' : input.occasion ? 'occasion' : 'raisedOn' });
    }
    const managed = managedOrganisationIds(user);
    const chosen = input.organisationId ?? (managed.length === 1 ? managed[0] : undefined);
    if (!chosen) throw new AppError('bad_request', 'Tổ chức: chọn tổ chức gửi khó khăn, kiến nghị.', { field: 'organisationId' });
    if (!canRaiseFor(user, chosen)) throw notFound('tổ chức');
    organisationIds = [chosen];
  }
  const raisedOn = staff ? (input.raisedOn ?? today) : today;
  if (raisedOn > today) throw new AppError('bad_request', 'Ngày tiếp nhận: không được sau hôm nay.', { field: 'raisedOn' });

  const seen = new Map<string, number>();
  organisationIds.forEach((id, i) => {
    if (seen.has(id)) throw new AppError('bad_request', `Các tổ chức: dòng ${i + 1} trùng với dòng ${seen.get(id)! + 1}.`, { field: `organisationIds.${i}`, row: i + 1 });
    seen.set(id, i);
  });
  const valid = organisationIds.filter(isUuid);
  const found = valid.length
    ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.tenantId, user.tenantId), inArray(organisations.id, valid)))
    : [];
  const names = new Map(found.map((o) => [o.id, o.name]));
  organisationIds.forEach((id, i) => {
    if (names.has(id)) return;
    if (!staff) throw notFound('tổ chức');
    throw new AppError('bad_request', `Các tổ chức: không tìm thấy tổ chức ở dòng ${i + 1} (mã "${id.slice(0, 64)}"); chưa ghi nhận khó khăn nào.`, { field: `organisationIds.${i}`, row: i + 1 });
  });

  const channel = staff ? (input.channel ?? 'staff') : 'online';
  const rows = await db.transaction((tx) =>
    insertDifficulties(
      tx,
      user,
      user.tenantId,
      organisationIds.map((organisationId) => ({
        organisationId,
        raisedOn,
        channel,
        occasion: staff ? (input.occasion ?? null) : null,
        category: input.category,
        title: input.title,
        description: input.description,
        publicConsent: input.publicConsent,
        sourceUpdateId: null,
      })),
    ),
  );
  return { items: rows.map((row) => ({ ...presentDifficulty(row, today), organisation: { id: row.organisationId, name: names.get(row.organisationId)! } })) };
}

/**
 * Turns an annual update's "difficulties" text into a difficulty (channel annual_update). Once only: a second call
 * answers 409 with the existing difficulty's id; the update's row is locked so that two clicks make one.
 */
export async function raiseFromUpdate(db: Db, { actor, updateId, category }: { actor: Actor; updateId: string; category?: RaiseInput['category'] }) {
  const user = requireDifficultyHandler(actor);
  if (!isUuid(updateId)) throw notFound('bản cập nhật');
  const today = todayInVietnam();
  return db.transaction(async (tx) => {
    const [update] = await tx
      .select({ id: annualUpdates.id, organisationId: annualUpdates.organisationId, year: annualUpdates.year, state: annualUpdates.state, values: annualUpdates.values })
      .from(annualUpdates)
      .where(and(eq(annualUpdates.tenantId, user.tenantId), eq(annualUpdates.id, updateId)))
      .for('update');
    if (!update) throw notFound('bản cập nhật');
    const [existing] = await tx
      .select({ id: difficulties.id, year: difficulties.year, seq: difficulties.seq })
      .from(difficulties)
      .where(and(eq(difficulties.tenantId, user.tenantId), eq(difficulties.sourceUpdateId, update.id)))
      .limit(1);
    if (existing) {
      throw new AppError('conflict', `Khó khăn nêu trong bản cập nhật này đã được ghi nhận (mã ${existing.year}-${String(existing.seq).padStart(4, '0')}).`, { existingId: existing.id });
    }
    if (update.state === 'draft') throw new AppError('conflict', 'Bản cập nhật chưa được tổ chức gửi: chưa thể ghi nhận khó khăn từ bản nháp.', { field: 'updateId' });
    const raw = (update.values as Record<string, unknown>).difficulties;
    const text = typeof raw === 'string' ? raw.normalize('NFC').trim() : '';
    if (!text) throw new AppError('bad_request', 'Bản cập nhật không có nội dung ở mục "Khó khăn, vướng mắc".', { field: 'updateId' });
    const [row] = await insertDifficulties(tx, user, user.tenantId, [
      {
        organisationId: update.organisationId,
        raisedOn: today,
        channel: 'annual_update',
        occasion: `Báo cáo thông tin năm ${update.year}`,
        category: category ?? 'other',
        title: `Khó khăn nêu trong báo cáo năm ${update.year}`,
        description: text.slice(0, 8000),
        publicConsent: 'no',
        sourceUpdateId: update.id,
      },
    ]);
    const [org] = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.tenantId, user.tenantId), eq(organisations.id, update.organisationId)));
    return { ...presentDifficulty(row!, today), organisation: org! };
  });
}

