/** How the web app writes money, counts and dates (the rules live in src/shared; these accept API values). */
import { formatDateVi, isValidIsoDate } from '../shared/dates.ts';
import { formatCount, formatVnd } from '../shared/format.ts';

const NONE = '—';

/** Whole đồng sent as a string of digits: "2772000000" → "2.772.000.000 đ". */
export function money(vnd: string | null | undefined): string {
  if (vnd === null || vnd === undefined || !/^-?\d+$/.test(vnd)) return NONE;
  return formatVnd(BigInt(vnd));
}

export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? NONE : formatCount(n);
}

/** A calendar date 'YYYY-MM-DD' as dd/mm/yyyy. */
export function date(iso: string | null | undefined): string {
  if (!iso) return NONE;
  const day = iso.slice(0, 10);
  return isValidIsoDate(day) ? formatDateVi(day) : iso;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO timestamp) as dd/mm/yyyy HH:mm in the reader's time zone. */
export function dateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return NONE;
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Digits grouped by "." as the user types an amount: "2772000000" → "2.772.000.000". */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
