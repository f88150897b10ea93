/** Who is signed in (GET /api/auth/me), logging in and out. The session itself is an httpOnly cookie. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, setUnauthenticatedHandler } from '../api/client.ts';
import type { SessionUser } from '../api/types.ts';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => api.get<{ user: SessionUser | null }>('/api/auth/me'),
    staleTime: 5 * 60_000,
  });
  return { user: query.data?.user ?? null, isLoading: query.isLoading };
}

/** When any call answers 401 the session has ended: forget the user so the pages ask to log in. */
export function watchSessionEnd(queryClient: QueryClient): void {
  setUnauthenticatedHandler(() => queryClient.setQueryData(SESSION_KEY, { user: null }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api.post<{ user: SessionUser }>('/api/auth/login', credentials),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, { user });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, { user: null });
    },
  });
}

// The API does not yet say what a user may do outside one object (create, import, work the fund); until
// /api/auth/me carries it, these role lists mirror src/server/modules/*/…policy.ts. Only menus and buttons
// depend on them: the server checks every request anyway.
const REGISTRY_STAFF_ROLES = ['alliance_admin', 'alliance_staff'];
const LOAN_ROLES = ['fund_officer', 'alliance_admin', 'coop_manager'];
const PORTFOLIO_ROLES = ['fund_officer', 'alliance_admin', 'national_viewer'];

/** May open the loan book (the fund's queues, or a manager's own loans). */
export function canSeeLoans(user: SessionUser | null): boolean {
  return Boolean(user && user.tenantId !== null && LOAN_ROLES.includes(user.role));
}

/** May read the fund's portfolio figures. */
export function canSeePortfolio(user: SessionUser | null): boolean {
  return Boolean(user && PORTFOLIO_ROLES.includes(user.role));
}

const REPORT_ROLES = ['alliance_admin', 'alliance_staff', 'fund_officer', 'national_viewer'];

/** May read the year-end figures and the dashboard. */
export function canSeeReports(user: SessionUser | null): boolean {
  return Boolean(user && REPORT_ROLES.includes(user.role));
}

/** May add organisations and import workbooks (the server checks again on every request). */
export function canManageRegistry(user: SessionUser | null): boolean {
  if (!user) return false;
  const can = (user as SessionUser & { can?: { manageRegistry?: boolean } }).can;
  return can?.manageRegistry ?? (REGISTRY_STAFF_ROLES.includes(user.role) && user.tenantId !== null);
}
