/**
 * The public pages ("/", "/directory") are another document than this staff app: the light portal entry
 * (src/web/portal, portal.html) that the server sends for those paths; so are the login, the coop manager's
 * pages and the one-time-link pages (src/web/member, member.html). Going there loads that document, so the
 * address changes only when it arrives (no moment at the new address inside this app).
 */
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';

const PORTAL_PATHS = new Set(['/', '/directory']);
const MEMBER_PATHS = /^\/(login|member(\/.*)?|account\/(set-password|forgot|request))$/;

/** A path another entry (the portal, the manager's app) serves. */
export function isPortalPath(to: string): boolean {
  const { pathname } = new URL(to, window.location.origin);
  return PORTAL_PATHS.has(pathname) || MEMBER_PATHS.test(pathname);
}

/** navigate() for a path of this app, a document load for one of the other entries. */
export function useGo(): (to: string, options?: { replace?: boolean }) => void {
  const navigate = useNavigate();
  return useCallback(
    (to, options) => {
      if (!isPortalPath(to)) navigate(to, options);
      else if (options?.replace) window.location.replace(to);
      else window.location.assign(to);
    },
    [navigate],
  );
}
