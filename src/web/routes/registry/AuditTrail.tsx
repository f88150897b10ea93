import { Card, Empty, Flex, Table, Typography } from 'antd';
import type { AuditEvent } from '../../api/types.ts';
import { dateTime } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';
import { auditTitle, changedFields, formatAuditValue, type FieldChange } from './auditDiff.ts';

type Props = { events: AuditEvent[]; communeName(code: string | null): string | null; narrow: boolean };

/** Who changed what and when, newest first, with the before/after values of each changed field. */
export function AuditTrail({ events, communeName, narrow }: Props) {
  const t = useT();
  const labels = useLabels();
  if (events.length === 0) return <Empty description={t('audit.empty')} />;
  const valueLabels = { ...labels, communeName };
  const show = (change: FieldChange, side: 'before' | 'after') => formatAuditValue(change.field, change[side], valueLabels);

  return (
    <Flex vertical gap={12} data-testid="audit-trail">
      {events.map((event, index) => {
        const title = auditTitle(event);
        const changes = changedFields(event.before, event.after);
        return (
          <Card
            key={event.id ?? `${event.at}-${index}`}
            size="small"
            data-testid="audit-event"
            title={
              <Flex wrap gap={8} align="baseline" style={{ whiteSpace: 'normal' }}>
                <span>{title ? t(title.key, title.params) : event.action}</span>
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{dateTime(event.at)} · {event.actorLabel}</Typography.Text>
              </Flex>
            }
          >
            {event.before === null ? null : changes.length === 0 ? (
              <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
            ) : narrow ? (
              <Flex vertical gap={8}>
                {changes.map((c) => (
                  <div key={c.field} data-testid={`audit-change-${c.field}`}>
                    <Typography.Text strong style={{ display: 'block' }}>{labels.field(c.field)}</Typography.Text>
                    <Typography.Text delete type="secondary">{show(c, 'before')}</Typography.Text>
                    {' → '}
                    <Typography.Text>{show(c, 'after')}</Typography.Text>
                  </div>
                ))}
              </Flex>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={changes}
                onRow={(c) => ({ 'data-testid': `audit-change-${c.field}` }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('audit.field'), dataIndex: 'field', width: '34%', render: (field: string) => labels.field(field) },
                  { title: t('audit.before'), key: 'before', render: (_: unknown, c) => <Typography.Text delete type="secondary">{show(c, 'before')}</Typography.Text> },
                  { title: t('audit.after'), key: 'after', render: (_: unknown, c) => show(c, 'after') },
                ]}
              />
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
