/**
 * The public pages ("/", "/directory") are another document than this staff app: the light portal entry
 * (src/web/portal, portal.html) that the server sends for those paths. Going there loads that document, so the
 * address changes only when it arrives (no moment at the new address inside this app).
 */
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';

const PORTAL_PATHS = new Set(['/', '/directory']);

export function isPortalPath(to: string): boolean {
  return PORTAL_PATHS.has(new URL(to, window.location.origin).pathname);
}

/** navigate() for a path of this app, a document load for one of the portal. */
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
