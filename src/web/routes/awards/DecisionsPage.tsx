import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useDecisions, type Decision } from './awardsApi.ts';
import { NewDecisionDialog } from './NewDecisionDialog.tsx';

/** The decisions recorded, newest first; a new one from the approved proposals. */
export default function DecisionsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [params, setParams] = useSearchParams();
  const fromProposal = params.get('proposal');
  const [creating, setCreating] = useState(Boolean(fromProposal));
  const list = useDecisions();
  const close = () => {
    setCreating(false);
    if (fromProposal) setParams({}, { replace: true });
  };
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('awards.decisions.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-decision">{t('awards.decision.new')}</Button>
      </Flex>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('awards.decisions.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('awards.decision.number'), key: 'number', render: (_: unknown, d: Decision) => <Link to={`/awards/decisions/${d.id}`}>{d.number}</Link> },
            { title: t('awards.decision.date'), dataIndex: 'decidedOn', render: (v: string) => date(v) },
            ...(narrow ? [] : [{ title: t('awards.col.kind'), dataIndex: 'awardKindName' }, { title: t('awards.decision.issuer'), dataIndex: 'issuer' }]),
            { title: t('awards.decision.recipients'), key: 'count', render: (_: unknown, d: Decision) => t('awards.decision.counts', { collectives: d.collectives, individuals: d.individuals }) },
          ]}
        />
      )}
      {creating && <NewDecisionDialog proposalId={fromProposal} onClose={close} />}
    </Card>
  );
}
