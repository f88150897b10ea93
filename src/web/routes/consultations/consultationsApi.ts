/** The consultations' staff API as these pages use it (decision 008): experts, requests, their course, the report. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Expert } from '../../../server/modules/consultations/experts.service.ts';
import type { findConsultations, getConsultation } from '../../../server/modules/consultations/consultations.service.ts';
import type { ConsultationsReport } from '../../../server/modules/consultations/consultations.report.ts';

export { CONSULTATION_CHANNELS, CONSULTATION_FORMS, CONSULTATION_STATES, CONSULTATION_TOPICS } from '../../../server/modules/consultations/consultations.words.ts';
export type { ConsultationChannel, ConsultationForm, ConsultationState, ConsultationTopic } from '../../../server/modules/consultations/consultations.words.ts';
export type { ConsultationsReport, Expert };

export type ConsultationList = Awaited<ReturnType<typeof findConsultations>>;
export type ConsultationListItem = ConsultationList['items'][number];
export type Consultation = Awaited<ReturnType<typeof getConsultation>>;
export type ExpertInput = { name: string; fields: string[]; organisation?: string | null; phone?: string | null; email?: string | null; note?: string | null };

const KEY = ['consultations'] as const;

export const useExperts = () => useQuery({ queryKey: [...KEY, 'experts'], queryFn: () => api.get<{ items: Expert[] }>('/api/experts') });
export const useConsultations = (filter: { state?: string; topic?: string }) =>
  useQuery({ queryKey: [...KEY, 'list', filter], queryFn: () => api.get<ConsultationList>('/api/consultations', filter) });
export const useConsultation = (id: string) => useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.get<Consultation>(`/api/consultations/${encodeURIComponent(id)}`) });
export const useConsultationsReport = (year: number) =>
  useQuery({ queryKey: [...KEY, 'report', year], queryFn: () => api.get<ConsultationsReport>('/api/reports/consultations', { year }) });

/** Any change refreshes every view of consultations (lists, counts, the request, the report). */
function useChange<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateExpert = () => useChange((input: ExpertInput) => api.post<Expert>('/api/experts', input));
export const useUpdateExpert = () => useChange(({ id, ...changes }: Partial<ExpertInput> & { id: string; active?: boolean }) => api.patch<Expert>(`/api/experts/${encodeURIComponent(id)}`, changes));
export const useRecordRequest = () =>
  useChange((input: { organisationId: string; topic: string; description: string; channel: string }) => api.post<Consultation>('/api/consultations', input));

type Action = 'schedule' | 'sessions' | 'complete' | 'cancel';
export const useAct = (id: string) => useChange(({ action, body }: { action: Action; body: object }) => api.post<Consultation>(`/api/consultations/${encodeURIComponent(id)}/${action}`, body));
