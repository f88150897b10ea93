import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type SearchState = Record<string, string | undefined> & { page?: string };

/**
 * Search text, filters and page kept in the address bar, so that "back" from a detail page returns to the
 * same results and a search can be shared as a link. Changing a filter returns to page 1.
 */
export function useSearchState(keys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => {
    const out: Record<string, string | undefined> = {};
    for (const key of [...keys, 'page', 'pageSize']) out[key] = params.get(key) ?? undefined;
    return out;
  }, [params, keys]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: false }), [setParams]);
  const page = Math.max(1, Number(state.page ?? 1) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(state.pageSize ?? 20) || 20));
  return { state, page, pageSize, update, clear };
}
