import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { NotAllowedPage, PageError } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useSearchState } from '../../components/useSearchState.ts';
import { count, dateTime } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { CommunePicker } from './CommunePicker.tsx';
import { EmptyText, StateTag, TimelinessTag, useStateLabel } from './stateLabels.tsx';
import { UpdatesHeader, useYear } from './UpdatesHeader.tsx';
import { UPDATE_KINDS, UPDATE_STATES, useAcceptMany, useQueue, type AcceptManyResult, type QueueItem } from './updatesApi.ts';

const FILTER_KEYS = ['state', 'commune', 'kind'] as const;

/** May this row be accepted in a batch: submitted, and nothing questioned. */
const batchable = (item: QueueItem) => item.state === 'submitted' && item.questionedFields === 0 && item.can.accept;

/**
 * The verification queue of a year: counts per state, filters by state, commune and kind, and the updates to
 * open one by one or, when nothing in them is questioned, to accept together after a confirmation.
 */
export default function UpdatesQueuePage() {
  const t = useT();
  const labels = useLabels();
  const stateLabel = useStateLabel();
  const narrow = useIsNarrow();
  const { user } = useSession();
  const { modal } = App.useApp();
  const [year, setYear] = useYear();
  const { state, page, pageSize, update } = useSearchState(FILTER_KEYS);
  const queue = useQueue({ year, state: state.state, commune: state.commune, kind: state.kind, page, pageSize });
  // Per state under the same commune and kind, counted by the server with the page.
  const counts: Partial<Record<string, number>> = queue.data?.counts ?? {};
  const acceptMany = useAcceptMany();
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<AcceptManyResult | null>(null);
  if (!user?.can.seeUpdates) return <NotAllowedPage />;
  const canVerify = Boolean(user.can.verifyUpdates);

  const acceptSelected = () =>
    void modal.confirm({
      title: t('updates.acceptSelectedConfirm', { count: selected.length }),
      content: t('updates.acceptSelectedHint'),
      okText: t('updates.detail.accept'),
      cancelText: t('common.cancel'),
      // A refusal is shown above the table; the dialog closes either way.
      onOk: () =>
        acceptMany.mutateAsync(selected).then(
          (answer) => {
            setResult(answer);
            setSelected([]);
          },
          () => setResult(null),
        ),
    });

  const full = { width: '100%' };
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <UpdatesHeader title={t('updates.queue.title', { year })} year={year} setYear={setYear} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="queue-counts">
        <Button size="small" type={state.state ? 'default' : 'primary'} aria-pressed={!state.state} onClick={() => update({ state: undefined })}>
          {t('common.all')}
        </Button>
        {UPDATE_STATES.map((s) => (
          <Button
            key={s}
            size="small"
            type={state.state === s ? 'primary' : 'default'}
            aria-pressed={state.state === s}
            onClick={() => update({ state: state.state === s ? undefined : s })}
            data-testid={`queue-count-${s}`}
          >
            {stateLabel(s)}{counts[s] === undefined ? '' : ` (${count(counts[s])})`}
          </Button>
        ))}
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={8} lg={6}>
          <Select
            allowClear
            value={state.state}
            onChange={(s: string | undefined) => update({ state: s })}
            placeholder={t('updates.state')}
            aria-label={t('updates.state')}
            options={UPDATE_STATES.map((s) => ({ value: s, label: stateLabel(s) }))}
            style={full}
            popupMatchSelectWidth={false}
            data-testid="filter-state"
          />
        </Col>
        <Col xs={12} md={8} lg={6}>
          <CommunePicker value={state.commune} onChange={(commune) => update({ commune })} placeholder={t('filter.commune')} style={full} />
        </Col>
        <Col xs={12} md={8} lg={6}>
          <Select
            allowClear
            value={state.kind}
            onChange={(kind: string | undefined) => update({ kind })}
            placeholder={t('filter.kind')}
            aria-label={t('filter.kind')}
            options={UPDATE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
            style={full}
            popupMatchSelectWidth={false}
            data-testid="filter-kind"
          />
        </Col>
      </Row>
      {result && (
        <Alert
          type={result.skipped?.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setResult(null)}
          style={{ marginBottom: 12 }}
          data-testid="accept-many-result"
          title={t('updates.acceptedCount', { count: result.accepted.length })}
          description={
            result.skipped?.length ? (
              <>
                {t('updates.skippedCount', { count: result.skipped.length })}
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {result.skipped.map((s) => <li key={s.id}>{s.reason}</li>)}
                </ul>
              </>
            ) : undefined
          }
        />
      )}
      {acceptMany.error && <Alert type="error" showIcon title={acceptMany.error.message} style={{ marginBottom: 12 }} />}
      {canVerify && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={acceptMany.isPending} onClick={acceptSelected} data-testid="accept-selected">
            {t('updates.acceptSelected')}{selected.length ? ` (${selected.length})` : ''}
          </Button>
          <Typography.Text type="secondary">{t('updates.selectHint')}</Typography.Text>
        </Flex>
      )}
      {queue.error ? (
        <PageError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="queue-total">{t('updates.queue.total', { total: count(queue.data?.total ?? 0) })}</Typography.Paragraph>
          <Table<QueueItem>
            rowKey="id"
            size={narrow ? 'small' : 'middle'}
            loading={queue.isLoading}
            dataSource={queue.data?.items ?? []}
            locale={{ emptyText: <EmptyText>{t('updates.queue.empty')}</EmptyText> }}
            scroll={{ x: 'max-content' }}
            onRow={(item) => ({ 'data-testid': `queue-row-${item.id}` }) as React.HTMLAttributes<HTMLElement>}
            rowSelection={
              canVerify
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (item) => ({ disabled: !batchable(item), 'aria-label': item.organisation.name }),
                  }
                : undefined
            }
            pagination={{
              current: page,
              pageSize,
              total: queue.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              simple: narrow,
              onChange: (next) => update({ page: next }),
            }}
            columns={[
              {
                title: t('updates.organisation'),
                key: 'organisation',
                render: (_, item) => (
                  <div style={{ minWidth: narrow ? 150 : 220, maxWidth: narrow ? 200 : 420, whiteSpace: 'normal' }}>
                    <Link to={`/updates/${item.id}`} data-testid="queue-open">{item.organisation.name}</Link>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {[labels.kind(item.organisation.kind), item.organisation.registrationNumber, narrow ? item.organisation.currentCommuneName : null].filter(Boolean).join(' · ')}
                    </Typography.Text>
                    {item.questionedFields > 0 && <Tag color="orange" style={{ marginTop: 4 }}>{t('updates.questioned')}</Tag>}
                  </div>
                ),
              },
              ...(narrow ? [] : [{ title: t('updates.commune'), key: 'commune', render: (_: unknown, item: QueueItem) => item.organisation.currentCommuneName ?? t('common.none') }]),
              { title: t('updates.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
              { title: t('updates.submittedAt'), dataIndex: 'submittedAt', render: (at: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(at)}</span> },
              { title: t('updates.timeliness'), dataIndex: 'onTime', render: (onTime: boolean | null) => <TimelinessTag onTime={onTime} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
