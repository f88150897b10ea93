/** The working-day calendar's requests (decision 008): the year's days off, the administrator's corrections. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/index.tsx';
import type { findCalendarDays } from '../../../server/modules/calendar/calendar.service.ts';

export type CalendarYear = Awaited<ReturnType<typeof findCalendarDays>>;
export type CalendarDay = CalendarYear['days'][number];
export type Correction = { day: string; dayOff: boolean; name: string };

const KEY = ['calendar'] as const;

/** The weekday's word of a 'YYYY-MM-DD' date (read through UTC: the reader's time zone cannot shift it). */
export const weekdayKey = (day: string) => `calendar.weekday.${new Date(`${day}T00:00:00Z`).getUTCDay()}` as MessageKey;

export function useCalendarDays(year: number) {
  return useQuery({ queryKey: [...KEY, 'days', year], queryFn: () => api.get<CalendarYear>('/api/calendar/days', { year }) });
}

function useChange<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useSetCorrection = () =>
  useChange(({ day, ...body }: Correction) => api.put<unknown>(`/api/calendar/days/${encodeURIComponent(day)}`, body));
export const useRemoveCorrection = () => useChange((day: string) => api.delete<unknown>(`/api/calendar/days/${encodeURIComponent(day)}`));

export type DueDate = { from: string; workingDays: number; dueOn: string };

export function useDueDate(input: { from: string; workingDays: number } | null) {
  return useQuery({
    queryKey: [...KEY, 'due-date', input],
    queryFn: () => api.get<DueDate>('/api/calendar/due-date', input ?? {}),
    enabled: input !== null,
  });
}
