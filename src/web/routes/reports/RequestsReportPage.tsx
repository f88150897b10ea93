import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Statistic, Table, Typography } from 'antd';
import { api, withQuery } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { count } from '../../format.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import type { RequestsReport } from '../../../server/modules/difficulties/requests-report.ts';
import { useYear } from '../updates/UpdatesHeader.tsx';
import { YearInput } from '../../components/YearInput.tsx';

const SUMMARY = ['received', 'answeredDirectly', 'forwarded', 'answered', 'resolved', 'unresolved', 'carriedOver', 'overdue'] as const;
const days = (v: number | null) => (v === null ? '—' : count(v));

/**
 * The alliance's report on difficulties and recommendations for a year (GET /api/reports/requests): the summary,
 * by category, by agency (median and 90th percentile of working days to answer) and by commune, with the same
 * report as .xlsx and .pdf.
 */
export default function RequestsReportPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [year, setYear] = useYear();
  const report = useQuery({ queryKey: ['reports', 'requests', year], queryFn: () => api.get<RequestsReport>('/api/reports/requests', { year }) });
  const r = report.data;
  const numberColumn = <T,>(key: MessageKey, get: (row: T) => number) => ({ title: t(key), align: 'right' as const, render: (_: unknown, row: T) => count(get(row)) });

  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <PageTitle style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{t('requestsReport.title', { year })}</PageTitle>
        <Flex wrap align="center" gap={8}>
          <label htmlFor="requests-report-year">{t('requestsReport.year')}</label>
          <YearInput id="requests-report-year" year={year} onChange={setYear} testId="requests-report-year" />
          <Button href={withQuery('/api/reports/requests.xlsx', { year })} download data-testid="requests-report-xlsx">
            {t('requestsReport.xlsx')}
          </Button>
          <Button href={withQuery('/api/reports/requests.pdf', { year })} target="_blank" rel="noopener" data-testid="requests-report-pdf">
            {t('requestsReport.pdf')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('requestsReport.hint')}</Typography.Paragraph>
      {report.isLoading && <PageLoading />}
      {report.error && <PageError error={report.error} onRetry={() => void report.refetch()} />}
      {r && (
        <Flex vertical gap={24}>
          <Flex wrap gap={16} data-testid="requests-report-summary">
            {SUMMARY.map((key) => (
              <Card key={key} size="small" style={{ minWidth: narrow ? 'calc(50% - 8px)' : 150, flex: narrow ? '1 1 calc(50% - 8px)' : undefined }}>
                <Statistic title={t(`requestsReport.${key}`)} value={count(r[key])} />
              </Card>
            ))}
          </Flex>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>{t('requestsReport.byCategory')}</Typography.Title>
            <Table
              rowKey="category"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={r.byCategory}
              data-testid="requests-report-by-category"
              columns={[
                { title: t('requestsReport.category'), render: (_: unknown, c) => t(`requestsReport.category.${c.category}` as MessageKey) },
                numberColumn('requestsReport.received', (c: RequestsReport['byCategory'][number]) => c.received),
                numberColumn('requestsReport.forwarded', (c: RequestsReport['byCategory'][number]) => c.forwarded),
                numberColumn('requestsReport.answered', (c: RequestsReport['byCategory'][number]) => c.answered),
                numberColumn('requestsReport.resolved', (c: RequestsReport['byCategory'][number]) => c.resolved),
                numberColumn('requestsReport.overdue', (c: RequestsReport['byCategory'][number]) => c.overdue),
              ]}
            />
          </div>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>{t('requestsReport.byAgency')}</Typography.Title>
            <Table
              rowKey="agency"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={r.byAgency}
              locale={{ emptyText: t('requestsReport.noAgency') }}
              data-testid="requests-report-by-agency"
              columns={[
                { title: t('requestsReport.agency'), dataIndex: 'agency' },
                numberColumn('requestsReport.forwarded', (a: RequestsReport['byAgency'][number]) => a.forwarded),
                numberColumn('requestsReport.answered', (a: RequestsReport['byAgency'][number]) => a.answered),
                { title: t('requestsReport.median'), align: 'right', render: (_: unknown, a) => days(a.medianWorkingDays) },
                { title: t('requestsReport.p90'), align: 'right', render: (_: unknown, a) => days(a.p90WorkingDays) },
                numberColumn('requestsReport.overdue', (a: RequestsReport['byAgency'][number]) => a.overdue),
              ]}
            />
          </div>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>{t('requestsReport.byCommune')}</Typography.Title>
            <Table
              rowKey={(c) => c.communeCode ?? ''}
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={r.byCommune}
              locale={{ emptyText: t('requestsReport.empty') }}
              data-testid="requests-report-by-commune"
              columns={[
                { title: t('requestsReport.commune'), dataIndex: 'commune' },
                numberColumn('requestsReport.received', (c: RequestsReport['byCommune'][number]) => c.received),
                numberColumn('requestsReport.resolved', (c: RequestsReport['byCommune'][number]) => c.resolved),
                numberColumn('requestsReport.overdue', (c: RequestsReport['byCommune'][number]) => c.overdue),
              ]}
            />
          </div>
        </Flex>
      )}
    </Card>
  );
}
