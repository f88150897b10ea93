import { Empty, Timeline, Typography } from 'antd';
import type { StatusPeriod } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';

/** The dated legal statuses of an organisation, latest first. */
export function StatusHistory({ statuses }: { statuses: StatusPeriod[] }) {
  const t = useT();
  if (statuses.length === 0) return <Empty description={t('history.empty')} />;
  const latestFirst = [...statuses].reverse();
  return (
    <Timeline
      data-testid="status-history"
      items={latestFirst.map((s, index) => ({
        key: `${s.validFrom}-${index}`,
        color: index === 0 ? 'green' : 'gray',
        content: (
          <>
            <Typography.Text strong>{t('history.validFrom')} {date(s.validFrom)}</Typography.Text>{' '}
            <StatusTag status={s.status} />
            {s.note && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{s.note}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
