import { lazy, Suspense } from 'react';
import type { Alliance } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { Loading } from './PageStates.tsx';
import { PortalHeader } from './PortalHeader.tsx';
import { useJson } from './useJson.ts';

// Its own chunk, as it always was: the entry stays a frame.
const DifficultiesPage = lazy(() => import('./DifficultiesPage.tsx'));

/**
 * The portal's one client page: the published difficulties and the agencies' answers (/kien-nghi), with their
 * filters. Every other public page is rendered on the server (src/server/modules/portal/public/).
 */
export function PortalApp() {
  const t = useT();
  // Preloaded by portal.html; the page offers a choice of alliance when the portal serves several.
  const alliances = useJson<Alliance[]>('/api/reference/alliances');
  return (
    <>
      <PortalHeader />
      <Suspense fallback={<Loading />}>
        <DifficultiesPage alliances={alliances.data ?? []} />
      </Suspense>
      <footer className="portal-footer portal-muted">
        {t('app.name')} · {t('app.tagline')}
      </footer>
    </>
  );
}
