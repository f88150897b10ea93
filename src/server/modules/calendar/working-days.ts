// Working-day arithmetic (decision 008): weekends, the law's days off (holidays.ts) and the admin's corrections
// (calendar_days) skipped. Dates are 'YYYY-MM-DD' strings, turned into day numbers through UTC only, so the
// server's time zone never moves a due date. A year's days off are computed once and held in a Set.
import type { Database, Db } from '../../../db/client.ts';
import { daysBetween } from '../loans/calendar.ts';
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

const JDN_OF_1970 = julianDayNumber(1970, 1, 1);

/** Day number of a 'YYYY-MM-DD' date; a RangeError for anything that is not a real date. */
function dayNumberOf(day: string): number {
  return JDN_OF_1970 + daysBetween('1970-01-01', day);
}

function yearOf(jdn: number): number {
  return Number(isoFromJulianDayNumber(jdn).slice(0, 4));
}

/** Guards the loops: past this a caller has passed nonsense (and the years beyond 9999 have no ISO form). */
const MAX_WORKING_DAYS = 100_000;

/** A calendar over the law's days off and the given corrections. */
export function buildWorkingCalendar(corrections: readonly CalendarCorrection[] = []): WorkingCalendar {
  const overrides = new Map<number, boolean>(corrections.map((c) => [dayNumberOf(c.day), c.dayOff]));
  const daysOffByYear = new Map<number, Set<number>>();

  const lawDaysOffOf = (year: number): Set<number> => {
    let set = daysOffByYear.get(year);
    if (!set) {
      set = new Set(lawDaysOff(year).map((d) => dayNumberOf(d.day)));
      daysOffByYear.set(year, set);
    }
    return set;
  };

  // Years change rarely while walking day by day: keep the current one's Set at hand.
  let currentYear = Number.NaN;
  let yearStart = 0;
  let yearEnd = -1;
  let currentSet = new Set<number>();
  const isWorking = (jdn: number): boolean => {
    const override = overrides.get(jdn);
    if (override !== undefined) return !override;
    if (isWeekendDayNumber(jdn)) return false;
    if (jdn < yearStart || jdn > yearEnd) {
      currentYear = yearOf(jdn);
      yearStart = julianDayNumber(currentYear, 1, 1);
      yearEnd = julianDayNumber(currentYear, 12, 31);
      currentSet = lawDaysOffOf(currentYear);
    }
    return !currentSet.has(jdn);
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
    workingDaysBetween(from, to) {
      const start = dayNumberOf(from);
      const end = dayNumberOf(to);
      let count = 0;
      for (let jdn = start + 1; jdn <= end; jdn += 1) if (isWorking(jdn)) count += 1;
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
