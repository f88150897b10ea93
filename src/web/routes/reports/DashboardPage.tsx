import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { defaultReportYear } from '../../../shared/dates.ts';
import { PageError } from '../../components/PageStatus.tsx';
import { DashboardCharts } from './DashboardCharts.tsx';
import { DashboardFilters } from './DashboardFilters.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { UpdateIndicators } from './UpdateIndicators.tsx';
import { PlanProgress } from './PlanProgress.tsx';
import { annualReportUrl, useDashboard, type DashboardFilters as Filters } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

type Props = { tenant?: number; initialYear?: number };

/**
 * The alliance's dashboard (staff, fund officers, national viewers): headline figures, sector-group and
 * status charts, ten years of new and dissolved organisations, communes, plan progress, and the annual
 * report's files; filters by year, area, kind and sector.
 */
export function DashboardPage({ tenant, initialYear }: Props = {}) {
  const t = useReportTexts();
  const [filters, setFilters] = useState<Filters>({ year: initialYear ?? defaultReportYear(), tenant });
  const dashboard = useDashboard(filters);

  if (dashboard.error) return <PageError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[12, 12]}>
        <Col>
          <PageTitle style={{ margin: 0 }}>
            {t('dashboardTitle')} {data ? `— ${data.scope.name}` : ''}
          </PageTitle>
        </Col>
        <Col>
          <Space wrap>
            <Button icon={<FileExcelOutlined />} href={annualReportUrl('xlsx', filters.year, tenant)} download>
              {t('downloadReport')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={annualReportUrl('pdf', filters.year, tenant)} download>
              {t('downloadPdf')}
            </Button>
          </Space>
        </Col>
      </Row>
      <DashboardFilters value={filters} onChange={setFilters} areas={data?.options.areas ?? []} />
      {data?.frozen ? <Alert type="info" showIcon title={t('frozen', { year: data.year })} /> : null}
      {!data ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : (
        <Spin spinning={dashboard.isFetching}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <HeadlineFigures headline={data.headline} previous={data.previousYear} />
            {data.updates ? <UpdateIndicators updates={data.updates} /> : null}
            <DashboardCharts data={data} filters={filters} />
            <PlanProgress plans={data.plans} filters={filters} />
          </Space>
        </Spin>
      )}
    </Space>
  );
}

export default DashboardPage;
