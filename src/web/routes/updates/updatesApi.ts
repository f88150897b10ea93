/**
 * The annual update's staff API as these pages use it (decision 007): the queue, one update, return and accept,
 * compliance and its lists, reminders, the Excel template and import, the form versions.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { Compliance, ComplianceList } from '../../../server/modules/annual-updates/compliance.service.ts';
import type { RemindersResult } from '../../../server/modules/annual-updates/compliance.reminders.ts';
import type { findForms, UpdateForm } from '../../../server/modules/annual-updates/update-forms.service.ts';
import type { UpdateImportReport } from '../../../server/modules/annual-updates/update-import.ts';
import type { acceptUpdates, findUpdates, getUpdate } from '../../../server/modules/annual-updates/annual-updates.verification.ts';
import type { FormDefinition } from './formDefinition.ts';

export type { Compliance, ComplianceList, RemindersResult, UpdateForm };
export type ComplianceListItem = ComplianceList['items'][number];
export type FormsOfYear = Awaited<ReturnType<typeof findForms>>;

export const UPDATE_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];
export const UPDATE_KINDS = ['HTX', 'LHHTX', 'THT'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export type Values = Record<string, number | string | boolean | null>;

export type Queue = Awaited<ReturnType<typeof findUpdates>>;
export type QueueItem = Queue['items'][number];

export type HistoryEntry = { at: string; action: string; actorLabel: string | null; reasons?: Record<string, string> | null };

export type UpdateDetail = Awaited<ReturnType<typeof getUpdate>> & { history?: HistoryEntry[] };
export type AnnualUpdate = UpdateDetail['update'];

export const COMPLIANCE_CATEGORIES = ['due', 'onTime', 'late', 'missing', 'returned', 'accepted'] as const;
export type ComplianceCategory = (typeof COMPLIANCE_CATEGORIES)[number];

export type ListFilter = { year: number; category: ComplianceCategory; commune?: string; kind?: string };

export type { UpdateImportReport };

const KEY = ['annual-updates'] as const;

export function useQueue(filter: { year: number; state?: string; commune?: string; kind?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: [...KEY, 'queue', filter], queryFn: () => api.get<Queue>('/api/annual-updates', filter) });
}

export function useUpdate(id: string) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.get<UpdateDetail>(`/api/annual-updates/${encodeURIComponent(id)}`) });
}

export function useCompliance(year: number) {
  return useQuery({ queryKey: [...KEY, 'compliance', year], queryFn: () => api.get<Compliance>('/api/annual-updates/compliance', { year }) });
}

export function useComplianceList(filter: ListFilter | null) {
  return useQuery({
    queryKey: [...KEY, 'compliance-list', filter],
    queryFn: () => api.get<ComplianceList>('/api/annual-updates/compliance/list', filter ?? {}),
    enabled: filter !== null,
  });
}

export function useForms(year: number) {
  return useQuery({ queryKey: [...KEY, 'forms', year], queryFn: () => api.get<FormsOfYear>('/api/annual-updates/forms', { year }) });
}

/** Any change to an update refreshes every view of the annual update (queue, counts, the update). */
function useChange<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export type AcceptManyResult = Awaited<ReturnType<typeof acceptUpdates>>;

export const useAcceptMany = () => useChange((ids: string[]) => api.post<AcceptManyResult>('/api/annual-updates/accept', { ids }));
export const useAccept = (id: string) => useChange(() => api.post<unknown>(`/api/annual-updates/${encodeURIComponent(id)}/accept`, {}));
export const useReturn = (id: string) =>
  useChange((reasons: Record<string, string>) => api.post<unknown>(`/api/annual-updates/${encodeURIComponent(id)}/return`, { reasons }));
export const useSendReminders = () => useChange((year: number) => api.post<RemindersResult>('/api/annual-updates/reminders', { year }));
export const usePublishForm = () =>
  useChange((input: { year: number; kind: string; definition: FormDefinition }) => api.post<{ form: UpdateForm; draftsMoved: number }>('/api/annual-updates/forms', input));

export const listPdfUrl = (filter: ListFilter) => withQuery('/api/annual-updates/compliance/list.pdf', filter);
export const listXlsxUrl = (filter: ListFilter) => withQuery('/api/annual-updates/compliance/list.xlsx', filter);
export const templateUrl = (year: number) => withQuery('/api/annual-updates/template.xlsx', { year });
export const importUrl = (dryRun: boolean) => withQuery('/api/annual-updates/import', { dryRun: String(dryRun) });
