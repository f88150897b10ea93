/**
 * GET a JSON resource for a manager's page (no TanStack Query): fresh on every mount, with a retry; a request
 * started early (prefetch) serves the first mount that asks for it.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';

type State<T> = { url: string | null; data?: T; error?: ApiError };

const early = new Map<string, Promise<unknown>>();

/** Starts a GET before the page that reads it mounts (with the script, not after the session's answer). */
export function prefetch(url: string): void {
  if (early.has(url)) return;
  const request = api.get(url);
  // An early answer that failed is read (and shown) by the page; it is not an unhandled rejection meanwhile.
  request.catch(() => undefined);
  early.set(url, request);
}

/** `url` null waits (e.g. for another answer first). */
export function useJson<T>(url: string | null): { data?: T; error?: ApiError; loading: boolean; retry(): void } {
  const [state, setState] = useState<State<T>>({ url: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!url) return;
    let current = true;
    // The early request serves the first read only; a retry asks again.
    const waiting = attempt === 0 ? early.get(url) : undefined;
    early.delete(url);
    ((waiting as Promise<T> | undefined) ?? api.get<T>(url)).then(
      (data) => current && setState({ url, data }),
      (error: unknown) => current && setState({ url, error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [url, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const mine = state.url === url;
  return { data: mine ? state.data : undefined, error: mine ? state.error : undefined, loading: url !== null && !mine, retry };
}
