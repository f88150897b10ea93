import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { useProposals, type Proposal } from './awardsApi.ts';
import { NewProposalDialog } from './NewProposalDialog.tsx';

const STATES = ['draft', 'submitted', 'reviewed', 'decided', 'withdrawn'] as const;
const STATE_COLORS: Record<string, string> = { draft: 'default', submitted: 'blue', reviewed: 'gold', decided: 'green', withdrawn: 'default' };

/** The proposals by state; a new one opens in a dialog. */
export default function ProposalsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [state, setState] = useState<string>('all');
  const [creating, setCreating] = useState(false);
  const list = useProposals(state === 'all' ? undefined : state);
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('awards.proposals.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-proposal">{t('awards.proposal.new')}</Button>
      </Flex>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented value={state} onChange={(v) => setState(String(v))} options={[{ value: 'all', label: t('awards.proposals.all') }, ...STATES.map((s) => ({ value: s, label: t(`awards.state.${s}` as MessageKey) }))]} />
      </div>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('awards.proposals.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('awards.col.year'), dataIndex: 'year', width: 70 },
            { title: t('awards.col.recipient'), key: 'recipient', render: (_: unknown, p: Proposal) => <Link to={`/awards/proposals/${p.id}`} style={{ overflowWrap: 'anywhere' }}>{p.recipientName}</Link> },
            ...(narrow ? [] : [{ title: t('awards.col.kind'), dataIndex: 'awardKindName' }]),
            { title: t('awards.col.state'), key: 'state', render: (_: unknown, p: Proposal) => <Tag color={STATE_COLORS[p.state]}>{p.stateLabel}</Tag> },
            ...(narrow ? [] : [{ title: t('awards.col.warnings'), key: 'warnings', render: (_: unknown, p: Proposal) => (p.warnings.length ? <Tag color="orange">{t('awards.warnings.count', { count: p.warnings.length })}</Tag> : '—') }]),
          ]}
        />
      )}
      {creating && <NewProposalDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
