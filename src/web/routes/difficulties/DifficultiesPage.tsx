import { FileTextOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Input, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useSearchState } from '../../components/useSearchState.ts';
import { count, date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { CommunePicker } from '../updates/CommunePicker.tsx';
import { STATES, useAgencies, useDifficulties, type DifficultyItem } from './difficultiesApi.ts';
import { GroupDialog } from './GroupDialog.tsx';
import { DueDate, EmptyText, StateTag, useWord, useWordOptions } from './labels.tsx';

const FILTER_KEYS = ['state', 'category', 'agencyId', 'communeCode', 'overdue', 'year', 'q'] as const;

/** A difficulty that may still go into a recommendation (the server says: not grouped, not forwarded, answered or closed). */
const groupable = (item: DifficultyItem) => item.can.group;

/**
 * The queues of difficulties: counts per state, filters (category, agency, commune, overdue, year, search), the
 * table; staff select several and group them into a recommendation draft.
 */
export default function DifficultiesPage() {
  const t = useT();
  const word = useWord();
  const options = useWordOptions();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { user } = useSession();
  const handle = Boolean(user?.can.handleDifficulties);
  const { state, page, pageSize, update } = useSearchState(FILTER_KEYS);
  const list = useDifficulties({ ...state, page, pageSize });
  const agencies = useAgencies(handle);
  const [selected, setSelected] = useState<DifficultyItem[]>([]);
  const [grouping, setGrouping] = useState(false);
  const [search, setSearch] = useState(state.q ?? '');
  const counts: Partial<Record<string, number>> = list.data?.counts ?? {};
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const full = { width: '100%' };

  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('dif.list.title')}</PageTitle>
        {handle && (
          <Flex wrap gap={8}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/difficulties/new')} data-testid="new-difficulties">{t('dif.list.new')}</Button>
            <Button icon={<FileTextOutlined />} onClick={() => navigate('/recommendations')}>{t('dif.list.recommendations')}</Button>
          </Flex>
        )}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="difficulty-counts">
        <Button size="small" type={state.state ? 'default' : 'primary'} aria-pressed={!state.state} onClick={() => update({ state: undefined })}>
          {t('common.all')}
        </Button>
        {STATES.map((s) => (
          <Button key={s} size="small" type={state.state === s ? 'primary' : 'default'} aria-pressed={state.state === s} onClick={() => update({ state: state.state === s ? undefined : s })} data-testid={`count-${s}`}>
            {word('state', s)}{counts[s] === undefined ? '' : ` (${count(counts[s])})`}
          </Button>
        ))}
        <Button size="small" danger={!state.overdue} type={state.overdue ? 'primary' : 'default'} aria-pressed={Boolean(state.overdue)} onClick={() => update({ overdue: state.overdue ? undefined : 'true' })} data-testid="count-overdue">
          {t('dif.overdue')}{counts.overdue === undefined ? '' : ` (${count(counts.overdue)})`}
        </Button>
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12} lg={8}>
          <Input.Search
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            placeholder={t('dif.search')}
            aria-label={t('dif.search')}
            allowClear
            data-testid="filter-q"
          />
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Select allowClear value={state.category} onChange={(v?: string) => update({ category: v })} placeholder={t('dif.category')} aria-label={t('dif.category')} options={options('category')} style={full} popupMatchSelectWidth={false} data-testid="filter-category" />
        </Col>
        {handle && (
          <Col xs={12} md={6} lg={4}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={state.agencyId}
              onChange={(v?: string) => update({ agencyId: v })}
              placeholder={t('dif.agency')}
              aria-label={t('dif.agency')}
              options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.shortName || a.name }))}
              style={full}
              popupMatchSelectWidth={false}
              data-testid="filter-agency"
            />
          </Col>
        )}
        <Col xs={12} md={6} lg={4}>
          <CommunePicker value={state.communeCode} onChange={(communeCode) => update({ communeCode })} placeholder={t('dif.commune')} style={full} />
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Select allowClear value={state.year} onChange={(v?: string) => update({ year: v })} placeholder={t('dif.year')} aria-label={t('dif.year')} options={years.map((y) => ({ value: String(y), label: String(y) }))} style={full} data-testid="filter-year" />
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Checkbox checked={Boolean(state.overdue)} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })} style={{ paddingTop: 5 }}>
            {t('dif.overdueOnly')}
          </Checkbox>
        </Col>
      </Row>
      {handle && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Button icon={<MergeCellsOutlined />} disabled={selected.length === 0} onClick={() => setGrouping(true)} data-testid="group-selected">
            {t('dif.list.group')}{selected.length ? ` (${selected.length})` : ''}
          </Button>
          <Typography.Text type="secondary">{t('dif.list.groupHint')}</Typography.Text>
        </Flex>
      )}
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="difficulty-total">{t('dif.list.total', { total: count(list.data?.total ?? 0) })}</Typography.Paragraph>
          <Table<DifficultyItem>
            rowKey="id"
            size={narrow ? 'small' : 'middle'}
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <EmptyText>{t('dif.list.empty')}</EmptyText> }}
            scroll={{ x: 'max-content' }}
            onRow={(item) => ({ 'data-testid': `difficulty-row-${item.code}` }) as React.HTMLAttributes<HTMLElement>}
            rowSelection={
              handle
                ? {
                    selectedRowKeys: selected.map((d) => d.id),
                    onChange: (_keys, rows) => setSelected(rows),
                    preserveSelectedRowKeys: true,
                    // A select-all box would also sit in the table's hidden measuring row (focusable under aria-hidden).
                    hideSelectAll: true,
                    getCheckboxProps: (item) => ({ disabled: !groupable(item), 'aria-label': `${item.code} ${item.organisation.name}` }),
                  }
                : undefined
            }
            pagination={{ current: page, pageSize, total: list.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, simple: narrow, onChange: (next) => update({ page: next }) }}
            columns={[
              { title: t('dif.code'), dataIndex: 'code', render: (code: string, item) => <Link to={`/difficulties/${item.id}`} style={{ whiteSpace: 'nowrap' }}>{code}</Link> },
              {
                title: t('dif.title'),
                key: 'title',
                render: (_, item) => (
                  <div style={{ minWidth: narrow ? 160 : 220, maxWidth: narrow ? 210 : 380, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                    <Link to={`/difficulties/${item.id}`}>{item.title}</Link>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {narrow ? `${item.organisation.name} · ${word('category', item.category)}` : word('category', item.category)}
                    </Typography.Text>
                  </div>
                ),
              },
              ...(narrow
                ? []
                : [{ title: t('dif.organisation'), key: 'organisation', render: (_: unknown, item: DifficultyItem) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{item.organisation.name}</div> }]),
              { title: t('dif.raisedOn'), dataIndex: 'raisedOn', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{date(d)}</span> },
              { title: t('dif.dueOn'), key: 'dueOn', render: (_, item) => <DueDate dueOn={item.dueOn} overdue={item.overdue} /> },
              { title: t('dif.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
            ]}
          />
        </>
      )}
      {grouping && <GroupDialog difficulties={selected} onClose={() => setGrouping(false)} />}
    </Card>
  );
}
