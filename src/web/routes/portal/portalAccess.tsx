import type { ReactNode } from 'react';
import type { SessionUser } from '../../api/types.ts';
import { NotAllowedPage, PageLoading } from '../../components/PageStatus.tsx';
import { useSession } from '../../session/session.ts';

/** The portal's capabilities (decision 009): writeArticles, publishArticles, manageLibrary. */
export type PortalCapability = 'writeArticles' | 'publishArticles' | 'manageLibrary';

/** What /api/auth/me grants for the portal, read defensively: a server without the capability answers false. */
export function portalCan(user: SessionUser | null, capability: PortalCapability): boolean {
  const can = user?.can as Partial<Record<string, unknown>> | undefined;
  return can?.[capability] === true;
}

/** Whether the user sees the menu group "Cổng thông tin" at all. */
export function seesPortal(user: SessionUser | null): boolean {
  return portalCan(user, 'writeArticles') || portalCan(user, 'publishArticles') || portalCan(user, 'manageLibrary');
}

/**
 * Inside RequireUser: a portal page for a user whose /api/auth/me grants the capability; anyone else meets the
 * not-allowed page and the page asks the server nothing.
 */
export function RequirePortal({ can, children }: { can: PortalCapability; children: ReactNode }) {
  const { user, isLoading } = useSession();
  if (isLoading) return <PageLoading />;
  if (!portalCan(user, can)) return <NotAllowedPage />;
  return <>{children}</>;
}
