import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lawDaysOff } from './holidays.ts';
import { buildWorkingCalendar, lawCalendar, todayInVietnam } from './working-days.ts';

const calendar = lawCalendar();
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
const isLawDayOff = (day: string) => lawDaysOff(Number(day.slice(0, 4))).some((d) => d.day === day);

/** Any day from 2000 to 2090, as 'YYYY-MM-DD'. */
const anyDay = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2090, 11, 31) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('working days over the law’s calendar', () => {
  it.each([
    // Tết 2026 (16–20/2, Monday to Friday): the Friday before, one working day on → the Monday after.
    ['2026-02-13', 1, '2026-02-23'],
    ['2026-02-13', 10, '2026-03-06'],
    ['2026-02-17', 0, '2026-02-23'],
    // Tết 2027 (5–9/2 and the substitutes 10–11/2 for the weekend): Thursday 4/2 → Friday 12/2.
    ['2027-02-04', 1, '2027-02-12'],
    ['2027-02-04', 2, '2027-02-15'],
    // 30/4 and 1/5 2026 (Thursday, Friday) → Monday 4/5.
    ['2026-04-29', 1, '2026-05-04'],
    // 2027: 1/5 on a Saturday, its substitute Monday 3/5.
    ['2027-04-29', 1, '2027-05-04'],
    // 2028: 30/4 on a Sunday, 1/5 on Monday, the substitute Tuesday 2/5.
    ['2028-04-28', 1, '2028-05-03'],
    // 2/9 2026 with 1/9 (Tuesday, Wednesday).
    ['2026-08-31', 1, '2026-09-03'],
    // 2/9 2028 on a Saturday, 1/9 on Friday, the substitute Monday 4/9.
    ['2028-08-31', 1, '2028-09-05'],
    // A plain week, and n = 0 on a working day.
    ['2026-03-09', 5, '2026-03-16'],
    ['2026-03-09', 0, '2026-03-09'],
  ])('%s + %i working days = %s', (from, n, due) => {
    expect(calendar.addWorkingDays(from, n)).toBe(due);
    if (n > 0) expect(calendar.workingDaysBetween(from, due)).toBe(n);
  });

  it('counts the working days of Tết weeks', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
    expect(calendar.workingDaysBetween('2027-02-01', '2027-02-14')).toBe(3 + 1); // 2–4/2, then 12/2
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-10', '2026-03-09')).toBe(0);
  });

  it('a year has 365 days less weekends and days off: 2026 has 104 weekend days and 11 other days off → 250', () => {
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(365 - 104 - 11);
  });

  it('refuses what is not a date or a count', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-10', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-10', 1.5)).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('x', '2026-02-10')).toThrow(RangeError);
  });

  it('adding then counting gives the same number', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 400 }), (from, n) => calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n)) === n),
    );
  });

  it('never lands on a weekend or a day off, and no working day is skipped on the way', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(isWeekend(due) || isLawDayOff(due)).toBe(false);
        expect(calendar.isWorkingDay(due)).toBe(true);
        // The day before the due date holds n − 1 working days.
        const before = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(calendar.workingDaysBetween(from, before)).toBe(n - 1);
      }),
    );
  });

  it('is monotone: more working days never give an earlier date, and a later start never an earlier due date', () => {
    fc.assert(
      fc.property(anyDay, anyDay, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b, m, n) => {
        const [from, later] = a <= b ? [a, b] : [b, a];
        const [few, many] = m <= n ? [m, n] : [n, m];
        expect(calendar.addWorkingDays(from, few) <= calendar.addWorkingDays(from, many)).toBe(true);
        expect(calendar.addWorkingDays(from, n) <= calendar.addWorkingDays(later, n)).toBe(true);
        expect(calendar.workingDaysBetween(from, later)).toBeLessThanOrEqual(calendar.workingDaysBetween(from, calendar.addWorkingDays(later, 1)));
      }),
    );
  });

  it('counts as a walk day by day over isWorkingDay would, across years', () => {
    const walk = (c: typeof calendar, from: string, to: string) => {
      let count = 0;
      for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
        if (c.isWorkingDay(new Date(t).toISOString().slice(0, 10))) count += 1;
      }
      return count;
    };
    const corrected = buildWorkingCalendar([{ day: '2026-12-31', dayOff: true }, { day: '2027-01-02', dayOff: false }]);
    expect(corrected.workingDaysBetween('2026-12-30', '2027-01-04')).toBe(2); // 2/1 worked, 4/1; 31/12 and 1/1 off, 3/1 Sunday
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -30, max: 1200 }), (from, span) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + span * 86_400_000).toISOString().slice(0, 10);
        expect(calendar.workingDaysBetween(from, to)).toBe(walk(calendar, from, to));
        expect(corrected.workingDaysBetween(from, to)).toBe(walk(corrected, from, to));
      }),
      { numRuns: 60 },
    );
  });

  it('n = 0 gives the day itself when working, else the next working day', () => {
    fc.assert(
      fc.property(anyDay, (from) => {
        const due = calendar.addWorkingDays(from, 0);
        if (calendar.isWorkingDay(from)) expect(due).toBe(from);
        else expect(due > from && calendar.isWorkingDay(due) && calendar.workingDaysBetween(from, due) === 1).toBe(true);
      }),
    );
  });

  it('adds 1000 working days across four years', () => {
    const due = lawCalendar().addWorkingDays('2026-01-01', 1000);
    expect(lawCalendar().workingDaysBetween('2026-01-01', due)).toBe(1000);
    expect(due.slice(0, 7)).toBe('2030-01'); // about 250 working days a year
  });
});

describe("the admin's corrections", () => {
  // Tết 2026 as the government gave it: 14–22/2 off, worked on no Saturday; a made-up Saturday worked on 28/2.
  const corrected = buildWorkingCalendar([
    { day: '2026-02-23', dayOff: true },
    { day: '2026-02-28', dayOff: false },
    { day: '2026-09-01', dayOff: false },
    { day: '2026-09-03', dayOff: true },
  ]);

  it('a bridge day off is skipped, a Saturday made working counts, and 3/9 can replace 1/9', () => {
    expect(corrected.isWorkingDay('2026-02-23')).toBe(false);
    expect(corrected.isWorkingDay('2026-02-28')).toBe(true);
    expect(corrected.addWorkingDays('2026-02-13', 1)).toBe('2026-02-24');
    expect(corrected.addWorkingDays('2026-02-27', 1)).toBe('2026-02-28');
    expect(corrected.addWorkingDays('2026-08-31', 1)).toBe('2026-09-01');
    expect(corrected.addWorkingDays('2026-09-01', 1)).toBe('2026-09-04');
  });

  it('keeps adding then counting consistent', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: 1, max: 300 }), (from, n) => corrected.workingDaysBetween(from, corrected.addWorkingDays(from, n)) === n));
  });
});

describe('today in Vietnam', () => {
  it('is the next day from 17:00 UTC on', () => {
    expect(todayInVietnam(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    expect(todayInVietnam(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
  });
});
