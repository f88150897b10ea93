// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through Date.UTC only, so the machine's time
// zone can never shift a due date by a day.

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarParts {
  year: number;
  month: number; // 1–12
  day: number;
}

function toParts(date: string): CalendarParts | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC maps years 0–99 to 1900–1999, so earlier years are refused rather than silently shifted.
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function partsOf(date: string): CalendarParts {
  const parts = toParts(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return parts;
}

function format(year: number, month: number, day: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Number of days in a month (month 1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the text is a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  return toParts(text) !== undefined;
}

/**
 * The date `months` calendar months after `date`, clamped to the end of the target month
 * (2024-01-31 + 1 → 2024-02-29). Always measure from the original date, never chain calls.
 */
export function addMonthsClamped(date: string, months: number): string {
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = partsOf(from);
  const b = partsOf(to);
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY;
}

/** The later of two dates (ISO strings compare correctly as text). */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', the way dates are written in Vietnamese documents. */
export function toVietnameseDate(date: string): string {
  const { year, month, day } = partsOf(date);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(day)}/${pad(month)}/${year}`;
}
