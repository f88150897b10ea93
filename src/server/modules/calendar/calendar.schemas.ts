import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.ts';

/** The years the lunar algorithm and the law's days off are computed for. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

const inYears = (s: string) => Number(s.slice(0, 4)) >= FIRST_YEAR && Number(s.slice(0, 4)) <= LAST_YEAR;
const dayInRange = (label: string) => calendarDate(label).refine(inYears, `${label} phải trong các năm ${FIRST_YEAR}–${LAST_YEAR}`);

export const CalendarYearQuery = z.object({
  year: z.coerce.number({ error: 'Năm phải là một số' }).int('Năm là số nguyên').min(FIRST_YEAR, `Năm từ ${FIRST_YEAR}`).max(LAST_YEAR, `Năm đến ${LAST_YEAR}`),
});

export const CalendarDayParams = z.object({ day: dayInRange('Ngày') });

export const CalendarDayBody = z
  .object({
    dayOff: z.boolean({ error: 'Cần chọn ngày nghỉ hay ngày làm việc' }),
    name: z.string({ error: 'Cần ghi tên hoặc lý do của ngày' }).trim().min(1, 'Cần ghi tên hoặc lý do của ngày').max(200, 'Tên dài quá 200 ký tự'),
  })
  .strict();

/** A due date: counting 0 to 1000 working days from a date (about four years). */
export const DueDateQuery = z.object({
  from: dayInRange('Từ ngày'),
  workingDays: z.coerce.number({ error: 'Số ngày làm việc phải là một số' }).int('Số ngày làm việc là số nguyên').min(0, 'Số ngày làm việc không được âm').max(1000, 'Số ngày làm việc tối đa 1000'),
});
