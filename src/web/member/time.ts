/**
 * Dates and times as a manager in Vietnam reads them, whatever the phone's clock zone: Vietnam has one zone,
 * UTC+7, without daylight saving, so a fixed offset is exact (and needs no time-zone data in the bundle).
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function inVietnam(instant: Date | string | number): Date {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS);
}

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export function vietnamToday(now: Date = new Date()): string {
  const d = inVietnam(now);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The year it is in Vietnam. */
export function vietnamYear(now: Date = new Date()): number {
  return inVietnam(now).getUTCFullYear();
}

/** An instant as "15/12/2026 23:59" (Vietnam time). */
export function formatDateTime(instant: Date | string | number): string {
  const d = inVietnam(instant);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** An instant's time of day as "23:59" (Vietnam time). */
export function formatClock(instant: Date | string | number): string {
  const d = inVietnam(instant);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** An instant or a calendar date ('YYYY-MM-DD') as "15/12/2026" (Vietnam's day). */
export function formatDay(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const d = inVietnam(value);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Whole days from now until an instant (0 on its last day, negative after it), counted in Vietnam's days. */
export function daysUntil(instant: Date | string, now: Date = new Date()): number {
  const dayNumber = (x: Date | string) => {
    const [y, m, d] = vietnamToday(new Date(x)).split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return dayNumber(instant) - dayNumber(now);
}
