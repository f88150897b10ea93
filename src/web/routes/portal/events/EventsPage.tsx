import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageError } from '../../../components/PageStatus.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useIsNarrow } from '../../../components/useIsNarrow.ts';
import { date } from '../../../format.ts';
import { useT } from '../../../i18n/index.tsx';
import { EVENT_KINDS, useEvents, useLibraryMutations, type EventInput, type PortalEvent } from '../libraryApi.ts';
import { EventDialog } from './EventDialog.tsx';

/** The portal's events: latest first, found by name without accents; add, edit, delete. */
export default function EventsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<{ q?: string; kind?: string; page: number }>({ page: 1 });
  const events = useEvents(query);
  const { remove } = useLibraryMutations<EventInput>('events');
  const [editing, setEditing] = useState<PortalEvent | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (events.error) return <PageError error={events.error} onRetry={() => void events.refetch()} />;
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('library.events.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-event">{t('library.events.new')}</Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('library.events.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('library.events.search')} placeholder={t('library.events.search')} allowClear value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(q) => setQuery((s) => ({ ...s, q: q.trim() || undefined, page: 1 }))} style={{ flex: '1 1 260px' }} data-testid="event-search" />
        <Select aria-label={t('library.events.kind')} value={query.kind ?? ''} onChange={(kind) => setQuery((s) => ({ ...s, kind: kind || undefined, page: 1 }))} style={{ minWidth: 180 }} options={[{ value: '', label: t('library.allKinds') }, ...EVENT_KINDS.map((k) => ({ value: k, label: t(`library.eventKind.${k}`) }))]} />
      </Flex>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Table<PortalEvent>
        rowKey="id"
        loading={events.isLoading}
        dataSource={events.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('library.events.empty') }}
        pagination={{ current: query.page, pageSize: 20, total: events.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setQuery((s) => ({ ...s, page })) }}
        columns={[
          { title: t('library.events.name'), dataIndex: 'title', render: (title: string, e) => <div style={{ minWidth: 220, maxWidth: 420, whiteSpace: 'normal' }}><Typography.Text strong>{title}</Typography.Text><br /><Typography.Text type="secondary">{t(`library.eventKind.${e.kind}`)}</Typography.Text></div> },
          { title: t('library.events.when'), key: 'when', render: (_, e) => (e.endsOn === e.startsOn ? date(e.startsOn) : `${date(e.startsOn)} – ${date(e.endsOn)}`) },
          { title: t('library.events.place'), key: 'place', render: (_, e) => [e.place, e.online ? t('library.events.online') : null].filter(Boolean).join(' · ') },
          { title: '', key: 'state', render: (_, e) => <Flex gap={4} wrap>{e.upcoming ? <Tag color="blue">{t('library.events.upcoming')}</Tag> : <Tag>{t('library.events.past')}</Tag>}{e.published ? <Tag color="green">{t('library.published')}</Tag> : <Tag>{t('library.hidden')}</Tag>}</Flex> },
          {
            title: '',
            key: 'actions',
            render: (_, e) => (
              <Flex gap={4}>
                <Button size="small" icon={<EditOutlined />} aria-label={`${t('library.edit')} ${e.title}`} onClick={() => setEditing(e)} />
                <Popconfirm title={t('library.deleteConfirm', { name: e.title })} okText={t('library.delete')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(e.id, { onError: (err) => setError(err.message) })}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('library.delete')} ${e.title}`} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <EventDialog event={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
