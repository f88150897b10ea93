// The portal's events calendar (decision 009): conferences, training, trade fairs, study visits; a list on the
// portal (coming first, then past) until the events issue adds registration.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { todayIso } from '../../../shared/dates.ts';
import { slugFromTitle, uniqueSlug } from '../../../shared/slug.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { actorName, requireLibraryManager } from './library.policy.ts';
import { EVENT_KIND_LABELS, type EventInput, type EventKind, type EventPatch } from './library.schemas.ts';
import { bumpPortalVersion } from './portal-version.ts';
import { events } from './portal.sql.ts';

export type EventRow = typeof events.$inferSelect;

/** Today in Vietnam: an event of today is still coming until midnight there. */
const todayInVietnam = () => todayIso(new Date(), 'Asia/Ho_Chi_Minh');

export function presentEvent(e: EventRow, today: string = todayInVietnam()) {
  return {
    id: e.id,
    slug: e.slug,
    url: `/su-kien/${e.slug}`,
    title: e.title,
    kind: e.kind,
    kindLabel: EVENT_KIND_LABELS[e.kind as EventKind] ?? EVENT_KIND_LABELS.other,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    place: e.place,
    online: e.online,
    organiser: e.organiser,
    summary: e.summary,
    published: e.published,
    upcoming: e.endsOn >= today,
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type PresentedEvent = ReturnType<typeof presentEvent>;

/**
 * Published events of the alliance: those not yet over on `from` (default today in Vietnam) first, soonest
 * first, then past ones, latest first. At most `limit`.
 */
export async function findPublishedEvents({ db, tenantId, from, limit }: { db: Db; tenantId: number; from?: string; limit: number }): Promise<PresentedEvent[]> {
  const today = from ?? todayInVietnam();
  const coming = sql`(${events.endsOn} >= ${today})`;
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.published, true)))
    .orderBy(desc(coming), sql`case when ${coming} then ${events.startsOn} end asc`, desc(events.startsOn), asc(events.title))
    .limit(limit);
  return rows.map((e) => presentEvent(e, today));
}

/** One published event by its slug, or null. */
export async function getPublishedEventBySlug({ db, tenantId, slug }: { db: Db; tenantId: number; slug: string }): Promise<PresentedEvent | null> {
  const [row] = await db.select().from(events).where(and(eq(events.tenantId, tenantId), eq(events.slug, slug), eq(events.published, true)));
  return row ? presentEvent(row) : null;
}

/** The staff's list: every event, latest start first; `q` matches the title without accents. */
export async function listEvents(db: Db, { actor, q, kind, page, pageSize }: { actor: Actor; q?: string; kind?: string; page: number; pageSize: number }) {
  const { tenantId } = requireLibraryManager(actor);
  const words = searchKey(q ?? '').split(' ').filter(Boolean);
  // Events are few (tens a year): the title is folded in SQL rather than kept in a search column.
  const folded = sql`lower(translate(${events.title}, 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD'))`;
  const where = and(eq(events.tenantId, tenantId), kind ? eq(events.kind, kind) : undefined, ...words.map((w) => sql`${folded} like ${`%${w}%`}`));
  const [rows, [total]] = await Promise.all([
    db.select().from(events).where(where).orderBy(desc(events.startsOn), asc(events.title)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(events).where(where),
  ]);
  const today = todayInVietnam();
  return { items: rows.map((e) => presentEvent(e, today)), total: total?.n ?? 0 };
}

async function getEventRow(db: Db, tenantId: number, id: string): Promise<EventRow> {
  if (!isUuid(id)) throw notFound('sự kiện');
  const [row] = await db.select().from(events).where(and(eq(events.tenantId, tenantId), eq(events.id, id)));
  if (!row) throw notFound('sự kiện');
  return row;
}

/** One event of the actor's alliance. */
export async function getEvent(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireLibraryManager(actor);
  return presentEvent(await getEventRow(db, tenantId, id));
}

function checkEvent(e: { startsOn: string; endsOn: string; place?: string | null; online?: boolean }) {
  if (e.endsOn < e.startsOn) throw new AppError('bad_request', 'Ngày kết thúc không được trước ngày bắt đầu.', { field: 'endsOn' });
  if (!e.online && !e.place?.trim()) throw new AppError('bad_request', 'Nhập địa điểm, hoặc chọn "Trực tuyến".', { field: 'place' });
}

/** Adds an event (unpublished unless asked); audited. */
export async function createEvent(db: Db, { actor, input }: { actor: Actor; input: EventInput }) {
  const { tenantId } = requireLibraryManager(actor);
  const values = { ...input, endsOn: input.endsOn ?? input.startsOn, place: input.place || null, organiser: input.organiser || null, online: input.online ?? false };
  checkEvent(values);
  return db.transaction(async (tx) => {
    const base = slugFromTitle(input.title);
    const taken = new Set((await tx.select({ slug: events.slug }).from(events).where(and(eq(events.tenantId, tenantId), sql`${events.slug} like ${`${base}%`}`))).map((r) => r.slug));
    const [row] = await tx
      .insert(events)
      .values({ tenantId, slug: uniqueSlug(base, (s) => taken.has(s)), ...values, summary: input.summary ?? '', published: input.published ?? false, createdBy: actorName(actor) })
      .returning();
    const created = presentEvent(row!);
    if (row!.published) await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'event.created', entityType: 'event', entityId: row!.id, before: null, after: created });
    return created;
  });
}

/** Changes an event; audited. The portal's version moves when it was or becomes public. */
export async function updateEvent(db: Db, { actor, id, input }: { actor: Actor; id: string; input: EventPatch }) {
  const { tenantId } = requireLibraryManager(actor);
  return db.transaction(async (tx) => {
    const before = await getEventRow(tx, tenantId, id);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<EventRow>;
    if (input.endsOn === null) changes.endsOn = input.startsOn ?? before.startsOn;
    if (input.place === '') changes.place = null;
    if (input.organiser === '') changes.organiser = null;
    const next = { ...before, ...changes };
    checkEvent(next);
    const [row] = await tx
      .update(events)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(events.tenantId, tenantId), eq(events.id, id)))
      .returning();
    if (before.published || row!.published) await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'event.updated', entityType: 'event', entityId: id, before: presentEvent(before), after: presentEvent(row!) });
    return presentEvent(row!);
  });
}

/** Removes an event; audited. */
export async function deleteEvent(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireLibraryManager(actor);
  await db.transaction(async (tx) => {
    const before = await getEventRow(tx, tenantId, id);
    await tx.delete(events).where(and(eq(events.tenantId, tenantId), eq(events.id, id)));
    if (before.published) await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'event.deleted', entityType: 'event', entityId: id, before: presentEvent(before), after: null });
  });
}
