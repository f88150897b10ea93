// The working-day calendar's use cases (decision 008): anyone signed in reads the year's days off and counts a
// due date; the alliance's administrator corrects the calendar (national data), each change audited.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { toVietnameseDate } from '../loans/calendar.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../accounts/roles.ts';
import { requireUser } from '../cooperatives/cooperatives.policy.ts';
import { calendarDays } from './calendar.sql.ts';
import { isWeekendDayNumber, lawDaysOff } from './holidays.ts';
import { julianDayNumber } from './lunar.ts';
import { loadWorkingCalendar } from './working-days.ts';

export interface CalendarDayView {
  day: string;
  name: string;
  dayOff: boolean;
  source: 'law' | 'admin';
  /** What the law gives that day, when an admin's row overrides it. */
  lawName: string | null;
  weekend: boolean;
}

const isWeekend = (day: string) => isWeekendDayNumber(julianDayNumber(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))));

/** The calendar's entity id in the audit trail (a uuid column): the date's digits, 00000000-0000-0000-0000-0000YYYYMMDD. */
export function calendarDayEntityId(day: string): string {
  return `00000000-0000-0000-0000-0000${day.replaceAll('-', '')}`;
}

/** Only the alliance's administrator corrects the calendar; the change is written in their alliance's audit trail. */
function requireCalendarAdmin(actor: Actor): { actor: Actor; tenantId: number } {
  const user = requireUser(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  return { actor: user, tenantId: user.tenantId };
}

/**
 * A year's days off that are not weekends (the law's, the substitutes, the admin's) and the weekend days the
 * admin made working days, in date order; an admin's row replaces the law's for its date.
 */
export async function findCalendarDays(db: Db, { actor, year }: { actor: Actor; year: number }) {
  requireUser(actor);
  const rows = await db
    .select({ day: calendarDays.day, dayOff: calendarDays.dayOff, name: calendarDays.name })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
  const law = new Map(lawDaysOff(year).map((d) => [d.day, d.name]));
  const admin = new Map(rows.map((r) => [r.day, r]));
  const days: CalendarDayView[] = [];
  for (const [day, name] of law) {
    if (admin.has(day) || isWeekend(day)) continue;
    days.push({ day, name, dayOff: true, source: 'law', lawName: null, weekend: false });
  }
  for (const row of rows) days.push({ ...row, source: 'admin', lawName: law.get(row.day) ?? null, weekend: isWeekend(row.day) });
  days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { year, days };
}

/** Sets the admin's correction of one date (a day off or a working day), replacing any earlier one. */
export async function setCalendarDay(db: Db, { actor, day, dayOff, name }: { actor: Actor; day: string; dayOff: boolean; name: string }) {
  const admin = requireCalendarAdmin(actor);
  const changedBy = actor.kind === 'user' ? actor.email : null;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day)).for('update');
    const [row] = await tx
      .insert(calendarDays)
      .values({ day, dayOff, name, changedBy })
      .onConflictDoUpdate({ target: calendarDays.day, set: { dayOff, name, changedBy, changedAt: new Date() } })
      .returning();
    await recordAudit(tx, { ...admin, action: 'calendar_day.set', entityType: 'calendar_day', entityId: calendarDayEntityId(day), before: before ?? null, after: row });
    return row!;
  });
}

/** Removes the admin's correction of one date: the law and the week decide it again. */
export async function removeCalendarDay(db: Db, { actor, day }: { actor: Actor; day: string }) {
  const admin = requireCalendarAdmin(actor);
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(calendarDays).where(eq(calendarDays.day, day)).returning();
    if (!removed) throw notFound(`điều chỉnh lịch của ngày ${toVietnameseDate(day)}`);
    await recordAudit(tx, { ...admin, action: 'calendar_day.removed', entityType: 'calendar_day', entityId: calendarDayEntityId(day), before: removed, after: null });
    return { day, removed: true };
  });
}

/** The date `workingDays` working days after `from` (the law's days off and the admin's corrections skipped). */
export async function computeDueDate(db: Db, { actor, from, workingDays }: { actor: Actor; from: string; workingDays: number }) {
  requireUser(actor);
  const calendar = await loadWorkingCalendar(db);
  return { from, workingDays, dueOn: calendar.addWorkingDays(from, workingDays) };
}
