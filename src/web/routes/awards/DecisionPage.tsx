import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useDecision, vnd, type DecisionRecipient } from './awardsApi.ts';
import { RevokeDialog } from './RevokeDialog.tsx';

/** One decision: its heading, the recipients with their cash, the .docx, revoking one award. */
export default function DecisionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const decision = useDecision(id);
  const [revoking, setRevoking] = useState<DecisionRecipient | null>(null);
  if (decision.isLoading) return <PageLoading />;
  if (decision.error || !decision.data) return <PageError error={decision.error} onRetry={() => void decision.refetch()} />;
  const d = decision.data;
  return (
    <div>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/awards/decisions')} style={{ paddingInline: 0 }}>{t('common.back')}</Button>
      <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <PageTitle style={{ overflowWrap: 'anywhere' }}>{t('awards.decision.heading', { number: d.number })}</PageTitle>
          <Button icon={<DownloadOutlined />} href={`/api/award-decisions/${d.id}/document.docx`} data-testid="decision-docx">{t('awards.decision.download')}</Button>
        </Flex>
        <Descriptions column={narrow ? 1 : 2} size="small" bordered>
          <Descriptions.Item label={t('awards.col.kind')}>{d.awardKindName}</Descriptions.Item>
          <Descriptions.Item label={t('awards.decision.date')}>{date(d.decidedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('awards.decision.issuer')}>{d.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('awards.decision.signer')}>{`${d.signerPosition} ${d.signerName}`}</Descriptions.Item>
          <Descriptions.Item label={t('awards.decision.year')}>{d.year}</Descriptions.Item>
          <Descriptions.Item label={t('awards.decision.recipients')}>{t('awards.decision.counts', { collectives: d.collectives, individuals: d.individuals })}</Descriptions.Item>
        </Descriptions>
        <Table
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.recipients ?? []}
          columns={[
            { title: t('awards.col.recipient'), key: 'name', render: (_: unknown, r: DecisionRecipient) => (r.organisationId ? <Link to={`/registry/${r.organisationId}?tab=awards`}>{r.recipientName}</Link> : r.recipientName) },
            ...(narrow ? [] : [{ title: t('awards.proposal.position'), dataIndex: 'personPosition', render: (v: string | null) => v ?? '—' }]),
            { title: t('awards.col.cash'), dataIndex: 'cashVnd', align: 'right' as const, render: (v: number) => (v ? vnd(v) : '—') },
            {
              title: t('awards.col.state'),
              key: 'state',
              render: (_: unknown, r: DecisionRecipient) =>
                r.revokedOn ? <Tag color="red">{t('awards.revoked', { date: date(r.revokedOn) })}</Tag> : <Button size="small" danger onClick={() => setRevoking(r)}>{t('awards.revoke.button')}</Button>,
            },
          ]}
        />
      </Card>
      {revoking && <RevokeDialog award={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}
