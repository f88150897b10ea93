/** GET a JSON resource for a manager's page (no TanStack Query): fresh on every mount, with a retry. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';

type State<T> = { url: string | null; data?: T; error?: ApiError };

/** `url` null waits (e.g. for another answer first). */
export function useJson<T>(url: string | null): { data?: T; error?: ApiError; loading: boolean; retry(): void } {
  const [state, setState] = useState<State<T>>({ url: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!url) return;
    let current = true;
    api.get<T>(url).then(
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
