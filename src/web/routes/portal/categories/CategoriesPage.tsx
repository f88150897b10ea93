import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageError } from '../../../components/PageStatus.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useIsNarrow } from '../../../components/useIsNarrow.ts';
import { useT } from '../../../i18n/index.tsx';
import { useCategories, useCategoryMutations, type Category } from '../articles/articlesApi.ts';
import { CategoryDialog } from './CategoryDialog.tsx';

/** The portal's categories in menu order: create, rename, describe, hide from the menu, move up or down. */
export default function CategoriesPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const categories = useCategories();
  const { update, order, remove } = useCategoryMutations();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = [...(categories.data ?? [])].sort((a, b) => a.menuOrder - b.menuOrder);

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((c) => c.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    setError(null);
    order.mutate(ids, { onError: (e) => setError(e.message) });
  };
  const toggleMenu = (category: Category, inMenu: boolean) => {
    setError(null);
    update.mutate({ id: category.id, inMenu }, { onError: (e) => setError(e.message) });
  };

  if (categories.error) return <PageError error={categories.error} onRetry={() => void categories.refetch()} />;
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('portal.cat.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-category">{t('portal.cat.new')}</Button>
      </Flex>
      <Typography.Paragraph type="secondary">
        {t('portal.cat.intro')} <Link to="/portal/articles?kind=page" style={{ textDecoration: 'underline' }}>{t('portal.cat.pagesLink')}</Link>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Table<Category>
        rowKey="id"
        loading={categories.isLoading || order.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('portal.cat.empty') }}
        columns={[
          {
            title: t('portal.cat.order'),
            render: (_, c, i) => (
              <Flex gap={4}>
                <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('portal.cat.up', { name: c.name })} disabled={i === 0 || order.isPending} onClick={() => move(i, -1)} />
                <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('portal.cat.down', { name: c.name })} disabled={i === items.length - 1 || order.isPending} onClick={() => move(i, 1)} />
              </Flex>
            ),
          },
          {
            title: t('portal.cat.name'),
            render: (_, c) => (
              <div>
                <Typography.Text strong>{c.name}</Typography.Text>
                <div><Typography.Text type="secondary">{c.kind === 'link' ? c.path : `/chuyen-muc/${c.slug}`}</Typography.Text></div>
              </div>
            ),
          },
          { title: t('portal.cat.description'), render: (_, c) => <span style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }}>{c.description ?? ''}</span> },
          {
            title: t('portal.cat.inMenu'),
            render: (_, c) => <Switch checked={c.inMenu} aria-label={t('portal.cat.inMenuOf', { name: c.name })} onChange={(v) => toggleMenu(c, v)} loading={update.isPending && update.variables?.id === c.id} />,
          },
          { title: t('portal.cat.articles'), render: (_, c) => c.articleCount ?? '' },
          {
            title: '',
            render: (_, c) => (
              <Flex gap={4}>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('portal.cat.editOf', { name: c.name })}>{t('common.edit')}</Button>
                {c.articleCount === 0 && (
                  <Popconfirm title={t('portal.cat.deleteConfirm', { name: c.name })} okText={t('portal.cat.delete')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(c.id, { onError: (e) => setError(e.message) })}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('portal.cat.deleteOf', { name: c.name })} />
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]}
        data-testid="categories"
      />
      <CategoryDialog category={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
