import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, List, Popconfirm, Tag, Typography, Upload } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { useProposal, useProposalAction, useUploadDossier } from './awardsApi.ts';
import { ReviewForm } from './ReviewForm.tsx';

const PURPOSES = ['submission_letter', 'council_minutes', 'achievement_report'] as const;

/** One proposal: the recipient, the dossier (upload), submit (with its warnings), the council's review, withdraw. */
export default function ProposalPage() {
  const { id = '' } = useParams();
  const t = useT();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const proposal = useProposal(id);
  const action = useProposalAction();
  const upload = useUploadDossier();
  if (proposal.isLoading) return <PageLoading />;
  if (proposal.error || !proposal.data) return <PageError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const p = proposal.data;
  const act = (name: 'submit' | 'withdraw') =>
    action.mutate({ id, action: name }, { onSuccess: () => void message.success(t(name === 'submit' ? 'awards.proposal.submitted' : 'awards.proposal.withdrawn')), onError: (e) => void message.error(e.message) });
  return (
    <div>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/awards/proposals')} style={{ paddingInline: 0 }}>{t('common.back')}</Button>
      <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <PageTitle style={{ overflowWrap: 'anywhere' }}>{p.recipientName}</PageTitle>
          <Tag data-testid="proposal-state">{p.stateLabel}</Tag>
        </Flex>
        <Descriptions column={narrow ? 1 : 2} size="small" bordered>
          <Descriptions.Item label={t('awards.col.kind')}>{p.awardKindName}</Descriptions.Item>
          <Descriptions.Item label={t('awards.col.year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label={t('awards.recipientKind')}>{p.recipientKindLabel}</Descriptions.Item>
          <Descriptions.Item label={t('awards.proposal.unit')}>{p.organisationId ? <Link to={`/registry/${p.organisationId}`}>{p.organisationName}</Link> : '—'}</Descriptions.Item>
          {p.personPosition && <Descriptions.Item label={t('awards.proposal.position')}>{p.personPosition}</Descriptions.Item>}
          <Descriptions.Item label={t('awards.proposal.achievements')} span={2}>{p.achievements || '—'}</Descriptions.Item>
        </Descriptions>
        {p.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('awards.warnings.title')}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{p.warnings.map((w) => <li key={w.code}>{w.message}</li>)}</ul>}
            data-testid="proposal-warnings"
          />
        )}
        {p.state !== 'draft' && p.state !== 'withdrawn' && p.warnings.length === 0 && <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('awards.warnings.none')} />}

        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 20 }}>{t('awards.dossier.title')}</Typography.Title>
        <List
          size="small"
          dataSource={[...PURPOSES]}
          renderItem={(purpose) => {
            const files = p.files.filter((f) => f.purpose === purpose);
            return (
              <List.Item
                actions={
                  p.state === 'draft' || p.state === 'submitted'
                    ? [
                        <Upload
                          key="upload"
                          showUploadList={false}
                          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
                          customRequest={({ file }) =>
                            upload.mutate({ id, purpose, file: file as File }, { onSuccess: () => void message.success(t('awards.dossier.uploaded')), onError: (e) => void message.error(e.message) })
                          }
                        >
                          <Button size="small" icon={<UploadOutlined />} aria-label={`${t('awards.dossier.upload')}: ${t(`awards.purpose.${purpose}` as MessageKey)}`}>{t('awards.dossier.upload')}</Button>
                        </Upload>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={t(`awards.purpose.${purpose}` as MessageKey)}
                  description={files.length ? files.map((f) => <div key={f.id}><a href={`/api/award-proposals/${p.id}/files/${f.id}`}>{f.fileName}</a></div>) : t('awards.dossier.missing')}
                />
              </List.Item>
            );
          }}
        />

        <Flex wrap gap={8} style={{ marginTop: 16 }}>
          {p.can.submit && <Button type="primary" onClick={() => act('submit')} loading={action.isPending} data-testid="submit-proposal">{t('awards.proposal.submit')}</Button>}
          {p.can.decide && <Button type="primary" onClick={() => navigate(`/awards/decisions?proposal=${p.id}`)} data-testid="decide-proposal">{t('awards.proposal.decide')}</Button>}
          {p.decisionId && <Link to={`/awards/decisions/${p.decisionId}`}>{t('awards.proposal.openDecision')}</Link>}
          {p.can.withdraw && (
            <Popconfirm title={t('awards.proposal.withdrawConfirm')} okText={t('awards.proposal.withdraw')} cancelText={t('common.cancel')} onConfirm={() => act('withdraw')}>
              <Button danger>{t('awards.proposal.withdraw')}</Button>
            </Popconfirm>
          )}
        </Flex>

        {(p.state === 'reviewed' || p.state === 'decided') && p.councilResult && (
          <Descriptions title={t('awards.review.title')} column={1} size="small" bordered style={{ marginTop: 20 }}>
            <Descriptions.Item label={t('awards.review.date')}>{date(p.councilMetOn)}</Descriptions.Item>
            <Descriptions.Item label={t('awards.review.members')}>{p.councilMembers}</Descriptions.Item>
            <Descriptions.Item label={t('awards.review.votes')}>{t('awards.review.votesText', { for: p.votesFor ?? 0, against: p.votesAgainst ?? 0, abstain: p.votesAbstain ?? 0 })}</Descriptions.Item>
            <Descriptions.Item label={t('awards.review.result')}>{p.councilResultLabel}</Descriptions.Item>
            {p.councilNote && <Descriptions.Item label={t('awards.review.note')}>{p.councilNote}</Descriptions.Item>}
          </Descriptions>
        )}
        {p.can.review && (
          <>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 20 }}>{t('awards.review.title')}</Typography.Title>
            <ReviewForm proposalId={p.id} />
          </>
        )}
      </Card>
    </div>
  );
}
