import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadFile } from '../../api/upload.ts';
import { useT } from '../../i18n/index.tsx';
import type { FileRef } from './difficultiesApi.ts';
import { EmptyText } from './labels.tsx';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Files to download (Content-Disposition attachment), each with its size. */
export function FileList({ files, urlOf, empty }: { files: FileRef[]; urlOf(fileId: string): string; empty?: string }) {
  const t = useT();
  if (files.length === 0) return <EmptyText>{empty ?? t('dif.detail.noFiles')}</EmptyText>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid="file-list">
      {files.map((f) => (
        <li key={f.id} style={{ overflowWrap: 'anywhere', marginBottom: 4 }}>
          <a href={urlOf(f.id)} download={f.fileName}>
            <DownloadOutlined /> {f.fileName}
          </a>{' '}
          <Typography.Text type="secondary">({size(f.sizeBytes)})</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** One file at a time sent to `url` (checked by content and size on the server); the area's views refresh after. */
export function AttachFile({ url, label, testId }: { url: string; label?: string; testId?: string }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Flex vertical gap={4}>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        customRequest={({ file }) => {
          const chosen = file as File;
          setError(null);
          uploadFile<FileRef>(url, chosen, (p) => setPercent(p.phase === 'uploading' ? p.percent : 100)).then(
            () => {
              setPercent(null);
              void message.success(t('dif.detail.attached', { name: chosen.name }));
              void client.invalidateQueries({ queryKey: ['difficulties'] });
            },
            (failure: unknown) => {
              setPercent(null);
              setError(failure instanceof Error ? failure.message : String(failure));
            },
          );
        }}
      >
        <Button icon={<PaperClipOutlined />} loading={percent !== null} data-testid={testId ?? 'attach-file'}>
          {percent !== null ? t('dif.detail.uploading', { percent }) : (label ?? t('dif.detail.attach'))}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dif.detail.attachHint')}</Typography.Text>
      {error && <Alert type="error" showIcon title={error} data-testid="attach-error" />}
    </Flex>
  );
}
