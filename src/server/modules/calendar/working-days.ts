// Working-day arithmetic (decision 008): weekends, the law's days off (holidays.ts) and the admin's corrections
// (calendar_days) skipped. Dates are 'YYYY-MM-DD' strings, turned into day numbers through UTC only, so the
// server's time zone never moves a due date. Each year is worked out once (its law days in a Set, then a flag and a
// running count per day), so adding walks flags and counting takes one subtraction a year.
import type { Database, Db } from '../../../db/client.ts';
import { daysInMonth } from '../loans/calendar.ts';
import { todayIso } from '../../../shared/dates.ts';
import { calendarDays } from './calendar.sql.ts';
import { isWeekendDayNumber, lawDaysOff } from './holidays.ts';
import { isoFromJulianDayNumber, julianDayNumber } from './lunar.ts';

export interface WorkingCalendar {
  isWorkingDay(day: string): boolean; // 'YYYY-MM-DD'
  /** The n-th working day after `from` (n ≥ 0; n = 0 → `from` itself if working, else the next working day). */
  addWorkingDays(from: string, n: number): string;
  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number;
}

/** An admin's correction: the day is off (dayOff = true) or worked (false), whatever the law and the week say. */
export interface CalendarCorrection {
  day: string;
  dayOff: boolean;
}

/** Today's date in Vietnam (UTC+7), whatever the server's time zone: what "overdue" is measured against. */
export function todayInVietnam(now: Date = new Date()): string {
  return todayIso(now, 'Asia/Ho_Chi_Minh');
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number of a 'YYYY-MM-DD' date; a RangeError for anything that is not a real date (from 1900 on, as
 * loans/calendar.ts). Parsed here rather than through its daysBetween: reports count thousands of spans, and
 * this is their hot path (a regex and arithmetic, no Date).
 */
function dayNumberOf(day: string): number {
  const match = DATE_PATTERN.exec(day);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const date = Number(match?.[3]);
  if (!match || year < 1900 || month < 1 || month > 12 || date < 1 || (date > 28 && date > daysInMonth(year, month))) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${day}`);
  }
  return julianDayNumber(year, month, date);
}

/** The Gregorian year of a day number, by arithmetic (no Date): an estimate corrected by 1 January's. */
function yearOf(jdn: number): number {
  let year = Math.floor((jdn - 1721426) / 365.2425) + 1; // 1721426 = 1 January of year 1
  while (julianDayNumber(year, 1, 1) > jdn) year -= 1;
  while (julianDayNumber(year + 1, 1, 1) <= jdn) year += 1;
  return year;
}

/** Guards the loops: past this a caller has passed nonsense (and the years beyond 9999 have no ISO form). */
const MAX_WORKING_DAYS = 100_000;

/** One year's days: whether each is worked, and how many of the year's first i days are (cumulative). */
interface YearDays {
  year: number;
  first: number; // day number of 1 January
  working: Uint8Array;
  cumulative: Int32Array; // cumulative[i] = working days among the first i days of the year
}

/** A calendar over the law's days off and the given corrections. */
export function buildWorkingCalendar(corrections: readonly CalendarCorrection[] = []): WorkingCalendar {
  const overrides = new Map<number, boolean>(corrections.map((c) => [dayNumberOf(c.day), c.dayOff]));
  const years = new Map<number, YearDays>();

  // Each year is worked out once: weekends, the law's days off (a Set), then the admin's rows over both.
  const yearDays = (year: number): YearDays => {
    let found = years.get(year);
    if (found) return found;
    const first = julianDayNumber(year, 1, 1);
    const length = julianDayNumber(year + 1, 1, 1) - first;
    const lawOff = new Set(lawDaysOff(year).map((d) => dayNumberOf(d.day)));
    const working = new Uint8Array(length);
    const cumulative = new Int32Array(length + 1);
    for (let i = 0; i < length; i += 1) {
      const jdn = first + i;
      const override = overrides.get(jdn);
      const worked = override !== undefined ? !override : !isWeekendDayNumber(jdn) && !lawOff.has(jdn);
      working[i] = worked ? 1 : 0;
      cumulative[i + 1] = cumulative[i]! + working[i]!;
    }
    found = { year, first, working, cumulative };
    years.set(year, found);
    return found;
  };

  // Walking day by day stays in one year for months: keep it at hand.
  let current: YearDays = yearDays(1970);
  const yearOfDay = (jdn: number): YearDays => {
    if (jdn < current.first || jdn >= current.first + current.working.length) current = yearDays(yearOf(jdn));
    return current;
  };
  const isWorking = (jdn: number): boolean => {
    const y = yearOfDay(jdn);
    return y.working[jdn - y.first] === 1;
  };
  /** Working days from 1 January of the day's year up to and including the day. */
  const upTo = (jdn: number): { year: number; count: number } => {
    const y = yearOfDay(jdn);
    return { year: y.year, count: y.cumulative[jdn - y.first + 1]! };
  };

  return {
    isWorkingDay: (day) => isWorking(dayNumberOf(day)),
    addWorkingDays(from, n) {
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) throw new RangeError(`Working days must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${n}`);
      let jdn = dayNumberOf(from);
      if (n === 0) {
        while (!isWorking(jdn)) jdn += 1;
        return isoFromJulianDayNumber(jdn);
      }
      let left = n;
      while (left > 0) {
        jdn += 1;
        if (isWorking(jdn)) left -= 1;
      }
      return isoFromJulianDayNumber(jdn);
    },
    // From the years' cumulative counts: a span of years costs one step a year, not one a day (reports count
    // thousands of spans).
    workingDaysBetween(from, to) {
      const start = dayNumberOf(from);
      const end = dayNumberOf(to);
      if (end <= start) return 0;
      const a = upTo(start);
      const b = upTo(end);
      let count = b.count - a.count;
      for (let year = a.year; year < b.year; year += 1) count += yearDays(year).cumulative.at(-1)!;
      return count;
    },
  };
}

/** The law's days off only (no admin rows): for pure tests and for what the page shows as the law's. */
export function lawCalendar(): WorkingCalendar {
  return buildWorkingCalendar();
}

/** The calendar the services count with: the law's days off and the admin's corrections in calendar_days. */
export async function loadWorkingCalendar(db: Database | Db): Promise<WorkingCalendar> {
  const drizzle = 'engine' in db ? db.db : db;
  const rows = await drizzle.select({ day: calendarDays.day, dayOff: calendarDays.dayOff }).from(calendarDays);
  return buildWorkingCalendar(rows);
}
