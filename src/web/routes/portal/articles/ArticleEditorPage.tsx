import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { PageError, PageLoading } from '../../../components/PageStatus.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useIsNarrow } from '../../../components/useIsNarrow.ts';
import { useT } from '../../../i18n/index.tsx';
import { ArticleActions, articleCan } from './ArticleActions.tsx';
import { ArticleFields, type FieldError } from './ArticleFields.tsx';
import { useArticle, useArticleMutations, vietnamDateTime, type Article, type ArticleAction, type ArticleInput } from './articlesApi.ts';
import { RichTextEditor } from './RichTextEditor.tsx';
import { StateTag } from './StateTag.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import { useSession } from '../../../session/session.ts';
import { portalCan } from '../portalAccess.tsx';

const NOTICES = {
  submit: 'portal.notice.submit',
  publish: 'portal.notice.publish',
  schedule: 'portal.notice.schedule',
  unpublish: 'portal.notice.unpublish',
  'return-to-draft': 'portal.notice.returnToDraft',
} as const;

/** The fields that show their own error under them; any other error shows beside the actions. */
const FORM_FIELDS = ['title', 'summary', 'categoryId', 'tags', 'authorName', 'authorPosition', 'coverImageId'];

const EMPTY: ArticleInput = { title: '', summary: '', bodyHtml: '', categoryId: null, coverImageId: null, tags: [], authorName: null, authorPosition: null };

const inputOf = (a: Article): ArticleInput => ({
  title: a.title,
  summary: a.summary ?? '',
  bodyHtml: a.bodyHtml ?? '',
  categoryId: a.categoryId,
  coverImageId: a.coverImageId,
  tags: a.tags ?? [],
  authorName: a.authorName,
  authorPosition: a.authorPosition,
});

/**
 * One article or fixed page: its fields, the body in the rich-text editor, the editorial actions the server
 * allows, its versions compared. A save carries the version it edits; if someone saved in between (409) the
 * text typed here stays, and the editor chooses to keep theirs or save over it.
 */
