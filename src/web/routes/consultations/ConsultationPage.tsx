import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, List, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date, dateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { ConsultationActionDialog, type ActionKind } from './ConsultationActionDialog.tsx';
import { useConsultation } from './consultationsApi.ts';
import { STATE_COLORS, useConsultationLabels } from './labels.ts';

/** One request: who asked what, the expert and date, the sessions, the outcome and rating, and what may be done next. */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const narrow = useIsNarrow();
  const labels = useConsultationLabels();
  const consultation = useConsultation(id);
  const [action, setAction] = useState<ActionKind | null>(null);
  if (consultation.isLoading) return <PageLoading />;
  if (consultation.error || !consultation.data) return <PageError error={consultation.error} onRetry={() => void consultation.refetch()} />;
  const c = consultation.data;
  const none = t('common.none');
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Link to="/consultations">
        <ArrowLeftOutlined /> {t('consultations.detail.back')}
      </Link>
      <PageTitle style={{ marginTop: 8 }}>{t('consultations.detail.title', { organisation: c.organisation.name })}</PageTitle>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Tag color={STATE_COLORS[c.state]} data-testid="consultation-state">{labels.state(c.state)}</Tag>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        {c.can.schedule && (
          <Button type={c.state === 'requested' ? 'primary' : 'default'} onClick={() => setAction('schedule')} data-testid="action-schedule">
            {c.state === 'requested' ? t('consultations.action.schedule') : t('consultations.action.reschedule')}
          </Button>
        )}
        {c.can.recordSession && <Button type={c.sessions.length === 0 ? 'primary' : 'default'} onClick={() => setAction('sessions')} data-testid="action-session">{t('consultations.action.session')}</Button>}
        {c.can.complete && <Button type="primary" onClick={() => setAction('complete')} data-testid="action-complete">{t('consultations.action.complete')}</Button>}
        {c.can.cancel && <Button danger onClick={() => setAction('cancel')} data-testid="action-cancel">{t('consultations.action.cancel')}</Button>}
      </Space>
      <Descriptions bordered size="small" column={narrow ? 1 : 2} layout={narrow ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('consultations.organisation')}>
          <Link to={`/registry/${c.organisation.id}`}>{c.organisation.name}</Link>
          {c.organisation.communeName && <Typography.Text type="secondary" style={{ display: 'block' }}>{c.organisation.communeName}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('consultations.topic')}>{labels.topic(c.topic)}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.description')} span={narrow ? 1 : 2}>
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="consultation-description">{c.description}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('consultations.requestedOn')}>{date(c.requestedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.channel')}>{labels.channel(c.channel)}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.detail.requestedBy')}>{c.requestedBy ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.expert')}>
          <span data-testid="consultation-expert">{c.expert ? c.expert.name : none}</span>
          {c.expert && <Typography.Text type="secondary" style={{ display: 'block' }}>{[c.expert.organisation, c.expert.phone, c.expert.email].filter(Boolean).join(' · ')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('consultations.scheduledOn')}>{c.scheduledOn ? date(c.scheduledOn) : none}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.form')}>{c.form ? labels.form(c.form) : none}</Descriptions.Item>
        {c.outcome && (
          <Descriptions.Item label={t('consultations.detail.outcome')} span={narrow ? 1 : 2}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="consultation-outcome">{c.outcome}</span>
          </Descriptions.Item>
        )}
        {c.cancelReason && <Descriptions.Item label={t('consultations.detail.cancelReason')} span={narrow ? 1 : 2}>{c.cancelReason}</Descriptions.Item>}
        {c.state === 'done' && (
          <Descriptions.Item label={t('consultations.rating')} span={narrow ? 1 : 2}>
            {c.rating === null ? (
              t('consultations.detail.notRated')
            ) : (
              <span data-testid="consultation-rating">
                <Rate disabled value={c.rating} /> {t('consultations.ratingValue', { rating: c.rating })}
                {c.ratingComment && <Typography.Paragraph style={{ margin: 0 }}>{t('consultations.detail.ratingComment')}: {c.ratingComment}</Typography.Paragraph>}
              </span>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('consultations.detail.sessions')}</Typography.Title>
      {c.sessions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.detail.noSessions')} />
      ) : (
        <List
          bordered
          dataSource={c.sessions}
          data-testid="consultation-sessions"
          renderItem={(s) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{date(s.heldOn)} · {labels.form(s.form)}{s.expertName ? ` · ${s.expertName}` : ''}</Typography.Text>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s.notes}</Typography.Paragraph>
              </div>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('consultations.detail.history')}</Typography.Title>
      <Timeline
        items={c.history.map((h) => ({ key: `${h.at}-${h.action}`, content: <>{labels.history(h.action)} — {dateTime(h.at)}{h.actorLabel ? ` · ${h.actorLabel}` : ''}</> }))}
      />
      {action && <ConsultationActionDialog consultation={c} kind={action} onClose={() => setAction(null)} />}
    </Card>
  );
}
