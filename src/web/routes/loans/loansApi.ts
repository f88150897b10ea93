/** The loan book's API as the web pages use it: queries, mutations and links to the statement files. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { getLoanDetail } from '../../../server/modules/loans/loan-detail.service.ts';
import type { presentLoan } from '../../../server/modules/loans/loans.present.ts';
import type { presentRules } from '../../../server/modules/loans/loan-rules.service.ts';
import type { findDueInstallments, getPortfolio } from '../../../server/modules/loans/portfolio.service.ts';
import type { LoanApplicationInput, LoanStatus } from '../../../server/modules/loans/loans.schemas.ts';

export type LoanSummary = ReturnType<typeof presentLoan>;
export type LoanDetail = Awaited<ReturnType<typeof getLoanDetail>>;
export type LoanRules = ReturnType<typeof presentRules>;
export type Portfolio = Awaited<ReturnType<typeof getPortfolio>>;
export type DueList = Awaited<ReturnType<typeof findDueInstallments>>;

const KEY = ['loans'] as const;

export function useLoans(status?: LoanStatus) {
  return useQuery({ queryKey: [...KEY, 'list', status ?? 'all'], queryFn: () => api.get<{ items: LoanSummary[] }>('/api/loans', { status }) });
}

export function useLoan(id: string, asOf?: string) {
  return useQuery({ queryKey: [...KEY, 'detail', id, asOf ?? 'today'], queryFn: () => api.get<LoanDetail>(`/api/loans/${id}`, { asOf }) });
}

export function useLoanRules() {
  return useQuery({ queryKey: [...KEY, 'rules'], queryFn: () => api.get<{ inForceId: string | null; versions: LoanRules[] }>('/api/loans/rules') });
}

export function usePortfolio(asOf?: string) {
  return useQuery({ queryKey: [...KEY, 'portfolio', asOf ?? 'today'], queryFn: () => api.get<Portfolio>('/api/loans/portfolio', { asOf }) });
}

export function useDueList(from?: string, enabled = true) {
  return useQuery({ queryKey: [...KEY, 'due', from ?? 'today'], queryFn: () => api.get<DueList>('/api/loans/due', { from, days: 30 }), enabled });
}

export function useApplyForLoan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoanApplicationInput) => api.post<LoanSummary>('/api/loans', input),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** One step on a loan (appraisal, decision, contract, disbursement, payment, …): POST then refresh. */
export function useLoanStep<I>(id: string, step: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<unknown>(`/api/loans/${id}/${step}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const statementUrl = (id: string, format: 'pdf' | 'xlsx', asOf?: string) => withQuery(`/api/loans/${id}/statement.${format}`, { asOf });
export const documentUrl = (id: string, documentId: string) => `/api/loans/${id}/documents/${documentId}`;
