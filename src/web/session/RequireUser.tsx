import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { NotAllowedPage, PageLoading } from '../components/PageStatus.tsx';
import type { SessionUser } from '../api/types.ts';
import { useSession } from './session.ts';

export type Capability = keyof SessionUser['can'];

/**
 * Shows its children to a signed-in user; anyone else goes to the login page and comes back after. With `can`,
 * a user whose /api/auth/me does not grant that capability meets the not-allowed page at once: the page is not
 * mounted, so it asks the server for nothing it would refuse (no 403 in the console).
 */
export function RequireUser({ children, can }: { children: ReactNode; can?: Capability }) {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <PageLoading />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (can && !user.can[can]) return <NotAllowedPage />;
  return <>{children}</>;
}
