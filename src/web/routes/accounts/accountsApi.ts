/** The accounts API (src/server/modules/accounts/*.routes.ts) for the staff pages; cache keys in one place. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type AccountState = 'invited' | 'active' | 'disabled';
export type Account = {
  id: string;
  email: string | null;
  phone: string | null;
  displayName: string | null;
  role: string;
  roleLabel: string;
  /** May publish on the portal (decision 009): always an administrator, a staff account with the flag. */
  portalEditor?: boolean;
  communeCode: string | null;
  communeName: string | null;
  organisations: Array<{ id: string; name: string; registrationNumber: string | null }>;
  state: AccountState;
  createdAt: string;
  lastLoginAt: string | null;
  can: { edit: boolean; disable: boolean; enable: boolean; resendInvite: boolean; resetLink: boolean };
};
export type AccountInput = { email?: string; phone?: string; displayName?: string; role?: string; organisationIds?: string[]; communeCode?: string; portalEditor?: boolean };
/** A one-time link as the server hands it over: shown once. */
export type IssuedLink = { link: string | null; expiresAt: string | null; emailed?: boolean };
export type AccountRequest = {
  id: string;
  registrationNumber: string;
  organisation: { id: string; name: string | null } | null;
  contactName: string;
  email: string | null;
  phone: string | null;
  message: string | null;
  state: 'pending' | 'approved' | 'refused';
  createdAt: string;
};

const ACCOUNTS = ['accounts'] as const;
const REQUESTS = ['account-requests'] as const;

export function useAccounts() {
  return useQuery({ queryKey: ACCOUNTS, queryFn: () => api.get<{ items: Account[]; mailConfigured: boolean }>('/api/accounts') });
}

export function usePendingRequests(enabled = true) {
  return useQuery({ queryKey: REQUESTS, queryFn: () => api.get<{ items: AccountRequest[] }>('/api/account-requests', { state: 'pending' }), enabled });
}

/** Every change to an account refreshes the list. */
export function useAccountAction<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ACCOUNTS });
      await queryClient.invalidateQueries({ queryKey: REQUESTS });
    },
  });
}

export const accountCalls = {
  create: (input: AccountInput) => api.post<{ account: Account } & IssuedLink>('/api/accounts', input),
  update: ({ id, ...input }: AccountInput & { id: string }) => api.patch<{ account: Account }>(`/api/accounts/${id}`, input),
  disable: (id: string) => api.post<{ account: Account }>(`/api/accounts/${id}/disable`),
  enable: (id: string) => api.post<{ account: Account }>(`/api/accounts/${id}/enable`),
  resend: (id: string) => api.post<{ account: Account } & IssuedLink>(`/api/accounts/${id}/invitation`),
  resetLink: (id: string) => api.post<{ account: Account } & IssuedLink>(`/api/accounts/${id}/reset-link`),
  inviteManager: (input: { organisationId: string; email?: string; phone?: string; displayName?: string }) =>
    api.post<{ created: boolean } & IssuedLink>('/api/accounts/manager-invitations', input),
  approve: ({ id, organisationId }: { id: string; organisationId?: string }) => api.post<{ created: boolean } & IssuedLink>(`/api/account-requests/${id}/approve`, { organisationId }),
  refuse: ({ id, reason }: { id: string; reason: string }) => api.post<{ ok: true }>(`/api/account-requests/${id}/refuse`, { reason }),
};

/** An empty text field is "not given" to the server. */
export function cleanInput<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T;
}
