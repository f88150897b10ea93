import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useSearchState } from '../../components/useSearchState.ts';
import { count, date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { CONSULTATION_STATES, CONSULTATION_TOPICS, useConsultations, type ConsultationListItem } from './consultationsApi.ts';
import { ConsultationsReportTab } from './ConsultationsReportTab.tsx';
import { RecordRequestDialog } from './RecordRequestDialog.tsx';
import { STATE_COLORS, useConsultationLabels } from './labels.ts';

const FILTER_KEYS = ['tab', 'state', 'topic', 'year'] as const;

/** The requests for expert advice (waiting first) with their counts per state, and the year's report. */
export default function ConsultationsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const { state, update } = useSearchState(FILTER_KEYS);
  const [recording, setRecording] = useState(false);
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <PageTitle style={{ marginBottom: 0 }}>{t('consultations.title')}</PageTitle>
        <Flex wrap gap={8}>
          <Link to="/experts">
            <Button icon={<TeamOutlined />}>{t('consultations.experts')}</Button>
          </Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-request">
            {t('consultations.record')}
          </Button>
        </Flex>
      </Flex>
      <Tabs
        activeKey={state.tab === 'report' ? 'report' : 'requests'}
        onChange={(tab) => update({ tab: tab === 'report' ? 'report' : undefined })}
        items={[
          { key: 'requests', label: t('consultations.tab.requests'), children: <Requests filter={state} update={update} /> },
          { key: 'report', label: t('consultations.tab.report'), children: <ConsultationsReportTab year={state.year} setYear={(year) => update({ year })} /> },
        ]}
      />
      {recording && <RecordRequestDialog onClose={() => setRecording(false)} />}
    </Card>
  );
}

function Requests({ filter, update }: { filter: Record<string, string | undefined>; update(changes: Record<string, string | undefined>): void }) {
  const t = useT();
  const narrow = useIsNarrow();
  const labels = useConsultationLabels();
  const list = useConsultations({ state: filter.state, topic: filter.topic });
  const counts: Partial<Record<string, number>> = list.data?.counts ?? {};
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="consultation-counts">
        <Button size="small" type={filter.state ? 'default' : 'primary'} aria-pressed={!filter.state} onClick={() => update({ state: undefined })}>
          {t('common.all')}
        </Button>
        {CONSULTATION_STATES.map((s) => (
          <Button key={s} size="small" type={filter.state === s ? 'primary' : 'default'} aria-pressed={filter.state === s} onClick={() => update({ state: filter.state === s ? undefined : s })} data-testid={`consultation-count-${s}`}>
            {labels.state(s)}{counts[s] === undefined ? '' : ` (${count(counts[s])})`}
          </Button>
        ))}
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10} lg={8}>
          <Select
            allowClear
            value={filter.topic}
            onChange={(topic: string | undefined) => update({ topic })}
            placeholder={t('consultations.topic')}
            aria-label={t('consultations.topic')}
            options={CONSULTATION_TOPICS.map((k) => ({ value: k, label: labels.topic(k) }))}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
          />
        </Col>
      </Row>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ConsultationListItem>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('consultations.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, simple: narrow }}
          onRow={(item) => ({ 'data-testid': `consultation-row-${item.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('consultations.organisation'),
              key: 'organisation',
              render: (_, item) => (
                <div style={{ minWidth: narrow ? 150 : 220, maxWidth: narrow ? 200 : 380, whiteSpace: 'normal' }}>
                  <Link to={`/consultations/${item.id}`} data-testid="consultation-open">{item.organisation.name}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {[labels.topic(item.topic), item.organisation.communeName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('consultations.state'), dataIndex: 'state', render: (s: string) => <Tag color={STATE_COLORS[s]}>{labels.state(s)}</Tag> },
            { title: t('consultations.requestedOn'), dataIndex: 'requestedOn', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{date(d)}</span> },
            { title: t('consultations.expert'), key: 'expert', render: (_, item) => item.expertName ?? t('common.none') },
            { title: t('consultations.scheduledOn'), dataIndex: 'scheduledOn', render: (d: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{d ? date(d) : t('common.none')}</span> },
          ]}
        />
      )}
    </>
  );
}
