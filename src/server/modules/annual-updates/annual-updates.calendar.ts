// The annual update's calendar (decision 007): due by 15 December of the year, 23:59:59 Vietnam time (UTC+7).

/** The deadline of a year as an ISO instant in Vietnam time: "2026-12-15T23:59:59+07:00". */
export function updateDeadline(year: number): string {
  return `${year}-12-15T23:59:59+07:00`;
}

/** On time = first submitted at or before the deadline (a correction after a return keeps the first date). */
export function isOnTime(year: number, firstSubmittedAt: Date | null): boolean | null {
  if (!firstSubmittedAt) return null;
  return firstSubmittedAt.getTime() < new Date(updateDeadline(year)).getTime() + 1000;
}

/** The year of an instant in Vietnam (the update a manager files by default). */
export function yearInVietnam(at = new Date()): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** The receipt's number, fixed for the update: "CN-2026-3F9A1C2B". */
export function receiptNumber(year: number, updateId: string): string {
  return `CN-${year}-${updateId.replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}
