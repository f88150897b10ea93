import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { useLabels } from '../../i18n/index.tsx';
import { ChartCard } from './ChartCard.tsx';
import { chartScope, dashboardChartOptions } from './chartOptions.ts';
import { CommuneMapCard } from './CommuneMapCard.tsx';
import { ChartScopeContext, EChart } from './EChart.tsx';
import { chartDataUrl, type Dashboard, type DashboardFilters } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';

type ChartData = Pick<Dashboard, 'scope' | 'bySectorGroup' | 'bySector' | 'statusShares' | 'kindShares' | 'byArea' | 'byCurrentCommune' | 'trend'>;
type Props = { data: ChartData; filters: DashboardFilters };

/** The dashboard's charts, each downloadable as PNG (the button under it) and as .xlsx (its data, from the server). */
export function DashboardCharts({ data, filters }: Props) {
  const t = useReportTexts();
  const labels = useLabels();
  // A saved PNG's name ends with the scope and the year (ChartScopeContext): "nhom-linh-vuc-bac-ninh-2026.png".
  const file = (chart: string) => chart;
  const url = (chart: Parameters<typeof chartDataUrl>[1]) => chartDataUrl(filters, chart);

  const options = useMemo(() => dashboardChartOptions(data, labels, t), [data, labels, t]);
  const scope = useMemo(() => chartScope(data.scope, filters, labels, t), [data.scope, filters, labels, t]);

  return (
    <ChartScopeContext.Provider value={scope}>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('sectorGroupsChart')} dataUrl={url('sectorGroups')}>
            <EChart option={options.sectorGroups} fileName={file('nhom-linh-vuc')} ariaLabel={t('sectorGroupsChart')} saveLabel={t('savePng')} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('statusesChart')} dataUrl={url('statuses')}>
            <EChart option={options.statuses} fileName={file('tinh-trang')} ariaLabel={t('statusesChart')} saveLabel={t('savePng')} />
          </ChartCard>
        </Col>
        <Col xs={24}>
          <ChartCard title={t('trendChart')} dataUrl={url('trend')}>
            <EChart option={options.trend} fileName={file('xu-huong-10-nam')} ariaLabel={t('trendChart')} saveLabel={t('savePng')} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('sectorsChart')} dataUrl={url('sectors')}>
            <EChart option={options.sectors} height={360} fileName={file('linh-vuc')} ariaLabel={t('sectorsChart')} saveLabel={t('savePng')} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('kindsChart')} dataUrl={url('kinds')}>
            <EChart option={options.kinds} height={360} fileName={file('loai-hinh')} ariaLabel={t('kindsChart')} saveLabel={t('savePng')} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={10}>
          <ChartCard title={t('areasChart')} dataUrl={url('areas')}>
            <EChart option={options.areas} height={Math.max(240, data.byArea.length * 28 + 60)} fileName={file('dia-ban')} ariaLabel={t('areasChart')} saveLabel={t('savePng')} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={14}>
          <CommuneMapCard communes={data.byCurrentCommune} tenantId={data.scope.tenantId} dataUrl={url('communes')} fileName={file('xa-phuong')} />
        </Col>
      </Row>
    </ChartScopeContext.Provider>
  );
}
