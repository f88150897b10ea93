// The days off the law gives (Labour Code 2019 art. 112), year by year, before any correction by the admin.
// - 1/1; Tết Nguyên Đán: 5 days, which the government picks each year — by default the last day of the lunar
//   year and the first four days of the new one; the Hùng Kings' day (10/3 lunar); 30/4; 1/5; 2/9 and one day
//   next to it, which the government also picks (1/9 or 3/9) — by default 1/9, as it gave in 2025.
// - art. 112.3: a holiday falling on a weekly day off (Saturday, Sunday) gives a day off on the next working day.
// Whatever the government's notice says otherwise (a bridge day, a Saturday worked in exchange, 3/9 instead of
// 1/9) goes into calendar_days as the admin's corrections.
import { fromLunar, isoFromJulianDayNumber, julianDayNumber, lunarNewYear } from './lunar.ts';

export interface LawDayOff {
  day: string; // 'YYYY-MM-DD'
  name: string; // Vietnamese, as shown to staff
  /** A substitute day off (art. 112.3) for a holiday on a weekend. */
  substitute: boolean;
}

const TET_DAY_NAMES = ['Tết Nguyên Đán (30 Tết)', 'Tết Nguyên Đán (mùng 1)', 'Tết Nguyên Đán (mùng 2)', 'Tết Nguyên Đán (mùng 3)', 'Tết Nguyên Đán (mùng 4)'];

/** Saturday or Sunday (the weekly days off), for a Julian day number. */
export function isWeekendDayNumber(jdn: number): boolean {
  const weekday = (jdn + 1) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** The holidays themselves (no substitutes) of a Gregorian year, in date order. */
function holidaysOf(year: number): { jdn: number; name: string }[] {
  const fixed = (month: number, day: number, name: string) => ({ jdn: julianDayNumber(year, month, day), name });
  const tet = julianDayNumber(...isoParts(lunarNewYear(year)));
  const hungKings = fromLunar({ day: 10, month: 3, year, leap: false }) as string;
  const days = [
    fixed(1, 1, 'Tết Dương lịch'),
    ...TET_DAY_NAMES.map((name, i) => ({ jdn: tet - 1 + i, name })),
    { jdn: julianDayNumber(...isoParts(hungKings)), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    fixed(4, 30, 'Ngày Chiến thắng (30/4)'),
    fixed(5, 1, 'Ngày Quốc tế Lao động (1/5)'),
    fixed(9, 1, 'Quốc khánh (ngày liền kề 1/9)'),
    fixed(9, 2, 'Quốc khánh (2/9)'),
  ];
  return days.sort((a, b) => a.jdn - b.jdn);
}

function isoParts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/**
 * Every day off the law gives in a Gregorian year, weekend ones included, with the substitute days: each holiday
 * on a weekend moves to the first following day that is neither a weekend, a holiday nor an earlier substitute.
 */
export function lawDaysOff(year: number): LawDayOff[] {
  const holidays = holidaysOf(year);
  const taken = new Set(holidays.map((h) => h.jdn));
  const result: LawDayOff[] = holidays.map((h) => ({ day: isoFromJulianDayNumber(h.jdn), name: h.name, substitute: false }));
  for (const holiday of holidays) {
    if (!isWeekendDayNumber(holiday.jdn)) continue;
    let jdn = holiday.jdn + 1;
    while (isWeekendDayNumber(jdn) || taken.has(jdn)) jdn += 1;
    taken.add(jdn);
    result.push({ day: isoFromJulianDayNumber(jdn), name: `Nghỉ bù ${holiday.name}`, substitute: true });
  }
  return result.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
