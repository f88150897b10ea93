import { BankOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Select, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useSearchState } from '../../components/useSearchState.ts';
import { count, date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { agencyName, RECOMMENDATION_STATES, useAgencies, useRecommendations, type RecommendationItem } from './difficultiesApi.ts';
import { DueDate, EmptyText, StateTag, useWord } from './labels.tsx';

const FILTER_KEYS = ['state', 'agencyId', 'overdue'] as const;

/** The recommendations (drafts and letters sent) by state, agency and overdue. */
export default function RecommendationsPage() {
  const t = useT();
  const word = useWord();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { user } = useSession();
  const { state, update } = useSearchState(FILTER_KEYS);
  const list = useRecommendations({ state: state.state, agencyId: state.agencyId, overdue: state.overdue });
  const agencies = useAgencies();
  const items = list.data?.items ?? [];
  const counts = list.data?.counts ?? {};
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('rec.list.title')}</PageTitle>
        <Flex wrap gap={8}>
          <Button icon={<BankOutlined />} onClick={() => navigate('/agencies')}>{t('dif.list.agencies')}</Button>
          {user?.can.manageLetterSettings && <Button icon={<SettingOutlined />} onClick={() => navigate('/recommendations/settings')} data-testid="letter-settings-link">{t('rec.list.settings')}</Button>}
        </Flex>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="recommendation-counts">
        <Button size="small" type={state.state ? 'default' : 'primary'} aria-pressed={!state.state} onClick={() => update({ state: undefined })}>
          {t('common.all')}
        </Button>
        {RECOMMENDATION_STATES.map((s) => (
          <Button key={s} size="small" type={state.state === s ? 'primary' : 'default'} aria-pressed={state.state === s} onClick={() => update({ state: state.state === s ? undefined : s })}>
            {word('recState', s)}{counts[s] === undefined ? '' : ` (${count(counts[s])})`}
          </Button>
        ))}
        <Button size="small" danger={!state.overdue} type={state.overdue ? 'primary' : 'default'} aria-pressed={Boolean(state.overdue)} onClick={() => update({ overdue: state.overdue ? undefined : 'true' })}>
          {t('dif.overdue')}{counts.overdue === undefined ? '' : ` (${count(counts.overdue)})`}
        </Button>
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12} lg={8}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={state.agencyId}
            onChange={(v?: string) => update({ agencyId: v })}
            placeholder={t('dif.agency')}
            aria-label={t('dif.agency')}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.shortName || a.name }))}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
          />
        </Col>
      </Row>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('rec.list.total', { total: count(items.length) })}</Typography.Paragraph>
          <Table<RecommendationItem>
            rowKey="id"
            size={narrow ? 'small' : 'middle'}
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <EmptyText>{t('rec.list.empty')}</EmptyText> }}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, simple: narrow }}
            columns={[
              {
                title: t('rec.subject'),
                key: 'subject',
                render: (_, r) => (
                  <div style={{ minWidth: narrow ? 170 : 240, maxWidth: narrow ? 220 : 420, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                    <Link to={`/recommendations/${r.id}`} data-testid="recommendation-link">{r.subject}</Link>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {[word('category', r.category), agencyName(r.agency)].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('rec.letterNumber'), key: 'letter', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.letterNumber ? `${r.letterNumber} · ${date(r.letterDate)}` : t('common.none')}</span> },
              ...(hasCounts(items) ? [{ title: t('rec.count'), dataIndex: 'difficultyCount', render: (n: number | undefined) => (n === undefined ? t('common.none') : count(n)) }] : []),
              { title: t('dif.dueOn'), key: 'due', render: (_, r) => <DueDate dueOn={r.dueOn} overdue={r.overdue} /> },
              { title: t('dif.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} recommendation /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The count column only when the server sends it. */
const hasCounts = (items: RecommendationItem[]) => items.some((r) => r.difficultyCount !== undefined);
