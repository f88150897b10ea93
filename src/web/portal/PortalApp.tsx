import { lazy, Suspense } from 'react';
import type { Alliance } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { DirectoryPage } from './DirectoryPage.tsx';
import { HomePage } from './HomePage.tsx';
import { Loading } from './PageStates.tsx';
import { useLocation } from './navigation.ts';
import { PortalHeader } from './PortalHeader.tsx';
import { useJson } from './useJson.ts';

// The difficulties page is its own chunk: the home's JavaScript budget never carries it.
const DifficultiesPage = lazy(() => import('./DifficultiesPage.tsx'));

/** The public portal: the home page, the directory and the published difficulties (the server sends the staff app for any other path). */
export function PortalApp() {
  const t = useT();
  const { pathname } = useLocation();
  // Preloaded by portal.html; both pages offer a choice of alliance when the portal serves several.
  const alliances = useJson<Alliance[]>('/api/reference/alliances');
  const list = alliances.data ?? [];
  return (
    <>
      <PortalHeader />
      {pathname === '/kien-nghi' || pathname.startsWith('/kien-nghi/') ? (
        <Suspense fallback={<Loading />}>
          <DifficultiesPage alliances={list} />
        </Suspense>
      ) : pathname === '/directory' ? (
        <DirectoryPage alliances={list} />
      ) : (
        <HomePage alliances={list} />
      )}
      <footer className="portal-footer portal-muted">
        {t('app.name')} · {t('app.tagline')}
      </footer>
    </>
  );
}
