import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tabs } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, withQuery } from '../../../api/client.ts';
import { PageError } from '../../../components/PageStatus.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useIsNarrow } from '../../../components/useIsNarrow.ts';
import { useSearchState } from '../../../components/useSearchState.ts';
import { count } from '../../../format.ts';
import { useT } from '../../../i18n/index.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { ARTICLE_STATES, useArticles, useCategories, vietnamDateTime, type ArticleItem, type ArticleList } from './articlesApi.ts';
import { StateTag } from './StateTag.tsx';

const FILTER_KEYS = ['state', 'kind', 'categoryId', 'q'] as const;
const PAGES = 'pages';

/** The number of articles in each state: the list's own counts, else one light count per state. */
function useCounts(kind: string, categoryId: string | undefined, q: string | undefined, listCounts: ArticleList['counts'] | undefined, ready: boolean) {
  const fallback = useQueries({
    queries: ARTICLE_STATES.map((state) => ({
      queryKey: ['portal', 'articles', 'count', kind, state, categoryId, q],
      enabled: ready && !listCounts,
      queryFn: () => api.get<ArticleList>(withQuery('/api/portal/articles', { kind, state, categoryId, q, page: 1, pageSize: 1 })),
    })),
  });
  return (state: string): number | undefined => listCounts?.[state as keyof typeof listCounts] ?? fallback[ARTICLE_STATES.indexOf(state as never)]?.data?.total;
}

/** Articles by state (with counts), searched and filtered by category; fixed pages in their own tab. */
export default function ArticlesPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { state, page, pageSize, update } = useSearchState(FILTER_KEYS);
  const kind = state.kind === 'page' ? 'page' : 'news';
  const tab = kind === 'page' ? PAGES : (state.state ?? 'all');
  const list = useArticles({ kind, state: kind === 'page' ? undefined : state.state, categoryId: state.categoryId, q: state.q, page, pageSize });
  const categories = useCategories();
  const [search, setSearch] = useState(state.q ?? '');
  const countOf = useCounts(kind, state.categoryId, state.q, list.data?.counts, Boolean(list.data) && kind === 'news');
  const categoryName = (item: ArticleItem) => item.categoryName ?? categories.data?.find((c) => c.id === item.categoryId)?.name ?? '';
  const label = (key: MessageKey, n: number | undefined) => (n === undefined ? t(key) : `${t(key)} (${count(n)})`);

  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('portal.list.title')}</PageTitle>
        <Flex wrap gap={8}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/portal/articles/new')} data-testid="new-article">{t('portal.list.new')}</Button>
          <Button icon={<PlusOutlined />} onClick={() => navigate('/portal/articles/new?kind=page')} data-testid="new-page">{t('portal.list.newPage')}</Button>
        </Flex>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => update(key === PAGES ? { kind: 'page', state: undefined, categoryId: undefined } : { kind: undefined, state: key === 'all' ? undefined : key })}
        items={[
          { key: 'all', label: t('common.all') },
          ...ARTICLE_STATES.map((s) => ({ key: s, label: label(`portal.state.${s}` as MessageKey, countOf(s)) })),
          { key: PAGES, label: t('portal.list.pages') },
        ]}
        data-testid="article-tabs"
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('portal.list.search')}
          placeholder={t('portal.list.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => update({ q: q.trim() })}
          allowClear
          style={{ width: narrow ? '100%' : 320 }}
          data-testid="article-search"
        />
        {kind === 'news' && (
          <Select
            aria-label={t('portal.field.category')}
            allowClear
            placeholder={t('portal.list.allCategories')}
            value={state.categoryId}
            onChange={(categoryId?: string) => update({ categoryId })}
            options={(categories.data ?? []).filter((c) => c.kind === 'news').map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: narrow ? '100%' : 280 }}
          />
        )}
      </Flex>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ArticleItem>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('portal.list.empty') }}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => update({ page: p }) }}
          columns={[
            { title: t('portal.field.title'), render: (_, a) => <Link to={`/portal/articles/${a.id}`}>{a.title}</Link> },
            ...(kind === 'news' ? [{ title: t('portal.field.category'), render: (_: unknown, a: ArticleItem) => categoryName(a) }] : []),
            { title: t('portal.version.state'), render: (_, a) => <StateTag state={a.state} /> },
            { title: t('portal.field.authorName'), render: (_, a) => a.authorName ?? '' },
            {
              title: t('portal.list.when'),
              render: (_, a) =>
                a.state === 'scheduled' ? t('portal.editor.scheduledAt', { at: vietnamDateTime(a.publishAt) }) : a.state === 'published' ? vietnamDateTime(a.publishedAt) : vietnamDateTime(a.updatedAt),
            },
          ]}
          data-testid="articles"
        />
      )}
    </Card>
  );
}
