// Requests for expert advice (decision 008): asked by a manager or recorded by staff, assigned, held (sessions),
// completed or cancelled, rated by the cooperative. Every change writes an audit event in its transaction.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { todayIso } from '../../../shared/dates.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { findAuditEvents, recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { consultationPermissions, isConsultationStaff, organisationReach, requireConsultationManager, requireConsultationStaff, requireConsultationUser, type TenantUser } from './consultations.policy.ts';
import { presentConsultation, presentSession, type ConsultationRow } from './consultations.present.ts';
import { consultationRequests, consultationSessions, experts } from './consultations.sql.ts';
import { CONSULTATION_STATES, STATE_LABELS, type ConsultationChannel, type ConsultationForm, type ConsultationState, type ConsultationTopic } from './consultations.words.ts';
import { getExpertRow } from './experts.service.ts';

const vietnamToday = () => todayIso(new Date(), 'Asia/Ho_Chi_Minh');
const communeJoin = and(eq(adminUnits.version, '2025'), eq(adminUnits.code, organisations.currentCommuneCode));
const orgJoin = and(eq(organisations.tenantId, consultationRequests.tenantId), eq(organisations.id, consultationRequests.organisationId));
const expertJoin = and(eq(experts.tenantId, consultationRequests.tenantId), eq(experts.id, consultationRequests.expertId));

/** The requests an actor may see: its alliance's (staff), its organisations' (a manager). */
function reachScope(user: TenantUser) {
  const reach = organisationReach(user);
  const tenant = eq(consultationRequests.tenantId, user.tenantId);
  if (reach === null) return tenant;
  return reach.length ? and(tenant, inArray(consultationRequests.organisationId, reach))! : sql`false`;
}

async function organisationInReach(db: Db, user: TenantUser, organisationId: string | undefined) {
  const reach = organisationReach(user);
  const id = organisationId ?? (reach === null ? undefined : user.organisationId ?? reach[0]);
  if (!id) throw new AppError('bad_request', 'Vui lòng chọn tổ chức (Tổ chức).', { field: 'organisationId' });
  if (!isUuid(id) || (reach !== null && !reach.includes(id))) throw notFound('tổ chức');
  const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.tenantId, user.tenantId), eq(organisations.id, id)));
  if (!org) throw notFound('tổ chức');
  return org;
}

export type NewConsultation = { organisationId?: string; topic: ConsultationTopic; description: string; channel?: ConsultationChannel; requestedOn?: string };

/** A manager asks for their organisation; staff record a request for one (with how it reached them). */
export async function createConsultation(db: Db, { actor, input }: { actor: Actor; input: NewConsultation }) {
  const user = requireConsultationUser(actor);
  const staff = isConsultationStaff(user);
  if (staff && !input.channel) throw new AppError('bad_request', 'Vui lòng chọn Kênh tiếp nhận.', { field: 'channel' });
  if (!staff && (input.channel || input.requestedOn)) {
    throw new AppError('bad_request', 'Kênh tiếp nhận và ngày đề nghị do cán bộ Liên minh ghi, không gửi kèm đề nghị của hợp tác xã.', { field: input.channel ? 'channel' : 'requestedOn' });
  }
  const today = vietnamToday();
  if (input.requestedOn && input.requestedOn > today) throw new AppError('bad_request', 'Ngày đề nghị không được sau hôm nay.', { field: 'requestedOn' });
  const org = await organisationInReach(db, user, input.organisationId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultationRequests)
      .values({
        tenantId: user.tenantId,
        organisationId: org.id,
        topic: input.topic,
        description: input.description,
        requestedOn: input.requestedOn ?? today,
        channel: staff ? input.channel! : 'online',
        requestedBy: user.email,
      })
      .returning();
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'consultation.requested', entityType: 'consultation', entityId: row!.id, before: null, after: presentConsultation(row!) });
    return { ...presentConsultation(row!), organisation: org, can: consultationPermissions(actor, { ...row!, sessions: 0 }) };
  });
}

export type ConsultationFilter = { state?: ConsultationState; topic?: ConsultationTopic; organisationId?: string };

