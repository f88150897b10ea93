/** The loan pages' domain words (statuses, methods, debt groups, history actions) in the current language. */
import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

export const STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  appraised: 'geekblue',
  approved: 'cyan',
  rejected: 'red',
  contracted: 'purple',
  active: 'green',
  closed: 'default',
  written_off: 'volcano',
};

export const GROUP_COLORS = ['', 'green', 'gold', 'orange', 'volcano', 'red'];

export const METHODS = ['equal_principal', 'bullet'] as const;

/** A key of the dictionary built from a code, or null when the dictionary has no such word. */
function known(t: ReturnType<typeof useI18n>['t'], key: string): string | null {
  const text = t(key as MessageKey);
  return text === key ? null : text;
}

export function useLoanWords() {
  const { t, lang } = useI18n();
  return useMemo(
    () => ({
      t,
      status: (status: string) => known(t, `loans.status.${status}`) ?? status,
      method: (method: string) => known(t, `loans.method.${method}`) ?? method,
      debtGroup: (group: number) => known(t, `loans.debtGroup.${group}`) ?? String(group),
      action: (action: string) => known(t, `loans.action.${action}`) ?? t('loans.action.other'),
      months: (n: number) => t('loans.months', { n }),
      /** "4,8" from "4.8": the decimal comma of Vietnamese, the point of English. */
      rate: (rate: string) => (lang === 'vi' ? rate.replace('.', ',') : rate),
    }),
    [t, lang],
  );
}
