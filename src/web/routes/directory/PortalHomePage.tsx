import { Suspense, lazy } from 'react';
import { PageLoading } from '../../components/PageStatus.tsx';
import { PublicDirectoryPage } from './PublicDirectoryPage.tsx';

// The figures load after the directory so that a phone shows the search first.
const PublicDashboard = lazy(() => import('../reports/PublicDashboard.tsx'));

/** The portal's home for visitors: the province's public figures, then the directory. */
export function PortalHomePage() {
  return (
    <>
      <Suspense fallback={<PageLoading />}>
        <PublicDashboard />
      </Suspense>
      <PublicDirectoryPage />
    </>
  );
}
