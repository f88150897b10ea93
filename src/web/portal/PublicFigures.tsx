import { lazy, Suspense, useState } from 'react';
import { defaultReportYear } from '../../shared/dates.ts';
import { withQuery } from '../api/client.ts';
import type { Alliance } from '../api/types.ts';
import type { PublicDashboardData } from '../routes/reports/reportsApi.ts';
import { useReportTexts } from '../routes/reports/texts.ts';
import { HeadlineCards } from './HeadlineCards.tsx';
import { LoadError, Loading } from './PageStates.tsx';
import { useJson } from './useJson.ts';
import { WhenNear } from './WhenNear.tsx';

// The charts and their library (ECharts) are the heaviest part of the portal: loaded when scrolled near.
const PublicCharts = lazy(() => import('./PublicCharts.tsx'));

const YEARS = 10;

/**
 * The province's public figures for citizens: counts and shares only (no money, no plans, no person). A
 * portal serving several alliances asks which one; with one alliance there is nothing to choose.
 */
export function PublicFigures({ alliances }: { alliances: Alliance[] }) {
  const t = useReportTexts();
  const [chosenYear, setYear] = useState<number>();
  const [chosen, setChosen] = useState<number>();
  const several = alliances.length > 1;
  // Asked for at once, without waiting for the alliances: with no alliance and no year named, the server answers
  // for the first alliance and the year the portal opens on — the very request the home page preloads.
  const dashboard = useJson<PublicDashboardData>(withQuery('/api/public/reports/dashboard', { year: chosenYear, tenant: chosen }));
  const data = dashboard.data;
  const year = chosenYear ?? data?.year ?? defaultReportYear();
  const tenant = chosen ?? data?.scope.tenantId ?? alliances[0]?.id;
  const thisYear = new Date().getFullYear();

  return (
    <section className="portal-section" aria-busy={dashboard.loading}>
      <div className="portal-figures-head">
        <h2 className="portal-title">
          {t('publicTitle')}
          {data ? ` — ${data.scope.name}` : ''}
        </h2>
        {several ? (
          <select className="portal-select" aria-label={t('alliance')} value={tenant} onChange={(e) => setChosen(Number(e.target.value))}>
            {alliances.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        ) : null}
        <select className="portal-select" aria-label={t('year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {Array.from({ length: YEARS }, (_, i) => thisYear - i).map((y) => (
            <option key={y} value={y}>
              {`${t('year')} ${y}`}
            </option>
          ))}
        </select>
      </div>
      {dashboard.error ? <LoadError error={dashboard.error} onRetry={dashboard.retry} /> : null}
      {data ? <HeadlineCards headline={data.headline} previous={data.previousYear} /> : dashboard.error ? null : <Loading />}
      {data ? (
        <WhenNear minHeight={400}>
          <Suspense fallback={<Loading />}>
            <PublicCharts data={data} year={year} tenant={tenant} />
          </Suspense>
        </WhenNear>
      ) : null}
    </section>
  );
}
