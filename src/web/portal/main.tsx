/**
 * The public portal's entry (portal.html): React and a small stylesheet, no component library, so that a phone
 * on a slow link shows the search and the figures quickly. The staff app is src/web/main.tsx.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/index.tsx';
import { PortalApp } from './PortalApp.tsx';
import './portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PortalApp />
    </I18nProvider>
  </StrictMode>,
);
