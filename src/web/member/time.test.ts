import { describe, expect, it } from 'vitest';
import { daysUntil, formatClock, formatDateTime, formatDay, vietnamToday, vietnamYear } from './time.ts';

describe('dates and times in Vietnam time, whatever the phone says', () => {
  it('writes the deadline as Vietnam reads it', () => {
    // 15 December 23:59:59 in Vietnam is 16:59:59 UTC.
    expect(formatDateTime('2026-12-15T16:59:59Z')).toBe('15/12/2026 23:59');
    expect(formatDateTime('2026-12-15T17:00:00Z')).toBe('16/12/2026 00:00');
    expect(formatDay('2026-12-15')).toBe('15/12/2026');
    expect(formatClock('2026-12-02T01:05:00Z')).toBe('08:05');
  });

  it('counts the days to the deadline by Vietnam days, and the year from Vietnam', () => {
    const deadline = '2026-12-15T16:59:59Z';
    expect(daysUntil(deadline, new Date('2026-11-30T17:00:00Z'))).toBe(14); // 1 December, 00:00 in Vietnam
    expect(daysUntil(deadline, new Date('2026-12-15T16:00:00Z'))).toBe(0);
    expect(daysUntil(deadline, new Date('2026-12-15T17:00:00Z'))).toBe(-1);
    expect(vietnamToday(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
    expect(vietnamYear(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
  });
});
