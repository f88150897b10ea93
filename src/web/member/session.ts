/**
 * Who is signed in, for the light entry (no TanStack Query): GET /api/auth/me once per document (member.html
 * preloads it), kept in a small store that the login, logout and the organisation switch update.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { api, ApiError, setUnauthenticatedHandler } from '../api/client.ts';
import type { SessionUser } from '../api/types.ts';

/** The organisations a manager acts for, as the server may list them (ids only on an older server). */
export type MemberUser = SessionUser & {
  phone?: string | null;
  organisationIds?: string[];
  organisations?: { id: string; name: string; registrationNumber?: string | null }[];
};

type State = { status: 'loading' | 'ready' | 'error'; user: MemberUser | null; error?: ApiError };

let state: State = { status: 'loading', user: null };
const listeners = new Set<() => void>();
function set(next: State): void {
  state = next;
  listeners.forEach((listener) => listener());
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

let asked = false;
function load(): void {
  if (asked) return;
  asked = true;
  api.get<{ user: MemberUser | null }>('/api/auth/me').then(
    ({ user }) => set({ status: 'ready', user }),
    (error: unknown) => set({ status: 'error', user: null, error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)) }),
  );
}

// Any call that finds the session gone: the pages ask to log in again.
setUnauthenticatedHandler(() => set({ status: 'ready', user: null }));

/** The signed-in user (null when nobody is), and whether the server has answered yet. */
export function useSession(): State & { reload(): void } {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(load, []);
  return { ...current, reload: reloadSession };
}

export function reloadSession(): void {
  asked = false;
  set({ ...state, status: 'loading' });
  load();
}

/**
 * Logs in by email or phone. The body carries `login` (decision 007) and `email` too, for a server from before
 * phone logins; a server that refuses the unknown key gets `email` alone.
 */
export async function logIn(login: string, password: string): Promise<MemberUser> {
  let answer: { user: MemberUser };
  try {
    answer = await api.post<{ user: MemberUser }>('/api/auth/login', { login, password });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400 && login.includes('@'))) throw error;
    answer = await api.post<{ user: MemberUser }>('/api/auth/login', { email: login, password });
  }
  set({ status: 'ready', user: answer.user });
  return answer.user;
}

/** Logs out, then loads the login afresh (nothing of the session stays in this document's memory). */
export async function logOut(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    window.location.assign('/login');
  }
}

/** Acts for another of the manager's organisations from now on (the session remembers the choice). */
export async function chooseOrganisation(organisationId: string): Promise<void> {
  const answer = await api.post<{ user?: MemberUser }>('/api/auth/organisation', { organisationId });
  if (answer?.user) set({ status: 'ready', user: answer.user });
  else reloadSession();
}

/** The organisations this user may act for, the chosen one first. */
export function organisationsOf(user: MemberUser): { id: string; name?: string }[] {
  const listed = user.organisations ?? (user.organisationIds ?? []).map((id) => ({ id }));
  const all = listed.length ? listed : user.organisationId ? [{ id: user.organisationId }] : [];
  return [...all].sort((a, b) => Number(b.id === user.organisationId) - Number(a.id === user.organisationId));
}
