import { describe, expect, it } from 'vitest';
import { fromLunar, lunarNewYear, toLunar } from './lunar.ts';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('Tết %i falls on %s', (year, day) => {
    expect(lunarNewYear(year)).toBe(day);
  });

  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2029, '2029-02-13'],
  ])('Tết %i falls on %s (as in the Chinese calendar that year)', (year, day) => {
    expect(lunarNewYear(year)).toBe(day);
  });

  it.each([
    // The same algorithm at UTC+8 gives the Chinese dates in the comments (checked once by hand).
    [1968, '1968-01-29'], // China 30/1
    [1985, '1985-01-21'], // China 20/2: a new moon either side of midnight shifts the months and the leap month
    [2007, '2007-02-17'], // China 18/2
    [2030, '2030-02-02'], // the new moon late on 2/2 at UTC+7, after midnight at UTC+8: China 3/2
  ])('reckons Tết %i at UTC+7: %s', (year, day) => {
    expect(lunarNewYear(year)).toBe(day);
  });

  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('the Hùng Kings’ day (10/3 lunar) of %i is %s', (year, day) => {
    expect(fromLunar({ day: 10, month: 3, year, leap: false })).toBe(day);
  });

  it('knows the leap month: 2023 had a leap 2nd month (22/3/2023 is 1/2 nhuận)', () => {
    expect(toLunar(2023, 3, 22)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(fromLunar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(fromLunar({ day: 1, month: 5, year: 2023, leap: true })).toBeUndefined();
    expect(fromLunar({ day: 1, month: 5, year: 2024, leap: true })).toBeUndefined();
  });

  it('gives back the lunar date of the day before Tết as the last of the 12th month', () => {
    expect(toLunar(2026, 2, 16)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(toLunar(2025, 1, 28)).toEqual({ day: 29, month: 12, year: 2024, leap: false });
  });

  it('goes there and back for every day of 2020–2030', () => {
    for (let t = Date.UTC(2020, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000) {
      const date = new Date(t);
      const lunar = toLunar(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      expect(fromLunar(lunar)).toBe(date.toISOString().slice(0, 10));
    }
  });
});
