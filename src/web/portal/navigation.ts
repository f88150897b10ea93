/**
 * The portal's two pages live at "/" and "/directory" in one document: moving between them, and every search,
 * is a history entry (back returns to the previous search), without a router library.
 */
import { useCallback, useMemo, useSyncExternalStore, type MouseEvent } from 'react';
import { withQuery } from '../api/client.ts';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentUrl = () => window.location.pathname + window.location.search;

/** The path and query being shown; re-renders on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const url = useSyncExternalStore(subscribe, currentUrl);
  return useMemo(() => {
    const parsed = new URL(url, window.location.origin);
    return { pathname: parsed.pathname, search: parsed.searchParams };
  }, [url]);
}

/** Shows another page of the portal (same document); a new page starts at its top. */
export function navigate(url: string): void {
  const samePage = new URL(url, window.location.origin).pathname === window.location.pathname;
  window.history.pushState(null, '', url);
  notify();
  if (!samePage) window.scrollTo(0, 0);
}

/** A link's click handler: plain clicks stay in the document, a new tab or window is the browser's. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href')!);
}

export const DIRECTORY_KEYS = ['q', 'kind', 'sectorGroup', 'tenant'] as const;
export type DirectorySearch = Partial<Record<(typeof DIRECTORY_KEYS)[number] | 'page' | 'pageSize', string>>;

/** The directory's search as the address bar holds it (shareable, and "back" returns to it). */
export function useDirectorySearch() {
  const { search } = useLocation();
  const state = useMemo(() => {
    const out: DirectorySearch = {};
    for (const key of [...DIRECTORY_KEYS, 'page', 'pageSize'] as const) out[key] = search.get(key) ?? undefined;
    return out;
  }, [search]);
  const page = Math.max(1, Number(state.page ?? 1) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(state.pageSize ?? 20) || 20));
  /** Opens the directory with these changes; any change but the page's own returns to page 1. */
  const update = useCallback(
    (changes: DirectorySearch) => {
      const next: DirectorySearch = { ...state, ...changes };
      if (!('page' in changes)) delete next.page;
      navigate(withQuery('/directory', next));
    },
    [state],
  );
  return { state, page, pageSize, update };
}
