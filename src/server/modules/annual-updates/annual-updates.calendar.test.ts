import { describe, expect, it } from 'vitest';
import { isOnTime, receiptNumber, updateDeadline, yearInVietnam } from './annual-updates.calendar.ts';

describe('the annual update calendar', () => {
  it('is due by 15 December, 23:59:59 Vietnam time', () => {
    expect(updateDeadline(2026)).toBe('2026-12-15T23:59:59+07:00');
    expect(isOnTime(2026, new Date('2026-12-15T23:59:00+07:00'))).toBe(true);
    expect(isOnTime(2026, new Date('2026-12-15T23:59:59.999+07:00'))).toBe(true);
    expect(isOnTime(2026, new Date('2026-12-16T00:00:00+07:00'))).toBe(false);
    expect(isOnTime(2026, null)).toBeNull();
  });

  it('counts the year in Vietnam, seven hours ahead of UTC', () => {
    expect(yearInVietnam(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(yearInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });

  it('numbers a receipt from the update, the same every time', () => {
    expect(receiptNumber(2026, '3f9a1c2b-0000-4000-8000-000000000000')).toBe('CN-2026-3F9A1C2B');
  });
});
