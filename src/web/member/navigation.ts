/**
 * Moving between the manager's pages inside this document (history API, as the portal does: no router
 * library), and to the other entries (staff app, portal) by a plain document load. Its own copy of the few lines
 * the portal has (portal/navigation.ts): sharing them would make a chunk of its own that the public home loads.
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

/** Paths this document shows; any other is another entry's (a document load). */
export function isMemberPath(pathname: string): boolean {
  return pathname === '/login' || pathname === '/member' || pathname.startsWith('/member/') || /^\/account\/(set-password|forgot|request)$/.test(pathname);
}

/** Shows another page of this document; a new page starts at its top. */
export function navigate(url: string): void {
  const samePage = new URL(url, window.location.origin).pathname === window.location.pathname;
  window.history.pushState(null, '', url);
  notify();
  if (!samePage) window.scrollTo(0, 0);
}

/** Goes to `url` without leaving a history entry for the page being left (after a login, a redirect). */
export function redirect(url: string): void {
  const target = new URL(url, window.location.origin);
  const path = target.pathname + target.search + target.hash;
  if (!isMemberPath(target.pathname)) {
    window.location.replace(path);
    return;
  }
  window.history.replaceState(null, '', path);
  notify();
  window.scrollTo(0, 0);
}

/** A link's click handler: plain clicks on this document's pages stay in it; a new tab or window is the browser's. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = event.currentTarget.getAttribute('href')!;
  if (!isMemberPath(new URL(href, window.location.origin).pathname)) return;
  event.preventDefault();
  navigate(href);
}
