/**
 * The portal's client page (/kien-nghi and one difficulty at /kien-nghi/:id) in one document: moving between them,
 * and every filter, is a history entry (back returns to the previous one), without a router library.
 */
import { useMemo, useSyncExternalStore, type MouseEvent } from 'react';

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
