import { Tag } from 'antd';
import { statusColor } from '../i18n/domain-labels.ts';
import { useLabels } from '../i18n/index.tsx';

/** An organisation's legal status as a coloured tag. */
export function StatusTag({ status }: { status: string }) {
  const labels = useLabels();
  return (
    <Tag color={statusColor(status)} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}
