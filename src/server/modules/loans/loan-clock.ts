import { todayIso } from '../../../shared/dates.ts';

/**
 * The loan book's business day: today in Vietnam, whatever the server's time zone. Tests and the browser
 * journey set `today` to a fixed day so that a "late" payment can be posted without waiting a month.
 */
export const loanClock = {
  today: (): string => todayIso(new Date(), 'Asia/Ho_Chi_Minh'),
};
