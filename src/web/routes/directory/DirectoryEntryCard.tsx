import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { DirectoryEntry } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useLabels } from '../../i18n/index.tsx';

/** One organisation of the public directory: what anyone may know (no people, no phone numbers). */
export function DirectoryEntryCard({ entry }: { entry: DirectoryEntry }) {
  const labels = useLabels();
  return (
    <Card size="small" data-testid="directory-entry" style={{ height: '100%' }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>{entry.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {labels.kind(entry.kind)} · {labels.sector(entry.sectorCode)}
      </Typography.Text>
      <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
        <StatusTag status={entry.status} />
        {entry.currentCommuneName && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {entry.currentCommuneName}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
