/**
 * The public portal's entry (portal.html): React and a small stylesheet, no component library, so that a phone
 * on a slow link shows the search and the figures quickly. The staff app is src/web/main.tsx.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { coreEn } from '../i18n/core-en.ts';
import { I18nProvider } from '../i18n/index.tsx';
import { coreVi } from '../i18n/core-vi.ts';
import { PortalApp } from './PortalApp.tsx';
import './portal-shared.css';
import './portal.css';

// The portal's words only: the staff pages' dictionaries stay out of its bundle.
const dictionaries = { vi: coreVi, en: coreEn };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider dictionaries={dictionaries}>
      <PortalApp />
    </I18nProvider>
  </StrictMode>,
);
