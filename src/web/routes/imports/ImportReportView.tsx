import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ImportReport } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';

type Props = { report: ImportReport; dryRun: boolean };

/** What an import did (or, on a dry run, would do): counts, then the rows that need a person's eye. */
export function ImportReportView({ report, dryRun }: Props) {
  const t = useT();
  const stats = [
    { key: 'imported', title: t(dryRun ? 'import.willImport' : 'import.imported'), value: report.imported, color: '#0b7a3e' },
    { key: 'updated', title: t(dryRun ? 'import.willUpdate' : 'import.updated'), value: report.updated },
    { key: 'unchanged', title: t('import.unchanged'), value: report.unchanged },
    { key: 'duplicates', title: t('import.duplicates'), value: report.duplicates.length, color: report.duplicates.length ? '#d48806' : undefined },
    { key: 'rejected', title: t('import.rejected'), value: report.rejected.length, color: report.rejected.length ? '#cf1322' : undefined },
    { key: 'warnings', title: t('import.warnings'), value: report.warnings.length },
  ];
  const row = { title: t('import.row'), dataIndex: 'row', width: 70 };
  return (
    <div data-testid={dryRun ? 'import-preview' : 'import-result'}>
      {report.fileName && (
        <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {t('import.file', { file: report.fileName, sheet: report.sheetName ?? '—', rows: report.rowsInFile ?? '—' })}
        </Typography.Paragraph>
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} groupSeparator="." styles={{ content: { color: s.color } }} data-testid={`import-count-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      {report.duplicates.length > 0 && (
        <Section title={`${t('import.duplicates')} (${report.duplicates.length})`}>
          <Table size="small" rowKey="row" dataSource={report.duplicates} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              row,
              { title: t('import.firstRow'), dataIndex: 'firstRow', width: 90 },
              { title: t('import.registrationNumber'), dataIndex: 'registrationNumber', render: (n: string | null, d) => <>{n}{d.name && <Typography.Text type="secondary" style={{ display: 'block' }}>{d.name}</Typography.Text>}</> },
            ]} />
        </Section>
      )}
      {report.rejected.length > 0 && (
        <Section title={`${t('import.rejected')} (${report.rejected.length})`}>
          <Table size="small" rowKey="row" dataSource={report.rejected} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[row, { title: t('import.reason'), dataIndex: 'reason' }]} />
        </Section>
      )}
      {report.warnings.length > 0 && (
        <Section title={`${t('import.warnings')} (${report.warnings.length})`}>
          <Table size="small" rowKey={(w) => `${w.row}-${w.message}`} dataSource={report.warnings} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[row, { title: t('import.message'), dataIndex: 'message' }]} />
        </Section>
      )}
      {report.importId && (
        <a href={`/api/imports/${encodeURIComponent(report.importId)}/report.xlsx`} download data-testid="import-report-download">
          <Button icon={<DownloadOutlined />}>{t('import.download')}</Button>
        </a>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </div>
  );
}
