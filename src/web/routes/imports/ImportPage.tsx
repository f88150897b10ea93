import { NotAllowedPage } from '../../components/PageStatus.tsx';
import { CheckOutlined, InboxOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../api/types.ts';
import { uploadFile, type UploadProgress } from '../../api/upload.ts';
import { useT } from '../../i18n/index.tsx';
import { canManageRegistry, useSession } from '../../session/session.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { CardHeading } from '../../components/PageTitle.tsx';

type Step =
  | { name: 'choose' }
  | { name: 'sending'; dryRun: boolean; progress: UploadProgress }
  | { name: 'preview'; report: ImportReport }
  | { name: 'done'; report: ImportReport };

const isWorkbook = (file: File) => /\.(xlsx|csv)$/i.test(file.name);

/**
 * Imports a registry workbook: upload → dry run showing what would happen → confirm → progress (upload,
 * then processing) → the report, downloadable as .xlsx. Nothing is written before the confirmation.
 */
export default function ImportPage() {
  const t = useT();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  if (!canManageRegistry(user)) return <NotAllowedPage />;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setStep({ name: 'sending', dryRun, progress: { phase: 'uploading', percent: 0 } });
    try {
      const report = await uploadFile<ImportReport>(`/api/imports/cooperatives?dryRun=${dryRun}`, file, (progress) =>
        setStep({ name: 'sending', dryRun, progress }),
      );
      setStep(dryRun ? { name: 'preview', report } : { name: 'done', report });
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['organisations'] });
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
    <Card title={<CardHeading>{t('import.title')}</CardHeading>} styles={{ title: { whiteSpace: 'normal' } }}>
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={t('import.failed')} description={error} style={{ marginBottom: 16 }} data-testid="import-error" />}

      {step.name === 'choose' && (
        <Flex vertical gap={16}>
          <Upload.Dragger
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            multiple={false}
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              if (!isWorkbook(chosen)) setError(t('import.onlyXlsx'));
              else {
                setError(null);
                setFile(chosen);
              }
              return false; // keep the file here; it is sent when the user asks
            }}
            onRemove={() => setFile(null)}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('import.choose')}</p>
          </Upload.Dragger>
          <Button type="primary" icon={<SearchOutlined />} disabled={!file} onClick={() => void send(true)} data-testid="import-dry-run">
            {t('import.dryRun')}
          </Button>
        </Flex>
      )}

      {step.name === 'sending' && (
        <div data-testid="import-progress" style={{ padding: '16px 0' }}>
          <Typography.Text>{step.progress.phase === 'uploading' ? t('import.uploading') : t('import.processing')}</Typography.Text>
          <Progress percent={step.progress.phase === 'uploading' ? step.progress.percent : 100} status="active" strokeColor="#0b7a3e" showInfo={step.progress.phase === 'uploading'} />
        </div>
      )}

      {step.name === 'preview' && (
        <>
          <Typography.Title level={4}>{t('import.previewTitle')}</Typography.Title>
          <ImportReportView report={step.report} dryRun />
          <Flex gap={8} wrap style={{ marginTop: 16 }}>
            <Button onClick={restart}>{t('common.cancel')}</Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => void send(false)} data-testid="import-confirm">{t('import.confirm')}</Button>
          </Flex>
        </>
      )}

      {step.name === 'done' && (
        <>
          <Alert type="success" showIcon title={t('import.doneTitle')} style={{ marginBottom: 16 }} data-testid="import-done" />
          <ImportReportView report={step.report} dryRun={false} />
          <Button style={{ marginTop: 16 }} onClick={restart}>{t('import.again')}</Button>
        </>
      )}
    </Card>
  );
}
