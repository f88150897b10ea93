/**
 * Moving between the manager's pages inside this document (history API, as the portal does: no router
 * library), and to the other entries (staff app, portal) by a plain document load.
 */
import { navigate } from '../portal/navigation.ts';

export { followLink, navigate, useLocation } from '../portal/navigation.ts';

/** Paths this document shows; any other is another entry's (a document load). */
export function isMemberPath(pathname: string): boolean {
  return pathname === '/login' || pathname === '/member' || pathname.startsWith('/member/') || /^\/account\/(set-password|forgot|request)$/.test(pathname);
}

/** Goes to `url` without leaving a history entry for the page being left (after a login, a redirect). */
export function redirect(url: string): void {
  const target = new URL(url, window.location.origin);
  if (!isMemberPath(target.pathname)) {
    window.location.replace(target.pathname + target.search + target.hash);
    return;
  }
  window.history.replaceState(null, '', target.pathname + target.search + target.hash);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** Goes to `url`: inside this document for its own pages, a document load for the others. */
export function go(url: string): void {
  const target = new URL(url, window.location.origin);
  if (isMemberPath(target.pathname)) navigate(target.pathname + target.search);
  else window.location.assign(target.pathname + target.search + target.hash);
}
