import { Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { PageError } from '../../components/PageStatus.tsx';
import { useAlliances } from '../../reference/reference.ts';
import { DashboardCharts } from './DashboardCharts.tsx';
import { defaultReportYear } from '../../../shared/dates.ts';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { usePublicDashboard, type DashboardFilters } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';

type Props = { tenant?: number; initialYear?: number };

/**
 * The portal's home-page figures for citizens: counts and shares only (no money, no plans, no person),
 * from the public endpoint; the same charts as the alliance's dashboard, downloadable the same way.
 */
export function PublicDashboard({ tenant, initialYear }: Props = {}) {
  const t = useReportTexts();
  const [year, setYear] = useState(initialYear ?? defaultReportYear());
  // A portal serving several alliances asks which one; with one alliance there is nothing to choose.
  const alliancesQuery = useAlliances();
  const alliances = alliancesQuery.data ?? [];
  const [chosen, setChosen] = useState<number | undefined>(tenant);
  const several = tenant === undefined && alliances.length > 1;
  const selected = chosen ?? (several ? alliances[0]!.id : undefined);
  const filters: DashboardFilters = { year, tenant: selected };
  const query = usePublicDashboard(filters, tenant !== undefined || alliancesQuery.isSuccess);
  const thisYear = new Date().getFullYear();

  if (query.error) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('publicTitle')} {data ? `— ${data.scope.name}` : ''}
        </Typography.Title>
        {several ? (
          <Select
            aria-label={t('alliance')}
            value={selected}
            onChange={setChosen}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 260 }}
            options={alliances.map((a) => ({ value: a.id, label: a.name }))}
          />
        ) : null}
        <Select aria-label={t('year')} value={year} onChange={setYear} style={{ width: 120 }} options={Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${t('year')} ${y}` }))} />
      </Space>
      {!data ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : (
        <>
          <HeadlineFigures headline={data.headline} previous={data.previousYear} />
          <DashboardCharts data={data} filters={filters} isPublic />
        </>
      )}
    </Space>
  );
}

export default PublicDashboard;
