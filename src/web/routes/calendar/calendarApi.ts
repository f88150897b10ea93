/** The working-day calendar's requests (decision 008): the year's days off, the administrator's corrections. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { findCalendarDays } from '../../../server/modules/calendar/calendar.service.ts';

export type CalendarYear = Awaited<ReturnType<typeof findCalendarDays>>;
export type CalendarDay = CalendarYear['days'][number];
export type Correction = { day: string; dayOff: boolean; name: string };

const KEY = ['calendar'] as const;

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
