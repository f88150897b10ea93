import { describe, expect, it } from 'vitest';
import { lawDaysOff } from './holidays.ts';

const daysOf = (year: number) => lawDaysOff(year).map((d) => d.day);
const substitutesOf = (year: number) => lawDaysOff(year).filter((d) => d.substitute).map((d) => d.day);

describe("the law's days off (Labour Code 2019 art. 112)", () => {
  it('2026: 1/1, Tết from the last day of the year to the 4th (16–20/2), 10/3 lunar (26/4, a Sunday → 27/4), 30/4, 1/5, 1/9, 2/9', () => {
    expect(daysOf(2026)).toEqual([
      '2026-01-01',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27',
      '2026-04-30', '2026-05-01',
      '2026-09-01', '2026-09-02',
    ]);
    expect(substitutesOf(2026)).toEqual(['2026-04-27']);
    expect(lawDaysOff(2026).find((d) => d.day === '2026-04-27')?.name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  });

  it('2027: Tết’s Saturday and Sunday (6–7/2) give Wednesday and Thursday after it; 1/5 on a Saturday gives Monday 3/5', () => {
    expect(daysOf(2027)).toEqual([
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-04-16',
      '2027-04-30', '2027-05-01', '2027-05-03',
      '2027-09-01', '2027-09-02',
    ]);
    expect(substitutesOf(2027)).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
  });

  it('2028: 1/1 and mùng 4 Tết on Saturdays → Mondays 3/1 and 31/1; 30/4 on a Sunday and 1/5 on Monday → Tuesday 2/5; 2/9 on a Saturday → Monday 4/9', () => {
    expect(substitutesOf(2028)).toEqual(['2028-01-03', '2028-01-31', '2028-05-02', '2028-09-04']);
    expect(daysOf(2028)).toContain('2028-09-01');
  });

  it('names every day in Vietnamese', () => {
    for (const day of lawDaysOff(2025)) expect(day.name).toMatch(/^(Nghỉ bù )?(Tết|Giỗ Tổ|Ngày|Quốc khánh)/);
  });

  it('keeps each year’s days within the year, eleven holidays a year', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const days = lawDaysOff(year);
      expect(days.filter((d) => !d.substitute)).toHaveLength(11);
      for (const d of days) expect(d.day.slice(0, 4)).toBe(String(year));
      expect(new Set(days.map((d) => d.day)).size).toBe(days.length);
    }
  });
});
