import { Tag } from 'antd';
import { statusColor } from '../i18n/domain-labels.ts';
import { useLabels } from '../i18n/index.tsx';

/** An organisation's legal status as a coloured tag. */
export function StatusTag({ status, nowrap = false }: { status: string; nowrap?: boolean }) {
  const labels = useLabels();
  return (
    <Tag color={statusColor(status)} style={{ whiteSpace: nowrap ? 'nowrap' : 'normal', marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}
