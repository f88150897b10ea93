import { z } from 'zod';
import { isValidIsoDate } from './dates.ts';

/**
 * A calendar date at a boundary (query, body, form): 'YYYY-MM-DD' naming a day that exists, with a Vietnamese
 * message that names the field by its label. "2023-02-31" is refused (400), never read as another day.
 */
export function calendarDate(label = 'Ngày') {
  return z
    .string({ error: `${label} phải là một ngày` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} phải có dạng năm-tháng-ngày (YYYY-MM-DD)`)
    .refine((s) => isValidIsoDate(s) && Number(s.slice(0, 4)) >= 1900, `${label} không tồn tại`);
}
