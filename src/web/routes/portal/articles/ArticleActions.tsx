import { CheckOutlined, ClockCircleOutlined, EyeOutlined, RollbackOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useSession } from '../../../session/session.ts';
import { portalCan } from '../portalAccess.tsx';
import { publicPath, vietnamDateTime, vietnamInstant, type Article, type ArticleAction, type ArticleCan } from './articlesApi.ts';

/**
 * What this user may do with the article: the server's `can` when it sends one, else the capabilities of
 * /api/auth/me by the article's state (decision 009: writers draft and submit, editors publish).
 */
export function articleCan(article: Article | null, write: boolean, publish: boolean): Required<ArticleCan> {
  if (!article) return { edit: write, submit: write, publish: false, schedule: false, unpublish: false, returnToDraft: false };
  const s = article.state;
  const fallback = {
    edit: s === 'published' || s === 'scheduled' ? publish : write,
    submit: write && (s === 'draft' || s === 'unpublished'),
    publish: publish && s !== 'published',
    schedule: publish && s !== 'published',
    unpublish: publish && (s === 'published' || s === 'scheduled'),
    returnToDraft: (write || publish) && (s === 'in_review' || s === 'unpublished' || (publish && s === 'scheduled')),
  };
  const can = article.can ?? {};
  return {
    edit: can.edit ?? fallback.edit,
    submit: can.submit ?? fallback.submit,
    publish: can.publish ?? fallback.publish,
    schedule: can.schedule ?? can.publish ?? fallback.schedule,
    unpublish: can.unpublish ?? fallback.unpublish,
    returnToDraft: can.returnToDraft ?? fallback.returnToDraft,
  };
}

/** Today in Vietnam plus an hour, as the schedule dialog's first value ("2026-12-02", "15:30"). */
function inAnHour(): { day: string; time: string } {
  const iso = new Date(Date.now() + 3600_000 + 7 * 3600_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The editor's actions, each offered only when the server allows it; a pending change is saved first. */
export function ArticleActions({ article, dirty, busy, onSave, onAction }: {
  article: Article | null;
  dirty: boolean;
  busy: boolean;
  onSave: () => void;
  onAction: (action: ArticleAction, publishAt?: string) => void;
}) {
  const t = useT();
  const { user } = useSession();
  const can = articleCan(article, portalCan(user, 'writeArticles'), portalCan(user, 'publishArticles'));
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState(inAnHour);
  const [whenError, setWhenError] = useState<string | null>(null);

  const schedule = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(when.day) || !/^\d{2}:\d{2}$/.test(when.time)) return setWhenError(t('portal.schedule.invalid'));
    const at = vietnamInstant(`${when.day}T${when.time}`);
    if (new Date(at).getTime() <= Date.now()) return setWhenError(t('portal.schedule.past'));
    setScheduling(false);
    onAction('publish', at);
  };
  const published = article?.state === 'published';

  return (
    <Flex wrap gap={8} align="center" data-testid="article-actions">
      {can.edit && (
        <Button type={dirty ? 'primary' : 'default'} icon={<SaveOutlined />} onClick={onSave} loading={busy} disabled={!dirty && Boolean(article)} data-testid="save-article">
          {article ? t('portal.action.save') : t('portal.action.create')}
        </Button>
      )}
      {article && can.submit && (
        <Button icon={<SendOutlined />} onClick={() => onAction('submit')} disabled={busy} data-testid="submit-article">{t('portal.action.submit')}</Button>
      )}
      {article && can.publish && (
        <Popconfirm title={t('portal.action.publishConfirm')} okText={t('portal.action.publish')} cancelText={t('common.cancel')} onConfirm={() => onAction('publish')}>
          <Button type="primary" icon={<CheckOutlined />} disabled={busy} data-testid="publish-article">{t('portal.action.publish')}</Button>
        </Popconfirm>
      )}
      {article && can.schedule && (
        <Button icon={<ClockCircleOutlined />} onClick={() => { setWhen(inAnHour()); setWhenError(null); setScheduling(true); }} disabled={busy} data-testid="schedule-article">
          {t('portal.action.schedule')}
        </Button>
      )}
      {article && can.unpublish && (
        <Popconfirm title={t('portal.action.unpublishConfirm')} okText={t('portal.action.unpublish')} cancelText={t('common.cancel')} onConfirm={() => onAction('unpublish')}>
          <Button danger icon={<StopOutlined />} disabled={busy} data-testid="unpublish-article">{t('portal.action.unpublish')}</Button>
        </Popconfirm>
      )}
      {article && can.returnToDraft && (
        <Button icon={<RollbackOutlined />} onClick={() => onAction('return-to-draft')} disabled={busy} data-testid="return-article">{t('portal.action.returnToDraft')}</Button>
      )}
      {article && published && (
        <a href={publicPath(article)} target="_blank" rel="noopener" data-testid="public-link">
          <EyeOutlined /> {t('portal.action.view')}
        </a>
      )}
      {dirty && article && <Typography.Text type="secondary">{t('portal.editor.unsaved')}</Typography.Text>}
      <Modal open={scheduling} title={t('portal.schedule.title')} onCancel={() => setScheduling(false)} onOk={schedule} okText={t('portal.action.schedule')} cancelText={t('common.cancel')} destroyOnHidden>
        <Typography.Paragraph>{t('portal.schedule.hint')}</Typography.Paragraph>
        <Flex wrap gap={12}>
          <label>
            {t('portal.schedule.day')}
            <Input type="date" value={when.day} onChange={(e) => setWhen({ ...when, day: e.target.value })} data-testid="schedule-day" />
          </label>
          <label>
            {t('portal.schedule.time')}
            <Input type="time" value={when.time} onChange={(e) => setWhen({ ...when, time: e.target.value })} data-testid="schedule-time" />
          </label>
        </Flex>
        {whenError && <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 8 }}>{whenError}</Typography.Paragraph>}
        {article?.state === 'scheduled' && <Typography.Paragraph>{t('portal.schedule.current', { at: vietnamDateTime(article.publishAt) })}</Typography.Paragraph>}
      </Modal>
    </Flex>
  );
}