/** The requests in reach, the waiting first (oldest first), then the rest newest first; with counts per state. */
export async function findConsultations(db: Db, { actor, filter }: { actor: Actor; filter: ConsultationFilter }) {
  const user = requireConsultationUser(actor);
  if (filter.organisationId && !isUuid(filter.organisationId)) return { items: [], counts: emptyCounts() };
  const filtered = and(
    reachScope(user),
    filter.topic ? eq(consultationRequests.topic, filter.topic) : undefined,
    filter.organisationId ? eq(consultationRequests.organisationId, filter.organisationId) : undefined,
  );
  const rows = await db
    .select({
      request: consultationRequests,
      organisation: { id: organisations.id, name: organisations.name, communeCode: organisations.currentCommuneCode, communeName: adminUnits.name },
      expertName: experts.name,
    })
    .from(consultationRequests)
    .innerJoin(organisations, orgJoin)
    .leftJoin(adminUnits, communeJoin)
    .leftJoin(experts, expertJoin)
    .where(and(filtered, filter.state ? eq(consultationRequests.state, filter.state) : undefined))
    .orderBy(
      sql`case when ${consultationRequests.state} in ('requested', 'scheduled') then 0 else 1 end`,
      sql`case when ${consultationRequests.state} in ('requested', 'scheduled') then ${consultationRequests.requestedOn} end asc`,
      desc(consultationRequests.requestedOn),
      desc(consultationRequests.createdAt),
    )
    .limit(500);
  const byState = await db.select({ state: consultationRequests.state, n: count() }).from(consultationRequests).where(filtered).groupBy(consultationRequests.state);
  const counts = emptyCounts();
  for (const r of byState) counts[r.state as ConsultationState] = r.n;
  return { items: rows.map(({ request, organisation, expertName }) => ({ ...presentConsultation(request), organisation, expertName })), counts };
}

function emptyCounts(): Record<ConsultationState, number> {
  return Object.fromEntries(CONSULTATION_STATES.map((s) => [s, 0])) as Record<ConsultationState, number>;
}

/** One request in reach, its row locked when asked (404 otherwise: never confirms another's id). */
async function findInReach(db: Db, user: TenantUser, id: string, lock = false): Promise<ConsultationRow> {
  if (!isUuid(id)) throw notFound('yêu cầu tư vấn');
  const query = db.select().from(consultationRequests).where(and(reachScope(user), eq(consultationRequests.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('yêu cầu tư vấn');
  return row;
}

async function sessionCount(db: Db, row: ConsultationRow): Promise<number> {
  const [r] = await db.select({ n: count() }).from(consultationSessions).where(and(eq(consultationSessions.tenantId, row.tenantId), eq(consultationSessions.requestId, row.id)));
  return r?.n ?? 0;
}

/** One request with its organisation, expert, sessions, what the actor may do, and (for staff) its history. */
export async function getConsultation(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireConsultationUser(actor);
  const row = await findInReach(db, user, id);
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, communeCode: organisations.currentCommuneCode, communeName: adminUnits.name, phone: organisations.phone, representative: organisations.representative })
    .from(organisations)
    .leftJoin(adminUnits, communeJoin)
    .where(and(eq(organisations.tenantId, row.tenantId), eq(organisations.id, row.organisationId)));
  const [expert] = row.expertId
    ? await db.select({ id: experts.id, name: experts.name, organisation: experts.organisation, phone: experts.phone, email: experts.email }).from(experts).where(and(eq(experts.tenantId, row.tenantId), eq(experts.id, row.expertId)))
    : [];
  const sessions = await db
    .select({ session: consultationSessions, expertName: experts.name })
    .from(consultationSessions)
    .leftJoin(experts, and(eq(experts.tenantId, consultationSessions.tenantId), eq(experts.id, consultationSessions.expertId)))
    .where(and(eq(consultationSessions.tenantId, row.tenantId), eq(consultationSessions.requestId, row.id)))
    .orderBy(asc(consultationSessions.heldOn), asc(consultationSessions.recordedAt));
  const staff = isConsultationStaff(user);
  return {
    ...presentConsultation(row),
    organisation: org!,
    expert: expert ?? null,
    sessions: sessions.map((s) => presentSession(s.session, s.expertName)),
    can: consultationPermissions(actor, { ...row, sessions: sessions.length }),
    history: staff
      ? (await findAuditEvents(db, row.tenantId, 'consultation', row.id)).map((e) => ({ at: e.at.toISOString(), action: e.action, actorLabel: e.actorLabel }))
      : [],
  };
}

/** A transition refused by the request's state: 409, saying why in Vietnamese. */
function conflict(row: ConsultationRow, doing: string, why?: string): AppError {
  const reason = why ?? `yêu cầu đang ở trạng thái "${STATE_LABELS[row.state as ConsultationState] ?? row.state}"`;
  return new AppError('conflict', `Không ${doing} được: ${reason}.`, { state: row.state });
}

/** Locks the request, checks the transition, applies it and writes the audit event, in one transaction. */
async function transition(
  db: Db,
  user: TenantUser,
  actor: Actor,
  id: string,
  action: string,
  apply: (tx: Db, row: ConsultationRow) => Promise<Partial<ConsultationRow>>,
) {
  await db.transaction(async (tx) => {
    const before = await findInReach(tx, user, id, true);
    const changes = await apply(tx, before);
    const [after] = await tx
      .update(consultationRequests)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(consultationRequests.tenantId, user.tenantId), eq(consultationRequests.id, id)))
      .returning();
    await recordAudit(tx, { actor, tenantId: user.tenantId, action, entityType: 'consultation', entityId: id, before: presentConsultation(before), after: presentConsultation(after!) });
  });
  return getConsultation(db, { actor, id });
}

