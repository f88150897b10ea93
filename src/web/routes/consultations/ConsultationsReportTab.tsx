import { Select, Table, Typography } from 'antd';
import { PageError } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { count, date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useConsultationsReport, type ConsultationsReport } from './consultationsApi.ts';
import { useConsultationLabels } from './labels.ts';

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

/** The year's report: by topic, by commune, and the cooperatives still waiting (in working days). */
export function ConsultationsReportTab({ year: chosen, setYear }: { year?: string; setYear(year: string): void }) {
  const t = useT();
  const narrow = useIsNarrow();
  const labels = useConsultationLabels();
  const now = thisYear();
  const year = Number(chosen) >= 2000 && Number(chosen) <= now ? Number(chosen) : now;
  const report = useConsultationsReport(year);
  const size = narrow ? 'small' : 'middle';
  const title = (text: string) => <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>{text}</Typography.Title>;
  return (
    <div data-testid="consultations-report">
      <Select
        value={year}
        onChange={(y: number) => setYear(String(y))}
        aria-label={t('consultations.report.year')}
        options={Array.from({ length: 6 }, (_, i) => now - i).map((y) => ({ value: y, label: `${t('consultations.report.year')} ${y}` }))}
        style={{ width: 140 }}
      />
      {report.error ? (
        <PageError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          {title(t('consultations.report.byTopic'))}
          <Table<ConsultationsReport['byTopic'][number]>
            rowKey="topic"
            size={size}
            loading={report.isLoading}
            dataSource={report.data?.byTopic ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': `report-topic-${r.topic}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('consultations.topic'), dataIndex: 'topic', render: (k: string) => <div style={{ minWidth: 140, whiteSpace: 'normal' }}>{labels.topic(k)}</div> },
              { title: t('consultations.report.requested'), dataIndex: 'requested', align: 'right', render: (n: number) => count(n) },
              { title: t('consultations.report.done'), dataIndex: 'done', align: 'right', render: (n: number) => count(n) },
              { title: t('consultations.report.averageRating'), dataIndex: 'averageRating', align: 'right', render: (r: number | null) => (r === null ? t('common.none') : r.toLocaleString('vi-VN')) },
            ]}
          />
          {title(t('consultations.report.byCommune'))}
          <Table<ConsultationsReport['byCommune'][number]>
            rowKey={(r) => r.communeCode ?? 'none'}
            size={size}
            loading={report.isLoading}
            dataSource={report.data?.byCommune ?? []}
            pagination={false}
            locale={{ emptyText: t('consultations.report.none') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('consultations.report.commune'), dataIndex: 'commune' },
              { title: t('consultations.report.requested'), dataIndex: 'requested', align: 'right', render: (n: number) => count(n) },
              { title: t('consultations.report.done'), dataIndex: 'done', align: 'right', render: (n: number) => count(n) },
            ]}
          />
          {title(t('consultations.report.waiting'))}
          <Table<ConsultationsReport['waiting'][number]>
            rowKey="id"
            size={size}
            loading={report.isLoading}
            dataSource={report.data?.waiting ?? []}
            pagination={false}
            locale={{ emptyText: t('consultations.report.noneWaiting') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('consultations.organisation'), dataIndex: 'organisation', render: (name: string) => <div style={{ minWidth: 140, maxWidth: 260, whiteSpace: 'normal' }}>{name}</div> },
              { title: t('consultations.topic'), dataIndex: 'topic', render: (k: string) => labels.topic(k) },
              { title: t('consultations.requestedOn'), dataIndex: 'requestedOn', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{date(d)}</span> },
              { title: t('consultations.report.workingDaysWaiting'), dataIndex: 'workingDaysWaiting', align: 'right', render: (n: number) => count(n) },
            ]}
          />
        </>
      )}
    </div>
  );
}
