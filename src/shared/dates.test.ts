import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultReportYear,
  addMonthsClamped,
  daysBetween,
  endOfYear,
  formatDateVi,
  isValidIsoDate,
  parseSpreadsheetDate,
  todayIso,
} from './dates.ts';

const dateOf = (cell: unknown): string | undefined => {
  const parsed = parseSpreadsheetDate(cell);
  if (parsed && !parsed.ok) throw new Error(parsed.reason);
  return parsed?.date;
};

const anyIsoDate = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('parseSpreadsheetDate', () => {
  it('takes the UTC day of a Date, as exceljs gives UTC midnight', () => {
    expect(parseSpreadsheetDate(new Date('2008-10-05T00:00:00.000Z'))).toEqual({
      ok: true,
      date: '2008-10-05',
      yearOnly: false,
    });
    expect(dateOf(new Date('2019-12-02T23:59:59.999Z'))).toBe('2019-12-02');
  });

  it('reads Excel serial numbers of the 1900 system, including the phantom 29/02/1900', () => {
    expect(dateOf(39726)).toBe('2008-10-05');
    expect(dateOf(45351)).toBe('2024-02-29');
    expect(dateOf(45351.75)).toBe('2024-02-29'); // 18:00 on that day
    expect(dateOf(1)).toBe('1900-01-01');
    expect(dateOf(59)).toBe('1900-02-28');
    expect(dateOf(61)).toBe('1900-03-01');
    expect(parseSpreadsheetDate(60)?.ok).toBe(false);
    expect(parseSpreadsheetDate(0)?.ok).toBe(false);
    expect(parseSpreadsheetDate(-5)?.ok).toBe(false);
  });

  it.each([
    ['9-2-2002', '2002-02-09'],
    ['15-7-2014', '2014-07-15'],
    ['10/08/2007', '2007-08-10'],
    ['1/6/2006', '2006-06-01'],
    ['25/9/1998', '1998-09-25'],
    ['05.10.2008', '2008-10-05'],
    ['2008-10-05', '2008-10-05'],
    [' 29/02/2024 ', '2024-02-29'],
    ['2008-10-05T00:00:00.000Z', '2008-10-05'],
    ['2008-10-05T07:30:00+07:00', '2008-10-05'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parseSpreadsheetDate(text)).toEqual({ ok: true, date: expected, yearOnly: false });
  });

  it('reads a bare year as 1 January and says so', () => {
    expect(parseSpreadsheetDate('2015')).toEqual({ ok: true, date: '2015-01-01', yearOnly: true });
    expect(parseSpreadsheetDate(2015)).toEqual({ ok: true, date: '2015-01-01', yearOnly: true });
  });

  it.each(['31/02/2020', '29/02/2023', '0/1/2020', '32/1/2020', '1/13/2020', '2020-02-30', '2020-13-01'])(
    'rejects the non-existent date "%s" with a Vietnamese reason',
    (text) => {
      expect(parseSpreadsheetDate(text)).toEqual({ ok: false, reason: `Ngày không tồn tại: "${text}"` });
    },
  );

  it.each(['abc', '5/10/08', '10/2008', '2008/10/05', '1/6-2006', '2008-1-5', '2008-10-05T'])(
    'rejects the unreadable "%s"',
    (text) => {
      const parsed = parseSpreadsheetDate(text);
      expect(parsed?.ok).toBe(false);
      expect(parsed && !parsed.ok && parsed.reason).toContain('Không đọc được ngày');
    },
  );

  it('treats empty cells as no value and refuses other types', () => {
    expect(parseSpreadsheetDate(undefined)).toBeUndefined();
    expect(parseSpreadsheetDate(null)).toBeUndefined();
    expect(parseSpreadsheetDate('  ')).toBeUndefined();
    expect(parseSpreadsheetDate(new Date(Number.NaN))?.ok).toBe(false);
    expect(parseSpreadsheetDate(true)?.ok).toBe(false);
    expect(parseSpreadsheetDate(Infinity)?.ok).toBe(false);
  });

  it('reads back any date written dd/mm/yyyy, as ISO or as a UTC Date', () => {
    fc.assert(
      fc.property(anyIsoDate, (iso) => {
        expect(dateOf(formatDateVi(iso))).toBe(iso);
        expect(dateOf(iso)).toBe(iso);
        expect(dateOf(new Date(`${iso}T00:00:00Z`))).toBe(iso);
      }),
    );
  });
});

