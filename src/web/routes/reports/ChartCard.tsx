import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useReportTexts } from './texts.ts';

type Props = { title: string; dataUrl: string; note?: string; children: ReactNode };

/** A chart in a card, with its data downloadable as .xlsx (the PNG from the button under the chart). */
export function ChartCard({ title, dataUrl, note, children }: Props) {
  const t = useReportTexts();
  return (
    <Card
      title={title}
      size="small"
      extra={
        <Button type="link" size="small" icon={<DownloadOutlined />} href={dataUrl} download>
          {t('downloadData')}
        </Button>
      }
    >
      {children}
      {note ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>{note}</Typography.Paragraph> : null}
    </Card>
  );
}
