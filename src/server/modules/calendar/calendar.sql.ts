import { boolean, date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The admin's corrections to the working-day calendar (national, no tenant). The days off the law gives
 * (Labour Code 2019 art. 112: 1/1, Tết, 10/3 lunar, 30/4, 1/5, 2/9 and the adjacent day, and the substitute days
 * when one falls on a weekend) are computed in code (holidays.ts); a row here overrides what the code says for
 * its date: `dayOff = true` adds a day off (a bridge day by government notice), `dayOff = false` makes a day a
 * working day (the Saturday worked in exchange). Working-day arithmetic = weekends + the law's days + these rows.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  dayOff: boolean('day_off').notNull(),
  name: text('name').notNull(),
  changedBy: text('changed_by'),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
