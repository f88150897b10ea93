/**
 * The charts of the server-rendered /so-lieu page (src/server/modules/portal/public/figures.page.tsx): the page's
 * figures are already there as text and tables; this draws the same charts as the alliance's dashboard over the
 * data the page carries (no request of its own), each downloadable as PNG and .xlsx.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PublicDashboardData } from '../routes/reports/reportsApi.ts';
import { coreEn } from '../i18n/core-en.ts';
import { coreVi } from '../i18n/core-vi.ts';
import { I18nProvider } from '../i18n/index.tsx';
import PublicCharts from './PublicCharts.tsx';
import './portal-shared.css';

type PageData = { year: number; tenant: number; data: PublicDashboardData };

const holder = document.getElementById('bieu-do');
const source = document.getElementById('so-lieu-du-lieu');
if (holder && source?.textContent) {
  const page = JSON.parse(source.textContent) as PageData;
  createRoot(holder).render(
    <StrictMode>
      <I18nProvider dictionaries={{ vi: coreVi, en: coreEn }}>
        <h2>Biểu đồ</h2>
        <PublicCharts data={page.data} year={page.year} tenant={page.tenant} />
      </I18nProvider>
    </StrictMode>,
  );
}