describe('isValidIsoDate', () => {
  it('accepts only existing days in YYYY-MM-DD form', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2024-2-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29T00:00:00Z')).toBe(false);
    expect(isValidIsoDate(20240229)).toBe(false);
  });
});

describe('formatDateVi', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2024-02-29')).toBe('29/02/2024');
    expect(formatDateVi('2008-10-05')).toBe('05/10/2008');
    expect(() => formatDateVi('2024-02-30')).toThrow(RangeError);
  });
});

describe('addMonthsClamped', () => {
  it('clamps to the last day of a shorter month (the fund’s due dates)', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonthsClamped('2024-01-31', 3)).toBe('2024-04-30');
    expect(addMonthsClamped('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('crosses years both ways', () => {
    expect(addMonthsClamped('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonthsClamped('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonthsClamped('2024-01-15', -13)).toBe('2022-12-15');
    expect(addMonthsClamped('2024-05-10', 0)).toBe('2024-05-10');
  });

  it('keeps the day when it exists and otherwise lands on the month’s last day', () => {
    fc.assert(
      fc.property(
        anyIsoDate.filter((d) => d >= '1100' && d < '9900'),
        fc.integer({ min: -1000, max: 1000 }),
        (iso, n) => {
          const result = addMonthsClamped(iso, n);
          const [y, m] = iso.split('-').map(Number) as [number, number];
          const total = y * 12 + m - 1 + n;
          expect(result.slice(0, 7)).toBe(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
          const day = Number(iso.slice(8));
          const resultDay = Number(result.slice(8));
          if (resultDay !== day) {
            // Clamped: the day did not exist, and the result is the month's last day.
            expect(resultDay).toBeLessThan(day);
            const nextDay = `${result.slice(0, 8)}${String(resultDay + 1).padStart(2, '0')}`;
            expect(isValidIsoDate(nextDay)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days, signed', () => {
    expect(daysBetween('2024-01-31', '2024-02-29')).toBe(29);
    expect(daysBetween('2024-02-29', '2024-01-31')).toBe(-29);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-03-30', '2024-03-31')).toBe(1); // a DST change date in Europe: no effect
  });

  it('is consistent with adding days', () => {
    fc.assert(
      fc.property(anyIsoDate, anyIsoDate, anyIsoDate, (a, b, c) => {
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
        expect(Math.sign(daysBetween(a, b))).toBe(a < b ? 1 : a > b ? -1 : 0);
      }),
    );
  });
});

describe('endOfYear', () => {
  it('gives 31 December', () => {
    expect(endOfYear(2023)).toBe('2023-12-31');
    expect(() => endOfYear(20234)).toThrow(RangeError);
    expect(() => endOfYear(2023.5)).toThrow(RangeError);
  });
});

describe('todayIso', () => {
  it('gives the local calendar date', () => {
    const now = new Date(2024, 1, 29, 23, 59); // local time
    expect(todayIso(now)).toBe('2024-02-29');
  });

  it('gives the date in a time zone, which may differ from UTC', () => {
    const lateUtc = new Date('2024-02-28T18:30:00Z'); // 01:30 on 29 February in Vietnam
    expect(todayIso(lateUtc, 'Asia/Ho_Chi_Minh')).toBe('2024-02-29');
    expect(todayIso(lateUtc, 'UTC')).toBe('2024-02-28');
  });

  it('defaults to now', () => {
    expect(isValidIsoDate(todayIso())).toBe(true);
  });
});

describe('defaultReportYear', () => {
  it('is last year until the end of March, then this year', () => {
    expect(defaultReportYear('2024-01-01')).toBe(2023);
    expect(defaultReportYear('2024-03-31')).toBe(2023);
    expect(defaultReportYear('2024-04-01')).toBe(2024);
    expect(defaultReportYear('2024-12-31')).toBe(2024);
  });
});