export default function ArticleEditorPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { user } = useSession();
  const article = useArticle(id);
  const { create, save, act } = useArticleMutations(id);
  const [draft, setDraft] = useState<ArticleInput>(EMPTY);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<FieldError>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kind = article.data?.kind ?? (params.get('kind') === 'page' ? 'page' : 'news');
  const current = article.data ?? null;

  // The server's article fills the form when it arrives, and after each save or step, unless the user is typing.
  useEffect(() => {
    if (current && !dirty && current.version !== loadedVersion) {
      setDraft(inputOf(current));
      setLoadedVersion(current.version);
    }
  }, [current, dirty, loadedVersion]);

  if (id && article.isLoading) return <PageLoading />;
  if (id && article.error) return <PageError error={article.error} onRetry={() => void article.refetch()} />;

  const can = articleCan(current, portalCan(user, 'writeArticles'), portalCan(user, 'publishArticles'));
  const readOnly = Boolean(current) && !can.edit;
  const change = (changes: Partial<ArticleInput>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setDirty(true);
    setNotice(null);
  };
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      setStale(true);
      setError(null);
    } else {
      setError({ field: e instanceof ApiError ? e.field : undefined, message: e instanceof Error ? e.message : String(e) });
    }
  };
  const settled = (saved: Article, message: string) => {
    setDirty(false);
    setStale(false);
    setError(null);
    setDraft(inputOf(saved));
    setLoadedVersion(saved.version);
    setNotice(message);
  };

  /** Saves what is typed (a new version); answers the saved article, or null when it failed. */
  const saveDraft = async (version = loadedVersion): Promise<Article | null> => {
    try {
      if (!id) {
        const created = await create.mutateAsync({ ...draft, kind });
        setDirty(false);
        navigate(`/portal/articles/${created.id}`, { replace: true });
        return created;
      }
      const saved = await save.mutateAsync({ ...draft, version: version ?? 1 });
      settled(saved, t('portal.notice.saved', { n: saved.version }));
      return saved;
    } catch (e) {
      fail(e);
      return null;
    }
  };
  const runAction = async (action: ArticleAction, publishAt?: string) => {
    let version = loadedVersion ?? 1;
    if (dirty) {
      const saved = await saveDraft();
      if (!saved) return;
      version = saved.version;
    }
    try {
      const done = await act.mutateAsync({ action, version, publishAt });
      settled(done, t(NOTICES[done.state === 'scheduled' ? 'schedule' : action], { at: vietnamDateTime(done.publishAt) }));
    } catch (e) {
      fail(e);
    }
  };
  /** After a 409: keep the other person's version (drop what was typed here), or save this text over it. */
  const takeTheirs = async () => {
    const fresh = await article.refetch();
    if (fresh.data) settled(fresh.data, t('portal.notice.reloaded'));
  };
  const saveOver = async () => {
    const fresh = await article.refetch();
    if (fresh.data) await saveDraft(fresh.data.version);
  };

  const busy = create.isPending || save.isPending || act.isPending;
  const content = (
    <Flex vertical gap={16}>
      <ArticleFields value={draft} onChange={change} error={error} kind={kind} />
      <div>
        <Typography.Text strong>{t('portal.field.body')}</Typography.Text>
        <RichTextEditor html={draft.bodyHtml} editable={!readOnly} onChange={(bodyHtml) => change({ bodyHtml })} />
      </div>
    </Flex>
  );

  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Link to={kind === 'page' ? '/portal/articles?kind=page' : '/portal/articles'}>
        <ArrowLeftOutlined /> {t('portal.editor.back')}
      </Link>
      <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
        <PageTitle style={{ marginBottom: 0 }}>{current ? current.title : t(kind === 'page' ? 'portal.editor.newPage' : 'portal.editor.new')}</PageTitle>
        {current && <StateTag state={current.state} testId="article-state" />}
      </Flex>
      {current && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }} data-testid="article-meta">
          {t('portal.editor.meta', { n: current.version, at: vietnamDateTime(current.updatedAt) })}
          {current.state === 'scheduled' && ` · ${t('portal.editor.scheduledAt', { at: vietnamDateTime(current.publishAt) })}`}
          {current.state === 'published' && current.publishedAt && ` · ${t('portal.editor.publishedAt', { at: vietnamDateTime(current.publishedAt) })}`}
        </Typography.Paragraph>
      )}
      <div style={{ margin: '12px 0' }}>
        <ArticleActions article={current} dirty={dirty || !id} busy={busy} onSave={() => void saveDraft()} onAction={(a, at) => void runAction(a, at)} />
      </div>
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('portal.editor.stale')}
          description={
            <Flex wrap gap={8} style={{ marginTop: 8 }}>
              <Button onClick={() => void saveOver()} data-testid="save-over">{t('portal.editor.saveOver')}</Button>
              <Button onClick={() => void takeTheirs()} data-testid="take-theirs">{t('portal.editor.takeTheirs')}</Button>
            </Flex>
          }
          data-testid="stale-version"
        />
      )}
      {error && !FORM_FIELDS.includes(error.field ?? '') && <Alert type="error" showIcon role="alert" title={error.message} style={{ marginBottom: 12 }} data-testid="article-error" />}
      {notice && <Alert type="success" showIcon title={notice} style={{ marginBottom: 12 }} data-testid="article-notice" />}
      {readOnly && <Alert type="info" showIcon title={t('portal.editor.readOnly')} style={{ marginBottom: 12 }} />}
      {id ? (
        <Tabs
          items={[
            { key: 'content', label: t('portal.editor.content'), children: <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>{content}</fieldset> },
            { key: 'versions', label: t('portal.editor.versions'), children: <VersionsPanel articleId={id} /> },
          ]}
        />
      ) : (
        content
      )}
    </Card>
  );
}