const isOpen = (row: ConsultationRow) => row.state === 'requested' || row.state === 'scheduled';

/** Assigns an expert, a date and a form (again to reschedule, while not done or cancelled). */
export async function scheduleConsultation(db: Db, { actor, id, expertId, scheduledOn, form }: { actor: Actor; id: string; expertId: string; scheduledOn: string; form: ConsultationForm }) {
  const user = requireConsultationStaff(actor);
  return transition(db, user, actor, id, 'consultation.scheduled', async (tx, row) => {
    if (!isOpen(row)) throw conflict(row, 'phân công chuyên gia');
    const expert = await getExpertRow(tx, user, expertId);
    if (!expert.active) throw new AppError('conflict', `Chuyên gia ${expert.name} đã ngừng tham gia danh sách chuyên gia, hãy chọn người khác.`, { field: 'expertId' });
    if (scheduledOn < row.requestedOn) throw new AppError('bad_request', 'Ngày hẹn tư vấn không được trước ngày đề nghị.', { field: 'scheduledOn' });
    return { state: 'scheduled', expertId, scheduledOn, form };
  });
}

/** Records one session held (the request must have an expert and a date; several sessions may follow). */
export async function recordSession(db: Db, { actor, id, heldOn, form, notes, expertId }: { actor: Actor; id: string; heldOn: string; form: ConsultationForm; notes: string; expertId?: string }) {
  const user = requireConsultationStaff(actor);
  return transition(db, user, actor, id, 'consultation.session_recorded', async (tx, row) => {
    if (row.state === 'requested') throw conflict(row, 'ghi nhận buổi tư vấn', 'chưa phân công chuyên gia và hẹn lịch');
    if (row.state !== 'scheduled') throw conflict(row, 'ghi nhận buổi tư vấn');
    if (heldOn > vietnamToday()) throw new AppError('bad_request', 'Ngày tư vấn không được sau hôm nay.', { field: 'heldOn' });
    if (heldOn < row.requestedOn) throw new AppError('bad_request', 'Ngày tư vấn không được trước ngày đề nghị.', { field: 'heldOn' });
    const expert = expertId ? (await getExpertRow(tx, user, expertId)).id : row.expertId;
    await tx.insert(consultationSessions).values({ tenantId: user.tenantId, requestId: row.id, heldOn, form, notes, expertId: expert, recordedBy: user.email });
    return {};
  });
}

/** Closes a request that was held, with what came of it. */
export async function completeConsultation(db: Db, { actor, id, outcome }: { actor: Actor; id: string; outcome: string }) {
  const user = requireConsultationStaff(actor);
  return transition(db, user, actor, id, 'consultation.completed', async (tx, row) => {
    if (row.state !== 'scheduled') throw conflict(row, 'kết thúc tư vấn', row.state === 'requested' ? 'chưa phân công chuyên gia và hẹn lịch' : undefined);
    if ((await sessionCount(tx, row)) === 0) throw conflict(row, 'kết thúc tư vấn', 'chưa ghi nhận buổi tư vấn nào');
    return { state: 'done', outcome };
  });
}

/** Cancels a request not yet done, with the reason. */
export async function cancelConsultation(db: Db, { actor, id, reason }: { actor: Actor; id: string; reason: string }) {
  const user = requireConsultationStaff(actor);
  return transition(db, user, actor, id, 'consultation.cancelled', async (_tx, row) => {
    if (!isOpen(row)) throw conflict(row, 'hủy yêu cầu');
    return { state: 'cancelled', cancelReason: reason };
  });
}

/** The cooperative's rating of the advice it was given: once, after it is done. */
export async function rateConsultation(db: Db, { actor, id, rating, comment }: { actor: Actor; id: string; rating: number; comment: string | null }) {
  const user = requireConsultationManager(actor);
  return transition(db, user, actor, id, 'consultation.rated', async (_tx, row) => {
    if (row.state !== 'done') throw conflict(row, 'đánh giá', 'chỉ đánh giá được khi đã tư vấn xong');
    if (row.rating !== null) throw conflict(row, 'đánh giá', 'yêu cầu này đã được đánh giá');
    return { rating, ratingComment: comment, ratedAt: new Date() };
  });
}
