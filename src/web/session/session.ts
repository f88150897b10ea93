/**
 * Who is signed in (GET /api/auth/me) and logging out. The session itself is an httpOnly cookie; the login page is
 * the light entry's (src/web/member/LoginPage.tsx).
 */
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

// Menus and buttons follow what /api/auth/me says the user may open; the server checks every request anyway.

/** May open the loan book (the fund's queues, or a manager's own loans). */
export function canSeeLoans(user: SessionUser | null): boolean {
  return Boolean(user?.can.seeLoans);
}

/** May read the fund's portfolio figures. */
export function canSeePortfolio(user: SessionUser | null): boolean {
  return Boolean(user?.can.seePortfolio);
}

/** May read the year-end figures and the dashboard. */
export function canSeeReports(user: SessionUser | null): boolean {
  return Boolean(user?.can.seeReports);
}

/** May add organisations and import workbooks. */
export function canManageRegistry(user: SessionUser | null): boolean {
  return Boolean(user?.can.manageRegistry);
}

/** May set the alliance's yearly targets. */
export function canManagePlans(user: SessionUser | null): boolean {
  return Boolean(user?.can.managePlans);
}

/** May read the alliance's closed years beside today's figures. */
export function canSeeClosedYears(user: SessionUser | null): boolean {
  return Boolean(user?.can.seeClosedYears);
}
