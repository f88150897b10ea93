import { CheckOutlined, DownloadOutlined, InboxOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Progress, Row, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadFile, type UploadProgress } from '../../api/upload.ts';
import { useT } from '../../i18n/index.tsx';
import { importUrl, templateUrl, type UpdateImportReport } from './updatesApi.ts';

type Step =
  | { name: 'choose' }
  | { name: 'sending'; dryRun: boolean; progress: UploadProgress }
  | { name: 'preview'; report: UpdateImportReport }
  | { name: 'done'; report: UpdateImportReport };

/**
 * Paper updates through Excel: the year's template (one row per organisation due), then the filled file checked
 * first (nothing written), then imported; the rows refused are listed with their reasons.
 */
export function UpdatesExcel({ year }: { year: number }) {
  const t = useT();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setStep({ name: 'sending', dryRun, progress: { phase: 'uploading', percent: 0 } });
    try {
      const report = await uploadFile<UpdateImportReport>(importUrl(dryRun), file, (progress) => setStep({ name: 'sending', dryRun, progress }));
      setStep(dryRun ? { name: 'preview', report } : { name: 'done', report });
      if (!dryRun) await client.invalidateQueries({ queryKey: ['annual-updates'] });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStep({ name: 'choose' });
    }
  };
  const restart = () => {
    setFile(null);
    setError(null);
    setStep({ name: 'choose' });
  };

  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{t('updates.excel.title')}</span>} data-testid="updates-excel">
      <Typography.Paragraph type="secondary">{t('updates.excel.intro')}</Typography.Paragraph>
      <a href={templateUrl(year)} download data-testid="template-download">
        <Button icon={<DownloadOutlined />} style={{ marginBottom: 12, maxWidth: '100%' }}>{t('updates.excel.template', { year })}</Button>
      </a>
      {error && <Alert type="error" showIcon title={t('updates.excel.failed')} description={error} style={{ marginBottom: 12 }} data-testid="updates-import-error" />}
      {step.name === 'choose' && (
        <Flex vertical gap={12}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              if (!/\.xlsx$/i.test(chosen.name)) setError(t('updates.excel.onlyXlsx'));
              else {
                setError(null);
                setFile(chosen);
              }
              return false;
            }}
            onRemove={() => setFile(null)}
            data-testid="updates-import-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('updates.excel.choose')}</p>
          </Upload.Dragger>
          <Button type="primary" icon={<SearchOutlined />} disabled={!file} onClick={() => void send(true)} data-testid="updates-import-dry-run">
            {t('updates.excel.dryRun')}
          </Button>
        </Flex>
      )}
      {step.name === 'sending' && (
        <Progress percent={step.progress.phase === 'uploading' ? step.progress.percent : 100} status="active" strokeColor="#0b7a3e" data-testid="updates-import-progress" />
      )}
      {step.name === 'preview' && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>{t('updates.excel.preview')}</Typography.Title>
          <RowReport report={step.report} dryRun />
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Button onClick={restart}>{t('common.cancel')}</Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => void send(false)} data-testid="updates-import-confirm">{t('updates.excel.confirm')}</Button>
          </Flex>
        </>
      )}
      {step.name === 'done' && (
        <>
          <Alert type="success" showIcon title={t('updates.excel.done')} style={{ marginBottom: 12 }} data-testid="updates-import-done" />
          <RowReport report={step.report} dryRun={false} />
          <Button style={{ marginTop: 12 }} onClick={restart}>{t('import.again')}</Button>
        </>
      )}
    </Card>
  );
}

/** The counts of an import and the rows it refused, each with its reason. */
function RowReport({ report, dryRun }: { report: UpdateImportReport; dryRun: boolean }) {
  const t = useT();
  const stats = [
    { key: 'submitted', title: t(dryRun ? 'updates.excel.willImport' : 'updates.excel.imported'), value: report.submitted, color: '#0b7a3e' },
    { key: 'unchanged', title: t('updates.excel.unchanged'), value: report.unchanged },
    { key: 'blank', title: t('updates.excel.blank'), value: report.blank },
    { key: 'rejected', title: t('updates.excel.rejected'), value: report.rejected.length, color: report.rejected.length ? '#cf1322' : undefined },
  ];
  return (
    <div data-testid={dryRun ? 'updates-import-preview' : 'updates-import-result'}>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} sm={6}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} groupSeparator="." styles={{ content: { color: s.color } }} data-testid={`updates-import-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('updates.excel.file', { file: report.fileName, year: report.year, rows: report.rowsInFile })}
      </Typography.Paragraph>
      {report.rejected.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.sheet}-${r.row}`}
          dataSource={report.rejected}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'updates-import-rejected-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 70 },
            {
              title: t('updates.organisation'),
              key: 'organisation',
              render: (_, r) => <div style={{ minWidth: 120, maxWidth: 240, whiteSpace: 'normal' }}>{[r.registrationNumber, r.name].filter(Boolean).join(' · ') || t('common.none')}</div>,
            },
            {
              title: t('import.reason'),
              dataIndex: 'reasons',
              render: (reasons: string[]) => (
                <ul style={{ margin: 0, paddingInlineStart: 16, minWidth: 200, maxWidth: 480, whiteSpace: 'normal' }}>
                  {reasons.map((reason, i) => <li key={i}>{reason}</li>)}
                </ul>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
