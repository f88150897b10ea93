/**
 * GET a public JSON resource through the app's API client, for the portal (which does without TanStack
 * Query): answers are remembered for the visit, so "back" shows the previous page at once; while the next
 * answer is on its way the previous one stays on screen.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';

const answers = new Map<string, unknown>();

type State<T> = { url: string | null; data?: T; error?: ApiError };

/** `url` null waits (e.g. for another answer first). */
export function useJson<T>(url: string | null): { data?: T; error?: ApiError; loading: boolean; retry(): void } {
  const [state, setState] = useState<State<T>>(() => ({ url, data: url ? (answers.get(url) as T | undefined) : undefined }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!url) return;
    if (answers.has(url) && attempt === 0) {
      setState({ url, data: answers.get(url) as T });
      return;
    }
    let current = true;
    api.get<T>(url).then(
      (data) => {
        answers.set(url, data);
        if (current) setState({ url, data });
      },
      (error: unknown) => {
        const failure = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
        if (current) setState((previous) => ({ url, data: previous.data, error: failure }));
      },
    );
    return () => {
      current = false;
    };
  }, [url, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const settled = state.url === url && (state.data !== undefined || state.error !== undefined);
  return { data: state.data, error: state.url === url ? state.error : undefined, loading: url !== null && !settled, retry };
}
