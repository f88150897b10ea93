import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, InputNumber, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageError } from '../../../components/PageStatus.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useIsNarrow } from '../../../components/useIsNarrow.ts';
import { date } from '../../../format.ts';
import { useT } from '../../../i18n/index.tsx';
import { DOCUMENT_KINDS, useDocuments, useLibraryMutations, type DocumentInput, type LegalDocument } from '../libraryApi.ts';
import { DocumentDialog } from './DocumentDialog.tsx';

/** The legal documents library: find by number or words without accents, filter by kind and year; add, edit, delete. */
export default function DocumentsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<{ q?: string; kind?: string; year?: number; page: number }>({ page: 1 });
  const documents = useDocuments(query);
  const { remove } = useLibraryMutations<DocumentInput>('documents');
  const [editing, setEditing] = useState<LegalDocument | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (documents.error) return <PageError error={documents.error} onRetry={() => void documents.refetch()} />;
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('library.docs.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-document">{t('library.docs.new')}</Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('library.docs.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('library.docs.search')}
          placeholder={t('library.docs.search')}
          allowClear
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(q) => setQuery((s) => ({ ...s, q: q.trim() || undefined, page: 1 }))}
          style={{ flex: '1 1 260px' }}
          data-testid="document-search"
        />
        <Select aria-label={t('library.docs.kind')} value={query.kind ?? ''} onChange={(kind) => setQuery((s) => ({ ...s, kind: kind || undefined, page: 1 }))} style={{ minWidth: 160 }} options={[{ value: '', label: t('library.allKinds') }, ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`library.docKind.${k}`) }))]} />
        <InputNumber aria-label={t('library.docs.year')} placeholder={t('library.docs.year')} min={1900} max={9999} value={query.year ?? null} onChange={(year) => setQuery((s) => ({ ...s, year: typeof year === 'number' && year >= 1900 ? year : undefined, page: 1 }))} style={{ width: 140 }} />
      </Flex>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Table<LegalDocument>
        rowKey="id"
        loading={documents.isLoading}
        dataSource={documents.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('library.docs.empty') }}
        pagination={{ current: query.page, pageSize: 20, total: documents.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setQuery((s) => ({ ...s, page })) }}
        columns={[
          { title: t('library.docs.number'), dataIndex: 'numberSymbol', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          { title: t('library.docs.kind'), dataIndex: 'kind', render: (k: LegalDocument['kind']) => t(`library.docKind.${k}`) },
          { title: t('library.docs.titleField'), dataIndex: 'title', render: (title: string, d) => <div style={{ minWidth: 220, maxWidth: 480, whiteSpace: 'normal' }}>{title}<br /><Typography.Text type="secondary">{d.issuer}</Typography.Text></div> },
          { title: t('library.docs.issuedOn'), dataIndex: 'issuedOn', render: (d: string) => date(d) },
          { title: t('library.published'), dataIndex: 'published', render: (p: boolean) => (p ? <Tag color="green">{t('library.published')}</Tag> : <Tag>{t('library.hidden')}</Tag>) },
          {
            title: '',
            key: 'actions',
            render: (_, d) => (
              <Flex gap={4}>
                <Button size="small" icon={<EditOutlined />} aria-label={`${t('library.edit')} ${d.numberSymbol}`} onClick={() => setEditing(d)} />
                <Popconfirm title={t('library.deleteConfirm', { name: d.numberSymbol })} okText={t('library.delete')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(d.id, { onError: (e) => setError(e.message) })}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('library.delete')} ${d.numberSymbol}`} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <DocumentDialog document={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
