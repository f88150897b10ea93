import { Card, Flex, Progress, Typography } from 'antd';
import { formatCount, formatPercent } from '../../../shared/format.ts';
import { PLAN_INDICATOR_LABELS } from '../../../server/modules/reports/reports.schemas.ts';
import { ChartCard } from './ChartCard.tsx';
import { chartDataUrl, type Dashboard, type DashboardFilters } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';

/** Each target of the year against its actual figure. */
export function PlanProgress({ plans, filters }: { plans: Dashboard['plans']; filters: DashboardFilters }) {
  const t = useReportTexts();
  if (plans.length === 0) {
    return (
      <Card size="small" title={t('plansTitle')}>
        <Typography.Text type="secondary">{t('noPlan')}</Typography.Text>
      </Card>
    );
  }
  return (
    <ChartCard title={t('plansTitle')} dataUrl={chartDataUrl(filters, 'plans')}>
      <Flex vertical gap={12}>
        {plans.map((p) => (
          <div key={`${p.indicator}/${p.area}`}>
            <Typography.Text strong>{PLAN_INDICATOR_LABELS[p.indicator]}</Typography.Text>
            <Typography.Text type="secondary"> — {p.area || t('wholeProvince')}</Typography.Text>
            <Progress percent={p.percent === null ? 0 : Math.min(100, p.percent)} status={p.percent !== null && p.percent >= 100 ? 'success' : 'active'} format={() => (p.percent === null ? '—' : formatPercent(p.percent))} />
            <Typography.Text type="secondary">
              {formatCount(BigInt(p.actual))} / {formatCount(p.target)}
            </Typography.Text>
          </div>
        ))}
      </Flex>
    </ChartCard>
  );
}
