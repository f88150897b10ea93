/**
 * Calendar dates as 'YYYY-MM-DD' strings. A date here is a day on the calendar, not an instant: all
 * arithmetic goes through UTC so that no time zone or daylight-saving rule can shift it by a day.
 */

/** A calendar date 'YYYY-MM-DD' (years 1000–9999). A plain string alias so values from the database and
 * zod schemas fit without casts; check untrusted ones with isValidIsoDate. */
export type IsoDate = string;

/** The outcome of reading a non-empty date cell; `yearOnly` marks a bare year read as 1 January. */
export type ParsedDate =
  | { readonly ok: true; readonly date: IsoDate; readonly yearOnly: boolean }
  | { readonly ok: false; readonly reason: string };

const MS_PER_DAY = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds the ISO date, or undefined when the day does not exist (31/02) or the year has not four digits. */
function toIsoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function splitIso(iso: IsoDate): [number, number, number] {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not a calendar date 'YYYY-MM-DD': "${iso}"`);
  return iso.split('-').map(Number) as [number, number, number];
}

const utcMs = (iso: IsoDate): number => {
  const [y, m, d] = splitIso(iso);
  return Date.UTC(y, m - 1, d);
};

function fromUtcMs(ms: number): IsoDate {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** True for a 'YYYY-MM-DD' string naming a day that exists. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && toIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

// Excel's 1900 date system counts 1900-01-01 as serial 1 and, copying Lotus 1-2-3, has a 29 February 1900
// (serial 60) that never was; from serial 61 on, serial n is n days after 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const LAST_EXCEL_SERIAL = 2_958_465; // 9999-12-31

function fromExcelSerial(serial: number): ParsedDate {
  const day = Math.floor(serial); // a fraction is the time of day
  if (day === 60) return { ok: false, reason: 'Số ngày Excel 60 là ngày 29/02/1900, ngày không tồn tại' };
  if (day < 1 || day > LAST_EXCEL_SERIAL) {
    return { ok: false, reason: `Số ngày Excel ${serial} nằm ngoài khoảng hợp lệ` };
  }
  const days = day < 60 ? day + 1 : day;
  return { ok: true, date: fromUtcMs(EXCEL_EPOCH_MS + days * MS_PER_DAY), yearOnly: false };
}

function fromYear(year: number): ParsedDate {
  return { ok: true, date: `${year}-01-01`, yearOnly: true };
}

function fromParts(year: number, month: number, day: number, text: string): ParsedDate {
  const date = toIsoDate(year, month, day);
  return date === undefined
    ? { ok: false, reason: `Ngày không tồn tại: "${text}"` }
    : { ok: true, date, yearOnly: false };
}

const ISO_DATE_OR_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a spreadsheet cell as a calendar date. Accepts a Date (its UTC day: exceljs gives UTC midnight),
 * an Excel serial number, a bare year (2015 or "2015" → 2015-01-01, yearOnly), "d/m/yyyy", "dd/mm/yyyy",
 * "d-m-yyyy", "d.m.yyyy", "yyyy-mm-dd" and ISO timestamps (the day as written, before the "T").
 * Integers 1000–9999 are years, not serials: those serials are days of 1902–1927, implausible here.
 * Empty cells give undefined; anything else an error with a Vietnamese reason.
 */
export function parseSpreadsheetDate(value: unknown): ParsedDate | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'Ngày không hợp lệ' };
    const date = fromUtcMs(value.getTime());
    if (!isValidIsoDate(date)) return { ok: false, reason: 'Năm nằm ngoài khoảng 1000–9999' };
    return { ok: true, date, yearOnly: false };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'Ngày không hợp lệ' };
    if (Number.isInteger(value) && value >= 1000 && value <= 9999) return fromYear(value);
    return fromExcelSerial(value);
  }
  if (typeof value !== 'string') return { ok: false, reason: 'Ô không chứa ngày' };

  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d{4}$/.test(text)) return fromYear(Number(text));
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (dayFirst) return fromParts(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]), text);
  const yearFirst = ISO_DATE_OR_TIMESTAMP.exec(text);
  if (yearFirst) return fromParts(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]), text);
  return { ok: false, reason: `Không đọc được ngày "${text}" (viết như 05/10/2008)` };
}

/** Formats a date the Vietnamese way: '2024-02-29' → '29/02/2024'. */
export function formatDateVi(iso: IsoDate): string {
  const [y, m, d] = splitIso(iso);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/** Adds n calendar months, keeping the day but clamping it to the month's last: 2024-01-31 + 1 → 2024-02-29. */
export function addMonthsClamped(iso: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer, got ${months}`);
  const [y, m, d] = splitIso(iso);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const date = toIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
  if (date === undefined) throw new RangeError(`Date out of range: ${iso} + ${months} months`);
  return date;
}

/** Days from a to b: positive when b is later (2024-01-31 → 2024-02-29 is 29). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMs(b) - utcMs(a)) / MS_PER_DAY);
}

/** The last day of a year: endOfYear(2023) → '2023-12-31' (the usual "as of" date of a year-end report). */
export function endOfYear(year: number): IsoDate {
  const date = Number.isInteger(year) ? toIsoDate(year, 12, 31) : undefined;
  if (date === undefined) throw new RangeError(`Not a four-digit year: ${year}`);
  return date;
}

/** Today's calendar date where the code runs, or in the given IANA time zone (e.g. 'Asia/Ho_Chi_Minh'). */
export function todayIso(now: Date = new Date(), timeZone?: string): IsoDate {
  if (timeZone === undefined) {
    return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  // A server often runs in UTC while its users are at UTC+7: between 17:00 and 24:00 UTC the days differ.
  const fields = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(now);
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(fields.find((f) => f.type === type)?.value);
  return `${pad(field('year'), 4)}-${pad(field('month'))}-${pad(field('day'))}`;
}

/** The year of figures the dashboard opens on: last year until the end of March (the reporting season), then this year. */
export function defaultReportYear(today: IsoDate = todayIso()): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 3 ? year - 1 : year;
}
