/**
 * The portal's charts, the same as the alliance's dashboard draws (src/web/routes/reports), each downloadable
 * as PNG and its data as .xlsx; loaded on demand with ECharts (see PublicFigures).
 */
import { useMemo, type ReactNode } from 'react';
import type { DashboardChart } from '../../server/modules/reports/reports.schemas.ts';
import { withQuery } from '../api/client.ts';
import { useIsNarrow } from '../components/useIsNarrow.ts';
import { useLabels } from '../i18n/index.tsx';
import { chartScope, communeMapOption, communeTilesHeight, communeTilesOption, dashboardChartOptions } from '../routes/reports/chartOptions.ts';
import { ChartScopeContext, EChart, type ChartMap } from '../routes/reports/EChart.tsx';
import type { CommuneBoundaries, PublicDashboardData } from '../routes/reports/reportsApi.ts';
import { useReportTexts, type ReportTextKey } from '../routes/reports/texts.ts';
import { useJson } from './useJson.ts';
import { WhenNear } from './WhenNear.tsx';

type Props = { data: PublicDashboardData; year: number; tenant?: number };

function ChartCard({ title, dataUrl, note, wide, children }: { title: string; dataUrl: string; note?: string; wide?: boolean; children: ReactNode }) {
  const t = useReportTexts();
  return (
    <article className={`portal-card portal-chart${wide ? ' portal-chart-wide' : ''}`}>
      <header className="portal-chart-head">
        <h3>{title}</h3>
        <a href={dataUrl} download className="portal-link">
          {t('downloadData')}
        </a>
      </header>
      {children}
      {note ? <p className="portal-muted portal-small">{note}</p> : null}
    </article>
  );
}

export default function PublicCharts({ data, year, tenant }: Props) {
  const t = useReportTexts();
  const labels = useLabels();
  const tenantId = data.scope.tenantId;
  const boundaries = useJson<CommuneBoundaries>(tenantId !== null ? withQuery('/api/public/boundaries', { tenant: tenantId }) : null).data;
  const url = (chart: DashboardChart) => withQuery('/api/public/reports/dashboard/chart.xlsx', { year, tenant, chart });

  const options = useMemo(() => dashboardChartOptions(data, labels, t), [data, labels, t]);
  // A saved PNG says whose figures and which year, in the picture and its name ("…-bac-ninh-2026.png").
  const scope = useMemo(() => chartScope(data.scope, { year }, labels, t), [data.scope, year, labels, t]);
  const names = useMemo(() => boundaries?.features.map((f) => f.properties.name) ?? [], [boundaries]);
  const mapName = `communes-${tenantId}`;
  const map = useMemo<ChartMap | undefined>(() => (boundaries && names.length > 0 ? { name: mapName, geoJson: boundaries as never } : undefined), [boundaries, names, mapName]);
  // Five tiles to a row on a phone (eight leave no room for a commune's name).
  const columns = useIsNarrow() ? 5 : 8;
  const communes = useMemo(() => (map ? communeMapOption(data.byCurrentCommune, mapName, names) : communeTilesOption(data.byCurrentCommune, columns)), [map, data.byCurrentCommune, mapName, names, columns]);

  const communesHeight = map ? 480 : communeTilesHeight(data.byCurrentCommune.length, columns);

  const chart = (key: keyof typeof options, title: ReportTextKey, file: string, height?: number) => (
    <EChart option={options[key]} height={height} fileName={file} ariaLabel={t(title)} saveLabel={t('savePng')} />
  );
  return (
    <ChartScopeContext.Provider value={scope}>
      <div className="portal-charts">
        <ChartCard title={t('sectorGroupsChart')} dataUrl={url('sectorGroups')}>
          {chart('sectorGroups', 'sectorGroupsChart', 'nhom-linh-vuc')}
        </ChartCard>
        <ChartCard title={t('statusesChart')} dataUrl={url('statuses')}>
          {chart('statuses', 'statusesChart', 'tinh-trang')}
        </ChartCard>
        <ChartCard title={t('trendChart')} dataUrl={url('trend')} wide>
          {chart('trend', 'trendChart', 'xu-huong-10-nam')}
        </ChartCard>
        <ChartCard title={t('sectorsChart')} dataUrl={url('sectors')}>
          {chart('sectors', 'sectorsChart', 'linh-vuc', 360)}
        </ChartCard>
        <ChartCard title={t('kindsChart')} dataUrl={url('kinds')}>
          {chart('kinds', 'kindsChart', 'loai-hinh', 360)}
        </ChartCard>
        <ChartCard title={t('areasChart')} dataUrl={url('areas')}>
          {chart('areas', 'areasChart', 'dia-ban', Math.max(240, data.byArea.length * 28 + 60))}
        </ChartCard>
        <ChartCard title={t('communesChart')} dataUrl={url('communes')} note={map ? t('communesMapNote', { loaded: names.length }) : t('communesNote')}>
          {/* Last of the charts, and the only one with a chart type of its own (heatmap or map): loaded when near. */}
          <WhenNear minHeight={communesHeight}>
            <EChart option={communes} map={map} height={communesHeight} fileName="xa-phuong" ariaLabel={t('communesChart')} saveLabel={t('savePng')} />
          </WhenNear>
        </ChartCard>
      </div>
    </ChartScopeContext.Provider>
  );
}
